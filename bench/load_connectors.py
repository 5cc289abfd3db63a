#!/usr/bin/env python3
"""PostgreSQL 15 and ClickHouse servers for bench/connectors_bench.sh, loaded with the events CSV
through the non-canonical schema tests/e2e/test_connectors.py also loads (tests/e2e/usage_log.py:
table usage_log, credits as integer micro-credits in amount_micro, ...), started with the e2e
harness (tests/e2e/sql_servers.py, tests/e2e/clickhouse_server.py) on loopback in the scratch
directory.

  load_connectors.py serve EVENTS.csv OUT_DIR     < CONTROL
      starts both servers (their data under $TMPDIR), loads the events, writes into OUT_DIR the
      mappings (pg.json, clickhouse.json), settings.json + password (password_file), and
      ready.json (the --source URIs and the load times in seconds); then keeps the servers up until
      its standard input reaches end of file, and stops them.
  load_connectors.py compare A.json B.json ...
      prints "agree" when the dashboards' kpis, datasets and tables are identical, else what
      differs (and exits 1).

PostgreSQL: COPY (psql \\copy) from a transformed CSV, then the primary key on event_uuid and an
index on created_at, then ANALYZE. ClickHouse: MergeTree ORDER BY (org_id, created_ms), INSERT ...
FORMAT TabSeparated in chunks of CHUNK rows.
"""
import calendar
import csv
import json
import os
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "e2e"))

from clickhouse_server import ClickHouseServer, tsv_field  # noqa: E402
from sql_servers import PostgresServer  # noqa: E402
from usage_log import CH_TABLE, COLUMNS, PG_COLUMNS, RENAMED, mapping, micro  # noqa: E402

USER, PASSWORD = "reporter", "bench-pw"
CHUNK = 500_000
CH_COLUMNS = [("created_ms" if c == "ts" else RENAMED[c]) for c in COLUMNS]


_day_ms = {}


def epoch_ms(ts):
    """2026-03-01T12:00:00.250Z -> epoch milliseconds (UTC), the date part cached."""
    day = ts[:10]
    base = _day_ms.get(day)
    if base is None:
        base = _day_ms[day] = calendar.timegm(time.strptime(day, "%Y-%m-%d")) * 1000
    clock = ts[11:].rstrip("Z")
    hms, _, frac = clock.partition(".")
    h, m, s = hms.split(":")
    return base + ((int(h) * 60 + int(m)) * 60 + int(s)) * 1000 + int((frac + "000")[:3])


def write(path, text):
    with open(path, "w") as f:
        f.write(text)
    return path


def transform(events_csv, pg_csv):
    """The PostgreSQL CSV (credits as micro-credits; empty -> NULL) and the ClickHouse TSV chunks."""
    credits_at = COLUMNS.index("credits")
    rows = 0
    with open(events_csv, newline="") as f, open(pg_csv, "w", newline="") as out:
        reader = csv.reader(f)
        header = next(reader)
        if header != COLUMNS:
            raise SystemExit(f"unexpected CSV header {header}")
        writer = csv.writer(out, lineterminator="\n")
        for row in reader:
            row[credits_at] = micro(row[credits_at])
            writer.writerow(row)
            rows += 1
    return rows


def clickhouse_chunks(events_csv):
    nullable = {COLUMNS.index("quantity"), COLUMNS.index("data_bytes")}
    ts_at, credits_at = COLUMNS.index("ts"), COLUMNS.index("credits")
    lines = []
    with open(events_csv, newline="") as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            row[ts_at] = epoch_ms(row[ts_at])
            row[credits_at] = micro(row[credits_at])
            lines.append("\t".join("\\N" if (i in nullable and v == "") else tsv_field(v)
                                   for i, v in enumerate(row)) + "\n")
            if len(lines) == CHUNK:
                yield "".join(lines)
                lines = []
    if lines:
        yield "".join(lines)


def serve(events_csv, out):
    times = {}
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    with PostgresServer(users={USER: PASSWORD}) as pg, ClickHouseServer(users={USER: PASSWORD}) as ch:
        # PostgreSQL
        t = time.monotonic()
        pg_csv = os.path.join(out, "pg_events.csv")
        n = transform(events_csv, pg_csv)
        times["pg_transform"] = time.monotonic() - t
        pg.execute(f"CREATE TABLE usage_log ({PG_COLUMNS}); GRANT SELECT ON usage_log TO reporter;")
        t = time.monotonic()
        cols = ",".join(RENAMED[c] for c in COLUMNS)
        subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(pg.port), "-U", "postgres", "-d", "postgres",
                        "-v", "ON_ERROR_STOP=1", "-q", "-c", f"\\copy usage_log ({cols}) FROM '{pg_csv}' CSV"],
                       check=True)
        times["pg_copy"] = time.monotonic() - t
        os.remove(pg_csv)
        t = time.monotonic()
        pg.execute("ALTER TABLE usage_log ADD PRIMARY KEY (event_uuid)")
        times["pg_primary_key"] = time.monotonic() - t
        t = time.monotonic()
        pg.execute("CREATE INDEX usage_log_created_at ON usage_log (created_at)")
        times["pg_index"] = time.monotonic() - t
        t = time.monotonic()
        pg.execute("VACUUM ANALYZE usage_log")
        times["pg_analyze"] = time.monotonic() - t
        pg_rows = int(pg.execute("SELECT count(*) FROM usage_log").strip())
        pg_size = int(pg.execute("SELECT pg_total_relation_size('usage_log')").strip())

        # ClickHouse
        ch.query(CH_TABLE)
        t = time.monotonic()
        insert = f"INSERT INTO usage_log ({','.join(CH_COLUMNS)}) FORMAT TabSeparated"
        for chunk in clickhouse_chunks(events_csv):
            ch.query(insert, chunk)
        times["ch_insert"] = time.monotonic() - t
        t = time.monotonic()
        ch.query("OPTIMIZE TABLE usage_log FINAL")
        times["ch_optimize"] = time.monotonic() - t
        ch_rows = int(ch.query("SELECT count() FROM usage_log").strip())
        ch_size = int(ch.query("SELECT sum(bytes) FROM system.parts WHERE table = 'usage_log' AND active").strip())
        if not (n == pg_rows == ch_rows):
            raise SystemExit(f"row counts differ: CSV {n}, PostgreSQL {pg_rows}, ClickHouse {ch_rows}")

        write(os.path.join(out, "password"), PASSWORD + "\n")
        write(os.path.join(out, "settings.json"), json.dumps({"password_file": "password"}))
        write(os.path.join(out, "pg.json"), json.dumps(mapping("amount_micro / 1000000.0", "created_at",
                                                               "timestamp")))
        write(os.path.join(out, "clickhouse.json"), json.dumps(mapping("amount_micro / 1000000", "created_ms",
                                                                       "epoch_ms")))
        ready = {"pg_uri": pg.uri(USER), "ch_uri": ch.uri(USER), "rows": n, "pg_bytes": pg_size,
                 "ch_bytes": ch_size, "pg_port": pg.port, "ch_http_port": ch.http_port,
                 "pg_version": pg.execute("SHOW server_version").strip(),
                 "ch_version": ch.query("SELECT version()").strip(),
                 "times": {k: round(v, 2) for k, v in times.items()}}
        write(os.path.join(out, "ready.json.tmp"), json.dumps(ready, indent=1))
        os.rename(os.path.join(out, "ready.json.tmp"), os.path.join(out, "ready.json"))
        print(f"servers ready: {json.dumps(ready)}", file=sys.stderr, flush=True)
        sys.stdin.read()  # until the driver closes the control pipe


def compare(paths):
    def numbers(path):
        with open(path) as f:
            report = json.load(f)
        return {key: report[key] for key in ("kpis", "datasets", "tables")}

    first = numbers(paths[0])
    differ = []
    for path in paths[1:]:
        other = numbers(path)
        for key in first:
            if first[key] != other[key]:
                differ.append(f"{os.path.basename(path)}: {key} differs from {os.path.basename(paths[0])}")
    print("agree" if not differ else "DIFFER: " + "; ".join(differ))
    return 1 if differ else 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "serve":
        serve(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 4 and sys.argv[1] == "compare":
        sys.exit(compare(sys.argv[2:]))
    else:
        sys.exit(__doc__)
