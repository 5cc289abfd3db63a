"""Helpers for the end-to-end tests: run the real binaries, generate data, and compute the numbers a
report should show independently of creditlens (Python's csv, decimal and zoneinfo)."""
import calendar
import csv
import json
import os
import sqlite3
import subprocess
import tempfile
import unittest
from collections import defaultdict
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

CREDITLENS = os.environ.get("CREDITLENS_BIN", "build/bin/creditlens")
SAMPLE = os.environ.get("CREDITLENS_SAMPLE", "build/bin/creditlens-sample")
TEST_PLUGIN_DIR = os.environ.get("CREDITLENS_TEST_PLUGIN_DIR", "")


def run(*args, check=True, cwd=None):
    """Runs creditlens with args; returns the CompletedProcess (text mode)."""
    result = subprocess.run([CREDITLENS, *map(str, args)], capture_output=True, text=True, cwd=cwd)
    if check and result.returncode != 0:
        raise AssertionError(f"creditlens {' '.join(map(str, args))} exited {result.returncode}:\n{result.stderr}")
    return result


def generate(directory, events, seed=7, fmt="csv"):
    subprocess.run([SAMPLE, "--out-dir", str(directory), "--events", str(events), "--seed", str(seed),
                    "--format", fmt], check=True, capture_output=True)
    return os.path.join(directory, f"events.{fmt}"), os.path.join(directory, "accounts.json")


def parse_ts(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def read_events(path):
    with open(path, newline="") as f:
        return [dict(row, ts=parse_ts(row["ts"]), credits=Decimal(row["credits"])) for row in csv.DictReader(f)]


def read_accounts(path):
    with open(path) as f:
        return {w["id"]: w for w in json.load(f)["workspaces"]}


def store_totals(store):
    """(stored ids, events in chunks, micro-credits in the rollups) straight from the store file."""
    with sqlite3.connect(store) as db:
        ids = db.execute("SELECT COUNT(*) FROM event_ids").fetchone()[0]
        chunked = db.execute("SELECT COALESCE(SUM(events), 0) FROM event_chunks").fetchone()[0]
        rollup = db.execute("SELECT COALESCE(SUM(credits), 0) FROM rollup_hour").fetchone()[0]
    return ids, chunked, rollup


def raw_total(store, first="2024-01-01", last="2027-12-31"):
    """Total credits over a range as a report reads them from the raw events: a +05:30 zone cuts days
    off the hour grid, so the store decodes its event chunks instead of reading rollups."""
    report = run("report", "dashboard", "--store", store, "--tz", "Asia/Kolkata", "--param",
                 f"range={first}..{last}", "--format", "json").stdout
    return load_json(report)["datasets"]["categories"]["total"]


def micro(amount):
    return int(amount * 1_000_000)


def load_json(text):
    return json.loads(text, parse_float=Decimal, parse_int=Decimal)


# --- billing cycles, written from the data contract ---------------------------------------------

def _add_months(d, months, day):
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def cycle_at(workspace, instant):
    """(start, end) UTC datetimes of the workspace's billing cycle containing instant, or None."""
    zone = ZoneInfo(workspace["timezone"])
    subs = [s for s in workspace["subscriptions"]
            if parse_ts(s["starts_at"]) <= instant and (not s.get("ends_at") or instant < parse_ts(s["ends_at"]))]
    if not subs:
        return None
    sub = max(subs, key=lambda s: parse_ts(s["starts_at"]))
    anchor = parse_ts(sub["starts_at"]).astimezone(zone)
    step = 12 if sub.get("cycle") == "annual" else 1

    def start(k):
        d = _add_months(anchor.date(), k * step, anchor.day)
        return datetime.combine(d, anchor.time().replace(tzinfo=None), zone).astimezone(timezone.utc)

    k = 0
    while start(k + 1) <= instant:
        k += 1
    begin, end = max(start(k), parse_ts(sub["starts_at"])), start(k + 1)
    if sub.get("ends_at"):
        end = min(end, parse_ts(sub["ends_at"]))
    for other in workspace["subscriptions"]:
        other_start = parse_ts(other["starts_at"])
        if instant < other_start < end:
            end = other_start
    return begin, end, Decimal(str(sub["included_credits"]))


def end_of_day(day, zone):
    return datetime.combine(day + timedelta(days=1), time(0), ZoneInfo(zone)).astimezone(timezone.utc) - \
        timedelta(milliseconds=1)


class Expected:
    """The dashboard's numbers, computed from the raw events for a scope, zone and as-of date."""

    def __init__(self, events, accounts, as_of, zone="UTC", workspace=None):
        self.zone = ZoneInfo(zone)
        self.accounts = accounts
        self.events = [e for e in events if workspace is None or e["workspace_id"] == workspace]
        self.today = as_of
        self.instant = end_of_day(as_of, zone)
        scoped = [accounts[workspace]] if workspace else list(accounts.values())
        self.cycles = {w["id"]: cycle_at(w, self.instant) for w in scoped}
        if workspace and self.cycles[workspace]:
            first = self.cycles[workspace][0].astimezone(self.zone).date()
        else:
            first = as_of.replace(day=1)
        self.range = (first, as_of)

    def local_day(self, event):
        return event["ts"].astimezone(self.zone).date()

    def sum_by(self, key, first, last):
        sums = defaultdict(Decimal)
        for e in self.events:
            if first <= self.local_day(e) <= last:
                sums[key(e)] += e["credits"]
        return dict(sums)

    def daily(self):
        first = self.today - timedelta(days=29)
        sums = self.sum_by(lambda e: self.local_day(e).isoformat(), first, self.today)
        return [sums.get((first + timedelta(days=i)).isoformat(), Decimal(0)) for i in range(30)]

    def monthly(self):
        first = _add_months(self.today.replace(day=1), -11, 1)
        sums = self.sum_by(lambda e: self.local_day(e).strftime("%Y-%m"), first, self.today)
        months = [_add_months(first, i, 1).strftime("%Y-%m") for i in range(12)]
        return months, [sums.get(m, Decimal(0)) for m in months]

    def in_range(self, key):
        return self.sum_by(key, *self.range)

    def cycle_used(self):
        used = Decimal(0)
        for ws, cycle in self.cycles.items():
            if not cycle:
                continue
            zone = self.accounts[ws]["timezone"]
            today = self.instant.astimezone(ZoneInfo(zone)).date()
            until = min(cycle[1], end_of_day(today, zone) + timedelta(milliseconds=1))
            used += sum((e["credits"] for e in self.events if e["workspace_id"] == ws and cycle[0] <= e["ts"] < until),
                        Decimal(0))
        return used

    def included(self):
        return sum((c[2] for c in self.cycles.values() if c), Decimal(0))


class GeneratedStoreTest(unittest.TestCase):
    """A test class sharing one generated organisation, ingested once into a store: set EVENTS and SEED."""
    EVENTS = 30000
    SEED = 1

    @classmethod
    def setUpClass(cls):
        cls._dir = tempfile.TemporaryDirectory(prefix="creditlens-e2e-")
        events, accounts = generate(cls._dir.name, cls.EVENTS, seed=cls.SEED)
        cls.store = os.path.join(cls._dir.name, "store.db")
        run("ingest", events, "--accounts", accounts, "--store", cls.store)
        cls.events = read_events(events)
        cls.accounts = read_accounts(accounts)

    @classmethod
    def tearDownClass(cls):
        cls._dir.cleanup()


def temp_dir(test_case):
    directory = tempfile.TemporaryDirectory(prefix="creditlens-e2e-")
    test_case.addCleanup(directory.cleanup)
    return directory.name
