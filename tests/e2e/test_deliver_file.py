"""The file delivery plugin through the plugin registry, driven by deliver_driver: attachments land in
the directory byte for byte and atomically, a delivery without attachments becomes <subject>.txt,
rewriting is harmless, and bad names and settings are refused clearly."""
import hashlib
import os
import threading
import unittest

from deliver_support import DeliveryTestCase, drive


def deliver(*extra):
    return drive("file", "--subject", "Verbrauch im März", "--text", "Grüße, the report is attached.\n", *extra)


class FileDeliveryTest(DeliveryTestCase):
    def setUp(self):
        super().setUp()
        self.out = os.path.join(self.dir.name, "out")

    def read(self, name):
        with open(os.path.join(self.out, name), "rb") as f:
            return f.read()

    def test_attachments_are_written_byte_for_byte_and_again_harmlessly(self):
        pdf_bytes = b"%PDF-1.7\n" + bytes(range(256)) * 64 + b"\n%%EOF\n"
        png_bytes = b"\x89PNG\r\n\x1a\n" + bytes(range(200))
        pdf = self.source("März report.pdf", pdf_bytes)
        png = self.source("chart.png", png_bytes)
        for attempt in range(2):
            with self.subTest(attempt=attempt):
                self.assertDelivered(deliver("--set", f"directory={self.out}", "--attach", f"{pdf},application/pdf",
                                             "--attach", f"{png},image/png,chart1", "--key", "run-1"))
                self.assertEqual(set(os.listdir(self.out)), {"chart.png", "März report.pdf"})
                self.assertEqual(self.read("März report.pdf"), pdf_bytes)
                self.assertEqual(self.read("chart.png"), png_bytes)

    def test_without_attachments_the_text_body_is_written_under_the_subject(self):
        self.assertDelivered(deliver("--set", f"directory={self.out}", "--subject", "Alert: 80% of 3/2026 used"))
        self.assertEqual(os.listdir(self.out), ["Alert: 80% of 3_2026 used.txt"])
        self.assertEqual(self.read("Alert: 80% of 3_2026 used.txt").decode(), "Grüße, the report is attached.\n")

    def test_a_reader_never_sees_a_partial_file(self):
        size = 24 * 1024 * 1024
        big = self.source("big.pdf", os.urandom(1024) * (size // 1024))
        target = os.path.join(self.out, "big.pdf")
        os.makedirs(self.out)
        seen, done = [], threading.Event()

        def watch():
            while not done.is_set():
                try:
                    seen.append(os.stat(target).st_size)
                except FileNotFoundError:
                    seen.append(None)

        watcher = threading.Thread(target=watch)
        watcher.start()
        try:
            for _ in range(3):
                self.assertDelivered(deliver("--set", f"directory={self.out}", "--attach", f"{big},application/pdf"))
        finally:
            done.set()
            watcher.join()
        self.assertIn(size, seen)
        self.assertEqual(set(seen) - {None}, {size})
        self.assertEqual(os.listdir(self.out), ["big.pdf"])  # no temporary file left behind
        with open(big, "rb") as original:
            self.assertEqual(hashlib.sha256(self.read("big.pdf")).digest(),
                             hashlib.sha256(original.read()).digest())

    def test_directory_is_created_unless_create_is_false(self):
        nested = os.path.join(self.out, "reports", "2026")
        refused = deliver("--set", f"directory={nested}", "--set", "create=false")
        self.assertEqual(refused.returncode, 1)
        self.assertIn("does not exist", refused.stdout)
        self.assertFalse(os.path.exists(self.out))
        self.assertDelivered(deliver("--set", f"directory={nested}"))
        self.assertEqual(os.listdir(nested), ["Verbrauch im März.txt"])

    def test_missing_directory_setting_is_refused_by_name(self):
        result = deliver()
        self.assertEqual(result.returncode, 1)
        self.assertIn("'directory'", result.stdout)

    def test_a_name_with_dot_dot_is_permanent_and_nothing_is_written(self):
        good = self.source("good.pdf", b"%PDF")
        bad = self.source("a..b.pdf", b"%PDF")
        result = deliver("--set", f"directory={self.out}", "--attach", f"{good},application/pdf",
                         "--attach", f"{bad},application/pdf")
        self.assertFailed(result, "permanent")
        self.assertIn("'a..b.pdf'", result.stdout)
        self.assertEqual(os.listdir(self.out), [])


if __name__ == "__main__":
    unittest.main()
