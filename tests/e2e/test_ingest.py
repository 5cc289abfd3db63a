"""Ingest end to end: exact totals, idempotency, CSV and JSON Lines alike, and bad input that names
file, line and field and leaves the store exactly as it was."""
import json
import os
import subprocess
import unittest
from decimal import Decimal

from support import CREDITLENS, generate, micro, raw_total, read_events, run, store_totals, temp_dir

HEADER = "id,ts,workspace_id,category,feature,credits,quantity,unit,folder,api_key,user_id,source,run_id,module,data_bytes\n"


def row(id, ts="2026-11-02T10:00:00Z", ws="ws001", credits="1.5"):
    return f"{id},{ts},{ws},deploy,inference_hosted,{credits},3,calls,/prod,key1,u1,etl,r1,embed,\n"


class IngestTest(unittest.TestCase):
    def setUp(self):
        self.dir = temp_dir(self)
        self.events, self.accounts = generate(self.dir, 5000, seed=3)
        self.store = os.path.join(self.dir, "store.db")
        run("ingest", self.events, "--accounts", self.accounts, "--store", self.store)

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        with open(path, "w") as f:
            f.write(text)
        return path

    def test_totals_are_exact_and_reingest_adds_nothing(self):
        expected = sum((e["credits"] for e in read_events(self.events)), Decimal(0))
        self.assertEqual(store_totals(self.store), (5000, 5000, micro(expected)))
        self.assertEqual(raw_total(self.store), expected)
        again = run("ingest", self.events, "--store", self.store)
        self.assertIn("5000 rows, 0 new, 5000 already stored, 0 rejected", again.stdout)
        self.assertEqual(store_totals(self.store), (5000, 5000, micro(expected)))
        self.assertEqual(raw_total(self.store), expected)

    def test_json_lines_load_the_same_events(self):
        jsonl_dir = os.path.join(self.dir, "jsonl")
        jsonl, accounts = generate(jsonl_dir, 5000, seed=3, fmt="jsonl")
        other = os.path.join(self.dir, "jsonl.db")
        run("ingest", jsonl, "--accounts", accounts, "--store", other)
        self.assertEqual(store_totals(other), store_totals(self.store))

    def test_piped_ingest_is_quiet_on_stderr(self):
        result = run("ingest", self.events, "--store", self.store)
        self.assertEqual(result.stderr, "")

    def test_a_terminal_gets_a_progress_bar(self):
        # script(1) gives the command a pseudo-terminal; CREDITLENS_NO_PROGRESS must not be set there.
        env = {k: v for k, v in os.environ.items() if k != "CREDITLENS_NO_PROGRESS"}
        command = f"{CREDITLENS} ingest {self.events} --accounts {self.accounts} --store {os.path.join(self.dir, 'tty.db')}"
        screen = subprocess.run(["script", "-qec", command, "/dev/null"], capture_output=True, text=True, env=env,
                                check=True).stdout
        self.assertRegex(screen, r"ingest events\.csv \[#+\] 100%  5000 rows")

    def assert_rejected(self, text, message):
        before = store_totals(self.store)
        path = self.write("bad.csv", HEADER + text)
        result = run("ingest", path, "--store", self.store, check=False)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn(f"{path}:{message}", result.stderr)
        self.assertEqual(store_totals(self.store), before)
        run("ingest", "--accounts", self.accounts, "--store", self.store)  # checkpoint the WAL
        self.assertEqual(store_totals(self.store), before)

    def test_malformed_csv(self):
        self.assert_rejected(row("n1") + 'n2,"2026-11-02T10:00:00Z,ws001,deploy\n',
                             "3: unterminated quoted field")

    def test_bad_timestamp(self):
        self.assert_rejected(row("n1") + row("n2", ts="02/11/2026 10:00"),
                             "3: field 'ts': expected an ISO-8601 timestamp with offset, like "
                             "2026-03-01T12:00:00.250Z, got '02/11/2026 10:00'")

    def test_timestamp_without_offset(self):
        self.assert_rejected(row("n1", ts="2026-11-02T10:00:00"), "2: field 'ts': expected an ISO-8601 timestamp")

    def test_negative_credits(self):
        self.assert_rejected(row("n1") + row("n2") + row("n3", credits="-2"),
                             "4: field 'credits': expected a decimal number >= 0 with at most 6 fractional digits, got '-2'")

    def test_unknown_workspace(self):
        self.assert_rejected(row("n1", ws="ws999"),
                             "2: field 'workspace_id': unknown workspace 'ws999' (load it with --accounts first)")

    def test_duplicate_ids_in_one_file(self):
        self.assert_rejected(row("dup") + row("other") + row("dup"),
                             "4: field 'id': id 'dup' appears earlier in this file")

    def test_a_bad_row_late_in_a_large_file_rolls_everything_back(self):
        lines = [row(f"late{i}") for i in range(20000)]
        lines.append(row("late-bad", credits="lots"))
        self.assert_rejected("".join(lines), "20002: field 'credits'")

    def test_skip_invalid_loads_the_good_rows_and_keeps_the_rejects(self):
        before_count, before_chunked, before_credits = store_totals(self.store)
        path = self.write("mixed.csv", HEADER + row("g1") + row("b1", credits="-1") + row("g2", credits="2") +
                          row("b2", ws="nope") + row("g1") + 'b3,"broken\n')
        rejects = os.path.join(self.dir, "rejects.jsonl")
        result = run("ingest", path, "--store", self.store, "--skip-invalid", rejects)
        self.assertIn("6 rows, 2 new, 0 already stored, 4 rejected", result.stdout)
        self.assertEqual(store_totals(self.store), (before_count + 2, before_chunked + 2, before_credits + 3_500_000))
        with open(rejects) as f:
            records = [json.loads(line) for line in f]
        self.assertEqual([(r["line"], r["field"]) for r in records],
                         [(3, "credits"), (5, "workspace_id"), (6, "id"), (7, "")])
        self.assertTrue(all(r["file"] == path and r["error"] for r in records))
        self.assertEqual(records[0]["row"], row("b1", credits="-1").rstrip("\n"))
        self.assertEqual(records[1]["row"], row("b2", ws="nope").rstrip("\n"), "the row as it stood in the file")

    def test_a_failing_file_keeps_the_files_before_it_and_their_rejects(self):
        first = self.write("first.csv", HEADER + row("f1") + row("f2", credits="-1"))
        broken = self.write("broken.csv", "id,ts\n")  # lacks required columns: the whole file fails
        rejects = os.path.join(self.dir, "rejects.jsonl")
        before = store_totals(self.store)[0]
        result = run("ingest", first, broken, "--store", self.store, "--skip-invalid", rejects, check=False)
        self.assertEqual(result.returncode, 1)
        self.assertIn("broken.csv:1: header: missing required column", result.stderr)
        self.assertEqual(store_totals(self.store)[0], before + 1)
        with open(rejects) as f:
            self.assertEqual([json.loads(line)["line"] for line in f], [3])

    def test_missing_required_column(self):
        path = self.write("cols.csv", "id,ts,workspace_id,category,feature\nx,2026-11-02T10:00:00Z,ws001,a,b\n")
        result = run("ingest", path, "--store", self.store, check=False)
        self.assertEqual(result.returncode, 1)
        self.assertIn(f"{path}:1: header: missing required column 'credits'", result.stderr)

    def test_bad_accounts_name_the_json_path_and_change_nothing(self):
        before = store_totals(self.store)
        with open(self.accounts) as f:
            accounts = json.load(f)
        accounts["workspaces"][1]["timezone"] = "Mars/Olympus"
        bad = self.write("accounts.json", json.dumps(accounts))
        result = run("ingest", "--accounts", bad, "--store", self.store, check=False)
        self.assertEqual(result.returncode, 1)
        self.assertIn("$.workspaces[1].timezone: unknown time zone 'Mars/Olympus'", result.stderr)
        self.assertEqual(store_totals(self.store), before)

    def test_sql_metacharacters_are_data(self):
        hostile = "ws'; DROP TABLE events; --"
        with open(self.accounts) as f:
            accounts = json.load(f)
        accounts["workspaces"][0]["id"] = hostile
        path = self.write("hostile.json", json.dumps(accounts))
        events = self.write("hostile.csv", HEADER + row("h1", ws=f'"{hostile}"', credits="4"))
        run("ingest", events, "--accounts", path, "--store", self.store)
        report = run("report", "dashboard", "--store", self.store, "--workspace", hostile, "--as-of", "2026-11-21",
                     "--param", "range=30d", "--format", "json")
        self.assertIn('"total":4,', report.stdout.replace(" ", ""))
        self.assertEqual(store_totals(self.store)[0], 5001)


if __name__ == "__main__":
    unittest.main()
