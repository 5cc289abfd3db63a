"""creditlens schedule next: fire times checked against an independent computation that walks every UTC
minute with Python's zoneinfo and applies the clock-change rules of docs/schedules.md; help and errors."""
import calendar
import unittest
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from support import parse_ts, run

MINUTE = timedelta(minutes=1)


def fire_line(instant, zone):
    """A fire time as creditlens prints it: local time, offset, UTC."""
    local = instant.astimezone(zone)
    offset = int(local.utcoffset().total_seconds()) // 60
    sign = "-" if offset < 0 else "+"
    return (f"{local:%Y-%m-%d %H:%M} {sign}{abs(offset) // 60:02d}:{abs(offset) % 60:02d} "
            f"({instant.astimezone(timezone.utc):%Y-%m-%dT%H:%M:%SZ})")


def expected_fires(matches, fixed_hour, zone_name, start, count):
    """The first count fire times strictly after start, minute by minute in UTC. A minute fires when the
    wall clock shows a matching time; for a fixed-hour job only the first time it shows it (fold 0), and
    also when a clock change just skipped a matching local time (the first minute after the gap)."""
    zone = ZoneInfo(zone_name)
    t = start.replace(second=0, microsecond=0) + MINUTE
    previous = (t - MINUTE).astimezone(zone).replace(tzinfo=None)
    fires = []
    while len(fires) < count:
        aware = t.astimezone(zone)
        local = aware.replace(tzinfo=None)
        fire = matches(local) and (not fixed_hour or aware.fold == 0)
        skipped = previous + MINUTE
        while fixed_hour and not fire and skipped < local:
            fire = matches(skipped)
            skipped += MINUTE
        if fire:
            fires.append(fire_line(t, zone))
        previous = local
        t += MINUTE
    return fires


def last_day(d):
    return d.day == calendar.monthrange(d.year, d.month)[1]


# (expression, zone, from, count, what the expression means as a predicate on local time, fixed hour)
CASES = [
    ("30 2 * * *", "Europe/Berlin", "2026-03-27T12:00:00Z", 4, lambda d: (d.hour, d.minute) == (2, 30), True),
    ("30 2 * * *", "Europe/Berlin", "2026-10-24T12:00:00Z", 3, lambda d: (d.hour, d.minute) == (2, 30), True),
    ("0 1 * * *", "America/New_York", "2026-10-31T00:00:00Z", 3, lambda d: (d.hour, d.minute) == (1, 0), True),
    ("0 2 * * *", "America/New_York", "2026-03-07T00:00:00Z", 3, lambda d: (d.hour, d.minute) == (2, 0), True),
    ("*/30 1 * * *", "America/New_York", "2026-11-01T00:00:00Z", 4, lambda d: d.hour == 1 and d.minute % 30 == 0,
     True),
    ("*/15 2 * * *", "Europe/Berlin", "2026-03-28T20:00:00Z", 3, lambda d: d.hour == 2 and d.minute % 15 == 0, True),
    ("*/15 * * * *", "Europe/Berlin", "2026-03-29T00:20:00Z", 8, lambda d: d.minute % 15 == 0, False),
    ("*/15 * * * *", "Europe/Berlin", "2026-10-25T00:20:00Z", 10, lambda d: d.minute % 15 == 0, False),
    ("*/15 * * * *", "America/New_York", "2026-03-08T06:20:00Z", 8, lambda d: d.minute % 15 == 0, False),
    ("*/15 * * * *", "America/New_York", "2026-11-01T05:20:00Z", 10, lambda d: d.minute % 15 == 0, False),
    ("0 * * * *", "America/New_York", "2026-11-01T03:00:00Z", 5, lambda d: d.minute == 0, False),
    ("30 * * * *", "Europe/Berlin", "2026-03-29T00:00:00Z", 4, lambda d: d.minute == 30, False),
    ("*/20 * * * *", "Australia/Lord_Howe", "2026-04-04T14:00:00Z", 8, lambda d: d.minute % 20 == 0, False),
    ("15 2 * * *", "Australia/Lord_Howe", "2026-10-01T00:00:00Z", 4, lambda d: (d.hour, d.minute) == (2, 15), True),
    ("@daily", "America/Santiago", "2026-09-04T12:00:00Z", 3, lambda d: (d.hour, d.minute) == (0, 0), True),
    ("0 9 * * MON-FRI", "Europe/Berlin", "2026-03-26T00:00:00Z", 5,
     lambda d: (d.hour, d.minute) == (9, 0) and d.weekday() < 5, True),
    ("0 0 13 * FRI", "UTC", "2026-01-01T00:00:00Z", 5,
     lambda d: (d.hour, d.minute) == (0, 0) and (d.day == 13 or d.weekday() == 4), True),
    ("0 12 L * *", "Asia/Kolkata", "2028-02-20T00:00:00Z", 2, lambda d: (d.hour, d.minute) == (12, 0) and last_day(d),
     True),
    ("45 23 * * 0", "Asia/Kathmandu", "2026-05-01T00:00:00Z", 2,
     lambda d: (d.hour, d.minute) == (23, 45) and d.weekday() == 6, True),
]


class ScheduleNextTest(unittest.TestCase):
    def test_fire_times_match_zoneinfo(self):
        for expression, zone, start, count, matches, fixed_hour in CASES:
            with self.subTest(expression=expression, zone=zone, start=start):
                out = run("schedule", "next", expression, "--tz", zone, "--from", start, "-n", count).stdout
                self.assertEqual(out.splitlines(), expected_fires(matches, fixed_hour, zone, parse_ts(start), count))

    def test_local_from_is_read_in_the_zone(self):
        # 01:30 on 1 November happens twice in New York: a local --from means the first, 05:30Z.
        out = run("schedule", "next", "*/15 * * * *", "--tz", "America/New_York", "--from", "2026-11-01 01:30",
                  "--count=6").stdout
        self.assertEqual(out.splitlines(), expected_fires(lambda d: d.minute % 15 == 0, False, "America/New_York",
                                                          parse_ts("2026-11-01T05:30:00Z"), 6))

    def test_leap_day(self):
        out = run("schedule", "next", "0 0 29 2 *", "--tz", "UTC", "--from", "2025-01-01T00:00:00+01:00").stdout
        years = [y for y in range(2025, 2050) if calendar.isleap(y)][:5]
        self.assertEqual(out.splitlines(), [f"{y}-02-29 00:00 +00:00 ({y}-02-29T00:00:00Z)" for y in years])

    def test_default_is_five_fire_times_from_now_in_utc(self):
        before = datetime.now(timezone.utc)
        lines = run("schedule", "next", "* * * * *").stdout.splitlines()
        self.assertEqual(len(lines), 5)
        first = parse_ts(lines[0].split("(")[1].rstrip(")"))
        self.assertTrue(before < first <= before + timedelta(minutes=2), lines[0])
        self.assertTrue(lines[0].endswith("Z)") and " +00:00 " in lines[0])


class ScheduleCliTest(unittest.TestCase):
    def test_help(self):
        group = run("schedule", "--help").stdout
        self.assertIn("usage: creditlens schedule SUBCOMMAND", group)
        self.assertRegex(group, r"\n  next +Print the next fire times")
        for args in (["schedule", "next", "--help"], ["schedule", "next", "-h"], ["schedule", "next", "x", "--help"]):
            out = run(*args).stdout
            self.assertIn("usage: creditlens schedule next EXPR [options]", out)
            for option in ("--tz ZONE", "--from TIME", "--count N"):
                self.assertIn(option, out)
        self.assertIn("  schedule ", run("--help").stdout)

    def test_usage_errors_exit_2_on_stderr(self):
        cases = [
            (["schedule"], "usage: creditlens schedule SUBCOMMAND"),
            (["schedule", "bogus"], "creditlens schedule: unknown subcommand 'bogus' (see creditlens schedule --help)"),
            (["schedule", "next"], "expects the cron expression as one quoted argument"),
            (["schedule", "next", "0", "0", "*", "*", "*"], "(got 5 arguments)"),
            (["schedule", "next", "0 0 * * 8"], "creditlens schedule next: day-of-week: '8' is out of range 0-7\n"),
            (["schedule", "next", "61 * * * *"], "minute: '61' is out of range 0-59"),
            (["schedule", "next", "0 0 * FOO *"], "month: 'FOO' is not a month 1-12 or JAN-DEC"),
            (["schedule", "next", "* * * *"], "expected 5 fields"),
            (["schedule", "next", "@sometimes"], "unknown macro '@sometimes'"),
            (["schedule", "next", "0 0 30 2 *"], "'0 0 30 2 *' never fires"),
            (["schedule", "next", "@daily", "--tz", "Mars/Base"], "--tz: unknown time zone 'Mars/Base'"),
            (["schedule", "next", "@daily", "--from", "tomorrow"], "--from expects an ISO-8601 time"),
            (["schedule", "next", "@daily", "-n", "0"], "--count (-n) expects a whole number from 1 to 1000, got '0'"),
            (["schedule", "next", "@daily", "--bogus"], "unknown option '--bogus' (see creditlens schedule next --help)"),
            (["schedule", "next", "@daily", "-o", "x"], "unknown option '-o' (see creditlens schedule next --help)"),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                result = run(*args, check=False)
                self.assertEqual(result.returncode, 2)
                self.assertIn(message, result.stderr)
                self.assertEqual(result.stdout, "")


if __name__ == "__main__":
    unittest.main()
