"""Hostile and broken report scripts through the real binary: every escape attempt and runaway
script ends the run with a clear error naming the file and line, exit code 1, and no output file."""
import os
import unittest

from support import GeneratedStoreTest, load_json, run, temp_dir

HEADER = 'local cl = require "creditlens"\n'


def report(layout_body, data="{}"):
    return (HEADER + 'return cl.report { title = "Hostile", data = ' + data +
            ', layout = function(d, ctx)\n' + layout_body + '\nreturn { cl.text("ran") } end }\n')


class SandboxTest(GeneratedStoreTest):
    EVENTS = 5000
    SEED = 3

    def attempt(self, source, *extra, name="hostile.lua"):
        directory = temp_dir(self)
        path = os.path.join(directory, name)
        with open(path, "w") as f:
            f.write(source)
        out = os.path.join(directory, "out.pdf")
        result = run("report", path, "--store", self.store, "-o", out, *extra, check=False)
        return result, out

    def assert_refused(self, source, message, *extra):
        result, out = self.attempt(source, *extra)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn(message, result.stderr)
        self.assertFalse(os.path.exists(out), "a failing report leaves no output file")
        return result

    def test_escape_attempts_fail_with_file_and_line(self):
        cases = [
            ('os.execute("touch /tmp/creditlens-pwned")', "hostile.lua:3: attempt to index a nil value (global 'os')"),
            ('io.open("/etc/passwd")', "hostile.lua:3: attempt to index a nil value (global 'io')"),
            ('require "socket.core"', "module 'socket.core' not found"),
            ('require "lpeg"', "module 'lpeg' not found"),
            ('package.loadlib("/lib/x86_64-linux-gnu/libc.so.6", "system")', "global 'package'"),
            ('debug.sethook()', "global 'debug'"),
            ('load(string.dump(function() end))', "attempt to call a nil value (field 'dump')"),
            ('assert(load("\\27Lua"))', "binary"),
            ('dofile("/etc/passwd")', "global 'dofile'"),
        ]
        for code, message in cases:
            with self.subTest(code=code):
                result = self.assert_refused(report(code), message)
                self.assertIn("stack traceback", result.stderr)
        self.assertFalse(os.path.exists("/tmp/creditlens-pwned"))

    def test_runaway_scripts_stop_at_the_limits(self):
        self.assert_refused(report("while true do end"), "instruction budget", "--max-instructions", "1000000")
        self.assert_refused(report("local t = {} for i = 1, 1e9 do t[i] = string.rep('x', 1024) .. i end"),
                            "memory", "--max-memory-mb", "32")

    def test_a_scoped_script_cannot_read_another_workspace(self):
        data = ("{ mine = cl.usage { group = 'workspace', range = '2020-01-01..2027-12-31' },"
                "  theirs = cl.usage { where = { workspace = 'ws002' }, range = '2020-01-01..2027-12-31' },"
                "  log = cl.events { where = { workspace = 'ws002' }, range = '2020-01-01..2027-12-31' } }")
        directory = temp_dir(self)
        path = os.path.join(directory, "peek.lua")
        with open(path, "w") as f:
            f.write(report("", data))
        exported = load_json(run("report", path, "--store", self.store, "--workspace", "ws001", "--format",
                                 "json").stdout)
        self.assertEqual([s["keys"] for s in exported["datasets"]["mine"]["series"]], [["ws001"]])
        self.assertEqual(exported["datasets"]["theirs"]["total"], 0)
        self.assertEqual(exported["tables"]["log"]["rows"], [])

    def test_require_finds_lib_path_modules_and_nothing_else(self):
        directory = temp_dir(self)
        lib = os.path.join(directory, "lib")
        os.mkdir(lib)
        with open(os.path.join(lib, "helpers.lua"), "w") as f:
            f.write('return { title = function() return "from the library" end }\n')
        with open(os.path.join(directory, "secret.lua"), "w") as f:
            f.write('return "outside"\n')
        uses_lib = HEADER + ('local h = require "helpers"\nreturn cl.report { title = h.title(), '
                             'layout = function() return {} end }\n')
        result, _ = self.attempt(uses_lib, "--format", "json")
        self.assertEqual(result.returncode, 1)
        self.assertIn("module 'helpers' not found", result.stderr)
        result, out = self.attempt(uses_lib, "--lib-path", lib, "--format", "json")
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(out) as f:
            self.assertEqual(load_json(f.read())["meta"]["report"], "from the library")
        escape = HEADER + 'local s = require "..secret"\nreturn cl.report { title = s, layout = function() return {} end }\n'
        result, _ = self.attempt(escape, "--lib-path", lib, "--format", "json")
        self.assertEqual(result.returncode, 1)
        self.assertIn("a module name is dot-separated parts", result.stderr)

    def test_parameters_are_typed_and_errors_list_what_is_accepted(self):
        source = HEADER + ('return cl.report { title = "p", params = { n = cl.param.number { default = 1 },\n'
                           '  mode = cl.param.choice { "a", "b", default = "a" } },\n'
                           '  layout = function(d, ctx) return { cl.text(ctx.params.mode .. ctx.params.n) } end }\n')
        for param, message in [("nn=1", "unknown param 'nn'; this report accepts: mode (one of a, b), n (a number)"),
                               ("n=ten", "param 'n'"),
                               ("mode=c", "param 'mode': 'c' is not one of a, b")]:
            result, out = self.attempt(source, "--param", param)
            self.assertEqual(result.returncode, 2, param)
            self.assertIn(message, result.stderr)
            self.assertFalse(os.path.exists(out))


if __name__ == "__main__":
    unittest.main()
