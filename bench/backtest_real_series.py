#!/usr/bin/env python3
"""Backtest creditlens' forecast methods on a real daily series.

Turns bench/data/wp_peyton_manning_daily.csv (daily Wikipedia page views, see bench/data/README.md)
into creditlens usage events -- one event per day at 12:00 UTC, credits = views / SCALE, feature
web/page_views in workspace ws1 -- ingests them into a temporary store and runs
`creditlens backtest --format json` at quarter-end as-of dates, once per basis. Prints a markdown
table per basis with each method's total WAPE and P10-P90 coverage, and the mean and median over
the as-of dates.

Days missing from the series (59 of 2964) are filled by linear interpolation between their
neighbours: a missing day is a gap in the data, not a day without views.

usage: CREDITLENS_BIN=/path/to/creditlens python3 bench/backtest_real_series.py [--quarters 8]
"""
import argparse
import csv
import datetime as dt
import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
METHODS = ("seasonal", "current_rate", "naive")


def read_series(path):
    """Daily values by date, with missing days linearly interpolated; returns (series, filled)."""
    with open(path, newline="") as f:
        known = {dt.date.fromisoformat(r["ds"]): float(r["y"]) for r in csv.DictReader(f)}
    days = sorted(known)
    series, filled = {}, 0
    for a, b in zip(days, days[1:]):
        span = (b - a).days
        for k in range(span):
            series[a + dt.timedelta(k)] = known[a] + (known[b] - known[a]) * k / span
        filled += span - 1
    series[days[-1]] = known[days[-1]]
    return series, filled


def build_store(series, scale, tmp, binary):
    events, accounts, store = tmp / "events.csv", tmp / "accounts.json", tmp / "store.db"
    with open(events, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "ts", "workspace_id", "category", "feature", "credits"])
        for day, views in sorted(series.items()):
            w.writerow([f"pv-{day}", f"{day}T12:00:00Z", "ws1", "web", "page_views",
                        f"{views / scale:.6f}"])
    accounts.write_text(json.dumps({"workspaces": [{
        "id": "ws1", "name": "Peyton Manning page views", "kind": "team", "timezone": "UTC",
        "billing_email": "bench@example.test", "price_per_credit": 0.01, "flex_enabled": False,
        "subscriptions": [], "credit_grants": []}]}))
    subprocess.run([binary, "ingest", str(events), "--accounts", str(accounts), "--store", str(store)],
                   check=True, stdout=subprocess.DEVNULL)
    return store


def quarter_ends(first, last, count, history_days):
    """The last `count` quarter ends on or before `last` with `history_days` of data before them."""
    ends = []
    for year in range(first.year, last.year + 1):
        for month, day in ((3, 31), (6, 30), (9, 30), (12, 31)):
            d = dt.date(year, month, day)
            if first + dt.timedelta(history_days) <= d <= last:
                ends.append(d)
    return ends[-count:]


def backtest(binary, store, as_of, holdout, basis):
    out = subprocess.run([binary, "backtest", "--store", str(store), "--as-of", as_of.isoformat(),
                          "--holdout", str(holdout), "--basis", str(basis), "--format", "json"],
                         check=True, capture_output=True, text=True).stdout
    doc = json.loads(out)
    total = next(r for r in doc["rows"] if r["feature"] is None)
    return doc, total


def pct(x):
    return "–" if x is None else f"{100 * x:.1f}%"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=os.environ.get("CREDITLENS_BIN", "build/bin/creditlens"),
                    help="creditlens binary (default: $CREDITLENS_BIN, else build/bin/creditlens)")
    ap.add_argument("--data", default=HERE / "data" / "wp_peyton_manning_daily.csv", type=Path)
    ap.add_argument("--scale", type=float, default=100.0, help="page views per credit (default 100)")
    ap.add_argument("--quarters", type=int, default=8, help="number of quarter-end as-of dates")
    ap.add_argument("--holdout", type=int, default=28)
    ap.add_argument("--basis", type=int, nargs="+", default=[90, 365])
    args = ap.parse_args()

    series, filled = read_series(args.data)
    first, last = min(series), max(series)
    as_ofs = quarter_ends(first, last, args.quarters, args.holdout + max(args.basis))
    print(f"series {args.data.name}: {first} – {last}, {len(series)} days "
          f"({filled} missing days interpolated); credits = views / {args.scale:g}\n")

    with tempfile.TemporaryDirectory() as tmp:
        store = build_store(series, args.scale, Path(tmp), args.bin)
        for basis in args.basis:
            print(f"### holdout {args.holdout} days, basis {basis} days\n")
            print("| as-of | holdout | actual credits | seasonal WAPE | current_rate WAPE | naive WAPE"
                  " | seasonal P10–P90 hits | current_rate P10–P90 hits |")
            print("|---|---|--:|--:|--:|--:|--:|--:|")
            cols = {k: [] for k in ("seasonal", "current_rate", "naive", "hits_s", "hits_c")}
            for as_of in as_ofs:
                doc, t = backtest(args.bin, store, as_of, args.holdout, basis)
                s = t["scores"]
                row = [s[m]["wape"] for m in METHODS] + [s["seasonal"]["coverage"],
                                                         s["current_rate"]["coverage"]]
                for k, v in zip(cols, row):
                    cols[k].append(v)
                h = doc["holdout"]
                print(f"| {as_of} | {h['first_day']} – {h['last_day']} | {t['actual']:.0f} | "
                      + " | ".join(pct(v) for v in row) + " |")
            for name, agg in (("mean", statistics.fmean), ("median", statistics.median)):
                print(f"| **{name}** | | | " + " | ".join(f"**{pct(agg(v))}**" for v in cols.values())
                      + " |")
            best = [min(METHODS, key=lambda m: cols[m][i]) for i in range(len(as_ofs))]
            print("\nlowest WAPE: " + ", ".join(f"{m} {best.count(m)}/{len(best)}" for m in METHODS))
            print("median WAPE seasonal / current_rate / naive by as-of month:")
            for month in sorted({d.month for d in as_ofs}):
                idx = [i for i, d in enumerate(as_ofs) if d.month == month]
                print(f"- {month:02d} ({len(idx)} dates): " + " / ".join(
                    pct(statistics.median(cols[m][i] for i in idx)) for m in METHODS))
            print()


if __name__ == "__main__":
    main()
