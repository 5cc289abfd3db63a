"""The same data set in every source: generated events loaded into PostgreSQL, MariaDB and ClickHouse
servers started on loopback, each through a non-canonical schema (other table and column names,
credits as integer micro-credits, timestamps as the database keeps them) read through a column
mapping; PostgreSQL again through ODBC; and the CSV file read directly. The same reports must give
identical numbers in every one of them as in the embedded SQLite store. One workspace id is full of
quotes, semicolons and comment markers, and so are filter values: they must change nothing and leak
nothing."""
import csv
import json
import os
import tempfile
import unittest

from clickhouse_server import ClickHouseServer
from sql_servers import MariaDBServer, PostgresServer, odbc_source, sql_text
from support import generate, run
from usage_log import CH_TABLE, COLUMNS, PG_COLUMNS, RENAMED, mapping, micro

AS_OF = "2026-11-21"
HOSTILE = "ws'8\"; DROP TABLE usage_log; -- /*"
USER, PASSWORD = "reporter", "pw'x\"y z"  # MariaDB's connection string cannot hold a ';' 


def to_lua(value):
    """A mapping (dicts of strings) as a Lua table constructor."""
    if isinstance(value, dict):
        return "{ " + ", ".join(f"[{json.dumps(k)}] = {to_lua(v)}" for k, v in value.items()) + " }"
    return json.dumps(value)  # a JSON string literal is a valid Lua one for these ASCII values


class ConnectorsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._dir = tempfile.TemporaryDirectory(prefix="creditlens-e2e-")
        cls.dir = cls._dir.name
        events_csv, accounts_json = generate(cls.dir, 6000, seed=3)
        cls.rows = cls.rename_workspace(events_csv, accounts_json)
        cls.store = os.path.join(cls.dir, "store.db")
        run("ingest", events_csv, "--accounts", accounts_json, "--store", cls.store)
        cls.password_file = cls.write("password", PASSWORD + "\n")
        cls.settings = cls.write("settings.json", json.dumps({"password_file": "password"}))
        cls.servers = [PostgresServer(users={USER: PASSWORD}), MariaDBServer(users={USER: PASSWORD}),
                       ClickHouseServer(users={USER: PASSWORD})]
        try:
            cls.pg, cls.maria, cls.ch = [server.__enter__() for server in cls.servers]
        except BaseException:
            cls.tearDownClass()
            raise
        cls.sources = {"files": (f"files:{events_csv}?accounts={accounts_json}", None, {})}
        cls.sources["postgresql"] = (cls.pg.uri(USER), cls.load_postgresql(), {})
        odbc_uri, odbc_env = odbc_source(cls.dir, cls.pg, USER)
        cls.sources["odbc"] = (odbc_uri, cls.sources["postgresql"][1], odbc_env)
        cls.sources["mysql"] = (cls.maria.uri(USER, "billing"), cls.load_mariadb(), {})
        cls.sources["clickhouse"] = (cls.ch.uri(USER), cls.load_clickhouse(), {})

    @classmethod
    def tearDownClass(cls):
        for server in getattr(cls, "servers", []):
            try:
                server.__exit__(None, None, None)
            except Exception:  # a server that never started has nothing to stop
                pass
        cls._dir.cleanup()

    @classmethod
    def write(cls, name, text):
        path = os.path.join(cls.dir, name)
        with open(path, "w") as f:
            f.write(text)
        return path

    @classmethod
    def rename_workspace(cls, events_csv, accounts_json):
        """ws008 becomes HOSTILE, in the events and the accounts alike."""
        with open(events_csv, newline="") as f:
            rows = list(csv.DictReader(f))
        for row in rows:
            if row["workspace_id"] == "ws008":
                row["workspace_id"] = HOSTILE
        with open(events_csv, "w", newline="") as f:
            out = csv.DictWriter(f, COLUMNS)
            out.writeheader()
            out.writerows(rows)
        with open(accounts_json) as f:
            accounts = json.load(f)
        for w in accounts["workspaces"]:
            if w["id"] == "ws008":
                w["id"] = HOSTILE
        with open(accounts_json, "w") as f:
            json.dump(accounts, f)
        return rows

    @classmethod
    def values(cls, row, ts):
        out = []
        for field in COLUMNS:
            value = row[field]
            if field == "credits":
                value = micro(value)
            elif field == "ts":
                value = ts(value)
            elif field in ("quantity", "data_bytes") or value == "":
                value = value or None
            out.append(value)
        return out

    @classmethod
    def load_sql(cls, server, create, ts, database=None):
        server.execute(create, database) if database else server.execute(create)
        for start in range(0, len(cls.rows), 500):
            batch = ",".join("(" + ",".join(sql_text(v) for v in cls.values(r, ts)) + ")"
                             for r in cls.rows[start:start + 500])
            insert = f"INSERT INTO usage_log ({','.join(RENAMED[c] for c in COLUMNS)}) VALUES {batch}"
            server.execute(insert, database) if database else server.execute(insert)

    @classmethod
    def load_postgresql(cls):
        cls.load_sql(cls.pg, f"CREATE TABLE usage_log ({PG_COLUMNS}, PRIMARY KEY (event_uuid));"
                     " GRANT SELECT ON usage_log TO reporter;", lambda ts: ts)
        return cls.write("pg.json", json.dumps(mapping("amount_micro / 1000000.0")))

    @classmethod
    def load_mariadb(cls):
        cls.maria.execute("CREATE DATABASE billing")
        cls.load_sql(cls.maria, """CREATE TABLE usage_log (event_uuid varchar(64) PRIMARY KEY,
            created_at datetime(3) NOT NULL, org_id varchar(200) NOT NULL, kind varchar(64) NOT NULL,
            feature_name varchar(64) NOT NULL, amount_micro bigint NOT NULL, qty decimal(20,6), unit_name text,
            folder_path text, key_name text, member text, workflow text, run text, step text, bytes bigint)""",
                     lambda ts: ts.replace("T", " ").rstrip("Z"), database="billing")
        # In Lua, as a mapping may also be written: the same table, made by cl.mapping.
        lua = to_lua(mapping("CAST(amount_micro AS DECIMAL(20,6)) / 1000000"))
        return cls.write("mysql.lua", 'local cl = require "creditlens"\nreturn cl.mapping ' + lua + "\n")

    @classmethod
    def load_clickhouse(cls):
        cls.ch.query(CH_TABLE)

        def epoch_ms(ts):
            from datetime import datetime
            return int(datetime.fromisoformat(ts.replace("Z", "+00:00")).timestamp() * 1000 + 0.5)

        cls.ch.insert("usage_log", [["" if v is None and c not in ("quantity", "data_bytes") else v
                                     for c, v in zip(COLUMNS, cls.values(r, epoch_ms))] for r in cls.rows])
        return cls.write("clickhouse.json", json.dumps(mapping("amount_micro / 1000000", ts="created_ms",
                                                               ts_type="epoch_ms")))

    def report(self, name, source=None, *args):
        if source is None:
            return self.numbers(run("report", name, "--store", self.store, "--as-of", AS_OF, "--format", "json",
                                    *args).stdout)
        uri, mapping_file, env = self.sources[source]
        extra = ["--mapping", mapping_file, "--source-settings", self.settings] if mapping_file else []
        os.environ.update(env)
        try:
            result = run("report", name, "--source", uri, *extra, "--as-of", AS_OF, "--format", "json", *args)
        finally:
            for key in env:
                os.environ.pop(key)
        return self.numbers(result.stdout)

    @staticmethod
    def numbers(text):
        report = json.loads(text)
        return {key: report[key] for key in ("kpis", "datasets", "tables")}

    def test_every_source_gives_the_stores_numbers(self):
        cases = [("dashboard", []), ("dashboard", ["--workspace", "ws001"]),
                 ("dashboard", ["--workspace", "ws003", "--param", "range=90d"]),  # +05:30: quarter hours
                 ("dashboard", ["--workspace", HOSTILE]),
                 ("runs", ["--workspace", "ws002", "--param", "range=90d"]),
                 ("audit", ["--workspace", HOSTILE, "--param", "range=30d"])]
        for name, args in cases:
            expected = self.report(name, None, *args)
            for source in self.sources:
                with self.subTest(report=name, args=args, source=source):
                    self.assertEqual(self.report(name, source, *args), expected)

    def test_hostile_filter_values_match_exactly_and_leak_nothing(self):
        for value in ["/x'; DROP TABLE usage_log; --", "' OR '1'='1", "/*", "a\\'b", "ws001' --"]:
            expected = self.report("dashboard", None, "--param", f"folder={value}")
            for source in self.sources:
                with self.subTest(value=value, source=source):
                    self.assertEqual(self.report("dashboard", source, "--param", f"folder={value}"), expected)
        self.assertEqual(self.pg.execute("SELECT count(*) FROM usage_log").strip(), str(len(self.rows)))
        self.assertEqual(self.maria.execute("SELECT count(*) FROM usage_log", "billing").strip(), str(len(self.rows)))
        self.assertEqual(self.ch.query("SELECT count() FROM usage_log").strip(), str(len(self.rows)))


if __name__ == "__main__":
    unittest.main()
