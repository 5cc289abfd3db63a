"""The webhook delivery plugin through the plugin registry, driven by deliver_driver, against a real
HTTP server on loopback that records each POST and serves the files directory: the JSON body, the
Idempotency-Key and Bearer headers, links that fetch the very bytes written, and how replies and
network failures are classified (transient or permanent)."""
import hashlib
import json
import os
import socket
import ssl
import threading
import unittest
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from deliver_support import DeliveryTestCase, drive, make_self_signed_cert
TOKEN = "t0ken-for.tests~42"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class WebhookServer:
    """Answers POST /hook with the next of replies (then 200; "drop" closes the connection without a
    reply) and records each POST; serves GET /files/NAME from files_directory. With cert, a
    (certfile, keyfile) pair, it speaks HTTPS."""

    def __init__(self, files_directory, replies=(), cert=None):
        self.files_directory = files_directory
        self.replies = list(replies)
        self.requests = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                server.requests.append({"path": self.path, "headers": self.headers, "body": body})
                reply = server.replies.pop(0) if server.replies else 200
                if reply == "drop":
                    self.close_connection = True
                    return
                self.send_response(reply)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def do_GET(self):
                name = urllib.parse.unquote(self.path.removeprefix("/files/"))
                with open(os.path.join(server.files_directory, name), "rb") as f:
                    content = f.read()
                self.send_response(200)
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        if cert:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(*cert)
            self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
        scheme = "https" if cert else "http"
        self.base = f"{scheme}://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self):
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def deliver(url, files_directory, *extra, env=None):
    environment = {k: v for k, v in os.environ.items() if k != "CREDITLENS_WEBHOOK_TOKEN"}
    return drive("webhook", "--set", f"url={url}", "--set", f"files_directory={files_directory}",
                 "--set", "timeout_seconds=10", "--subject", "Verbrauch im März ✓",
                 "--text", "Grüße, see the linked report.\n", "--to", "ops@acme.test",
                 "--to", "Jörg Müller <joerg@acme.test>", *extra, env={**environment, **(env or {})})


class WebhookDeliveryTest(DeliveryTestCase):
    def setUp(self):
        super().setUp()
        self.files = os.path.join(self.dir.name, "served")

    def deliver_to(self, server, *extra, env=None):
        return deliver(f"{server.base}/hook?team=ops", self.files, "--set", f"files_base_url={server.base}/files/",
                       *extra, env=env)

    def test_posts_the_summary_with_headers_and_links_to_the_written_files(self):
        pdf_bytes = b"%PDF-1.7\n" + bytes(range(256)) * 64 + b"\n%%EOF\n"
        png_bytes = b"\x89PNG\r\n\x1a\n" + bytes(range(200))
        pdf = self.source("März report #1.pdf", pdf_bytes)
        png = self.source("chart.png", png_bytes)
        with WebhookServer(self.files) as server:
            result = self.deliver_to(server, "--attach", f"{pdf},application/pdf", "--attach", f"{png},image/png",
                                     "--key", "run-42/ws001", env={"CREDITLENS_WEBHOOK_TOKEN": TOKEN})
            self.assertDelivered(result)
            self.assertEqual(len(server.requests), 1)
            request = server.requests[0]
            self.assertEqual(request["path"], "/hook?team=ops")
            self.assertEqual(request["headers"]["Idempotency-Key"], "run-42/ws001")
            self.assertEqual(request["headers"]["Authorization"], f"Bearer {TOKEN}")
            self.assertEqual(request["headers"].get_content_type(), "application/json")
            body = json.loads(request["body"].decode("utf-8"))
            self.assertEqual(set(body), {"subject", "text", "to", "idempotency_key", "files"})
            self.assertEqual(body["subject"], "Verbrauch im März ✓")
            self.assertEqual(body["text"], "Grüße, see the linked report.\n")
            self.assertEqual(body["to"], ["ops@acme.test", "Jörg Müller <joerg@acme.test>"])
            self.assertEqual(body["idempotency_key"], "run-42/ws001")
            originals = {"März report #1.pdf": (pdf_bytes, "application/pdf"), "chart.png": (png_bytes, "image/png")}
            self.assertEqual([f["name"] for f in body["files"]], list(originals))
            for listed in body["files"]:
                with self.subTest(file=listed["name"]):
                    content, mime_type = originals[listed["name"]]
                    self.assertEqual(set(listed), {"name", "mime_type", "bytes", "sha256", "url"})
                    self.assertEqual(listed["mime_type"], mime_type)
                    self.assertEqual(listed["bytes"], len(content))
                    self.assertEqual(listed["sha256"], hashlib.sha256(content).hexdigest())
                    self.assertEqual(listed["url"], f"{server.base}/files/" + urllib.parse.quote(listed["name"], safe=""))
                    with open(os.path.join(self.files, listed["name"]), "rb") as f:
                        self.assertEqual(f.read(), content)
                    with urllib.request.urlopen(listed["url"], timeout=10) as response:
                        self.assertEqual(hashlib.sha256(response.read()).hexdigest(), listed["sha256"])
        self.assertEqual(set(os.listdir(self.files)), {"chart.png", "März report #1.pdf"})

    def test_token_from_the_named_variable_only_and_no_headers_when_unset(self):
        with WebhookServer(self.files) as server:
            self.assertDelivered(self.deliver_to(server, "--set", "token_env=REPORTS_HOOK_TOKEN",
                                                 env={"REPORTS_HOOK_TOKEN": "other", "CREDITLENS_WEBHOOK_TOKEN": TOKEN}))
            self.assertDelivered(self.deliver_to(server))
            named, unset = server.requests
        self.assertEqual(named["headers"]["Authorization"], "Bearer other")
        self.assertIsNone(unset["headers"]["Authorization"])
        self.assertIsNone(unset["headers"]["Idempotency-Key"])
        body = json.loads(unset["body"])
        self.assertEqual(body["files"], [])
        self.assertEqual(body["idempotency_key"], "")

    def test_a_token_that_could_inject_a_header_is_refused(self):
        with WebhookServer(self.files) as server:
            result = self.deliver_to(server, env={"CREDITLENS_WEBHOOK_TOKEN": "abc\r\nX-Injected: 1"})
            self.assertEqual(server.requests, [])
        self.assertEqual(result.returncode, 1)
        self.assertIn("CREDITLENS_WEBHOOK_TOKEN", result.stdout)
        self.assertNotIn("Injected", result.stdout)

    def test_503_is_transient_then_200_ok_with_the_same_key(self):
        pdf = self.source("report.pdf", b"%PDF-1.7 retry")
        with WebhookServer(self.files, replies=[503]) as server:
            first = self.deliver_to(server, "--attach", f"{pdf},application/pdf", "--key", "k-1")
            second = self.deliver_to(server, "--attach", f"{pdf},application/pdf", "--key", "k-1")
            keys = [r["headers"]["Idempotency-Key"] for r in server.requests]
        self.assertFailed(first, "transient")
        self.assertIn("503 Service Unavailable", first.stdout)
        self.assertIn(f"{server.base}/hook", first.stdout)
        self.assertNotIn("team=ops", first.stdout)
        self.assertDelivered(second)
        self.assertEqual(keys, ["k-1", "k-1"])
        self.assertEqual(os.listdir(self.files), ["report.pdf"])

    def test_429_and_a_dropped_connection_are_transient(self):
        for reply in (429, "drop"):
            with self.subTest(reply=reply), WebhookServer(self.files, replies=[reply]) as server:
                result = self.deliver_to(server)
                self.assertEqual(len(server.requests), 1)
            self.assertFailed(result, "transient")

    def test_https_checks_the_certificate_and_the_host_name(self):
        certs = os.path.join(self.dir.name, "certs")
        os.makedirs(certs)
        trusted = make_self_signed_cert(certs)
        elsewhere = make_self_signed_cert(certs, host="hooks.acme.test", alt_names=())
        with WebhookServer(self.files, cert=trusted) as server:
            self.assertDelivered(self.deliver_to(server, "--set", f"ca_file={trusted[0]}"))
            untrusted = self.deliver_to(server)
            self.assertEqual(len(server.requests), 1)
        self.assertFailed(untrusted, "permanent")
        self.assertIn("certificate", untrusted.stdout.lower())
        # A certificate for another name is refused on loopback too (Poco's relaxed mode skips that check).
        with WebhookServer(self.files, cert=elsewhere) as server:
            wrong_name = self.deliver_to(server, "--set", f"ca_file={elsewhere[0]}")
            self.assertEqual(server.requests, [])
        self.assertFailed(wrong_name, "permanent")

    def test_400_is_permanent(self):
        with WebhookServer(self.files, replies=[400]) as server:
            result = self.deliver_to(server)
        self.assertFailed(result, "permanent")
        self.assertIn("400 Bad Request", result.stdout)

    def test_nothing_listening_is_transient(self):
        result = deliver(f"http://127.0.0.1:{free_port()}/hook", self.files, "--set",
                         "files_base_url=http://files.test")
        self.assertFailed(result, "transient")
        self.assertIn("/hook", result.stdout)

    def test_credentials_in_the_url_are_refused_without_echoing_them(self):
        result = deliver("http://bot:s3cret@127.0.0.1:1/hook", self.files, "--set", "files_base_url=http://f.test")
        self.assertEqual(result.returncode, 1)
        self.assertIn("credentials", result.stdout)
        self.assertNotIn("s3cret", result.stdout)

    def test_an_unsafe_name_is_permanent_and_nothing_is_posted(self):
        bad = self.source("a..b.pdf", b"%PDF")
        with WebhookServer(self.files) as server:
            result = self.deliver_to(server, "--attach", f"{bad},application/pdf")
            self.assertEqual(server.requests, [])
        self.assertFailed(result, "permanent")
        self.assertIn("'a..b.pdf'", result.stdout)
        self.assertEqual(os.listdir(self.files), [])


if __name__ == "__main__":
    unittest.main()
