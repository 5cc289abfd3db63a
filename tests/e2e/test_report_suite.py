"""The built-in reports end to end: each one rendered to PDF from generated data, its pages counted
and its text read back with poppler-utils, and its numbers checked against the raw events."""
import os
import re
import subprocess
import unittest
from collections import defaultdict
from datetime import date
from decimal import Decimal
from zoneinfo import ZoneInfo

from support import GeneratedStoreTest, load_json, run, temp_dir

AS_OF = "2026-11-21"
WORKSPACE = "ws001"
ZONE = ZoneInfo("Europe/Berlin")


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True).stdout


def shown(amount):
    """A credit amount as the PDF prints it: grouped thousands, two decimals."""
    return f"{Decimal(amount).quantize(Decimal('0.01')):,}"


class ReportSuiteTest(GeneratedStoreTest):
    SEED = 1

    def render(self, report, *params, workspace=WORKSPACE):
        out = os.path.join(temp_dir(self), report + ".pdf")
        args = ["report", report, "--store", self.store, "--as-of", AS_OF, "-o", out]
        if workspace:
            args += ["--workspace", workspace]
        for p in params:
            args += ["--param", p]
        run(*args)
        return pdf_pages(out), pdf_text(out)

    def export(self, report, *params, workspace=WORKSPACE):
        args = ["report", report, "--store", self.store, "--as-of", AS_OF, "--format", "json", "--workspace", workspace]
        for p in params:
            args += ["--param", p]
        return load_json(run(*args).stdout)

    def events_between(self, first, last, workspace=WORKSPACE):
        return [e for e in self.events if e["workspace_id"] == workspace
                and first <= e["ts"].astimezone(ZONE).date() <= last]

    def test_cycle_shows_each_category_with_its_features_and_the_limits(self):
        pages, text = self.render("cycle")
        self.assertGreaterEqual(pages, 1)
        data = self.export("cycle")
        first = date.fromisoformat(data["meta"]["range"]["from"])
        by_category = defaultdict(lambda: defaultdict(Decimal))
        for e in self.events_between(first, date.fromisoformat(AS_OF)):
            by_category[e["category"]][e["feature"]] += e["credits"]
        for category, features in by_category.items():
            self.assertRegex(text, re.escape(category) + r" — [\d.]+% of the cycle")
            for feature, credits in features.items():
                self.assertRegex(text, re.escape(feature) + r"\s+" + re.escape(shown(credits)))
        limits = self.accounts[WORKSPACE]
        self.assertRegex(text, rf"members\s+{limits['members_count']}\s+{limits['members_limit']}")
        self.assertIn("Previous cycle", text)

    def test_audit_lists_every_event_across_pages(self):
        pages, text = self.render("audit", "range=2026-11-01..2026-11-14")
        events = self.events_between(date(2026, 11, 1), date(2026, 11, 14))
        self.assertGreater(pages, 3, "a fortnight of events spans several pages")
        ids = re.findall(r"\bev\d{8}\b", text)
        self.assertEqual(sorted(ids), sorted(e["id"] for e in events))
        self.assertEqual(text.count("Events, 2026-11-01 – 2026-11-14 (Europe/Berlin) (continued)"), pages - 1)
        total = sum((e["credits"] for e in events), Decimal(0))
        self.assertIn(shown(total), text)

    def test_audit_filters_by_api_key(self):
        key = "key_ws001_agents"
        _, text = self.render("audit", "range=2026-11-01..2026-11-07", f"api_key={key}")
        events = [e for e in self.events_between(date(2026, 11, 1), date(2026, 11, 7)) if e["api_key"] == key]
        self.assertEqual(sorted(re.findall(r"\bev\d{8}\b", text)), sorted(e["id"] for e in events))

    def test_runs_lists_the_costliest_runs_and_every_workflow(self):
        pages, text = self.render("runs", "range=2026-10-01..2026-10-31", "top=5")
        events = self.events_between(date(2026, 10, 1), date(2026, 10, 31))
        per_run = defaultdict(Decimal)
        for e in events:
            if e["run_id"]:
                per_run[e["run_id"]] += e["credits"]
        costliest = sorted(per_run.items(), key=lambda kv: -kv[1])[:5]
        for run_id, credits in costliest:
            self.assertRegex(text, re.escape(run_id) + r"\s+\S+\s+" + re.escape(shown(credits)))
        self.assertEqual(len(set(re.findall(r"\brun-\d+\b", text.split("Workflows and scenarios")[0]))), 5)
        for source in {e["source"] for e in events if e["source"]}:
            self.assertIn(source, text)
        self.assertGreaterEqual(pages, 1)

    def test_runs_breaks_one_run_down_by_module(self):
        run_id = next(e["run_id"] for e in self.events if e["workspace_id"] == WORKSPACE and e["module"] and
                      e["ts"].astimezone(ZONE).date() >= date(2026, 10, 31))
        data = self.export("runs", f"run={run_id}")
        modules = defaultdict(Decimal)
        for e in self.events:
            if e["run_id"] == run_id:
                modules[e["module"]] += e["credits"]
        self.assertEqual({r[0]: r[3] for r in data["tables"]["modules"]["rows"]}, dict(modules))

    def test_usage_graphs_draw_one_graph_per_feature_with_the_zero_switch(self):
        pages, text = self.render("usage_graphs", "range=2d")
        used = {e["feature"] for e in self.events_between(date(2026, 11, 20), date(2026, 11, 21))}
        ever = {e["feature"] for e in self.events if e["workspace_id"] == WORKSPACE}
        self.assertTrue(ever - used, "the data set must have a feature unused in the range")
        for feature in used:
            self.assertIn(feature, text)
        self.assertNotIn("(no usage in range)", text)
        _, with_zeros = self.render("usage_graphs", "range=2d", "zeros=true")
        for feature in ever - used:
            self.assertIn(feature + " (no usage in range)", with_zeros)
        self.assertEqual(with_zeros.count("(no usage in range)"), len(ever - used))
        self.assertGreaterEqual(pages, 1)

    def test_folders_show_the_tree_and_the_subtree_without_its_parent(self):
        _, text = self.render("folders", "range=2026-10-01..2026-10-31")
        events = self.events_between(date(2026, 10, 1), date(2026, 10, 31))
        batch = sum((e["credits"] for e in events if e["folder"] == "/prod/eu/batch"), Decimal(0))
        eu = sum((e["credits"] for e in events if e["folder"].startswith("/prod/eu")), Decimal(0))
        self.assertRegex(text, r"batch\s+/prod/eu/batch\s+" + re.escape(shown(batch)) + r"\s+" + re.escape(shown(batch)))
        self.assertRegex(text, r"eu\s+/prod/eu\s+[\d,.]+\s+" + re.escape(shown(eu)))
        _, children = self.render("folders", "range=2026-10-01..2026-10-31", "folder=/prod/eu", "children_only=true")
        self.assertIn("Folder tree (subfolders only)", children)
        self.assertRegex(children, r"eu\s+/prod/eu\s+0\.00\s+" + re.escape(shown(batch)))
        self.assertNotIn("/prod/us", children)

    def test_dashboard_filters_by_api_key_folder_and_user(self):
        key, user = "key_ws001_agents", "u_ws001_chloe"
        data = self.export("dashboard", "range=2026-10-01..2026-10-31", f"api_key={key}", "folder=/prod")
        events = [e for e in self.events_between(date(2026, 10, 1), date(2026, 10, 31))
                  if e["api_key"] == key and (e["folder"] == "/prod" or e["folder"].startswith("/prod/"))]
        self.assertEqual(data["datasets"]["reason"]["total"], sum((e["credits"] for e in events), Decimal(0)))
        per_user = self.export("dashboard", "range=2026-10-01..2026-10-31")["datasets"]["users"]
        expected = defaultdict(Decimal)
        for e in self.events_between(date(2026, 10, 1), date(2026, 10, 31)):
            expected[e["user_id"]] += e["credits"]
        top = sorted(expected.items(), key=lambda kv: -kv[1])[:10]
        self.assertEqual([(s["keys"][0], s["total"]) for s in per_user["series"][:10]], top)
        _, text = self.render("dashboard", f"user={user}")
        self.assertIn(f"Only usage of user {user}.", text)
        self.assertIn("Usage by user (top 10)", text)


if __name__ == "__main__":
    unittest.main()
