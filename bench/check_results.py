#!/usr/bin/env python3
"""Checks that the raw GROUP BY queries and the creditlens dashboard computed the same numbers.

Usage: check_results.py DASHBOARD.json RAW.json

DASHBOARD.json is `creditlens report dashboard --format json`; RAW.json is the output of
`sqlite3 -json raw.db ... ".read dashboard_raw.sql"` (one JSON array per query, in the file's
order). Prints one line, "agree" or what differs, and exits 1 when they differ: a benchmark
that compares two programs computing different things would be meaningless.
"""

import json
import sys


def close(a, b):
    """the raw queries sum doubles; creditlens sums exact micro-credits"""
    return abs(a - b) <= 1e-6 + 1e-9 * abs(a)


def read_arrays(path):
    text = open(path, encoding="utf-8").read()
    decoder, pos, arrays = json.JSONDecoder(), 0, []
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            return arrays
        value, pos = decoder.raw_decode(text, pos)
        arrays.append(value)


def series_map(dataset):
    """{keys tuple: (credits, events)} of a creditlens dataset without time buckets."""
    return {tuple(s["keys"]): (s["total"], s["events"]) for s in dataset["series"]}


def main():
    dash = json.load(open(sys.argv[1], encoding="utf-8"))
    arrays = read_arrays(sys.argv[2])
    if len(arrays) != 7:  # a query with no rows prints nothing in -json mode
        print("DIFFER: the raw queries gave %d result sets, expected 7" % len(arrays))
        sys.exit(1)
    cycle, daily, monthly, cats, feats, wss, kinds = arrays[:7]
    ds = dash["datasets"]
    problems = []

    def compare(what, expected, got):
        for key in sorted(set(expected) | set(got)):
            e, g = expected.get(key, (0, 0)), got.get(key, (0, 0))
            if not close(e[0], g[0]) or e[1] != g[1]:
                problems.append("%s %s: creditlens %s, raw %s" % (what, key, e, g))

    kpis = {k["label"]: k["value"] for k in dash["kpis"]}
    used = sum(r["credits"] for r in cycle)
    if not close(kpis.get("Used this cycle", float("nan")), used):
        problems.append("used this cycle: creditlens %s, raw %s" % (kpis.get("Used this cycle"), used))

    for name, rows, key in (("daily", daily, "day"), ("monthly", monthly, "month")):
        d = ds[name]
        values = d["series"][0]["values"] if d["series"] else [0] * len(d["buckets"])
        expected = {(b,): (v, None) for b, v in zip(d["buckets"], values)}
        got = {(r[key],): (r["credits"], None) for r in rows}
        compare(name, {k: v for k, v in expected.items() if v[0]}, got)
    compare("category", series_map(ds["categories"]),
            {(r["category"],): (r["credits"], r["events"]) for r in cats})
    compare("category+feature", series_map(ds["reason"]),
            {(r["category"], r["feature"]): (r["credits"], r["events"]) for r in feats})
    compare("workspace", series_map(ds["workspaces"]),
            {(r["workspace_id"],): (r["credits"], r["events"]) for r in wss})
    compare("team vs personal", series_map(ds["team_vs_personal"]),
            {(r["kind"],): (r["credits"], r["events"]) for r in kinds})

    if problems:
        print("DIFFER: " + "; ".join(problems[:10]))
        sys.exit(1)
    print("agree")


if __name__ == "__main__":
    main()
