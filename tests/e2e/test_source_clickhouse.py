"""source_clickhouse against a real clickhouse-server on loopback: a non-canonical schema read through
a column mapping, aggregates checked against sums computed here with Decimal, listings, accounts from
a file and from tables, values that would break spliced SQL, and the errors an operator meets.

The plugin is loaded through the plugin registry by tests/tools/source_driver.cc, and by creditlens
itself for a dashboard (--source clickhouse://... --mapping FILE)."""
import json
import os
import random
import subprocess
import tempfile
import unittest
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from clickhouse_server import ClickHouseServer, free_port

CREDITLENS = os.environ.get("CREDITLENS_BIN", "build/bin/creditlens")
DRIVER = os.environ.get("CREDITLENS_SOURCE_DRIVER", "build/tests/source_driver")
PLUGIN_DIR = os.environ.get("CREDITLENS_PLUGIN_BUILD_DIR", "build/plugins")

PASSWORD = "Pw-9f2c;'\"\\ x"
START = datetime(2026, 3, 1, tzinfo=timezone.utc)
HOUR_MS, QUARTER_MS = 3_600_000, 900_000

# Values that would change spliced SQL: quotes, backslashes, semicolons, tabs, newlines, comments.
EVIL = ["o'hara", "back\\slash", "semi;colon", "tab\there", "new\nline", "-- comment", "/* c */", "# hash",
        "x' OR '1'='1", "'); DROP TABLE usage_log; --", "\\N", 'quote"d`b', "", "ünï ✓", "cr\rlf", "\\'; --"]

USAGE_LOG = """CREATE TABLE usage_log (
  event_uuid String, created_at DateTime, org_id String, kind String, feat String, amount_milli Int64,
  folder Nullable(String), member String, bytes Nullable(UInt64), qty Nullable(Decimal(18, 6))
) ENGINE = MergeTree ORDER BY (org_id, created_at)"""

MAPPING = {"events": {"table": "usage_log", "ts_type": "timestamp", "columns": {
    "id": "event_uuid", "ts": "created_at", "workspace_id": "org_id", "category": "kind", "feature": "feat",
    "credits": "amount_milli / 1000.0", "folder": "folder", "user_id": "member", "data_bytes": "bytes",
    "quantity": "qty", "unit": "'calls'"}}}

# The event field each dimension reads in MAPPING; unmapped dimensions read "".
DIMENSIONS = {"workspace": "org", "category": "kind", "feature": "feat", "folder": "folder", "user": "member",
              "api_key": None, "source": None, "run": None, "module": None}


def make_events():
    rng = random.Random(23)
    orgs = ["acme", "globex", "initech"]
    events = []
    for i in range(700):
        second = rng.randrange(0, 3 * 86400)
        if i % 50 == 0:
            second -= second % 900  # on a quarter-hour boundary
        events.append({
            "id": f"e{i:04d}", "ts": START + timedelta(seconds=second), "org": rng.choice(orgs),
            "kind": rng.choice(["data", "train", "deploy"]), "feat": rng.choice(["infer", "embed", "tune", "etl"]),
            "milli": rng.choice([0, 1, 999, 1000, rng.randrange(1, 5_000_000), 9_999_999_999]),
            "folder": rng.choice([None, "/prod/eu", "/prod/us", "/dev"]), "member": rng.choice(["u1", "u2", "u3"]),
            "bytes": rng.choice([None, 0, rng.randrange(1, 10**12)]),
            "qty": rng.choice([None, Decimal(rng.randrange(0, 10**9)) / 1_000_000])})
    for i, value in enumerate(EVIL):  # every evil value as workspace, folder and user of its own events
        for j in range(2):
            events.append({
                "id": f"evil{i}-{j}{value}", "ts": START + timedelta(hours=5 + i, minutes=j), "org": value,
                "kind": "data", "feat": "infer", "milli": 1000 * (i + 1) + j, "folder": value, "member": value,
                "bytes": None, "qty": None})
    return events


def ms(dt):
    return int(dt.timestamp()) * 1000


def credits(event):
    return Decimal(event["milli"]) / 1000


def key_of(event, dimension):
    field = DIMENSIONS[dimension]
    return "" if field is None or event[field] is None else event[field]


def expected_aggregate(events, request):
    """The answer an aggregate request must give, computed from the events with Decimal."""
    step = {"hour": HOUR_MS, "quarter_hour": QUARTER_MS}.get(request.get("bucket", "none"))
    out = defaultdict(lambda: [Decimal(0), 0])
    for e in events:
        t = ms(e["ts"])
        if not request["from_ms"] <= t < request["to_ms"]:
            continue
        if any(key_of(e, f["dimension"]) not in f["values"] for f in request.get("filters", [])):
            continue
        bucket = t - t % step if step else 0
        row = out[(bucket, tuple(key_of(e, d) for d in request.get("group_by", [])))]
        row[0] += credits(e)
        row[1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


class ClickHouseSourceTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        cls.server = ClickHouseServer(users={"reporter": PASSWORD})
        cls.server.start()
        cls.events = make_events()
        cls.server.query(USAGE_LOG)
        cls.server.insert("usage_log", [
            (e["id"], e["ts"].strftime("%Y-%m-%d %H:%M:%S"), e["org"], e["kind"], e["feat"], e["milli"], e["folder"],
             e["member"], e["bytes"], e["qty"]) for e in cls.events])
        cls.accounts_file = os.path.join(cls.dir.name, "accounts.json")
        with open(cls.accounts_file, "w") as f:
            json.dump({"workspaces": [{"id": "acme", "name": "Acme", "timezone": "Europe/Berlin"}]}, f)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.dir.cleanup()

    # --- helpers ---------------------------------------------------------------------------------

    def drive(self, request, mapping=None, uri=None, settings=None, password=PASSWORD,
              env_name="CREDITLENS_SOURCE_PASSWORD"):
        """Runs source_driver on the request with the mapping; returns the CompletedProcess (text mode)."""
        mapping = mapping or dict(MAPPING, accounts={"file": self.accounts_file})
        env = {k: v for k, v in os.environ.items() if k != "CREDITLENS_SOURCE_PASSWORD"}
        if password is not None:
            env[env_name] = password
        request = dict(request, plugin_dirs=[PLUGIN_DIR], source=uri or self.server.uri("reporter"),
                       settings=dict(settings or {}, mapping=json.dumps(mapping)))
        return subprocess.run([DRIVER], input=json.dumps(request), capture_output=True, text=True, env=env,
                              timeout=120)

    def lines(self, request, **kwargs):
        result = self.drive(request, **kwargs)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        return [json.loads(line) for line in result.stdout.splitlines()]

    def aggregate(self, request, **kwargs):
        rows = {}
        for row in self.lines(dict(request, op="aggregate"), **kwargs):
            key = (row["bucket_start_ms"], tuple(row["keys"]))
            self.assertNotIn(key, rows, "a group came back twice")
            rows[key] = (Decimal(row["credits"]), row["events"])
        return rows

    def assertAggregates(self, request):
        expected = expected_aggregate(self.events, request)
        self.assertTrue(expected or request.get("expect_empty"), "the request should select some events")
        self.assertEqual(self.aggregate(request), expected)

    def failure(self, request=None, **kwargs):
        result = self.drive(request or {"op": "aggregate", "from_ms": 0, "to_ms": 1}, **kwargs)
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertTrue(result.stdout.startswith("error: "), result.stdout)
        self.assertNotIn(PASSWORD, result.stdout + result.stderr)
        return result.stdout

    # --- aggregates ------------------------------------------------------------------------------

    def test_totals_by_workspace_match_decimal_sums(self):
        whole = {"from_ms": ms(START), "to_ms": ms(START + timedelta(days=3)), "group_by": ["workspace"]}
        self.assertAggregates(whole)
        total = self.aggregate({"from_ms": ms(START), "to_ms": ms(START + timedelta(days=3))})
        self.assertEqual(total, {(0, ()): (sum(map(credits, self.events)), len(self.events))})

    def test_hour_buckets_with_grouping_and_filters_run_in_clickhouse(self):
        self.assertAggregates({
            "from_ms": ms(START), "to_ms": ms(START + timedelta(days=2)), "bucket": "hour",
            "group_by": ["workspace", "feature", "folder"],
            "filters": [{"dimension": "category", "values": ["data", "deploy"]},
                        {"dimension": "workspace", "values": ["acme", "initech"]}]})

    def test_quarter_hours_over_a_range_cut_mid_second(self):
        # Kolkata's midnight is :30 past a UTC hour; the ends are cut mid-second, next to stored events.
        times = sorted({ms(e["ts"]) for e in self.events})
        first, last = times[100], times[500]
        for lo, hi in [(first + 500, last + 1), (first - 1, last - 250), (first, last)]:
            with self.subTest(lo=lo, hi=hi):
                self.assertAggregates({"from_ms": lo, "to_ms": hi, "bucket": "quarter_hour", "group_by": ["user"]})
                listed = {e["ts_ms"] for e in self.lines({"op": "events", "from_ms": lo, "to_ms": hi})}
                self.assertEqual(first in listed, lo <= first)
                self.assertEqual(last in listed, last < hi)
        on_boundary = [e for e in self.events if ms(e["ts"]) % QUARTER_MS == 0]
        self.assertTrue(on_boundary)
        edge = ms(on_boundary[0]["ts"])
        self.assertAggregates({"from_ms": edge, "to_ms": edge + QUARTER_MS, "bucket": "quarter_hour"})
        self.assertNotIn(on_boundary[0]["id"],
                         [e["id"] for e in self.lines({"op": "events", "from_ms": edge - QUARTER_MS, "to_ms": edge})])

    def test_unmapped_dimensions_group_as_empty_text(self):
        self.assertAggregates({"from_ms": ms(START), "to_ms": ms(START + timedelta(days=3)),
                               "group_by": ["api_key", "category"],
                               "filters": [{"dimension": "module", "values": [""]}]})

    def test_nothing_selected_gives_no_rows(self):
        self.assertEqual(self.aggregate({"from_ms": 0, "to_ms": ms(START)}), {})
        self.assertEqual(self.aggregate({"from_ms": ms(START), "to_ms": ms(START + timedelta(days=3)),
                                         "filters": [{"dimension": "workspace", "values": []}]}), {})
        self.assertEqual(self.aggregate({"from_ms": ms(START), "to_ms": ms(START + timedelta(days=3)),
                                         "filters": [{"dimension": "run", "values": ["r1"]}]}), {})

    def test_decimal_credits_and_epoch_milliseconds_sum_exactly(self):
        self.server.query("CREATE TABLE IF NOT EXISTS ledger_dec (ref String, at_ms UInt64, ws String, "
                          "credits Decimal(18, 6)) ENGINE = MergeTree ORDER BY at_ms")
        self.server.query("TRUNCATE TABLE ledger_dec")
        rows = [(f"d{i}", ms(START) + i * 37_001, "ws1" if i % 3 else "ws2",
                 Decimal("0.000001") if i % 2 else Decimal("123456.789012") + i) for i in range(3000)]
        self.server.insert("ledger_dec", rows)
        mapping = {"events": {"table": "ledger_dec", "ts_type": "epoch_ms", "columns": {
            "id": "ref", "ts": "at_ms", "workspace_id": "ws", "category": "'data'", "feature": "'ledger'",
            "credits": "credits"}}, "accounts": {"file": self.accounts_file}}
        expected = defaultdict(lambda: [Decimal(0), 0])
        for _, t, ws, amount in rows:
            if t < ms(START) + 50_000_000:
                expected[(t - t % HOUR_MS, (ws,))][0] += amount
                expected[(t - t % HOUR_MS, (ws,))][1] += 1
        got = self.aggregate({"from_ms": ms(START), "to_ms": ms(START) + 50_000_000, "bucket": "hour",
                              "group_by": ["workspace"]}, mapping=mapping)
        self.assertEqual(got, {k: tuple(v) for k, v in expected.items()})

    def test_a_dashboard_through_the_cli_matches_decimal_sums(self):
        mapping = os.path.join(self.dir.name, "cli-mapping.json")
        with open(mapping, "w") as f:
            json.dump(dict(MAPPING, accounts={"file": os.path.basename(self.accounts_file)}), f)  # relative
        env = dict(os.environ, CREDITLENS_SOURCE_PASSWORD=PASSWORD)
        for zone, first, last in [("UTC", "2026-03-01", "2026-03-03"), ("Asia/Kolkata", "2026-03-02", "2026-03-02")]:
            with self.subTest(zone=zone):
                result = subprocess.run(
                    [CREDITLENS, "report", "dashboard", "--source", self.server.uri("reporter"), "--mapping", mapping,
                     "--format", "json", "--tz", zone, "--as-of", last, "--param", f"range={first}..{last}"],
                    capture_output=True, text=True, env=env, timeout=120)
                self.assertEqual(result.returncode, 0, result.stderr)
                datasets = json.loads(result.stdout, parse_float=Decimal, parse_int=Decimal)["datasets"]
                offset = timedelta(hours=5, minutes=30) if zone == "Asia/Kolkata" else timedelta(0)
                lo = datetime.fromisoformat(first).replace(tzinfo=timezone.utc) - offset
                hi = datetime.fromisoformat(last).replace(tzinfo=timezone.utc) + timedelta(days=1) - offset
                in_range = [e for e in self.events if lo <= e["ts"] < hi]
                for dataset, field in [("categories", "kind"), ("workspaces", "org")]:
                    expected = defaultdict(Decimal)
                    for e in in_range:
                        expected[e[field]] += credits(e)
                    got = {s["keys"][0]: s["total"] for s in datasets[dataset]["series"]}
                    self.assertEqual(got, dict(expected), dataset)

    # --- listings --------------------------------------------------------------------------------

    def test_lists_every_field_of_the_events_in_range(self):
        lo, hi = START + timedelta(hours=4), START + timedelta(hours=30)
        listed = {e["id"]: e for e in self.lines({"op": "events", "from_ms": ms(lo), "to_ms": ms(hi)})}
        wanted = [e for e in self.events if lo <= e["ts"] < hi]
        self.assertEqual(sorted(listed), sorted(e["id"] for e in wanted))
        for e in wanted:
            got = listed[e["id"]]
            self.assertEqual(got["ts_ms"], ms(e["ts"]))
            self.assertEqual((got["workspace_id"], got["category"], got["feature"], got["user_id"]),
                             (e["org"], e["kind"], e["feat"], e["member"]))
            self.assertEqual(Decimal(got["credits"]), credits(e))
            self.assertEqual(got["folder"], e["folder"] or "")
            self.assertEqual(got["data_bytes"], e["bytes"])
            self.assertEqual(None if got["quantity"] is None else Decimal(got["quantity"]), e["qty"])
            self.assertEqual((got["unit"], got["api_key"], got["run_id"]), ("calls", "", ""))

    def test_a_listing_stops_when_the_sink_says_so(self):
        listed = self.lines({"op": "events", "from_ms": ms(START), "to_ms": ms(START + timedelta(days=3)), "limit": 5})
        self.assertEqual(len(listed), 5)

    def test_a_failure_after_rows_were_sent_is_an_error_not_a_short_listing(self):
        # ClickHouse answers 200 and streams; an exception on a later block is appended to the rows.
        self.server.query("CREATE TABLE IF NOT EXISTS big_log ENGINE = MergeTree ORDER BY n AS SELECT number AS n, "
                          "toDateTime(1772323200 + intDiv(number, 10)) AS at, 'ws' AS ws, number AS milli "
                          "FROM system.numbers LIMIT 300000")
        columns = {"id": "toString(n)", "ts": "at", "workspace_id": "ws", "category": "'data'", "feature": "'f'",
                   "credits": "milli / 1000.0"}
        mapping = {"events": {"table": "big_log", "columns": columns}, "accounts": {"file": self.accounts_file}}
        whole = {"from_ms": ms(START), "to_ms": ms(START + timedelta(days=3))}
        self.assertEqual(len(self.lines(dict(whole, op="events", limit=7), mapping=mapping)), 7)
        self.assertEqual(len(self.lines(dict(whole, op="events"), mapping=mapping)), 300000)
        failing = dict(columns, credits="milli / 1000.0 + throwIf(n = 250000) * 0")
        mapping = {"events": {"table": "big_log", "columns": failing}, "accounts": {"file": self.accounts_file}}
        result = self.drive(dict(whole, op="events"), mapping=mapping)
        self.assertEqual(result.returncode, 1)
        self.assertIn("error: ClickHouse at 127.0.0.1", result.stdout)
        self.assertIn("failed while sending the result", result.stdout)
        self.assertIn("throwIf", result.stdout)
        self.assertIn("throwIf", self.failure(dict(whole, op="aggregate"), mapping=mapping))

    # --- user values never reach the SQL text ----------------------------------------------------

    def test_values_that_would_break_spliced_sql_match_exactly_and_change_nothing(self):
        before = self.server.query("SELECT count(), sum(amount_milli) FROM usage_log")
        whole = {"from_ms": ms(START), "to_ms": ms(START + timedelta(days=3))}
        for value in EVIL:
            for dimension in ("workspace", "folder", "user"):
                with self.subTest(value=value, dimension=dimension):
                    request = dict(whole, group_by=[dimension],
                                   filters=[{"dimension": dimension, "values": [value]}])
                    expected = expected_aggregate(self.events, request)
                    self.assertEqual(list(expected), [(0, (value,))])
                    self.assertEqual(self.aggregate(request), expected)
        # All of them at once, as a list; and look-alikes that exist nowhere match nothing.
        self.assertAggregates(dict(whole, group_by=["workspace"], filters=[{"dimension": "workspace", "values": EVIL}]))
        for absent in ["' OR 1=1 --", "x' OR '1'='1' --", "acme' --", "acme\\", "acme\t", "%", "*"]:
            self.assertEqual(self.aggregate(dict(whole, filters=[{"dimension": "workspace", "values": [absent]}])), {})
        listed = self.lines(dict(whole, op="events", filters=[{"dimension": "user", "values": EVIL}]))
        self.assertEqual(sorted((e["id"], e["workspace_id"], e["folder"], e["user_id"]) for e in listed),
                         sorted((e["id"], e["org"], e["folder"], e["member"]) for e in self.events if e["org"] in EVIL))
        self.assertEqual(self.server.query("SELECT count(), sum(amount_milli) FROM usage_log"), before)
        self.assertEqual(self.server.query("EXISTS TABLE usage_log").strip(), "1")

    # --- accounts --------------------------------------------------------------------------------

    def test_accounts_from_the_mapped_file(self):
        self.assertEqual([(w["id"], w["name"], w["timezone"]) for w in self.lines({"op": "accounts"})],
                         [("acme", "Acme", "Europe/Berlin")])

    def test_accounts_from_mapped_tables(self):
        q = self.server.query
        q("CREATE TABLE IF NOT EXISTS orgs (org_id String, title String, tz String, flex UInt8, "
          "flex_cap Nullable(Decimal(18, 6)), price Float64) ENGINE = MergeTree ORDER BY org_id")
        q("CREATE TABLE IF NOT EXISTS plans (org String, plan String, start DateTime, stop Nullable(DateTime), "
          "allowance Int64) ENGINE = MergeTree ORDER BY org")
        q("CREATE TABLE IF NOT EXISTS grants (org String, grant_id String, amount Decimal(18, 6), avail DateTime, "
          "prio Int32) ENGINE = MergeTree ORDER BY org")
        for table in ("orgs", "plans", "grants"):
            q(f"TRUNCATE TABLE {table}")
        self.server.insert("orgs", [("acme", "Acme Vision", "Europe/Berlin", 1, Decimal("5000.5"), 0.01),
                                    ("o'hara", "O'Hara", "Asia/Kolkata", 0, None, 0.02)])
        self.server.insert("plans", [("acme", "core", "2025-11-11 00:00:00", None, 1000),
                                     ("acme", "starter", "2025-01-01 00:00:00", "2025-11-11 00:00:00", 100),
                                     ("ghost", "core", "2025-01-01 00:00:00", None, 5)])  # not listed: left out
        self.server.insert("grants", [("o'hara", "g1", Decimal("500.000001"), "2026-01-10 00:00:00", 50)])
        mapping = dict(MAPPING, accounts={
            "workspaces": {"table": "orgs", "columns": {"id": "org_id", "name": "title", "timezone": "tz",
                                                       "flex_enabled": "flex", "flex_threshold": "flex_cap",
                                                       "price_per_credit": "price"}},
            "subscriptions": {"table": "plans", "columns": {"workspace_id": "org", "plan": "plan", "starts_at": "start",
                                                            "ends_at": "stop", "included_credits": "allowance"}},
            "credit_grants": {"table": "grants", "columns": {"workspace_id": "org", "id": "grant_id",
                                                             "credits": "amount", "available_from": "avail",
                                                             "priority": "prio"}}})
        got = self.lines({"op": "accounts"}, mapping=mapping)
        self.assertEqual(got, [
            {"id": "acme", "name": "Acme Vision", "kind": "team", "timezone": "Europe/Berlin",
             "price_per_credit": "0.01",
             "flex_enabled": True, "flex_threshold": "5000.5", "subscriptions": 2, "included_credits": ["100", "1000"],
             "grant_credits": []},
            {"id": "o'hara", "name": "O'Hara", "kind": "team", "timezone": "Asia/Kolkata", "price_per_credit": "0.02",
             "flex_enabled": False, "flex_threshold": None, "subscriptions": 0, "included_credits": [],
             "grant_credits": ["500.000001"]}])
        self.server.insert("orgs", [("bad", "Bad", "Mars/Base", 0, None, 0)])
        message = self.failure({"op": "accounts"}, mapping=mapping)
        self.assertIn("timezone", message)
        self.assertIn("Mars/Base", message)
        q("ALTER TABLE orgs DELETE WHERE org_id = 'bad'")

    # --- errors ----------------------------------------------------------------------------------

    def test_an_unreachable_server_is_named(self):
        port = free_port()
        message = self.failure(uri=f"clickhouse://reporter@127.0.0.1:{port}/default")
        self.assertIn(f"cannot reach ClickHouse at 127.0.0.1:{port}", message)

    def test_bad_credentials_surface_clickhouse_message_never_the_password(self):
        message = self.failure(password=PASSWORD[::-1])
        self.assertIn("Wrong password for user reporter", message)
        self.assertNotIn(PASSWORD[::-1], message)
        self.assertIn("Unknown user nobody", self.failure(uri=self.server.uri("nobody")))
        # The server's refusal as it is: not taken for a mistake of the mapping.
        self.assertTrue(message.startswith("error: ClickHouse at 127.0.0.1"), message)

    def test_the_password_comes_from_a_file_or_a_named_variable(self):
        request = {"op": "aggregate", "from_ms": ms(START), "to_ms": ms(START) + HOUR_MS}
        password_file = os.path.join(self.dir.name, "password")
        with open(password_file, "w") as f:
            f.write(PASSWORD + "\n")
        self.assertTrue(self.lines(request, password=None, settings={"password_file": password_file}))
        self.assertTrue(self.lines(request, env_name="CH_PW", settings={"password_env": "CH_PW"}))
        self.assertTrue(self.lines(request, uri=self.server.uri(), password=None))  # `default`, no password
        self.assertIn("password", self.failure(request, settings={"uri": "//reporter:secret@127.0.0.1/default"}))

    def test_mapping_mistakes_name_the_entry_at_fault(self):
        def broken(**columns):
            return {"events": dict(MAPPING["events"], columns=dict(MAPPING["events"]["columns"], **columns)),
                    "accounts": {"file": self.accounts_file}}
        message = self.failure(mapping={"events": dict(MAPPING["events"], table="usage_nope"),
                                        "accounts": {"file": self.accounts_file}})
        self.assertIn("mapping: events.table: ", message)
        self.assertIn("usage_nope doesn't exist", message)
        message = self.failure(mapping=broken(credits="amount_mili / 1000.0"))
        self.assertIn("mapping: events.columns.credits: ", message)
        self.assertIn("amount_mili", message)
        message = self.failure(mapping=broken(credits="org_id"))
        self.assertIn("mapping: events.columns.credits: org_id has type String", message)
        message = self.failure(mapping=broken(folder="no_such_folder"))
        self.assertIn("mapping: events.columns.folder: ", message)
        message = self.failure(mapping={"events": dict(MAPPING["events"], ts_type="epoch_ms"),
                                        "accounts": {"file": self.accounts_file}})
        self.assertIn("mapping: events.columns.ts: created_at has type DateTime", message)
        message = self.failure(uri=self.server.uri("reporter", "nowhere"))
        self.assertIn("Database nowhere doesn't exist", message)
        self.assertNotIn("mapping:", message)


if __name__ == "__main__":
    unittest.main()
