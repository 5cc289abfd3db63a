"""The dashboard end to end: generated data ingested, the JSON export checked number by number
against sums computed independently, and the PDF, PNG and SVG opened and read back."""
import os
import re
import subprocess
import unittest
from datetime import date
from decimal import Decimal

from support import Expected, GeneratedStoreTest, load_json, run, temp_dir

AS_OF = date(2026, 11, 21)


class DashboardTest(GeneratedStoreTest):
    SEED = 11

    def export(self, *extra):
        result = run("report", "dashboard", "--store", self.store, "--as-of", AS_OF.isoformat(), "--format", "json",
                     *extra)
        return load_json(result.stdout)

    def assert_matches(self, report, expected):
        datasets = report["datasets"]
        self.assertEqual(datasets["daily"]["series"][0]["values"], expected.daily())
        months, monthly = expected.monthly()
        self.assertEqual(datasets["monthly"]["buckets"], months)
        self.assertEqual(datasets["monthly"]["series"][0]["values"], monthly)
        by_category = {s["keys"][0]: s["total"] for s in datasets["categories"]["series"]}
        self.assertEqual(by_category, expected.in_range(lambda e: e["category"]))
        by_reason = {tuple(s["keys"]): s["total"] for s in datasets["reason"]["series"]}
        self.assertEqual(by_reason, expected.in_range(lambda e: (e["category"], e["feature"])))
        self.assertEqual(datasets["reason"]["total"], sum(by_reason.values(), Decimal(0)))
        kpis = {k["label"]: k["value"] for k in report["kpis"]}
        self.assertEqual(kpis["Used this cycle"], expected.cycle_used())
        self.assertEqual(kpis["Included"], expected.included())
        return datasets

    def test_organisation_numbers_match_independent_sums(self):
        report = self.export()
        expected = Expected(self.events, self.accounts, AS_OF)
        datasets = self.assert_matches(report, expected)
        by_workspace = {s["keys"][0]: s["total"] for s in datasets["workspaces"]["series"]}
        self.assertEqual(by_workspace, expected.in_range(lambda e: e["workspace_id"]))
        totals = [s["total"] for s in datasets["workspaces"]["series"]]
        self.assertEqual(totals, sorted(totals, reverse=True), "workspaces are sorted by credits")
        by_kind = {s["keys"][0]: s["total"] for s in datasets["team_vs_personal"]["series"]}
        self.assertEqual(by_kind, expected.in_range(lambda e: self.accounts[e["workspace_id"]]["kind"]))
        self.assertEqual(report["meta"]["range"], {"spec": "billing_month", "from": "2026-11-01", "to": "2026-11-21"})

    def test_a_workspace_in_a_half_hour_zone(self):
        report = self.export("--workspace", "ws003")  # Asia/Kolkata, +05:30
        expected = Expected(self.events, self.accounts, AS_OF, zone="Asia/Kolkata", workspace="ws003")
        self.assertEqual(report["meta"]["timezone"], "Asia/Kolkata")
        datasets = self.assert_matches(report, expected)
        self.assertNotIn("workspaces", datasets)

    def test_a_workspace_whose_cycle_anchors_on_the_31st(self):
        report = self.export("--workspace", "ws001")  # Europe/Berlin
        expected = Expected(self.events, self.accounts, AS_OF, zone="Europe/Berlin", workspace="ws001")
        self.assert_matches(report, expected)
        self.assertEqual(report["meta"]["range"]["from"], expected.range[0].isoformat())

    def test_organisation_in_another_zone(self):
        report = self.export("--tz", "Asia/Kolkata")
        self.assert_matches(report, Expected(self.events, self.accounts, AS_OF, zone="Asia/Kolkata"))

    def test_ranges_cumulative_and_dollars(self):
        expected = Expected(self.events, self.accounts, AS_OF)
        report = self.export("--param", "range=7d", "--param", "cumulative=true")
        self.assertEqual(report["meta"]["range"]["from"], "2026-11-15")
        in_week = expected.sum_by(lambda e: e["category"], date(2026, 11, 15), AS_OF)
        self.assertEqual({s["keys"][0]: s["total"] for s in report["datasets"]["categories"]["series"]}, in_week)
        daily = expected.daily()
        running = [sum(daily[:i + 1], Decimal(0)) for i in range(30)]
        self.assertEqual(report["datasets"]["daily"]["series"][0]["values"], running)

        custom = self.export("--param", "range=2026-03-01..2026-03-31", "--param", "unit=dollars")
        march = expected.sum_by(lambda e: e["workspace_id"], date(2026, 3, 1), date(2026, 3, 31))
        dollars = {ws: round(c * Decimal(str(self.accounts[ws]["price_per_credit"])), 6) for ws, c in march.items()}
        got = {s["keys"][0]: s["total"] for s in custom["datasets"]["workspaces"]["series"]}
        self.assertEqual(set(got), set(dollars))
        for ws, amount in dollars.items():
            self.assertLessEqual(abs(got[ws] - amount), Decimal("0.00001"), ws)  # rounded per aggregated row

    def test_as_of_makes_a_run_reproducible(self):
        first = run("report", "dashboard", "--store", self.store, "--as-of", "2026-06-30", "--format", "json").stdout
        second = run("report", "dashboard", "--store", self.store, "--as-of", "2026-06-30", "--format", "json").stdout
        self.assertEqual(first, second)
        self.assertIn('"to":"2026-06-30"', first)

    def test_csv_export_carries_the_same_numbers(self):
        result = run("report", "dashboard", "--store", self.store, "--as-of", AS_OF.isoformat(), "--format", "csv")
        lines = result.stdout.splitlines()
        self.assertEqual(lines[0], "section,name,bucket,key,label,value,unit,events")
        daily = [Decimal(l.split(",")[5]) for l in lines if l.startswith("dataset,daily,")]
        self.assertEqual(daily, Expected(self.events, self.accounts, AS_OF).daily())

    def test_pdf_has_pages_titles_axes_and_a_known_total(self):
        out = os.path.join(temp_dir(self), "dashboard.pdf")
        result = run("report", "dashboard", "--store", self.store, "--as-of", AS_OF.isoformat(), "-o", out)
        self.assertIn(out, result.stdout)
        info = subprocess.run(["pdfinfo", out], capture_output=True, text=True, check=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        self.assertGreaterEqual(pages, 2)
        text = subprocess.run(["pdftotext", "-layout", out, "-"], capture_output=True, text=True, check=True).stdout
        for title in ["Credit usage", "Daily usage (last 30 days)", "Monthly usage (last 12 months)",
                      "Usage by category", "Usage by reason", "Usage by workspace", "Team vs personal",
                      "monthly allowance", "Acme Vision", "personal", "Used this cycle", "Resets on"]:
            self.assertIn(title, text)
        total = sum(Expected(self.events, self.accounts, AS_OF).in_range(lambda e: "all").values(), Decimal(0))
        self.assertIn(f"{total:,.2f}", text, "the range total KPI is printed")
        fonts = subprocess.run(["pdffonts", out], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
        self.assertTrue(fonts and all(" yes " in line for line in fonts), "every font is embedded")

    def test_png_and_svg(self):
        directory = temp_dir(self)
        run("report", "dashboard", "--store", self.store, "--as-of", AS_OF.isoformat(), "-o", f"{directory}/d.png")
        with open(f"{directory}/d.png", "rb") as f:
            self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")
        run("report", "dashboard", "--store", self.store, "--as-of", AS_OF.isoformat(), "-o", f"{directory}/d.svg")
        with open(f"{directory}/d.svg") as f:
            self.assertIn("<svg", f.read())

    def test_unknown_workspace_is_a_usage_error_with_or_without_tz(self):
        for extra in [[], ["--tz", "UTC"]]:
            result = run("report", "dashboard", "--store", self.store, "--workspace", "ws999", "--format", "json",
                         *extra, check=False)
            self.assertEqual(result.returncode, 2)
            self.assertIn("unknown workspace 'ws999'", result.stderr)

    def test_requests_are_checked_field_by_field(self):
        directory = temp_dir(self)
        cases = {
            "where = { feature = 3 }": "data.x.where.feature: expected text or a list of texts",
            "where = { colour = 'red' }": "data.x.where.colour: unknown dimension",
            "top = 2.5": "data.x.top: expected a whole number >= 0",
            "range = 'fortnight'": "data.x: unknown range 'fortnight'",
            "group = 'colour'": "x: unknown dimension 'colour'",
        }
        for fields, message in cases.items():
            report = os.path.join(directory, "r.lua")
            with open(report, "w") as f:
                f.write('local cl = require "creditlens"\nreturn cl.report { title = "t", data = {\n'
                        f'  x = cl.usage {{ {fields} }} }}, layout = function(d) return {{ cl.bar {{ d.x }} }} end }}\n')
            result = run("report", report, "--store", self.store, "--format", "json", check=False)
            self.assertEqual(result.returncode, 1, fields)
            self.assertIn(message, result.stderr)

    def test_a_failing_report_writes_no_file(self):
        directory = temp_dir(self)
        out = os.path.join(directory, "never.pdf")
        bad_param = run("report", "dashboard", "--store", self.store, "--param", "unit=euros", "-o", out, check=False)
        self.assertEqual(bad_param.returncode, 2)
        self.assertIn("param 'unit': 'euros' is not one of credits, dollars", bad_param.stderr)
        bad_range = run("report", "dashboard", "--store", self.store, "--param", "range=fortnight", "-o", out,
                        check=False)
        self.assertEqual(bad_range.returncode, 2)
        self.assertIn("param 'range': unknown range 'fortnight' (accepted: billing_month", bad_range.stderr)
        broken = os.path.join(directory, "broken.lua")
        with open(broken, "w") as f:
            f.write('local cl = require "creditlens"\nreturn cl.report { title = "x", layout = function(d, ctx)\n'
                    '  return { cl.bar { d.missing } }\nend }\n')
        failed = run("report", broken, "--store", self.store, "-o", out, check=False)
        self.assertEqual(failed.returncode, 1)
        self.assertIn("broken.lua:3:", failed.stderr)
        self.assertIn("stack traceback", failed.stderr)
        self.assertFalse(os.path.exists(out))
        self.assertEqual(os.listdir(directory), ["broken.lua"], "no partial or temporary file is left")


if __name__ == "__main__":
    unittest.main()
