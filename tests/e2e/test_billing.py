"""Billing end to end: the ledger, invoices and alerts of generated workspaces, checked against usage
sums and billing cycles computed independently from the raw events (support.py), and the invoice
PDF read back."""
import os
import subprocess
import unittest
from datetime import date, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from support import GeneratedStoreTest, cycle_at, end_of_day, load_json, run, temp_dir

AS_OF = date(2026, 11, 21)
BERLIN = "ws001"  # Europe/Berlin: whole-hour offsets, so hourly usage cuts exactly at local midnight


class BillingTest(GeneratedStoreTest):
    SEED = 5

    def report(self, name, workspace, *params):
        args = ["report", name, "--store", self.store, "--workspace", workspace, "--as-of", AS_OF.isoformat(),
                "--format", "json"]
        for p in params:
            args += ["--param", p]
        return load_json(run(*args).stdout)

    def usage(self, workspace, start, end):
        return sum((e["credits"] for e in self.events if e["workspace_id"] == workspace and start <= e["ts"] < end),
                   Decimal(0))

    def table(self, report, name):
        t = report["tables"][name]
        columns = [c["name"] for c in t["columns"]]
        return [dict(zip(columns, row)) for row in t["rows"]]

    def test_consumption_entries_sum_to_the_usage_of_each_day(self):
        ws = self.accounts[BERLIN]
        report = self.report("ledger", BERLIN, "range=30d")
        entries = self.table(report, "entries")
        zone = ZoneInfo(ws["timezone"])
        consumed = {}
        for e in entries:
            if e["entry"] == "consumption":
                consumed[e["date"]] = consumed.get(e["date"], Decimal(0)) + e["credits"]
        expected = {}
        first = AS_OF - timedelta(days=29)
        for e in self.events:
            day = e["ts"].astimezone(zone).date()
            if e["workspace_id"] == BERLIN and first <= day <= AS_OF:
                expected[day.isoformat()] = expected.get(day.isoformat(), Decimal(0)) + e["credits"]
        self.assertEqual(consumed, expected)

    def test_the_credits_tab_adds_up_and_matches_the_cycle(self):
        ws = self.accounts[BERLIN]
        instant = end_of_day(AS_OF, ws["timezone"])
        start, end, included = cycle_at(ws, instant)
        used = self.usage(BERLIN, start, instant)
        rows = {r["source"]: r for r in self.table(self.report("ledger", BERLIN), "credits")}
        self.assertEqual(rows["included"]["allocated"], included)
        self.assertEqual(rows["included"]["consumed"], min(used, included))
        self.assertEqual(rows["included"]["expires_on"], end.astimezone(ZoneInfo(ws["timezone"])).date().isoformat())
        for source, row in rows.items():
            if source != "over_limit":
                self.assertEqual(row["consumed"] + row["remaining"],
                                 row["allocated"] if source != "flex" or row["allocated"] else row["remaining"],
                                 source)
        # Whatever included credits did not cover went to grants, flex or over-limit.
        beyond = sum((r["consumed"] for s, r in rows.items() if s != "included" and not s.startswith("grant:")),
                     Decimal(0))
        self.assertLessEqual(beyond, max(Decimal(0), used - included))

    def test_the_previous_invoice_is_final_and_covers_the_cycle_exactly(self):
        ws = self.accounts[BERLIN]
        current_start, _, _ = cycle_at(ws, end_of_day(AS_OF, ws["timezone"]))
        previous_start, previous_end, included = cycle_at(ws, current_start - timedelta(milliseconds=1))
        used = self.usage(BERLIN, previous_start, previous_end)
        lines = self.table(self.report("invoice", BERLIN, "cycle=previous"), "invoice")
        self.assertTrue(lines and all(l["status"] == "final" for l in lines))
        self.assertEqual(lines[0]["period_from"], previous_start.astimezone(ZoneInfo(ws["timezone"])).date().isoformat())
        by_kind = {}
        for l in lines:
            by_kind.setdefault(l["line"], []).append(l)
        self.assertEqual(sum((l["credits"] for l in by_kind["usage"]), Decimal(0)), used)
        self.assertEqual(by_kind["total"][0]["credits"], used)
        self.assertEqual(by_kind["included"][0]["credits"], min(used, included))
        charged = sum((l["amount"] for l in lines if l["line"] not in ("total",)), Decimal(0))
        self.assertEqual(by_kind["total"][0]["amount"], charged)
        flex_price = Decimal(str(ws["subscriptions"][-1]["flex_price_per_credit"]))
        for l in by_kind.get("flex", []):  # the one charged line: credits x flex price, half-even to cents
            self.assertEqual(l["amount"], (l["credits"] * flex_price).quantize(Decimal("0.01"), "ROUND_HALF_EVEN"))

    def test_an_invoice_for_any_closed_cycle(self):
        ws = self.accounts[BERLIN]
        start, _, _ = cycle_at(ws, end_of_day(AS_OF, ws["timezone"]))
        for back in (1, 2, 3):
            start, end, _ = cycle_at(ws, start - timedelta(milliseconds=1))
            lines = self.table(self.report("invoice", BERLIN, f"cycle=-{back}"), "invoice")
            total = [l for l in lines if l["line"] == "total"][0]
            self.assertEqual(total["credits"], self.usage(BERLIN, start, end), back)
            self.assertEqual(total["status"], "final")
        bad = run("report", "invoice", "--store", self.store, "--workspace", BERLIN, "--param", "cycle=next",
                  "--format", "json", check=False)
        self.assertEqual(bad.returncode, 1)
        self.assertIn("data.invoice.cycle: expected current, previous or a whole number of cycles back", bad.stderr)

    def test_recommendation_options_come_from_the_report(self):
        directory = temp_dir(self)
        report = os.path.join(directory, "advice.lua")
        with open(report, "w") as f:
            f.write('local cl = require "creditlens"\nreturn cl.report { title = "Advice", data = {\n'
                    '  advice = cl.recommendation { bundles = { { credits = 10000, discount = 50 } },\n'
                    '                               plans = { { name = "solo", included = 10, price = 1 } } } },\n'
                    '  layout = function(d) return { cl.table { d.advice } } end }\n')
        rows = self.table(load_json(run("report", report, "--store", self.store, "--workspace", BERLIN, "--as-of",
                                        AS_OF.isoformat(), "--format", "json").stdout), "advice")
        options = {r["option"]: r for r in rows}
        # One 10,000-credit bundle at half price: 10000 x price_per_credit x 0.5, rounded to cents.
        price = Decimal(str(self.accounts[BERLIN]["price_per_credit"]))
        self.assertEqual(options["prepaid_bundle"]["cost_per_cycle"],
                         (10000 * price / 2).quantize(Decimal("0.01"), "ROUND_HALF_EVEN"))
        self.assertEqual(options["plan_upgrade"]["available"], "no", "no plan in the list is the workspace's own")
        with open(report, "w") as f:
            f.write('local cl = require "creditlens"\nreturn cl.report { title = "Advice", data = {\n'
                    '  advice = cl.recommendation { bundles = { { credits = -5 } } } },\n'
                    '  layout = function(d) return {} end }\n')
        bad = run("report", report, "--store", self.store, "--format", "json", check=False)
        self.assertEqual(bad.returncode, 1)
        self.assertIn("data.advice.bundles[1].credits: expected a number >= 0", bad.stderr)

    def test_invoice_pdf(self):
        out = os.path.join(temp_dir(self), "invoice.pdf")
        run("report", "invoice", "--store", self.store, "--workspace", BERLIN, "--as-of", AS_OF.isoformat(),
            "--param", "cycle=previous", "-o", out)
        text = subprocess.run(["pdftotext", "-layout", out, "-"], capture_output=True, text=True, check=True).stdout
        for expected in ["Invoice", "Acme Vision (ws001)", "final", "Invoice lines", "Total USD", "Included credits"]:
            self.assertIn(expected, text)
        ws = self.accounts[BERLIN]
        current_start, _, _ = cycle_at(ws, end_of_day(AS_OF, ws["timezone"]))
        previous_start, previous_end, _ = cycle_at(ws, current_start - timedelta(milliseconds=1))
        zone = ZoneInfo(ws["timezone"])
        period = (f"invoice for {previous_start.astimezone(zone).date()} – "
                  f"{(previous_end - timedelta(milliseconds=1)).astimezone(zone).date()}")
        self.assertIn(period, text, "the subtitle names the invoiced cycle")

    def test_alerts_fire_once_per_threshold_per_cycle(self):
        alerts = load_json(run("alerts", "--store", self.store, "--as-of", AS_OF.isoformat(), "--format",
                               "json").stdout)["tables"]["alerts"]
        columns = [c["name"] for c in alerts["columns"]]
        rows = [dict(zip(columns, r)) for r in alerts["rows"]]
        keys = [(r["workspace"], r["alert"], r["threshold_percent"], r["grant"], r["cycle_from"]) for r in rows]
        self.assertEqual(len(keys), len(set(keys)), "each threshold fires once per cycle")
        # Independently: every closed cycle of ws001 whose usage reached its included credits has a 100% alert.
        ws = self.accounts[BERLIN]
        instant = end_of_day(AS_OF, ws["timezone"])
        start, _, _ = cycle_at(ws, instant)
        fired = {r["cycle_from"] for r in rows if r["workspace"] == BERLIN and r["alert"] == "included_used"
                 and r["threshold_percent"] == 100}
        for _ in range(4):
            start, end, included = cycle_at(ws, start - timedelta(milliseconds=1))
            reached = self.usage(BERLIN, start, end) >= included
            stamp = start.strftime("%Y-%m-%dT%H:%M:%S.000Z")
            self.assertEqual(stamp in fired, reached, stamp)

    def test_alert_thresholds_are_configurable_and_checked(self):
        fifty = run("alerts", "--store", self.store, "--workspace", BERLIN, "--as-of", AS_OF.isoformat(),
                    "--included", "50", "--format", "csv").stdout
        cells = {}
        for line in fifty.splitlines()[1:]:
            _, _, row, column, _, value, _, _ = line.split(",")
            cells.setdefault(row, {})[column] = value
        included = {r["threshold_percent"] for r in cells.values() if r["alert"] == "included_used"}
        self.assertEqual(included, {"50"})
        self.assertIn("flex_approached", {r["alert"] for r in cells.values()}, "flex keeps its default 80%")
        bad = run("alerts", "--store", self.store, "--included", "eighty", check=False)
        self.assertEqual(bad.returncode, 2)
        self.assertIn("--included expects percents like 80,100", bad.stderr)


if __name__ == "__main__":
    unittest.main()
