"""A small hand-made organisation for the projection tests, with usage simple enough that every
projected number can be worked out by hand:
  - ws1 (Europe/Berlin, monthly cycles from the 11th, 1000 included, a 500-credit grant bought for
    $4.60 from 2026-11-01, flex at $0.012): `inference` (data) uses 10 credits every day and `batch`
    (train) 20 on weekdays only, from 2026-08-01 through AS_OF;
  - ws2 (UTC, no plan): `search` 5 a day, so that a store with several workspaces needs --workspace;
  - ws3 (UTC, no plan): `api`, a weekly rhythm with noise (see rhythm), for backtests;
  - ws4 (UTC, no plan): `fresh`, 7 a day, used only since NEWCOMER_FROM;
  - ws5 (UTC, no plan): `jobs`, 10 on weekdays only, so a basis may open on idle days.
Events are at 12:00 local time, so every day's usage is whole and on its own local day."""
import csv
import json
import os
import random
from decimal import Decimal
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

AS_OF = date(2026, 11, 21)  # a Saturday; the current cycle runs 2026-11-11 .. 2026-12-10
FIRST = date(2026, 8, 1)
NEWCOMER_FROM = date(2026, 11, 12)  # ws4's first usage: 10 days before AS_OF
BERLIN = ZoneInfo("Europe/Berlin")


def rhythm(day):
    """ws3's `api`: a strong weekly rhythm, slow growth and noise, for backtests."""
    t = (day - FIRST).days
    level = (120 if day.weekday() < 5 else 15) * (1 + 0.002 * t)
    return round(max(0.0, level + _NOISE.gauss(0, 8)), 3)


_NOISE = random.Random(11)


def inference(day):
    return 10


def batch(day):
    return 20 if day.weekday() < 5 else 0


ACCOUNTS = {"workspaces": [
    {"id": "ws1", "name": "Hand Made", "kind": "team", "timezone": "Europe/Berlin",
     "billing_email": "billing@hand.test", "price_per_credit": 0.01, "flex_enabled": True, "flex_threshold": None,
     "subscriptions": [{"plan": "core", "starts_at": "2026-06-10T22:00:00Z", "ends_at": None, "cycle": "monthly",
                        "included_credits": 1000, "flex_price_per_credit": 0.012}],
     "credit_grants": [{"id": "g1", "kind": "prepaid", "credits": 500, "price": 4.6,
                        "available_from": "2026-11-01T00:00:00Z", "expires_at": None, "priority": 50}]},
    {"id": "ws2", "name": "Second", "kind": "personal", "timezone": "UTC", "billing_email": "b@second.test",
     "price_per_credit": 0.01, "flex_enabled": False, "subscriptions": [], "credit_grants": []},
    {"id": "ws4", "name": "Newcomer", "kind": "team", "timezone": "UTC", "billing_email": "b@new.test",
     "price_per_credit": 0.01, "flex_enabled": False, "subscriptions": [], "credit_grants": []},
    {"id": "ws5", "name": "Weekdays", "kind": "team", "timezone": "UTC", "billing_email": "b@weekdays.test",
     "price_per_credit": 0.01, "flex_enabled": False, "subscriptions": [], "credit_grants": []},
    {"id": "ws3", "name": "Rhythm", "kind": "team", "timezone": "UTC", "billing_email": "b@rhythm.test",
     "price_per_credit": 0.01, "flex_enabled": False, "subscriptions": [], "credit_grants": []},
]}


def write_store(directory, run):
    """Writes the events and accounts, ingests them, and returns the store's path and ws3's usage by
    day (as written)."""
    api = {}
    events = os.path.join(directory, "events.csv")
    with open(events, "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["id", "ts", "workspace_id", "category", "feature", "credits"])
        day, n = FIRST, 0
        while day <= AS_OF:
            noon = datetime.combine(day, time(12), BERLIN).astimezone(timezone.utc)
            for workspace, category, feature, credits in (("ws1", "data", "inference", inference(day)),
                                                          ("ws1", "train", "batch", batch(day)),
                                                          ("ws2", "data", "search", 5),
                                                          ("ws3", "data", "api", rhythm(day)),
                                                          ("ws4", "data", "fresh", 7 if day >= NEWCOMER_FROM else 0),
                                                          ("ws5", "train", "jobs", batch(day) // 2)):
                if workspace == "ws3":
                    api[day] = Decimal(str(credits))
                if credits:
                    n += 1
                    out.writerow([f"e{n}", noon.strftime("%Y-%m-%dT%H:%M:%SZ"), workspace, category, feature, credits])
            day += timedelta(days=1)
    accounts = os.path.join(directory, "accounts.json")
    with open(accounts, "w") as f:
        json.dump(ACCOUNTS, f)
    store = os.path.join(directory, "store.db")
    run("ingest", events, "--accounts", accounts, "--store", store)
    return store, api


def days(first, last):
    while first <= last:
        yield first
        first += timedelta(days=1)
