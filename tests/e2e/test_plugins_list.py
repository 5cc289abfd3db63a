"""`creditlens plugins` lists the deliverers beside the sources: name, version, description, library
and every declared setting with its type and default."""
import os
import re
import unittest

from support import run

SETTING = re.compile(r"^    (\S+)\s+(string|integer|boolean|path)\s+default (\S+)\s+(.+)$")


def listed_plugins(output):
    """{(kind, name): {"library": path, "settings": {name: (type, default)}}} from the listing."""
    plugins, current = {}, None
    for line in output.splitlines():
        if match := re.match(r"^(source|deliverer) (\S+) \S+", line):
            current = plugins.setdefault((match[1], match[2]), {"library": None, "settings": {}})
        elif current is not None and line.startswith("  library: "):
            current["library"] = line.removeprefix("  library: ")
        elif current is not None and (match := SETTING.match(line)):
            current["settings"][match[1]] = (match[2], match[3])
    return plugins


class PluginsListTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.output = run("plugins").stdout
        cls.plugins = listed_plugins(cls.output)

    def assertSettings(self, name, expected):
        plugin = self.plugins.get(("deliverer", name))
        self.assertIsNotNone(plugin, self.output)
        self.assertEqual(plugin["settings"], expected)
        self.assertEqual(os.path.basename(plugin["library"]), f"deliver_{name}.so")
        self.assertTrue(os.path.isfile(plugin["library"]), plugin["library"])

    def test_lists_the_file_deliverer_with_its_settings(self):
        self.assertSettings("file", {"directory": ("path", "(none)"), "create": ("boolean", "true")})

    def test_lists_the_webhook_deliverer_with_its_settings(self):
        self.assertSettings("webhook", {
            "url": ("string", "(none)"), "files_directory": ("path", "(none)"),
            "files_base_url": ("string", "(none)"), "timeout_seconds": ("integer", "30"),
            "token_env": ("string", "CREDITLENS_WEBHOOK_TOKEN"), "ca_file": ("path", "(none)"),
            "verify_tls": ("boolean", "true")})

    def test_lists_the_smtp_deliverer_with_its_settings(self):
        self.assertSettings("smtp", {
            "url": ("string", "smtp://localhost:25"), "starttls": ("boolean", "false"),
            "auth": ("string", "plain"), "password_file": ("path", "(none)"), "ca_file": ("path", "(none)"),
            "verify_tls": ("boolean", "true"), "connect_timeout_seconds": ("integer", "10"),
            "timeout_seconds": ("integer", "60")})

    def test_sources_are_still_listed_and_nothing_failed(self):
        self.assertIn(("source", "sqlite"), self.plugins)
        self.assertNotIn("FAILED", self.output)


if __name__ == "__main__":
    unittest.main()
