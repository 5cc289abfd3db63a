#!/usr/bin/env python3
"""Turns an accounts.json into SQL for the benchmark's raw sqlite3 database.

Usage: accounts_to_sql.py ACCOUNTS.json AS_OF(YYYY-MM-DD) > workspaces.sql

Writes a `workspaces` table (id, name, kind, timezone, cycle_start) that the raw GROUP BY
queries in dashboard_raw.sql join with. `cycle_start` is the start of the billing cycle that
contains the end of AS_OF, as an ISO-8601 UTC string comparable with the CSV's `ts` column
(e.g. `2026-11-10T23:00:00.000Z`). It is what a user would precompute once in a script: the
latest subscription that started by then, and its monthly or annual anchor stepped forward in
the workspace's time zone (a day that does not exist in a month falls back to the month's last
day). Not timed by the benchmark; it only gives the raw queries the cycle boundaries.
"""

import calendar
import datetime as dt
import json
import sys
import zoneinfo


def parse_utc(text):
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def add_months(local, months):
    """local midnight `months` later, day clamped to the month's length."""
    index = local.year * 12 + (local.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    day = min(local.day, calendar.monthrange(year, month)[1])
    return local.replace(year=year, month=month, day=day)


def cycle_start(workspace, end_utc):
    zone = zoneinfo.ZoneInfo(workspace["timezone"])
    subs = [s for s in workspace["subscriptions"] if parse_utc(s["starts_at"]) <= end_utc]
    if not subs:
        return None
    sub = max(subs, key=lambda s: parse_utc(s["starts_at"]))
    anchor = parse_utc(sub["starts_at"]).astimezone(zone).replace(tzinfo=None)
    step = 12 if sub["cycle"] == "annual" else 1
    start, k = anchor, 0
    while True:
        following = add_months(anchor, (k + 1) * step)
        if following.replace(tzinfo=zone).astimezone(dt.timezone.utc) > end_utc:
            break
        start, k = following, k + 1
    utc = start.replace(tzinfo=zone).astimezone(dt.timezone.utc)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def quote(value):
    if value is None:
        return "NULL"
    return "'" + str(value).replace("'", "''") + "'"


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: accounts_to_sql.py ACCOUNTS.json AS_OF")
    with open(sys.argv[1], encoding="utf-8") as f:
        accounts = json.load(f)
    as_of = dt.date.fromisoformat(sys.argv[2])
    end_utc = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time(), dt.timezone.utc)
    print("DROP TABLE IF EXISTS workspaces;")
    print("CREATE TABLE workspaces(id TEXT PRIMARY KEY, name TEXT, kind TEXT, timezone TEXT,"
          " cycle_start TEXT);")
    for w in accounts["workspaces"]:
        print("INSERT INTO workspaces VALUES(%s, %s, %s, %s, %s);" % (
            quote(w["id"]), quote(w["name"]), quote(w["kind"]), quote(w["timezone"]),
            quote(cycle_start(w, end_utc))))


if __name__ == "__main__":
    main()
