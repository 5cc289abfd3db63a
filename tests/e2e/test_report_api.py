"""The data side of the Lua report API end to end: every request kind and option run by the real
binary on generated data, its JSON export checked against sums Python computes from the raw
events (csv, decimal, zoneinfo)."""
import os
import unittest
from collections import defaultdict
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from support import GeneratedStoreTest, cycle_at, end_of_day, load_json, run, temp_dir

AS_OF = date(2026, 11, 21)
WORKSPACE = "ws001"  # Europe/Berlin, folders three levels deep (/prod/eu/batch)
ZONE = ZoneInfo("Europe/Berlin")
OCTOBER = (date(2026, 10, 1), date(2026, 10, 31))


def in_folder(folder, root):
    root = root.rstrip("/") or "/"
    if root == "/":
        return folder.startswith("/")
    return folder == root or folder.startswith(root + "/")


class ReportApiTest(GeneratedStoreTest):
    SEED = 1

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine = [e for e in cls.events if e["workspace_id"] == WORKSPACE]

    def query(self, data, workspace=WORKSPACE, layout="{}", extra=()):
        """Runs a report whose data stage is `data` (Lua source of a table) and returns its JSON export."""
        path = os.path.join(temp_dir(self), "probe.lua")
        with open(path, "w") as f:
            f.write('local cl = require "creditlens"\nreturn cl.report { title = "Probe", data = ' + data +
                    ", layout = function(d, ctx) return " + layout + " end }\n")
        args = ["report", path, "--store", self.store, "--as-of", AS_OF.isoformat(), "--format", "json", *extra]
        if workspace:
            args += ["--workspace", workspace]
        return load_json(run(*args).stdout)

    def local_day(self, event):
        return event["ts"].astimezone(ZONE).date()

    def sums(self, key, first, last, keep=lambda e: True, events=None):
        out = defaultdict(Decimal)
        for e in self.mine if events is None else events:
            if first <= self.local_day(e) <= last and keep(e):
                out[key(e)] += e["credits"]
        return dict(out)

    @staticmethod
    def series_totals(dataset):
        return {tuple(s["keys"]) if len(s["keys"]) > 1 else s["keys"][0]: s["total"] for s in dataset["series"]}

    def test_filters_and_grouping_by_every_attribution_dimension(self):
        oct_range = '"2026-10-01..2026-10-31"'
        for dimension, field in [("api_key", "api_key"), ("user", "user_id"), ("source", "source"),
                                 ("run", "run_id"), ("module", "module"), ("category", "category")]:
            report = self.query("{ d = cl.usage { group = '%s', range = %s } }" % (dimension, oct_range))
            expected = self.sums(lambda e: e[field], *OCTOBER)
            self.assertEqual(self.series_totals(report["datasets"]["d"]), expected, dimension)
        key = "key_ws001_agents"
        report = self.query("{ d = cl.usage { by = 'day', where = { api_key = '%s', category = { 'agents', 'deploy' } },"
                            " range = %s } }" % (key, oct_range))
        daily = self.sums(lambda e: self.local_day(e).isoformat(), *OCTOBER,
                          keep=lambda e: e["api_key"] == key and e["category"] in ("agents", "deploy"))
        d = report["datasets"]["d"]
        self.assertEqual(len(d["buckets"]), 31)
        self.assertEqual(dict(zip(d["buckets"], d["series"][0]["values"])),
                         {b: daily.get(b, Decimal(0)) for b in d["buckets"]})
        self.assertGreater(d["total"], 0)

    def test_folder_filters_roll_up_the_tree_or_keep_only_children(self):
        for root in ["/prod", "/prod/eu", "/prod/eu/batch"]:
            report = self.query("{ all = cl.usage { where = { folder = '%s' }, range = '2026-10-01..2026-10-31' },"
                                "  kids = cl.usage { where = { folder = '%s' }, exclude_direct = true,"
                                "                    range = '2026-10-01..2026-10-31' } }" % (root, root))
            subtree = self.sums(lambda e: 0, *OCTOBER, keep=lambda e: in_folder(e["folder"], root)).get(0, Decimal(0))
            children = self.sums(lambda e: 0, *OCTOBER,
                                 keep=lambda e: in_folder(e["folder"], root) and e["folder"] != root).get(0, Decimal(0))
            self.assertEqual(report["datasets"]["all"]["total"], subtree, root)
            self.assertEqual(report["datasets"]["kids"]["total"], children, root)
            self.assertGreater(subtree, children, f"{root} has direct usage of its own")

    def test_folder_tree_has_direct_and_rolled_up_usage_three_levels_deep(self):
        report = self.query("{ tree = cl.folders { range = '2026-10-01..2026-10-31' },"
                            "  eu = cl.folders { range = '2026-10-01..2026-10-31', where = { folder = '/prod/eu' },"
                            "                    exclude_direct = true } }")
        rows = {r[0]: r for r in report["tables"]["tree"]["rows"]}
        direct = self.sums(lambda e: e["folder"], *OCTOBER)
        for path, row in rows.items():
            if path == "(no folder)":
                self.assertEqual(row[2], direct[""])
                continue
            self.assertEqual(row[1], path.count("/"), path)
            self.assertEqual(row[2], direct.get(path, Decimal(0)), path)
            self.assertEqual(row[3], sum((v for f, v in direct.items() if in_folder(f, path)), Decimal(0)), path)
        self.assertEqual(rows["/prod/eu/batch"][1], 3)
        self.assertIn("/research", rows, "an ancestor without direct usage is still in the tree")
        self.assertEqual(rows["/research"][2], 0)
        paths = [r[0] for r in report["tables"]["tree"]["rows"]]
        self.assertLess(paths.index("/prod"), paths.index("/prod/eu"))
        self.assertLess(paths.index("/prod/eu"), paths.index("/prod/eu/batch"))
        eu = {r[0]: r for r in report["tables"]["eu"]["rows"]}
        self.assertEqual(eu["/prod/eu"][2], 0, "the parent's direct usage is excluded")
        self.assertEqual(eu["/prod/eu"][3], direct["/prod/eu/batch"])
        self.assertEqual(eu["/prod"][3], direct["/prod/eu/batch"])

    def test_comparison_with_the_previous_period(self):
        report = self.query("{ w = cl.usage { group = 'feature', range = '2026-10-01..2026-10-31', compare = 'previous' },"
                            "  c = cl.usage { range = 'billing_month', compare = 'previous' },"
                            "  part = cl.usage { range = '2026-10-01..2026-10-10', compare = 'previous' } }")
        w = report["datasets"]["w"]
        self.assertEqual((w["previous"]["from"], w["previous"]["to"]), ("2026-09-01", "2026-09-30"))
        september = self.sums(lambda e: e["feature"], date(2026, 9, 1), date(2026, 9, 30))
        self.assertEqual(w["previous"]["total"], sum(september.values(), Decimal(0)))
        self.assertEqual({s["keys"][0]: s["previous_total"] for s in w["series"] if s["previous_total"]},
                         {k: v for k, v in september.items() if v})
        # Ten days from the 1st are not whole months: they compare with the ten days before.
        part = report["datasets"]["part"]["previous"]
        self.assertEqual((part["from"], part["to"]), ("2026-09-21", "2026-09-30"))
        self.assertEqual(part["total"], sum(self.sums(lambda e: 0, date(2026, 9, 21), date(2026, 9, 30)).values(),
                                            Decimal(0)))
        # A billing-cycle range compares with the previous cycle (Berlin's cycle anchors on the 31st).
        instant = end_of_day(AS_OF, "Europe/Berlin")
        current = cycle_at(self.accounts[WORKSPACE], instant)
        previous = cycle_at(self.accounts[WORKSPACE], current[0] - timedelta(milliseconds=1))
        c = report["datasets"]["c"]
        self.assertEqual(c["previous"]["from"], previous[0].astimezone(ZONE).date().isoformat())
        self.assertEqual(c["previous"]["to"], (current[0].astimezone(ZONE).date() - timedelta(days=1)).isoformat())
        expected = sum((e["credits"] for e in self.mine if previous[0] <= e["ts"] < previous[1]), Decimal(0))
        self.assertEqual(c["previous"]["total"], expected)

    def test_previous_cycle_range(self):
        report = self.query("{ d = cl.usage { by = 'day', range = 'previous_cycle' } }")
        instant = end_of_day(AS_OF, "Europe/Berlin")
        current = cycle_at(self.accounts[WORKSPACE], instant)
        previous = cycle_at(self.accounts[WORKSPACE], current[0] - timedelta(milliseconds=1))
        d = report["datasets"]["d"]
        self.assertEqual(d["buckets"][0], previous[0].astimezone(ZONE).date().isoformat())
        self.assertEqual(d["total"], sum((e["credits"] for e in self.mine if previous[0] <= e["ts"] < previous[1]),
                                         Decimal(0)))

    def test_zero_usage_series_cover_features_used_before(self):
        days = (date(2026, 11, 20), AS_OF)
        report = self.query("{ plain = cl.usage { by = 'day', group = 'feature', range = '2d' },"
                            "  zeros = cl.usage { by = 'day', group = 'feature', range = '2d', zeros = true } }")
        used = set(self.sums(lambda e: e["feature"], *days))
        ever = {e["feature"] for e in self.mine}
        self.assertEqual({s["keys"][0] for s in report["datasets"]["plain"]["series"]}, used)
        zeros = report["datasets"]["zeros"]["series"]
        self.assertEqual({s["keys"][0] for s in zeros}, ever)
        self.assertLess(len(used), len(ever), "the data set must have a feature unused in the range")
        for s in zeros:
            if s["keys"][0] not in used:
                self.assertEqual(s["values"], [0, 0])

    def test_cumulative_top_n_and_dollars(self):
        report = self.query("{ c = cl.usage { by = 'day', range = '2026-10-01..2026-10-31', cumulative = true },"
                            "  t = cl.usage { group = 'feature', range = '2026-10-01..2026-10-31', top = 3 },"
                            "  m = cl.usage { group = 'category', range = '2026-10-01..2026-10-31', unit = 'dollars' } }")
        october = sum(self.sums(lambda e: 0, *OCTOBER).values(), Decimal(0))
        self.assertEqual(report["datasets"]["c"]["series"][0]["values"][-1], october)
        top = report["datasets"]["t"]["series"]
        self.assertEqual(len(top), 4)
        by_feature = sorted(self.sums(lambda e: e["feature"], *OCTOBER).items(), key=lambda kv: -kv[1])
        self.assertEqual([s["keys"][0] for s in top[:3]], [k for k, _ in by_feature[:3]])
        self.assertEqual(top[3]["total"], sum((v for _, v in by_feature[3:]), Decimal(0)))
        price = Decimal(str(self.accounts[WORKSPACE]["price_per_credit"]))
        for s in report["datasets"]["m"]["series"]:
            credits = self.sums(lambda e: e["category"], *OCTOBER)[s["keys"][0]]
            self.assertEqual(s["total"], (credits * price).quantize(Decimal("0.000001")))

    def test_audit_events_are_every_event_in_time_order_with_local_times(self):
        report = self.query("{ log = cl.events { range = '2026-11-10..2026-11-12', where = { folder = '/prod/eu' } },"
                            "  few = cl.events { range = '2026-11-10..2026-11-12', limit = 5 } }")
        log = report["tables"]["log"]
        names = [c["name"] for c in log["columns"]]
        first, last = date(2026, 11, 10), date(2026, 11, 12)
        expected = sorted((e for e in self.mine if first <= self.local_day(e) <= last
                           and in_folder(e["folder"], "/prod/eu")), key=lambda e: (e["ts"], e["id"]))
        self.assertEqual([r[names.index("id")] for r in log["rows"]], [e["id"] for e in expected])
        for row, e in zip(log["rows"], expected):
            self.assertEqual(row[names.index("time")], e["ts"].astimezone(ZONE).strftime("%Y-%m-%d %H:%M:%S"))
            self.assertEqual(row[names.index("credits")], e["credits"])
            for column, field in [("feature", "feature"), ("folder", "folder"), ("api_key", "api_key"),
                                  ("user", "user_id"), ("run", "run_id"), ("module", "module"),
                                  ("data_bytes", "data_bytes"), ("quantity", "quantity")]:
                stored, raw = row[names.index(column)], e[field]
                if column == "quantity" and raw:
                    self.assertEqual(Decimal(stored), Decimal(raw))
                else:
                    self.assertEqual(stored, raw, column)
        self.assertEqual([r[1] for r in report["tables"]["few"]["rows"]],
                         [e["id"] for e in sorted((e for e in self.mine if first <= self.local_day(e) <= last),
                                                  key=lambda e: (e["ts"], e["id"]))[:5]])

    def test_runs_per_run_per_workflow_and_per_module(self):
        report = self.query("{ runs = cl.runs { range = '2026-10-01..2026-10-31' },"
                            "  flows = cl.runs { range = '2026-10-01..2026-10-31', by = 'source' },"
                            "  modules = cl.runs { range = '2026-10-01..2026-10-31', by = 'module' } }")
        october = [e for e in self.mine if OCTOBER[0] <= self.local_day(e) <= OCTOBER[1]]
        runs = defaultdict(list)
        for e in october:
            if e["run_id"]:
                runs[e["run_id"]].append(e)
        table = report["tables"]["runs"]
        names = [c["name"] for c in table["columns"]]
        self.assertEqual(len(table["rows"]), len(runs))
        credits = [r[names.index("credits")] for r in table["rows"]]
        self.assertEqual(credits, sorted(credits, reverse=True))
        for row in table["rows"][:20]:
            events = runs[row[0]]
            self.assertEqual(row[names.index("credits")], sum((e["credits"] for e in events), Decimal(0)))
            self.assertEqual(row[names.index("events")], len(events))
            self.assertEqual(row[names.index("data_bytes")], sum(int(e["data_bytes"] or 0) for e in events))
            start = min(e["ts"] for e in events).astimezone(ZONE)
            self.assertEqual(row[names.index("started")], start.strftime("%Y-%m-%d %H:%M:%S"))
            self.assertEqual(row[names.index("source")], min(events, key=lambda e: e["ts"])["source"])
        flows = {r[0]: r for r in report["tables"]["flows"]["rows"]}
        for source in {e["source"] for e in october if e["source"]}:
            events = [e for e in october if e["source"] == source]
            self.assertEqual(flows[source][1], len({e["run_id"] for e in events if e["run_id"]}), source)
            self.assertEqual(flows[source][3], sum((e["credits"] for e in events), Decimal(0)), source)
        modules = {r[0]: r[3] for r in report["tables"]["modules"]["rows"]}
        self.assertEqual(modules, {k: v for k, v in self.sums(lambda e: e["module"], *OCTOBER).items() if k})

    def test_limits_come_from_the_accounts(self):
        report = self.query("{ l = cl.limits {} }", workspace=None)
        rows = {(r[0], r[1]): r for r in report["tables"]["l"]["rows"]}
        for ws in self.accounts.values():
            for resource in ("members", "projects"):
                if ws.get(resource + "_limit") is None:
                    self.assertNotIn((ws["id"], resource), rows)
                    continue
                used, limit = ws.get(resource + "_count") or 0, ws[resource + "_limit"]
                self.assertEqual(rows[(ws["id"], resource)][2:], [used, limit, max(0, limit - used), used * 100 // limit])

    def test_a_scoped_run_never_sees_another_workspace(self):
        report = self.query("{ u = cl.usage { group = 'workspace', where = { workspace = 'ws002' }, range = '90d' },"
                            "  e = cl.events { where = { workspace = { 'ws002', 'ws003' } }, range = '90d' },"
                            "  r = cl.runs { where = { workspace = 'ws002' }, range = '90d' },"
                            "  f = cl.folders { where = { workspace = 'ws002' }, range = '90d' },"
                            "  l = cl.limits {} }")
        self.assertEqual(report["datasets"]["u"]["total"], 0)
        self.assertEqual(report["tables"]["e"]["rows"], [])
        self.assertEqual(report["tables"]["r"]["rows"], [])
        self.assertEqual(report["tables"]["f"]["rows"], [])
        self.assertEqual({r[0] for r in report["tables"]["l"]["rows"]}, {WORKSPACE})
        everything = self.query("{ e = cl.events { range = '90d' } }")
        self.assertEqual({r[2] for r in everything["tables"]["e"]["rows"]}, {WORKSPACE})

    def test_requests_refuse_unknown_fields_and_values(self):
        path = os.path.join(temp_dir(self), "bad.lua")
        cases = [("cl.usage { exlude_direct = true }", "bad.lua:2: cl.usage: unknown field 'exlude_direct' (accepted:"),
                 ("cl.runs { by = 'team' }", "data.d.by: expected run, source or module"),
                 ("cl.usage { compare = 'last_year' }", "data.d.compare: expected \"previous\""),
                 ("cl.events { where = { colour = 'red' } }", "data.d.where.colour: unknown dimension (accepted: workspace"),
                 ("cl.events { limit = -1 }", "data.d.limit: expected a whole number >= 0")]
        for request, message in cases:
            with open(path, "w") as f:
                f.write('local cl = require "creditlens"\nreturn cl.report { title = "x", data = { d = ' + request +
                        ' }, layout = function() return {} end }\n')
            result = run("report", path, "--store", self.store, "--format", "json", check=False)
            self.assertNotEqual(result.returncode, 0, request)
            self.assertIn(message, result.stderr, request)


if __name__ == "__main__":
    unittest.main()
