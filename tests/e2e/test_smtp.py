"""The SMTP delivery plugin against a real SMTP server on loopback (smtp_harness: aiosmtpd), driven
through the plugin registry by the delivery test driver: MIME structure, UTF-8 headers, attachment
bytes, recipients, AUTH, STARTTLS and smtps (implicit TLS) with certificate checks, and how refusals,
dropped connections and a stopped server are classified (transient or permanent). SmtpHarnessTest
checks the harness's own fault injection as Python's smtplib sees it."""
import itertools
import os
import smtplib
import ssl
import subprocess
import unittest

from deliver_support import DeliveryTestCase, make_self_signed_cert
from smtp_harness import HOST, SmtpHarness

DRIVER = os.environ.get("CREDITLENS_DELIVER_DRIVER", "build/tests/deliver_driver")
PLUGIN_DIR = os.environ.get("CREDITLENS_PLUGIN_BUILD_DIR", "build/plugins")
USER, PASSWORD = "reports@acme.test", "pässword 42"
TLS_MODES = ("starttls", "implicit")
SERVER_KINDS = (None, *TLS_MODES)  # plain SMTP, then the two TLS modes


def deliver(url, *extra, env=None, to=("ops@acme.test",)):
    args = [DRIVER, "--plugin-dir", PLUGIN_DIR, "--set", f"url={url}", "--set", "timeout_seconds=10",
            "--from", "Crédit Lens <reports@acme.test>", "--subject", "Verbrauch im März ✓",
            "--text", "Grüße, see the attached report.\n"]
    for address in to:
        args += ["--to", address]
    return subprocess.run(args + list(extra), capture_output=True, text=True, timeout=60,
                          env={**os.environ, **(env or {})})


def tls_settings(smtp, trust=True):
    """--set arguments for the driver to speak smtp's TLS: starttls=true for STARTTLS (smtps:// is in
    the URL) and, with trust, the server's certificate as ca_file. verify_tls stays at its default."""
    args = ["--set", "starttls=true"] if smtp.tls == "starttls" else []
    return args + (["--set", f"ca_file={smtp.cert[0]}"] if smtp.tls and trust else [])


class SmtpDeliveryTest(DeliveryTestCase):
    def assertFailed(self, result, failure, *fragments):
        """The driver reports a failure of the class failure ("transient" or "permanent") whose message
        holds every fragment."""
        super().assertFailed(result, failure)
        for fragment in fragments:
            self.assertIn(fragment, result.stdout)

    def test_message_parses_with_utf8_subject_attachment_bytes_and_exact_recipients(self):
        pdf_bytes = b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"
        png_bytes = b"\x89PNG\r\n\x1a\n" + bytes(range(200))
        pdf = self.source("März report.pdf", pdf_bytes)
        png = self.source("chart.png", png_bytes)
        to = ("ops@acme.test", "Jörg Müller <joerg@acme.test>", "\"Doe, Jane\" <jane@acme.test>")
        with SmtpHarness() as smtp:
            result = deliver(smtp.url, "--html", '<p>Grüße</p><img src="cid:chart1">',
                             "--attach", f"{pdf},application/pdf", "--attach", f"{png},image/png,chart1", to=to)
        self.assertDelivered(result)
        self.assertEqual(len(smtp.messages), 1)
        received = smtp.messages[0]
        self.assertEqual(received.mail_from, "reports@acme.test")
        self.assertEqual(sorted(received.rcpt_tos), ["jane@acme.test", "joerg@acme.test", "ops@acme.test"])

        message = received.email
        self.assertEqual(message["Subject"], "Verbrauch im März ✓")
        self.assertEqual(message["From"].addresses[0].display_name, "Crédit Lens")
        names = {a.addr_spec: a.display_name for a in message["To"].addresses}
        self.assertEqual(names, {"ops@acme.test": "", "joerg@acme.test": "Jörg Müller",
                                 "jane@acme.test": "Doe, Jane"})
        self.assertEqual(message.get_content_type(), "multipart/mixed")
        self.assertEqual(message.get_body(("plain",)).get_content(), "Grüße, see the attached report.\n")
        self.assertIn("Grüße", message.get_body(("html",)).get_content())
        attachments = {part.get_filename(): part for part in message.iter_attachments()}
        self.assertEqual(list(attachments), ["März report.pdf"])
        self.assertEqual(attachments["März report.pdf"].get_content_type(), "application/pdf")
        self.assertEqual(attachments["März report.pdf"].get_content(), pdf_bytes)
        images = [p for p in message.walk() if p.get_content_type() == "image/png"]
        self.assertEqual(len(images), 1)
        self.assertEqual(images[0]["Content-ID"], "<chart1>")
        self.assertEqual(images[0].get_content(), png_bytes)

    def test_auth_plain_and_login_with_password_from_environment_or_file(self):
        """Over plain SMTP, STARTTLS (where the server takes AUTH only after it) and smtps."""
        password_file = self.source("password", PASSWORD.encode() + b"\n")
        for tls, method in itertools.product(SERVER_KINDS, ("plain", "login")):
            with self.subTest(tls=tls, method=method):
                with SmtpHarness(auth=(USER, PASSWORD), tls=tls) as smtp:
                    url, settings = smtp.url_for(USER), [*tls_settings(smtp), "--set", f"auth={method}"]
                    from_env = deliver(url, *settings, env={"CREDITLENS_SMTP_PASSWORD": PASSWORD})
                    from_file = deliver(url, *settings, "--set", f"password_file={password_file}")
                    wrong = deliver(url, *settings, env={"CREDITLENS_SMTP_PASSWORD": "nope"})
                self.assertDelivered(from_env)
                self.assertDelivered(from_file)
                self.assertEqual(len(smtp.messages), 2)
                self.assertTrue(wrong.stdout.startswith("permanent: "), wrong.stdout)

    def test_user_without_password_is_refused_before_connecting(self):
        result = deliver("smtp://someone@127.0.0.1:1", env={"CREDITLENS_SMTP_PASSWORD": ""})
        self.assertEqual(result.returncode, 1)
        self.assertIn("no password", result.stdout)

    def test_451_is_transient_and_550_permanent(self):
        """Refusals of the recipient (RCPT TO)."""
        refusals = (("451 4.3.0 try again later", "transient"), ("550 5.1.1 no such user", "permanent"))
        for reply, failure in refusals:
            with self.subTest(reply=reply), SmtpHarness() as smtp:
                smtp.on_rcpt = lambda address, transaction, reply=reply: reply
                result = deliver(smtp.url)
            self.assertFailed(result, failure, reply.split()[0])
            self.assertEqual((smtp.rcpt_count, smtp.attempts), (1, 0))

    def test_refusal_or_drop_at_end_of_data_is_classified_and_the_next_attempt_accepted(self):
        """A server that drops the connection instead of replying to DATA, over TLS too (no TLS
        close_notify), is transient like a 451; a 550 is permanent."""
        faults = (("451", "transient", "451 4.3.0"), ("550", "permanent", "550 5.7.1"), ("drop", "transient"))
        for tls, (outcome, failure, *fragments) in itertools.product(SERVER_KINDS, faults):
            with self.subTest(tls=tls, outcome=outcome), SmtpHarness(tls=tls) as smtp:
                smtp.script([outcome])
                refused, retried = [deliver(smtp.url, *tls_settings(smtp)) for _ in range(2)]
            self.assertFailed(refused, failure, *fragments)
            self.assertDelivered(retried)
            self.assertEqual([t.outcome for t in smtp.transactions], [outcome, "ok"])
            self.assertEqual(len(smtp.messages), 1)

    def test_stopped_server_is_transient_and_delivers_once_started_again_on_the_same_port(self):
        with SmtpHarness() as smtp:
            smtp.stop()
            refused = deliver(smtp.url)
            smtp.start()
            delivered = deliver(smtp.url)
        self.assertFailed(refused, "transient", "Connection refused")
        self.assertDelivered(delivered)
        self.assertEqual((smtp.attempts, len(smtp.messages)), (1, 1))

    def test_bad_recipient_address_is_permanent(self):
        result = deliver("smtp://127.0.0.1:1", to=("not-an-address",))
        self.assertFailed(result, "permanent")

    def test_starttls_and_smtps_deliver_when_ca_file_trusts_the_server_certificate(self):
        for tls in TLS_MODES:
            with self.subTest(tls=tls), SmtpHarness(tls=tls) as smtp:
                result = deliver(smtp.url, *tls_settings(smtp))
            self.assertDelivered(result)
            self.assertEqual([m.email["Subject"] for m in smtp.messages], ["Verbrauch im März ✓"])

    def test_untrusted_certificate_is_refused_permanently_unless_verify_tls_is_off(self):
        for tls in TLS_MODES:
            with self.subTest(tls=tls), SmtpHarness(tls=tls) as smtp:
                refused = deliver(smtp.url, *tls_settings(smtp, trust=False))
                unverified = deliver(smtp.url, *tls_settings(smtp, trust=False), "--set", "verify_tls=false")
            self.assertFailed(refused, "permanent", "certificate")
            self.assertDelivered(unverified)
            self.assertEqual(smtp.attempts, 1)

    def test_certificate_must_name_the_host_of_the_url(self):
        """A certificate for localhost alone: good for smtp://localhost, refused for smtp://127.0.0.1.
        Over STARTTLS this needs the URL's host as the TLS peer name (not the server's address)."""
        cert = make_self_signed_cert(self.dir.name, host="localhost", alt_names=())
        for tls in TLS_MODES:
            with self.subTest(tls=tls), SmtpHarness(tls=tls, cert=cert) as smtp:
                named = deliver(smtp.url_for(host="localhost"), *tls_settings(smtp))
                unnamed = deliver(smtp.url, *tls_settings(smtp))
            self.assertDelivered(named)
            self.assertFailed(unnamed, "permanent", "certificate from 127.0.0.1")
            self.assertEqual(smtp.attempts, 1)

    def test_starttls_against_a_server_without_it_fails_permanently_before_sending(self):
        with SmtpHarness() as smtp:
            result = deliver(smtp.url, "--set", "starttls=true")
        self.assertFailed(result, "permanent", "does not offer STARTTLS")
        self.assertEqual((smtp.rcpt_count, smtp.attempts), (0, 0))


class SmtpHarnessTest(unittest.TestCase):
    """The harness as a plain client (smtplib) sees it: the reply each scripted outcome gives (a "drop"
    is a closed connection with no reply at all), what it records, and the RCPT TO hook."""

    @staticmethod
    def send(smtp, to=("ops@acme.test",)):
        """Sends one message to smtp, over its TLS if any; returns the smtplib error, or None."""
        context = ssl.create_default_context(cafile=smtp.cert[0]) if smtp.tls else None
        try:
            if smtp.tls == "implicit":
                client = smtplib.SMTP_SSL(HOST, smtp.port, context=context, timeout=10)
            else:
                client = smtplib.SMTP(HOST, smtp.port, timeout=10)
            with client:
                if smtp.tls == "starttls":
                    client.starttls(context=context)
                client.sendmail("reports@acme.test", list(to), b"Subject: harness\r\n\r\nbody\r\n")
        except smtplib.SMTPException as error:
            return error
        return None

    def test_scripted_outcomes_reach_the_client_and_only_accepted_messages_are_kept(self):
        for tls in SERVER_KINDS:
            with self.subTest(tls=tls), SmtpHarness(tls=tls) as smtp:
                smtp.script(["451", "550", "drop"])
                errors = [self.send(smtp) for _ in range(4)]
            self.assertEqual([getattr(e, "smtp_code", None) for e in errors], [451, 550, None, None])
            self.assertIsInstance(errors[2], smtplib.SMTPServerDisconnected)
            self.assertIsNone(errors[3])
            self.assertEqual([(t.number, t.outcome) for t in smtp.transactions],
                             [(1, "451"), (2, "550"), (3, "drop"), (4, "ok")])
            self.assertEqual([m.email["Subject"] for m in smtp.messages], ["harness"])

    def test_script_rejects_unknown_outcomes(self):
        with self.assertRaises(ValueError):
            SmtpHarness().script(["ok", "421"])

    def test_on_rcpt_sees_each_recipient_with_its_transaction_and_may_refuse_it(self):
        calls = []

        def on_rcpt(address, transaction):
            calls.append((address, transaction))
            return "550 5.1.1 no such user" if address == "gone@acme.test" else None

        with SmtpHarness() as smtp:
            smtp.on_rcpt = on_rcpt
            errors = [self.send(smtp, to=to) for to in (("a@acme.test", "gone@acme.test"), ("b@acme.test",))]
            self.assertTrue(smtp.wait_for(2, timeout=5))
            self.assertFalse(smtp.wait_for(3, timeout=0.2))
        self.assertEqual(errors, [None, None])
        self.assertEqual(calls, [("a@acme.test", 1), ("gone@acme.test", 1), ("b@acme.test", 2)])
        self.assertEqual(smtp.rcpt_count, 3)
        self.assertEqual([m.rcpt_tos for m in smtp.messages], [["a@acme.test"], ["b@acme.test"]])


if __name__ == "__main__":
    unittest.main()
