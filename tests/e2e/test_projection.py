"""Projections end to end: scenario files run with `creditlens project` on a hand-made store
(projection_data.py), every horizon, start mode and kind of change checked against totals worked
out by hand, the ledger split of projected usage against a cumulative walk, save/load round trips,
the PDF read back, and backtests on a series with a known weekly rhythm."""
import json
import os
import subprocess
import tempfile
import unittest
from datetime import date, timedelta
from decimal import ROUND_HALF_EVEN, Decimal

from projection_data import ACCOUNTS, AS_OF, NEWCOMER_FROM, batch, days, inference, write_store
from support import load_json, run, temp_dir

FIRST_PROJECTED = AS_OF + timedelta(days=1)

WHAT_IFS = """
local cl = require "creditlens"
return cl.projection {
  title = "Hand-made what-ifs",
  horizon = "2026-12-31",
  basis = "28d",
  scenarios = {
    cl.scenario { name = "As is" },
    cl.scenario { name = "Scale", changes = {
      cl.change { feature = "inference", scale = 2.5, from = "2026-12-01" } } },
    cl.scenario { name = "Add weekly", changes = {
      cl.change { feature = "inference", add = 70, per = "week", from = "2026-12-05", to = "2026-12-18" } } },
    cl.scenario { name = "Add monthly", changes = {
      cl.change { feature = "batch", add = 310, per = "month" } } },
    cl.scenario { name = "Stop", changes = {
      cl.change { feature = "batch", set = 0, from = "2026-12-15" } } },
    cl.scenario { name = "Ramp", changes = {
      cl.change { feature = "inference", set = 40, from = "2026-12-01", ramp_until = "2026-12-10" } } },
    cl.scenario { name = "New feature", changes = {
      cl.change { feature = "agent_runs", category = "agents", add = 12, from = "2026-12-20" } } },
    cl.scenario { name = "From scratch", start = "scratch", changes = {
      cl.change { feature = "agent_runs", category = "agents", set = 100, per = "week" } } },
  },
}
"""

HEAVY = """
local cl = require "creditlens"
return cl.projection {
  title = "Heavy December",
  horizon = "cycle_end",
  scenarios = {
    cl.scenario { name = "As is" },
    cl.scenario { name = "Heavy", changes = {
      cl.change { feature = "inference", scale = 4, from = "2026-11-25" },
      cl.change { feature = "agent_runs", category = "agents", add = 700, per = "week", from = "2026-12-01" },
    } },
  },
}
"""


def as_is(first, last):
    return sum(Decimal(inference(d) + batch(d)) for d in days(first, last))


def cents(amount):
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)


class ProjectionTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._dir = tempfile.TemporaryDirectory(prefix="creditlens-e2e-")
        cls.store, cls.api = write_store(cls._dir.name, run)
        cls.what_ifs = cls.scenario_file("what_ifs.lua", WHAT_IFS)
        cls.heavy = cls.scenario_file("heavy.lua", HEAVY)

    @classmethod
    def tearDownClass(cls):
        cls._dir.cleanup()

    @classmethod
    def scenario_file(cls, name, text):
        path = os.path.join(cls._dir.name, name)
        with open(path, "w") as f:
            f.write(text)
        return path

    def project(self, *args, workspace="ws1"):
        return load_json(run("project", *args, "--store", self.store, "--workspace", workspace,
                             "--as-of", AS_OF.isoformat(), "--format", "json").stdout)

    @staticmethod
    def scenario(projection, name):
        return next(s for s in projection["scenarios"] if s["name"] == name)

    @staticmethod
    def feature(scenario, name):
        return next(f for f in scenario["features"] if f["feature"] == name)

    def test_each_horizon_projects_the_days_up_to_it(self):
        horizons = {"cycle_end": date(2026, 12, 10), "next_cycle_end": date(2027, 1, 10), "3m": date(2027, 2, 21),
                    "1y": date(2027, 11, 21), "2027-01-31": date(2027, 1, 31)}
        for spec, last in horizons.items():
            with self.subTest(horizon=spec):
                projection = self.project(self.heavy, "--horizon", spec)
                self.assertEqual(projection["resolved"]["horizon_day"], last.isoformat())
                self.assertEqual(projection["resolved"]["first_projected_day"], FIRST_PROJECTED.isoformat())
                projected = self.scenario(projection, "As is")["projected"]
                self.assertEqual(projected["p50"], as_is(FIRST_PROJECTED, last))

    def test_both_methods_keep_exact_rates_on_exact_history(self):
        # The seasonal model learns "weekdays only" for batch; the current rate spreads it over the week.
        last = date(2026, 12, 10)
        seasonal = self.scenario(self.project(self.heavy, "--method", "seasonal"), "As is")
        current = self.scenario(self.project(self.heavy, "--method", "current_rate", "--basis", "28d"), "As is")
        self.assertEqual(self.feature(seasonal, "batch")["projected"]["p50"],
                         sum(Decimal(batch(d)) for d in days(FIRST_PROJECTED, last)))
        per_day = (Decimal(20 * 20) / 28).quantize(Decimal("0.000001"))
        self.assertEqual(self.feature(current, "batch")["projected"]["p50"], per_day * 19)
        self.assertEqual(self.feature(current, "inference")["projected"]["p50"], 10 * 19)

    def test_each_kind_of_change_against_hand_totals(self):
        projection = self.project(self.what_ifs)
        inference_of = lambda name: self.feature(self.scenario(projection, name), "inference")["projected"]["p50"]
        batch_of = lambda name: self.feature(self.scenario(projection, name), "batch")["projected"]["p50"]
        base_batch = sum(Decimal(batch(d)) for d in days(FIRST_PROJECTED, date(2026, 12, 31)))
        self.assertEqual(inference_of("As is"), 40 * 10)
        self.assertEqual(inference_of("Scale"), 9 * 10 + 31 * 25)
        self.assertEqual(inference_of("Add weekly"), 40 * 10 + 14 * 10)
        # 310 a month: 310/30 a day for November's last 9 days, 10 a day in December.
        nov = (Decimal(310) / 30).quantize(Decimal("0.000001"))
        self.assertEqual(batch_of("Add monthly"), base_batch + 9 * nov + 310)
        self.assertEqual(batch_of("Stop"), sum(Decimal(batch(d)) for d in days(FIRST_PROJECTED, date(2026, 12, 14))))
        # Set 40 ramping in over Dec 1-10: 10 + 3k on day k, then 40.
        self.assertEqual(inference_of("Ramp"), 9 * 10 + sum(10 + 3 * k for k in range(1, 11)) + 21 * 40)
        new = self.feature(self.scenario(projection, "New feature"), "agent_runs")
        self.assertEqual(new["projected"]["p50"], 12 * 12)
        self.assertTrue(new["added"])
        self.assertEqual(new["category"], "agents")
        scratch = self.scenario(projection, "From scratch")
        self.assertEqual([f["feature"] for f in scratch["features"]], ["agent_runs"])
        self.assertEqual(scratch["projected"]["p50"], 40 * (Decimal(100) / 7).quantize(Decimal("0.000001")))
        for s in projection["scenarios"]:
            p = s["projected"]
            self.assertLessEqual(p["p10"], p["p50"], s["name"])
            self.assertLessEqual(p["p50"], p["p90"], s["name"])
            self.assertEqual(p["p50"], sum(f["projected"]["p50"] for f in s["features"]), s["name"])

    def test_projected_usage_is_split_by_the_ledger(self):
        heavy = self.scenario(self.project(self.heavy), "Heavy")
        # Walk the cycle by hand: 270 used by Nov 21 (11 x 10 + 8 weekdays x 20), 1000 included,
        # then the 500-credit grant, then flex.
        used, included_out, prepaid_out, projected = Decimal(270), None, None, Decimal(0)
        for d in days(FIRST_PROJECTED, date(2026, 12, 10)):
            today = (10 if d < date(2026, 11, 25) else 40) + batch(d) + (100 if d >= date(2026, 12, 1) else 0)
            used += today
            projected += today
            if included_out is None and used >= 1000:
                included_out = d
            if prepaid_out is None and used >= 1500:
                prepaid_out = d
        flex = used - 1500
        beyond = heavy["beyond_included"]
        self.assertEqual(heavy["projected"]["p50"], projected)
        self.assertEqual(beyond["prepaid"], 500)
        self.assertEqual(beyond["flex"], flex)
        self.assertEqual(beyond["over_limit"], 0)
        self.assertEqual(beyond["flex_cost"], cents(flex * Decimal("0.012")))
        self.assertEqual(beyond["prepaid_value"], Decimal("4.60"))
        self.assertEqual(heavy["included_runs_out"], included_out.isoformat())
        self.assertEqual(heavy["prepaid_runs_out"], prepaid_out.isoformat())
        # Exact history leaves no noise: the P10 and P90 paths are the P50 one, and the ledger splits
        # them alike, over the same actual usage.
        self.assertEqual((heavy["projected"]["p10"], heavy["projected"]["p90"]), (projected, projected))
        self.assertEqual(heavy["beyond_included_p10"], beyond)
        self.assertEqual(heavy["beyond_included_p90"], beyond)
        cycle = heavy["cycles"][0]
        self.assertEqual((cycle["first_day"], cycle["last_day"]), ("2026-11-11", "2026-12-10"))
        self.assertEqual((cycle["actual"], cycle["projected"]), (270, projected))
        self.assertEqual((cycle["included_applied"], cycle["prepaid_applied"], cycle["flex_credits"]),
                         (1000, 500, flex))
        # As is, the cycle stays within its included credits.
        calm = self.scenario(self.project(self.heavy), "As is")
        self.assertEqual(calm["beyond_included"]["prepaid"] + calm["beyond_included"]["flex"], 0)
        self.assertIsNone(calm["included_runs_out"])

    def test_days_before_a_workspaces_first_usage_are_not_in_its_basis(self):
        # 10 days of history under a 30-day basis: the rate is 7 a day, not 7 x 10 / 30.
        projection = self.project(self.heavy, "--horizon", "10d", "--method", "current_rate", workspace="ws4")
        self.assertEqual(projection["resolved"]["basis_first_day"], NEWCOMER_FROM.isoformat())
        fresh = self.feature(self.scenario(projection, "As is"), "fresh")
        self.assertEqual(fresh["basis_rate_per_day"], 7)
        self.assertEqual(fresh["projected"]["p50"], 70)

    def test_idle_days_at_the_start_of_the_basis_count(self):
        # 29 days from Saturday 2026-10-24: the weekend that opens it was idle, not before the data.
        projection = self.project(self.heavy, "--horizon", "10d", "--basis", "29d", "--method", "current_rate",
                                  workspace="ws5")
        self.assertEqual(projection["resolved"]["basis_first_day"], "2026-10-24")
        jobs = self.feature(self.scenario(projection, "As is"), "jobs")
        self.assertEqual(jobs["basis_credits"], 20 * 10)
        self.assertAlmostEqual(float(jobs["basis_rate_per_day"]), 200 / 29, places=12)

    def test_the_chart_days_join_actual_and_projected(self):
        heavy = self.scenario(self.project(self.heavy), "Heavy")
        by_day = {p["day"]: p for p in heavy["days"]}
        self.assertEqual(heavy["days"][0]["day"], "2026-11-11")  # the cycle's start
        self.assertEqual(by_day["2026-11-21"]["actual"], 10)  # a Saturday
        self.assertEqual(by_day["2026-11-21"]["cycle_to_date"]["p50"], 270)
        self.assertIsNone(by_day["2026-11-22"]["actual"])
        self.assertEqual(by_day["2026-12-10"]["cycle_to_date"]["p50"], 270 + heavy["projected"]["p50"])
        self.assertTrue(all(p["included"] == 1000 for p in heavy["days"]))

    def test_a_saved_projection_reruns_to_identical_results(self):
        directory = temp_dir(self)
        saved = os.path.join(directory, "saved.json")
        run("project", self.what_ifs, "--store", self.store, "--workspace", "ws1", "--as-of", AS_OF.isoformat(),
            "-o", saved)
        again = os.path.join(directory, "again.json")
        # No --workspace: the saved projection keeps following its own.
        run("project", "--from", saved, "--store", self.store, "--as-of", AS_OF.isoformat(), "-o", again)
        with open(saved) as a, open(again) as b:
            first, second = json.load(a), json.load(b)
        self.assertEqual(first, second)
        self.assertEqual(first["creditlens_projection"], 1)
        self.assertEqual(first["assumptions"]["horizon"], "2026-12-31")

    def test_a_saved_projection_renders_to_a_standalone_pdf(self):
        directory = temp_dir(self)
        saved = os.path.join(directory, "saved.json")
        run("project", self.heavy, "--store", self.store, "--workspace", "ws1", "--as-of", AS_OF.isoformat(),
            "-o", saved)
        pdf = os.path.join(directory, "shared.pdf")
        # No store: the document is drawn from the saved results alone.
        run("project", "--from", saved, "--as-saved", "-o", pdf, cwd=directory)
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
        for image, signature in (("shared.png", b"\x89PNG\r\n"), ("shared.svg", b"<?xml")):
            run("project", "--from", saved, "--as-saved", "-o", os.path.join(directory, image))
            with open(os.path.join(directory, image), "rb") as f:
                self.assertTrue(f.read().startswith(signature), image)
        with open(saved) as f:
            heavy = next(s for s in json.load(f)["scenarios"] if s["name"] == "Heavy")
        for expected in ("Heavy December", "Hand Made (ws1)", "Scenarios side by side", "Billing cycles",
                         "Per feature", "agent_runs", heavy["included_runs_out"], heavy["prepaid_runs_out"]):
            self.assertIn(expected, text)
        self.assertIn(f"{heavy['projected']['p50']:,}".rstrip("0").rstrip("."), text)

    def test_several_workspaces_need_one_named(self):
        result = run("project", self.heavy, "--store", self.store, "--as-of", AS_OF.isoformat(), "--format", "json",
                     check=False)
        self.assertEqual(result.returncode, 2)
        self.assertIn("give --workspace (one of: ws1, ws2, ws3, ws4, ws5)", result.stderr)

    def test_a_stores_only_workspace_needs_no_name(self):
        directory = temp_dir(self)
        events = os.path.join(directory, "events.csv")
        with open(events, "w") as f:
            f.write("id,ts,workspace_id,category,feature,credits\n")
            for n, d in enumerate(days(NEWCOMER_FROM, AS_OF)):
                f.write(f"e{n},{d.isoformat()}T12:00:00Z,ws4,data,fresh,7\n")
        accounts = os.path.join(directory, "accounts.json")
        with open(accounts, "w") as f:
            json.dump({"workspaces": [w for w in ACCOUNTS["workspaces"] if w["id"] == "ws4"]}, f)
        store = os.path.join(directory, "store.db")
        run("ingest", events, "--accounts", accounts, "--store", store)
        projection = load_json(run("project", self.heavy, "--store", store, "--as-of", AS_OF.isoformat(),
                                   "--horizon", "10d", "--method", "current_rate", "--format", "json").stdout)
        self.assertEqual(projection["resolved"]["workspace_id"], "ws4")
        self.assertEqual(self.scenario(projection, "As is")["projected"]["p50"], 70)

    def test_bad_assumptions_are_refused_with_where_and_why(self):
        bad = self.scenario_file("bad.lua", 'local cl = require "creditlens"\n'
                                            'return cl.projection { scenarios = {\n'
                                            '  cl.scenario { name = "x", changes = {\n'
                                            '    cl.change { feature = "inference", scale = 2, per = "fortnight" } } } } }\n')
        result = run("project", bad, "--store", self.store, "--workspace", "ws1", "--format", "json", check=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("bad.lua:4", result.stderr)
        self.assertIn("fortnight", result.stderr)
        result = run("project", self.heavy, "--store", self.store, "--workspace", "ws2", "--format", "json",
                     check=False)
        self.assertEqual(result.returncode, 2)
        self.assertIn("has no plan in force", result.stderr)
        result = run("project", self.heavy, "--store", self.store, "--workspace", "ws1", "--as-of",
                     AS_OF.isoformat(), "--horizon", "2026-11-20", "--format", "json", check=False)
        self.assertIn("is not after the last day of history, 2026-11-21", result.stderr)

    def test_backtest_scores_the_seasonal_model_above_the_naive_baseline(self):
        report = load_json(run("backtest", "--store", self.store, "--workspace", "ws3", "--as-of",
                               AS_OF.isoformat(), "--holdout", "28", "--basis", "84", "--format", "json").stdout)
        self.assertEqual(report["holdout"], {"first_day": "2026-10-25", "last_day": "2026-11-21"})
        self.assertEqual(report["train"], {"first_day": "2026-08-02", "last_day": "2026-10-24"})
        total = report["rows"][0]
        self.assertIsNone(total["feature"])
        self.assertEqual(total["actual"], sum(v for d, v in self.api.items() if d >= date(2026, 10, 25)))
        scores = total["scores"]
        self.assertLess(scores["seasonal"]["wape"], scores["naive"]["wape"] / 2)
        self.assertLess(scores["seasonal"]["wape"], scores["current_rate"]["wape"] / 2)
        self.assertGreater(scores["seasonal"]["coverage"], Decimal("0.6"))
        self.assertIsNone(scores["naive"]["coverage"])
        # Hand check of the naive baseline: the last 28 training days' average, every held-out day.
        train = [v for d, v in self.api.items() if date(2026, 9, 27) <= d <= date(2026, 10, 24)]
        average = sum(train) / 28
        held = [v for d, v in self.api.items() if d >= date(2026, 10, 25)]
        naive = sum(abs(v - average) for v in held) / sum(held)
        self.assertAlmostEqual(float(scores["naive"]["wape"]), float(naive), places=9)


if __name__ == "__main__":
    unittest.main()
