"""The command line itself: help, version, exit codes, and plugin discovery and failures."""
import os
import unittest

from support import TEST_PLUGIN_DIR, run, temp_dir


class CliTest(unittest.TestCase):
    def test_version_and_help(self):
        self.assertRegex(run("--version").stdout, r"^creditlens \d+\.\d+\.\d+\n$")
        for command in ["ingest", "report", "plugins"]:
            result = run(command, "--help")
            self.assertIn(f"usage: creditlens {command}", result.stdout)
            self.assertIn("--", result.stdout)
        self.assertIn("commands:", run("--help").stdout)

    def test_usage_errors_exit_2_on_stderr(self):
        for args, message in [(["frobnicate"], "unknown command 'frobnicate'"),
                              (["report", "dashboard", "--colour", "red"], "unknown option '--colour'"),
                              (["report", "dashboard"], "give -o FILE"),
                              (["report", "dashboard", "--format", "docx"], "unknown format 'docx'"),
                              (["report", "dashboard", "--format", "json", "--as-of", "yesterday"], "--as-of expects"),
                              (["ingest"], "nothing to ingest"),
                              (["alerts", "-o", "x.json"], "unknown option '-o'"),
                              (["alerts", "extra"], "unexpected argument 'extra'"),
                              (["plugins", "extra"], "unexpected argument 'extra'"),
                              (["alerts", "--included", "150"], "--included expects percents like 80,100"),
                              ([], "usage: creditlens")]:
            result = run(*args, check=False, cwd=temp_dir(self))
            self.assertEqual(result.returncode, 2, args)
            self.assertIn(message, result.stderr)
            self.assertEqual(result.stdout, "")

    def test_runtime_errors_exit_1(self):
        directory = temp_dir(self)
        result = run("ingest", os.path.join(directory, "missing.csv"), "--store", f"{directory}/s.db", check=False)
        self.assertEqual(result.returncode, 1)
        self.assertIn("missing.csv: cannot open", result.stderr)
        result = run("ingest", "--accounts", f"{directory}/a.json", "--store", "/nonexistent/dir/s.db", check=False)
        self.assertEqual(result.returncode, 1)
        missing = run("report", "dashboard", "--store", f"{directory}/typo.db", "--format", "json", check=False)
        self.assertEqual(missing.returncode, 1)
        self.assertIn("typo.db' does not exist (creditlens ingest creates it)", missing.stderr)
        self.assertFalse(os.path.exists(f"{directory}/typo.db"), "a report never creates a store")

    def test_source_settings_and_mappings_are_checked_before_anything_opens(self):
        directory = temp_dir(self)

        def write(name, text):
            path = os.path.join(directory, name)
            with open(path, "w") as f:
                f.write(text)
            return path

        cases = [
            (["--source-settings", write("s.json", "{not json")], "--source-settings: ", "s.json: not JSON"),
            (["--source-settings", write("list.json", "[1]")], "--source-settings: ", "expected a JSON object"),
            (["--source-settings", write("deep.json", '{"timeout_s": {"a": 1}}')], "setting 'timeout_s'",
             "must be a string, a whole number or true/false"),
            (["--source-settings", write("unknown.json", '{"colour": "red"}')], "plugin 'sqlite'",
             "has no setting 'colour'"),
            (["--mapping", write("m.lua", 'local cl = require "creditlens"\nreturn cl.mapping { events = 3 }\n')],
             "m.lua: cl.mapping: events must be a table"),
            (["--mapping", write("m.json", '{"events": {}}')], "plugin 'sqlite'", "has no setting 'mapping'"),
            (["--mapping", os.path.join(directory, "absent.json")], "--mapping: cannot read", "absent.json"),
        ]
        for args, *messages in cases:
            result = run("report", "dashboard", "--format", "json", "--store", f"{directory}/s.db", *args,
                         check=False)
            self.assertEqual(result.returncode, 2, args)
            for message in messages:
                self.assertIn(message, result.stderr, args)

    def test_plugins_lists_the_sqlite_store_with_its_settings(self):
        out = run("plugins").stdout
        self.assertIn("source sqlite 0.1.0", out)
        self.assertIn("path", out)
        self.assertIn("creditlens.db", out)

    def test_a_broken_plugin_is_named_and_the_rest_still_load(self):
        directory = temp_dir(self)
        with open(os.path.join(directory, "source_bogus.so"), "w") as f:
            f.write("not a shared library")
        result = run("plugins", "--plugin-dir", directory, "--plugin-dir", TEST_PLUGIN_DIR)
        self.assertIn("source sqlite", result.stdout)
        self.assertRegex(result.stdout, r"FAILED .*source_bogus\.so: .*")
        self.assertRegex(result.stdout, r"FAILED .*source_wrong_api\.so: built for plugin API version 999")


if __name__ == "__main__":
    unittest.main()
