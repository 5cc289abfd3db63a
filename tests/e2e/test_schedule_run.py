"""Scheduled runs end to end: the real binary, a generated store, and a real SMTP server on loopback
(tests/e2e/smtp_harness.py). Bursts per workspace, formats, templates, skip-if-empty, paused, dry run,
retries after faults (server down, 451, connection dropped mid-DATA), permanent failures reported to
the owner, resend, a scheduler killed mid-fan-out and restarted, and two schedulers racing: every
report arrives exactly once."""
import json
import os
import signal
import subprocess
import time
from collections import Counter
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from smtp_harness import SmtpHarness
from support import CREDITLENS, GeneratedStoreTest, run, temp_dir

NOW = "2026-11-01T06:30:00Z"       # half an hour after the monthly fire at 07:00 in Berlin
FIRE = "2026-11-01T06:00:00Z"
OCTOBER = "2026-10-01..2026-10-31"


def schedule(name="monthly", **fields):
    """One cl.schedule { ... } in Lua; values are Lua source text."""
    fields = {"report": "'dashboard'", "cron": "'0 7 1 * *'", "timezone": "'Europe/Berlin'",
              "params": "{ range = '" + OCTOBER + "' }", **fields}
    body = ", ".join(f"{key} = {value}" for key, value in fields.items())
    return f"    cl.schedule {{ name = '{name}', {body} }},\n"


def schedule_file(directory, *schedules, retry="{ attempts = 4, first_delay = '1s', max_delay = '2s' }",
                  extra=""):
    path = os.path.join(directory, "schedules.lua")
    with open(path, "w") as f:
        f.write("local cl = require 'creditlens'\nreturn cl.schedules {\n"
                "  from = 'creditlens <reports@platform.test>', owner = 'ops@platform.test',\n"
                f"  retry = {retry},\n{extra}  schedules = {{\n{''.join(schedules)}  }},\n}}\n")
    return path


class ScheduleRunTest(GeneratedStoreTest):
    EVENTS = 20000
    SEED = 3

    def setUp(self):
        self.dir = temp_dir(self)
        self.outbox = os.path.join(self.dir, "outbox.db")
        self.smtp = SmtpHarness()
        self.addCleanup(self.smtp.stop)

    def args(self, config, *more, now=NOW):
        args = ["schedule", "run", "--config", config, "--store", self.store, "--outbox", self.outbox,
                "--smtp", self.smtp.url, *more]
        return args + (["--now", now] if now else [])

    def once(self, config, check=True, now=NOW):
        return run(*self.args(config, "--once", now=now), check=check)

    def status(self):
        return json.loads(run("schedule", "status", "--outbox", self.outbox, "--json").stdout)

    def start(self, config, *mode):
        return subprocess.Popen([CREDITLENS, *self.args(config, *mode, now=None if "--daemon" in mode else NOW)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def billing_emails(self):
        return {w["billing_email"]: wid for wid, w in self.accounts.items()}

    def october_total(self, workspace):
        zone = ZoneInfo(self.accounts[workspace]["timezone"])
        return sum((e["credits"] for e in self.events if e["workspace_id"] == workspace
                    and date(2026, 10, 1) <= e["ts"].astimezone(zone).date() <= date(2026, 10, 31)), Decimal(0))

    def assertEachContactGotItsOwnWorkspaceOnce(self):
        received = Counter(m.rcpt_tos[0] for m in self.smtp.messages)
        self.assertEqual(received, Counter(self.billing_emails().keys()))
        for message in self.smtp.messages:
            self.assertEqual(len(message.rcpt_tos), 1)
            workspace = self.billing_emails()[message.rcpt_tos[0]]
            self.assertIn(self.accounts[workspace]["name"], message.email["Subject"])

    # Bursts, formats and templates ----------------------------------------------------------------

    def test_each_billing_contact_gets_its_own_workspace_with_pdf_png_inline_and_exact_numbers(self):
        config = schedule_file(self.dir, schedule(
            billing_contact="true", formats="{ 'pdf', 'png', 'json' }",
            subject="'Usage of {workspace.name} ({workspace.id}), {period}'",
            body="'Hello {workspace.name},\\nyour usage for {period.from} to {period.to}.'"))
        with self.smtp:
            result = self.once(config)
        self.assertIn(f"fired 1; rendered {len(self.accounts)}", result.stdout)
        self.assertEqual(len(self.smtp.messages), len(self.accounts))
        self.assertEachContactGotItsOwnWorkspaceOnce()
        for message in self.smtp.messages:
            workspace = self.billing_emails()[message.rcpt_tos[0]]
            name = self.accounts[workspace]["name"]
            email = message.email
            self.assertEqual(email["Subject"], f"Usage of {name} ({workspace}), 2026-10-01 to 2026-10-31")
            self.assertEqual(email.get_body(("plain",)).get_content().replace("\r\n", "\n"),
                             f"Hello {name},\nyour usage for 2026-10-01 to 2026-10-31.")
            self.assertIn('src="cid:preview"', email.get_body(("html",)).get_content())
            parts = {p.get_content_type(): p for p in email.walk() if not p.is_multipart()}
            self.assertEqual(parts["image/png"]["Content-ID"], "<preview>")
            self.assertEqual(parts["image/png"].get_content()[:8], b"\x89PNG\r\n\x1a\n")
            attachments = {a.get_filename(): a.get_content() for a in email.iter_attachments()}
            stem = f"monthly-{workspace}-2026-11-01"
            self.assertEqual(sorted(attachments), [f"{stem}.json", f"{stem}.pdf"])
            pdf = os.path.join(self.dir, f"{stem}.pdf")
            with open(pdf, "wb") as f:
                f.write(attachments[f"{stem}.pdf"])
            subprocess.run(["pdfinfo", pdf], check=True, capture_output=True)
            text = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True,
                                  text=True).stdout
            self.assertIn(f"{name} ({workspace})", text)
            self.assertIn("2026-10-01", text)
            numbers = json.loads(attachments[f"{stem}.json"])
            self.assertEqual(numbers["meta"]["workspace"], workspace)
            self.assertEqual(Decimal(str(numbers["datasets"]["reason"]["total"])), self.october_total(workspace))

        runs = self.status()
        self.assertEqual(len(runs), len(self.accounts))
        for entry in runs:
            self.assertEqual(entry["state"], "done")
            self.assertEqual([d["state"] for d in entry["deliveries"]], ["sent"])

        with self.smtp:
            again = self.once(config)
        self.assertIn("fired 0; rendered 0", again.stdout)
        self.assertEqual(len(self.smtp.messages), len(self.accounts), "a second run at the same time sends nothing")

    def test_dry_run_prints_what_would_be_sent_and_stores_and_sends_nothing(self):
        config = schedule_file(self.dir, schedule(billing_contact="true", to="{ 'finance@platform.test' }"),
                               schedule("paused-one", to="{ 'x@platform.test' }", paused="true"))
        with self.smtp:
            result = run(*self.args(config, "--dry-run"))
        self.assertIn("monthly: would fire at 2026-11-01 07:00 +01:00 (2026-11-01T06:00:00Z)", result.stdout)
        for email, workspace in self.billing_emails().items():
            self.assertIn(f"to {email} (smtp)", result.stdout)
        self.assertEqual(result.stdout.count("to finance@platform.test (smtp)"), len(self.accounts))
        self.assertIn("paused-one: paused", result.stdout)
        self.assertEqual(self.smtp.attempts, 0)
        self.assertFalse(os.path.exists(self.outbox))

    def test_skip_if_empty_sends_nothing_for_a_period_without_usage_and_paused_never_fires(self):
        config = schedule_file(self.dir,
                               schedule(billing_contact="true", skip_if_empty="true",
                                        params="{ range = '2020-01-01..2020-01-31' }"),
                               schedule("paused-one", to="{ 'x@platform.test' }", paused="true"))
        with self.smtp:
            result = self.once(config)
        self.assertIn(f"skipped {len(self.accounts)}", result.stdout)
        self.assertEqual(self.smtp.attempts, 0)
        runs = self.status()
        self.assertEqual({r["state"] for r in runs}, {"skipped"})
        self.assertEqual({r["schedule"] for r in runs}, {"monthly"})

    def test_a_fire_older_than_catch_up_does_not_run(self):
        config = schedule_file(self.dir, schedule(to="{ 'a@platform.test' }", catch_up="'2h'"))
        with self.smtp:
            late = self.once(config, now="2026-11-01T08:30:00Z")
            self.assertIn("fired 0", late.stdout)
            on_time = self.once(config, now="2026-11-01T07:59:00Z")
        self.assertIn("fired 1", on_time.stdout)
        self.assertEqual(len(self.smtp.messages), 1)

    def test_file_deliverer_writes_the_reports_and_the_smtp_server_can_come_from_the_environment(self):
        reports = os.path.join(self.dir, "reports")
        config = schedule_file(
            self.dir, schedule(workspace="'ws002'", to="{ 'a@platform.test' }", formats="{ 'pdf', 'csv' }",
                               deliver="{ 'smtp', 'file' }"),
            extra=f"  deliverers = {{ file = {{ directory = '{reports}' }} }},\n")
        args = ["schedule", "run", "--config", config, "--store", self.store, "--outbox", self.outbox, "--once",
                "--now", NOW]
        with self.smtp:
            result = subprocess.run([CREDITLENS, *args], capture_output=True, text=True,
                                    env={**os.environ, "CREDITLENS_SMTP_URL": self.smtp.url})
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual([m.rcpt_tos for m in self.smtp.messages], [["a@platform.test"]])
        stem = os.path.join(reports, "monthly-ws002-2026-11-01")
        self.assertEqual(sorted(os.listdir(reports)), ["monthly-ws002-2026-11-01.csv", "monthly-ws002-2026-11-01.pdf"])
        text = subprocess.run(["pdftotext", stem + ".pdf", "-"], check=True, capture_output=True, text=True).stdout
        self.assertIn(self.accounts["ws002"]["name"], text)
        attachment = {a.get_filename(): a.get_content() for a in self.smtp.messages[0].email.iter_attachments()}
        with open(stem + ".csv") as f:
            self.assertEqual(f.read(), attachment["monthly-ws002-2026-11-01.csv"].replace("\r\n", "\n"))
        [entry] = self.status()
        self.assertEqual(sorted((d["channel"], d["state"]) for d in entry["deliveries"]),
                         [("file", "sent"), ("smtp", "sent")])

    # Faults and retries ---------------------------------------------------------------------------

    def test_server_down_then_up_delivers_once_after_a_retry(self):
        config = schedule_file(self.dir, schedule(workspace="'ws001'", to="{ 'a@platform.test' }"))
        first = self.once(config)  # nothing listens on the port yet
        self.assertIn("retrying 1", first.stdout)
        [entry] = self.status()
        [delivery] = entry["deliveries"]
        self.assertEqual((delivery["state"], delivery["attempts"]), ("pending", 1))
        self.assertIn("refused", delivery["error"].lower())
        time.sleep(1.2)  # the first retry delay
        with self.smtp:
            second = self.once(config)
        self.assertIn("sent 1", second.stdout)
        self.assertEqual([m.rcpt_tos for m in self.smtp.messages], [["a@platform.test"]])
        [entry] = self.status()
        self.assertEqual((entry["state"], entry["deliveries"][0]["attempts"]), ("done", 2))

    def daemon_until_delivered(self, config, count):
        daemon = self.start(config, "--daemon")
        try:
            delivered = self.smtp.wait_for(count, timeout=60)
        finally:
            daemon.send_signal(signal.SIGTERM)
            out, err = daemon.communicate(timeout=60)
        self.assertTrue(delivered, out + err)
        self.assertEqual(daemon.returncode, 0, err)
        self.assertIn("scheduler stopped", out)
        return out

    def daemon_config(self):
        # Fires once: at the minute that has just passed, as the daemon reads the real clock.
        at = datetime.now(ZoneInfo("UTC"))
        cron = f"'{at.minute} {at.hour} {at.day} {at.month} *'"
        return schedule_file(self.dir, schedule(workspace="'ws001'", to="{ 'a@platform.test' }", cron=cron,
                                                timezone="'UTC'", catch_up="'1h'"))

    def test_daemon_retries_a_451_then_delivers_once(self):
        self.smtp.script(["451"])
        with self.smtp:
            out = self.daemon_until_delivered(self.daemon_config(), 1)
        self.assertEqual([t.outcome for t in self.smtp.transactions], ["451", "ok"])
        self.assertEqual(len(self.smtp.messages), 1)
        self.assertIn("will retry", out)

    def test_daemon_retries_a_connection_dropped_mid_data_then_delivers_once(self):
        self.smtp.script(["drop"])
        with self.smtp:
            self.daemon_until_delivered(self.daemon_config(), 1)
        self.assertEqual([t.outcome for t in self.smtp.transactions], ["drop", "ok"])
        [entry] = self.status()
        self.assertEqual(entry["deliveries"][0]["attempts"], 2)

    def test_daemon_delivers_once_the_server_comes_up(self):
        config = self.daemon_config()
        daemon = self.start(config, "--daemon")
        try:
            time.sleep(2.5)  # at least one refused attempt
            self.smtp.start()
            delivered = self.smtp.wait_for(1, timeout=60)
        finally:
            daemon.send_signal(signal.SIGTERM)
            out, err = daemon.communicate(timeout=60)
        self.assertTrue(delivered, out + err)
        self.assertEqual(daemon.returncode, 0, err)
        self.assertEqual(len(self.smtp.messages), 1)
        [entry] = self.status()
        self.assertGreaterEqual(entry["deliveries"][0]["attempts"], 2)

    def test_permanent_failure_goes_to_the_owner_and_resend_sends_it_on_purpose(self):
        config = schedule_file(self.dir, schedule(workspace="'ws001'", to="{ 'a@platform.test' }"))
        self.smtp.script(["550"])
        with self.smtp:
            result = self.once(config, check=False)
            self.assertEqual(result.returncode, 1)
            self.assertIn("delivery to a@platform.test (smtp) failed", result.stderr)
            [notice] = self.smtp.messages
            self.assertEqual(notice.rcpt_tos, ["ops@platform.test"])
            self.assertIn("failed", notice.email["Subject"])
            self.assertIn("creditlens schedule resend", notice.email.get_body(("plain",)).get_content())
            [entry] = self.status()
            run_id = entry["run"]
            self.assertEqual([(d["purpose"], d["state"]) for d in entry["deliveries"]],
                             [("report", "failed"), ("notice", "sent")])

            resend = run("schedule", "resend", str(run_id), "--config", config, "--outbox", self.outbox,
                         "--smtp", self.smtp.url)
            self.assertIn("sent 1", resend.stdout)
            other = run("schedule", "resend", str(run_id), "--to", "b@platform.test", "--config", config,
                        "--outbox", self.outbox, "--smtp", self.smtp.url)
            self.assertIn("sent 1", other.stdout)
        self.assertEqual([m.rcpt_tos for m in self.smtp.messages],
                         [["ops@platform.test"], ["a@platform.test"], ["b@platform.test"]])
        self.assertEqual(self.smtp.messages[1].email["Subject"], self.smtp.messages[2].email["Subject"])
        self.assertNotEqual(self.smtp.messages[1].email["Message-ID"], self.smtp.messages[2].email["Message-ID"])

    def test_a_report_that_fails_to_render_is_never_sent_and_the_owner_hears_why(self):
        broken = os.path.join(self.dir, "broken.lua")
        with open(broken, "w") as f:
            f.write("local cl = require 'creditlens'\nreturn cl.report { title = 'Broken', data = {},\n"
                    "  layout = function(d, ctx) error('no layout today') end }\n")
        config = schedule_file(self.dir, schedule(workspace="'ws001'", to="{ 'a@platform.test' }",
                                                  report="'broken.lua'", params="{}"))
        with self.smtp:
            result = self.once(config, check=False)
        self.assertEqual(result.returncode, 1)
        self.assertIn("broken.lua:3: no layout today", result.stderr)
        self.assertEqual([m.rcpt_tos for m in self.smtp.messages], [["ops@platform.test"]])
        self.assertIn("broken.lua:3: no layout today", self.smtp.messages[0].email.get_body(("plain",)).get_content())
        [entry] = self.status()
        self.assertEqual(entry["state"], "failed")
        resend = run("schedule", "resend", str(entry["run"]), "--config", config, "--outbox", self.outbox,
                     check=False)
        self.assertEqual(resend.returncode, 2)
        self.assertIn("has no report to send", resend.stderr)

    # Crashes and races ----------------------------------------------------------------------------

    def test_killed_mid_fan_out_and_restarted_every_report_arrives_exactly_once(self):
        config = schedule_file(self.dir, schedule(billing_contact="true"))
        scheduler = self.start(config, "--once")

        def kill_on_fourth(address, transaction):
            if transaction == 4:
                scheduler.send_signal(signal.SIGKILL)
                scheduler.wait()

        self.smtp.on_rcpt = kill_on_fourth
        with self.smtp:
            scheduler.communicate(timeout=120)
            self.assertEqual(scheduler.returncode, -signal.SIGKILL)
            self.assertEqual(len(self.smtp.messages), 3)
            self.smtp.on_rcpt = None
            restarted = self.once(config)
        self.assertIn("fired 0", restarted.stdout)
        self.assertEachContactGotItsOwnWorkspaceOnce()
        self.assertEqual({r["state"] for r in self.status()}, {"done"})

    def test_two_schedulers_racing_deliver_every_report_exactly_once(self):
        config = schedule_file(self.dir, schedule(billing_contact="true"))
        with self.smtp:
            schedulers = [self.start(config, "--once") for _ in range(2)]
            outputs = [s.communicate(timeout=300) for s in schedulers]
        for scheduler, (out, err) in zip(schedulers, outputs):
            self.assertEqual(scheduler.returncode, 0, err)
        self.assertEqual(sum("fired 1" in out for out, _ in outputs), 1)
        self.assertEachContactGotItsOwnWorkspaceOnce()
        runs = self.status()
        self.assertEqual(len(runs), len(self.accounts))
        self.assertEqual({r["state"] for r in runs}, {"done"})

    # Usage -----------------------------------------------------------------------------------------

    def test_mistakes_in_the_file_or_the_command_line_are_usage_errors(self):
        config = schedule_file(self.dir, schedule(to="{ 'a@platform.test' }", cron="'0 7 32 * *'"))
        result = run(*self.args(config, "--once"), check=False)
        self.assertEqual(result.returncode, 2)
        self.assertIn(f"{config}:6: schedule 'monthly': cron: day-of-month: '32' is out of range", result.stderr)
        good = schedule_file(self.dir, schedule(to="{ 'a@platform.test' }"))
        for extra, message in ((["--once", "--daemon"], "give one of --once, --daemon or --dry-run"),
                               (["--daemon", "--now", NOW], "--now is for --once and --dry-run")):
            result = run("schedule", "run", "--config", good, "--store", self.store, *extra, check=False)
            self.assertEqual(result.returncode, 2, result.stderr)
            self.assertIn(message, result.stderr)
        for args, message in ((["status", "--outbox", self.outbox, "--limit", "5x"],
                               "--limit expects a number from 1 to 1000000, got '5x'"),
                              (["resend", "12abc", "--config", good, "--outbox", self.outbox],
                               "RUN expects a run number, got '12abc'")):
            result = run("schedule", *args, check=False)
            self.assertEqual(result.returncode, 2, result.stderr)
            self.assertIn(message, result.stderr)
