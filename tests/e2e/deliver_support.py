"""Helpers for the delivery plugin tests: run deliver_driver against one deliverer, and a test case
with a scratch directory, files to attach, and assertions on the driver's verdict."""
import ipaddress
import os
import subprocess
import tempfile
import unittest

DRIVER = os.environ.get("CREDITLENS_DELIVER_DRIVER", "build/tests/deliver_driver")
PLUGIN_DIR = os.environ.get("CREDITLENS_PLUGIN_BUILD_DIR", "build/plugins")


def drive(deliverer, *args, env=None):
    """Runs deliver_driver with the named deliverer and args; returns the CompletedProcess (text mode)."""
    return subprocess.run([DRIVER, "--plugin-dir", PLUGIN_DIR, "--deliverer", deliverer, *args],
                          capture_output=True, text=True, timeout=120, env=env)


def make_self_signed_cert(directory, host="127.0.0.1", alt_names=("IP:127.0.0.1", "DNS:localhost")):
    """Writes a self-signed certificate and its unencrypted key (PEM) into directory with the openssl
    CLI and returns (certfile, keyfile). The certificate is issued to host (its common name) and names
    alt_names and host as subject alternative names; pass alt_names=() for one that names host alone.
    A client verifies it by trusting the certificate file itself (it is its own CA)."""
    certfile, keyfile = (os.path.join(directory, f"{host}-{kind}.pem") for kind in ("cert", "key"))
    try:
        host_name = f"IP:{ipaddress.ip_address(host)}"
    except ValueError:
        host_name = f"DNS:{host}"
    names = ",".join(dict.fromkeys([*alt_names, host_name]))
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-days", "2", "-subj", f"/CN={host}", "-addext", f"subjectAltName={names}",
                    "-keyout", keyfile, "-out", certfile],
                   check=True, capture_output=True)
    return certfile, keyfile


class DeliveryTestCase(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)

    def source(self, name, content):
        """Writes a file to attach (outside any delivery directory) and returns its path."""
        os.makedirs(os.path.join(self.dir.name, "src"), exist_ok=True)
        path = os.path.join(self.dir.name, "src", name)
        with open(path, "wb") as f:
            f.write(content)
        return path

    def assertDelivered(self, result):
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertEqual(result.stdout.strip(), "ok")

    def assertFailed(self, result, failure):
        """The driver reported a failed delivery of the class failure ("transient" or "permanent")."""
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertTrue(result.stdout.startswith(failure + ": "), result.stdout)
