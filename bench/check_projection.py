#!/usr/bin/env python3
"""Checks that `creditlens project` (current_rate) and projection_pandas.py computed the same numbers.

Usage: check_projection.py PROJECTION.json PANDAS.json

PROJECTION.json is `creditlens project ... --method current_rate --format json` with one scenario;
PANDAS.json is projection_pandas.py's output for the same workspace, --as-of, basis and horizon.
Compares the resolved days (basis, first projected day, horizon), the set of features, and per
feature the basis credits and the projected P50 (scenarios[0].features[].projected.p50).

Tolerance: 1e-6 relative; pandas sums doubles. creditlens books the projection as one bucket per
feature and day in exact micro-credits, so each projected day's rate is rounded to 6 fractional
digits and a feature's projected total can differ from days x basis average by up to
days x 0.5e-6 credits (6.285513 against 6.2855 for 39 days of a 0.1611667/day feature). A
difference within that bound is accepted and counted in the output line. Prints one line,
"agree (...)" or what differs, and exits 1 when they differ.
"""

import datetime as dt
import json
import sys

REL = 1e-6


def main():
    cl = json.load(open(sys.argv[1], encoding="utf-8"))
    pd = json.load(open(sys.argv[2], encoding="utf-8"))
    days = (dt.date.fromisoformat(pd["horizon_day"]) - dt.date.fromisoformat(pd["first_projected_day"])).days + 1
    rounding = days * 0.5e-6 + 1e-9  # per-day micro-credit rounding, summed over the horizon
    worst, rounded = [0.0], [0]

    def close(a, b, slack=1e-9):
        diff = abs(a - b)
        worst[0] = max(worst[0], diff / max(abs(a), abs(b), 1e-12))
        if diff <= REL * max(abs(a), abs(b)) + 1e-9:
            return True
        if diff <= slack:
            rounded[0] += 1
            return True
        return False

    problems = []
    for key in ("basis_first_day", "basis_last_day", "first_projected_day", "horizon_day"):
        if cl["resolved"][key] != pd[key]:
            problems.append("%s: creditlens %s, pandas %s" % (key, cl["resolved"][key], pd[key]))
    if cl["resolved"]["timezone"] != pd["timezone"]:
        problems.append("timezone: creditlens %s, pandas %s" % (cl["resolved"]["timezone"], pd["timezone"]))
    if len(cl["scenarios"]) != 1:
        problems.append("creditlens has %d scenarios, expected 1" % len(cl["scenarios"]))
    feats = {f["feature"]: f for f in cl["scenarios"][0]["features"]}
    for name in sorted(set(feats) | set(pd["features"])):
        if name not in feats or name not in pd["features"]:
            problems.append("%s: only in %s" % (name, "pandas" if name not in feats else "creditlens"))
            continue
        c, p = feats[name], pd["features"][name]
        if not close(c["basis_credits"], p["basis_credits"]):
            problems.append("%s basis credits: creditlens %s, pandas %s" % (name, c["basis_credits"], p["basis_credits"]))
        if not close(c["projected"]["p50"], p["projected"], rounding):
            problems.append("%s projected P50: creditlens %s, pandas %s" % (name, c["projected"]["p50"], p["projected"]))
    total_cl = cl["scenarios"][0]["projected"]["p50"]
    if not close(total_cl, pd["total"], rounding * len(feats)):
        problems.append("total projected P50: creditlens %s, pandas %s" % (total_cl, pd["total"]))
    if problems:
        print("DIFFER: " + "; ".join(problems))
        sys.exit(1)
    print("agree (%d features, total P50 %.6f, %s..%s; largest relative difference %.1e%s)" % (
        len(feats), total_cl, pd["first_projected_day"], pd["horizon_day"], worst[0],
        ", %d value(s) beyond 1e-6 but within the per-day micro-credit rounding" % rounded[0] if rounded[0] else ""))


if __name__ == "__main__":
    main()
