"""The SMTP delivery plugin against a real SMTP server (aiosmtpd) on loopback, driven through the plugin
registry by deliver_driver: MIME structure, UTF-8 headers, attachment bytes, recipients, AUTH, and
how refusals are classified (transient or permanent)."""
import email
import email.policy
import os
import socket
import subprocess
import sys
import tempfile
import unittest

try:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult
except ImportError:  # tools/install-deps.sh installs python3-aiosmtpd for the system interpreter
    sys.path.append("/usr/lib/python3/dist-packages")
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

DRIVER = os.environ.get("CREDITLENS_DELIVER_DRIVER", "build/tests/deliver_driver")
PLUGIN_DIR = os.environ.get("CREDITLENS_PLUGIN_BUILD_DIR", "build/plugins")
USER, PASSWORD = "reports@acme.test", "pässword 42"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Recorder:
    """Keeps every accepted message; replies rcpt_reply to RCPT TO when set."""

    def __init__(self, rcpt_reply=None):
        self.rcpt_reply = rcpt_reply
        self.messages = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.rcpt_reply:
            return self.rcpt_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = auth_data.login.decode() == USER and auth_data.password.decode() == PASSWORD
    return AuthResult(success=ok, handled=False)


class SmtpServer:
    def __init__(self, handler, **kwargs):
        self.port = free_port()
        self.controller = Controller(handler, hostname="127.0.0.1", port=self.port, **kwargs)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()


def deliver(url, *extra, env=None, to=("ops@acme.test",)):
    args = [DRIVER, "--plugin-dir", PLUGIN_DIR, "--set", f"url={url}", "--set", "timeout_seconds=10",
            "--from", "Crédit Lens <reports@acme.test>", "--subject", "Verbrauch im März ✓",
            "--text", "Grüße, see the attached report.\n"]
    for address in to:
        args += ["--to", address]
    return subprocess.run(args + list(extra), capture_output=True, text=True, timeout=60,
                          env={**os.environ, **(env or {})})


class SmtpDeliveryTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)

    def path(self, name, content):
        path = os.path.join(self.dir.name, name)
        with open(path, "wb") as f:
            f.write(content)
        return path

    def assertDelivered(self, result):
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertEqual(result.stdout.strip(), "ok")

    def test_message_parses_with_utf8_subject_attachment_bytes_and_exact_recipients(self):
        pdf_bytes = b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"
        png_bytes = b"\x89PNG\r\n\x1a\n" + bytes(range(200))
        pdf = self.path("März report.pdf", pdf_bytes)
        png = self.path("chart.png", png_bytes)
        recorder = Recorder()
        to = ("ops@acme.test", "Jörg Müller <joerg@acme.test>", "\"Doe, Jane\" <jane@acme.test>")
        with SmtpServer(recorder) as server:
            result = deliver(f"smtp://127.0.0.1:{server.port}", "--html", '<p>Grüße</p><img src="cid:chart1">',
                             "--attach", f"{pdf},application/pdf", "--attach", f"{png},image/png,chart1", to=to)
        self.assertDelivered(result)
        self.assertEqual(len(recorder.messages), 1)
        mail_from, rcpt_tos, content = recorder.messages[0]
        self.assertEqual(mail_from, "reports@acme.test")
        self.assertEqual(sorted(rcpt_tos), ["jane@acme.test", "joerg@acme.test", "ops@acme.test"])

        message = email.message_from_bytes(content, policy=email.policy.default)
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
        password_file = self.path("password", PASSWORD.encode() + b"\n")
        for method in ("plain", "login"):
            with self.subTest(method=method):
                recorder = Recorder()
                with SmtpServer(recorder, authenticator=authenticate, auth_require_tls=False,
                                auth_required=True) as server:
                    url = f"smtp://reports%40acme.test@127.0.0.1:{server.port}"
                    from_env = deliver(url, "--set", f"auth={method}", env={"CREDITLENS_SMTP_PASSWORD": PASSWORD})
                    from_file = deliver(url, "--set", f"auth={method}", "--set", f"password_file={password_file}")
                    wrong = deliver(url, "--set", f"auth={method}", env={"CREDITLENS_SMTP_PASSWORD": "nope"})
                self.assertDelivered(from_env)
                self.assertDelivered(from_file)
                self.assertEqual(len(recorder.messages), 2)
                self.assertTrue(wrong.stdout.startswith("permanent: "), wrong.stdout)

    def test_user_without_password_is_refused_before_connecting(self):
        result = deliver("smtp://someone@127.0.0.1:1", env={"CREDITLENS_SMTP_PASSWORD": ""})
        self.assertEqual(result.returncode, 1)
        self.assertIn("no password", result.stdout)

    def test_451_is_transient_and_550_permanent(self):
        for reply, failure in (("451 4.3.0 try again later", "transient"), ("550 5.1.1 no such user", "permanent")):
            with self.subTest(reply=reply), SmtpServer(Recorder(rcpt_reply=reply)) as server:
                result = deliver(f"smtp://127.0.0.1:{server.port}")
            self.assertEqual(result.returncode, 1)
            self.assertTrue(result.stdout.startswith(failure + ": "), result.stdout)
            self.assertIn(reply.split()[0], result.stdout)

    def test_connection_refused_is_transient(self):
        result = deliver(f"smtp://127.0.0.1:{free_port()}")
        self.assertEqual(result.returncode, 1)
        self.assertTrue(result.stdout.startswith("transient: "), result.stdout)

    def test_bad_recipient_address_is_permanent(self):
        result = deliver("smtp://127.0.0.1:1", to=("not-an-address",))
        self.assertTrue(result.stdout.startswith("permanent: "), result.stdout)


if __name__ == "__main__":
    unittest.main()
