#!/usr/bin/python3
"""A current-rate credit projection for one workspace, the way a user would write it by hand.

Usage: projection_pandas.py EVENTS.csv ACCOUNTS.json --as-of YYYY-MM-DD --horizon YYYY-MM-DD
                            [--workspace ws001] [--basis-days 30] [--json OUT.json] [--png OUT.png]

The pandas + matplotlib baseline of bench/projection_bench.sh, the equivalent of
`creditlens project` with one "As is" scenario, method current_rate, basis Nd and a horizon date:
daily credits per feature in the workspace's time zone over the basis (the last N local days up to
--as-of), each feature's rate (the basis average per day, days without usage counting as 0), its
projected credits from the day after --as-of through --horizon, the totals as JSON, and a chart of
the actual daily usage and the projected line as a PNG. Needs Debian's python3-pandas and
python3-matplotlib (run it with /usr/bin/python3).
"""

import argparse
import json

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

p = argparse.ArgumentParser()
p.add_argument("events")
p.add_argument("accounts")
p.add_argument("--workspace", default="ws001")
p.add_argument("--as-of", required=True)
p.add_argument("--horizon", required=True)
p.add_argument("--basis-days", type=int, default=30)
p.add_argument("--json", default="projection_pandas.json")
p.add_argument("--png", default="projection_pandas.png")
a = p.parse_args()

accounts = json.load(open(a.accounts, encoding="utf-8"))["workspaces"]
tz = next(w["timezone"] for w in accounts if w["id"] == a.workspace)

ev = pd.read_csv(a.events, usecols=["ts", "workspace_id", "feature", "credits"])
ev = ev[ev["workspace_id"] == a.workspace]
ev["day"] = pd.to_datetime(ev["ts"], utc=True).dt.tz_convert(tz).dt.tz_localize(None).dt.normalize()

last = pd.Timestamp(a.as_of)
basis = pd.date_range(end=last, periods=a.basis_days, freq="D")
ev = ev[ev["day"].between(basis[0], basis[-1])]
daily = ev.pivot_table(index="day", columns="feature", values="credits", aggfunc="sum", fill_value=0)
daily = daily.reindex(basis, fill_value=0)  # days without usage count as 0

rate = daily.mean()  # current rate: credits per day over the basis
ahead = pd.date_range(last + pd.Timedelta(days=1), pd.Timestamp(a.horizon), freq="D")
projected = rate * len(ahead)

result = {
    "workspace": a.workspace,
    "timezone": tz,
    "basis_first_day": f"{basis[0]:%Y-%m-%d}",
    "basis_last_day": f"{basis[-1]:%Y-%m-%d}",
    "first_projected_day": f"{ahead[0]:%Y-%m-%d}",
    "horizon_day": f"{ahead[-1]:%Y-%m-%d}",
    "total": projected.sum(),
    "features": {f: {"basis_credits": daily[f].sum(), "rate_per_day": rate[f], "projected": projected[f]}
                 for f in projected.sort_values(ascending=False).index},
}
with open(a.json, "w", encoding="utf-8") as out:
    json.dump(result, out, indent=1, default=float)  # numpy numbers; pivot_table may downcast to int

fig, ax = plt.subplots(figsize=(11, 5))
daily.plot.area(ax=ax, linewidth=0, alpha=0.8)
pd.Series(rate.sum(), index=ahead).plot(ax=ax, style="k--", label="projected (current rate)")
ax.set(title=f"{a.workspace}: daily credits, projected to {a.horizon}", xlabel=f"day ({tz})", ylabel="credits")
ax.legend(fontsize="small", ncol=2)
fig.savefig(a.png, dpi=100, bbox_inches="tight")
