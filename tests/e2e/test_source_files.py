"""The files source end to end (--source files:PATH, no ingest): the FOCUS 1.0 sample export read
through the dashboard and checked against sums computed here with csv and decimal; canonical CSV and
JSON Lines read directly giving the very numbers of the same files ingested into the store; and
malformed files refused with their file, line and field."""
import csv
import os
import shutil
import tempfile
import unittest
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_EVEN, Decimal, localcontext

from support import generate, load_json, run, temp_dir

# The FinOps Foundation's FOCUS 1.0 sample (CC BY 4.0; tests/fixtures/focus/README.md).
FOCUS_SAMPLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "focus",
                            "focus_1.0_sample.csv")
# Dollars per credit: 0.003 makes most conversions non-terminating decimals, so rounding shows.
PRICE = Decimal("0.003")
SEPTEMBER = ("--as-of", "2024-09-30", "--param", "range=2024-09-01..2024-09-30")


def focus_credits(cost, price):
    """cost / price in credits, rounded half-even to 6 decimals, with the quotient computed exactly enough."""
    with localcontext() as context:
        context.prec = 60
        return (cost / price).quantize(Decimal("0.000001"), rounding=ROUND_HALF_EVEN)


class FocusExpected:
    """What the dashboard should show for a FOCUS export, from the CSV alone: usage is the rows with
    ChargeCategory Usage and a cost >= 0."""

    def __init__(self, path, price, cost_column="BilledCost"):
        self.by_sub_account = defaultdict(Decimal)
        self.by_service = defaultdict(Decimal)  # (ServiceCategory, ServiceName)
        self.by_category = defaultdict(Decimal)
        self.by_day = defaultdict(Decimal)
        self.cost_by_sub_account = defaultdict(Decimal)
        self.names = {}
        self.left_out = Counter()
        self.events = 0
        with open(path, newline="") as f:
            for row in csv.DictReader(f):
                cost = Decimal(row[cost_column])
                if row["ChargeCategory"] != "Usage":
                    self.left_out[row["ChargeCategory"]] += 1
                    continue
                if cost < 0:
                    self.left_out["negative usage"] += 1
                    continue
                credits = focus_credits(cost, price)
                sub_account = row["SubAccountId"]
                self.names.setdefault(sub_account, row["SubAccountName"])
                self.by_sub_account[sub_account] += credits
                self.cost_by_sub_account[sub_account] += cost
                self.by_service[(row["ServiceCategory"], row["ServiceName"])] += credits
                self.by_category[row["ServiceCategory"]] += credits
                start = datetime.fromisoformat(row["ChargePeriodStart"]).replace(tzinfo=timezone.utc)
                self.by_day[start.date()] += credits
                self.events += 1

    def total(self):
        return sum(self.by_sub_account.values(), Decimal(0))


def dashboard(source, *extra):
    result = run("report", "dashboard", "--source", source, "--format", "json", *extra)
    return load_json(result.stdout), result.stderr


def totals(dataset, label=False):
    return {(tuple(s["keys"]) if len(s["keys"]) > 1 else s["keys"][0]): (s["label"] if label else s["total"])
            for s in dataset["series"]}


class FocusSampleTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.expected = FocusExpected(FOCUS_SAMPLE, PRICE)
        cls.report, cls.stderr = dashboard(f"files:{FOCUS_SAMPLE}?focus_credit_price={PRICE}", *SEPTEMBER)
        cls.datasets = cls.report["datasets"]

    def test_the_sample_is_the_one_described(self):
        self.assertEqual(self.expected.events, 985)
        self.assertEqual(self.expected.left_out, Counter({"negative usage": 12, "Adjustment": 2, "Credit": 1}))
        self.assertEqual(len(self.expected.by_sub_account), 73)
        self.assertEqual(self.expected.total(), Decimal("7674.632680"))

    def test_totals_per_sub_account(self):
        self.assertEqual(totals(self.datasets["workspaces"]), dict(self.expected.by_sub_account))
        self.assertEqual(totals(self.datasets["workspaces"], label=True), self.expected.names)
        self.assertEqual(totals(self.datasets["workspaces"])["11353890204"], Decimal("5410.060855"))

    def test_totals_per_service(self):
        self.assertEqual(totals(self.datasets["reason"]), dict(self.expected.by_service))
        self.assertEqual(totals(self.datasets["categories"]), dict(self.expected.by_category))
        self.assertEqual(self.datasets["reason"]["total"], self.expected.total())
        self.assertEqual(self.datasets["reason"]["events"], self.expected.events)

    def test_days_are_utc_days_of_the_charge_period(self):
        days = [date(2024, 9, 1) + timedelta(days=i) for i in range(30)]
        self.assertEqual(self.datasets["daily"]["series"][0]["values"],
                         [self.expected.by_day.get(d, Decimal(0)) for d in days])

    def test_sub_accounts_are_workspaces_without_a_plan(self):
        kpis = {k["label"]: k["value"] for k in self.report["kpis"]}
        self.assertEqual(kpis["Resets on"], "no plan")
        self.assertEqual(kpis["Total in range"], self.expected.total())
        self.assertEqual(kpis["Events"], 985)

    def test_what_is_left_out_is_said(self):
        self.assertIn("left out 3 FOCUS rows that are not usage (Adjustment 2, Credit 1); 12 FOCUS usage rows "
                      "with a negative cost", self.stderr)

    def test_dollars_come_back_at_the_credit_price(self):
        report, _ = dashboard(f"files:{FOCUS_SAMPLE}?focus_credit_price={PRICE}", *SEPTEMBER, "--param",
                              "unit=dollars")
        got = totals(report["datasets"]["workspaces"])
        self.assertEqual(set(got), set(self.expected.cost_by_sub_account))
        for sub_account, cost in self.expected.cost_by_sub_account.items():
            self.assertLessEqual(abs(got[sub_account] - cost), Decimal("0.00001"), sub_account)

    def test_another_cost_column(self):
        expected = FocusExpected(FOCUS_SAMPLE, Decimal("0.01"), "EffectiveCost")
        report, _ = dashboard(f"files:{FOCUS_SAMPLE}?focus_credit_price=0.01&focus_cost_column=EffectiveCost",
                              *SEPTEMBER)
        self.assertEqual(totals(report["datasets"]["workspaces"]), dict(expected.by_sub_account))
        self.assertNotEqual(expected.total(), FocusExpected(FOCUS_SAMPLE, Decimal("0.01")).total())


class CanonicalFilesTest(unittest.TestCase):
    """The same generated events read directly and ingested give the same reports."""

    @classmethod
    def setUpClass(cls):
        cls._holder = tempfile.TemporaryDirectory(prefix="creditlens-e2e-")
        cls._dir = cls._holder.name
        cls.csv, cls.accounts = generate(os.path.join(cls._dir, "csv"), 20000, seed=5)
        cls.jsonl, _ = generate(os.path.join(cls._dir, "jsonl"), 20000, seed=5, fmt="jsonl")
        cls.store = os.path.join(cls._dir, "store.db")
        run("ingest", cls.csv, "--accounts", cls.accounts, "--store", cls.store)

    @classmethod
    def tearDownClass(cls):
        cls._holder.cleanup()

    def report(self, source_option, *args):
        return load_json(run("report", *args, *source_option, "--as-of", "2026-11-21", "--format", "json").stdout)

    def assert_same(self, *args):
        stored = self.report(("--store", self.store), *args)
        for path in (self.csv, self.jsonl):
            direct = self.report(("--source", f"files:{path}?accounts={self.accounts}"), *args)
            self.assertEqual(direct, stored, f"{path}: {' '.join(args)}")
        return stored

    def test_dashboard_of_the_organisation(self):
        stored = self.assert_same("dashboard", "--param", "range=90d")
        self.assertGreater(stored["datasets"]["reason"]["events"], 1000)

    def test_dashboard_of_a_workspace_in_a_half_hour_zone(self):
        self.assert_same("dashboard", "--workspace", "ws003", "--param", "range=2026-03-01..2026-10-31")

    def test_organisation_in_another_zone_and_by_folder(self):
        self.assert_same("dashboard", "--tz", "Asia/Kolkata", "--param", "folder=/analytics")

    def test_reports_that_list_events(self):
        audit = self.assert_same("audit", "--workspace", "ws002", "--param", "range=7d")
        self.assertGreater(len(audit["tables"]["log"]["rows"]), 10)
        runs = self.assert_same("runs")
        self.assertTrue(runs["tables"]["runs"]["rows"])

    def test_a_directory_of_both_files_counts_each_event_once(self):
        both = os.path.join(self._dir, "both")
        os.makedirs(both, exist_ok=True)
        shutil.copy(self.csv, both)
        shutil.copy(self.jsonl, both)
        args = ("dashboard", "--param", "range=90d")
        result = run("report", *args, "--source", f"files:{both}?accounts={self.accounts}", "--as-of",
                     "2026-11-21", "--format", "json")
        self.assertEqual(load_json(result.stdout), self.report(("--store", self.store), *args))
        self.assertIn("left out 20000 events whose id an earlier file holds", result.stderr)

    def test_without_accounts_workspaces_come_from_the_events(self):
        direct = self.report(("--source", f"files:{self.csv}"), "dashboard", "--param", "range=90d")
        stored = self.report(("--store", self.store), "dashboard", "--param", "range=90d")
        self.assertEqual(totals(direct["datasets"]["workspaces"]), totals(stored["datasets"]["workspaces"]))
        self.assertEqual(set(totals(direct["datasets"]["workspaces"], label=True).values()),
                         set(totals(direct["datasets"]["workspaces"]).keys()), "named by their ids")


class MalformedFilesTest(unittest.TestCase):
    def refused(self, source, *extra):
        result = run("report", "dashboard", "--source", source, "--format", "json", *extra, check=False)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertEqual(result.stdout, "")
        return result.stderr

    def test_a_bad_cost_in_a_focus_export(self):
        directory = temp_dir(self)
        bad = os.path.join(directory, "focus.csv")
        with open(FOCUS_SAMPLE, newline="") as f:
            rows = list(csv.reader(f))
        cost = rows[0].index("BilledCost")
        rows[500][cost] = "12,50"
        with open(bad, "w", newline="") as f:
            csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator="\n").writerows(rows)
        self.assertIn(f"{bad}:501: field 'BilledCost': expected a decimal number, got '12,50'",
                      self.refused(f"files:{bad}?focus_credit_price=0.01"))

    def test_a_bad_timestamp_in_a_directory_of_event_files(self):
        directory = temp_dir(self)
        with open(os.path.join(directory, "a.csv"), "w") as f:
            f.write("id,ts,workspace_id,category,feature,credits\ne1,2026-03-01T12:00:00Z,ws1,deploy,ocr,1\n")
        with open(os.path.join(directory, "b.csv"), "w") as f:
            f.write("id,ts,workspace_id,category,feature,credits\n"
                    "e2,2026-03-01T12:00:00Z,ws1,deploy,ocr,1\ne3,yesterday,ws1,deploy,ocr,1\n")
        stderr = self.refused(f"files:{directory}")
        self.assertIn(os.path.join(directory, "b.csv") + ":3: field 'ts': expected an ISO-8601 timestamp", stderr)

    def test_a_focus_export_needs_a_price_and_known_settings(self):
        self.assertIn("a FOCUS export: set focus_credit_price", self.refused(f"files:{FOCUS_SAMPLE}"))
        self.assertIn("unknown setting 'price' in the query", self.refused(f"files:{FOCUS_SAMPLE}?price=1"))
        self.assertIn("setting 'focus_credit_price': expected dollars per credit",
                      self.refused(f"files:{FOCUS_SAMPLE}?focus_credit_price=-1"))


if __name__ == "__main__":
    unittest.main()
