"""A real ClickHouse server on loopback for end-to-end tests: clickhouse-server (Debian 12 ships
18.16) started from a throwaway config in a temporary directory, on free ports, with the users a test
names. A server that cannot start fails the test with its log; nothing is skipped.

    with ClickHouseServer(users={"reporter": "s3cret"}) as ch:
        ch.query("CREATE TABLE t (x Int64) ENGINE = MergeTree ORDER BY x")
        ch.insert("t", [(1,), (2,)])
        ... creditlens --source ch.uri("reporter") ...
"""
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from xml.sax.saxutils import escape

HOST = "127.0.0.1"
SERVER = os.environ.get("CLICKHOUSE_SERVER", "clickhouse-server")
START_TIMEOUT_S = 60

# The least config 18.16 accepts: paths in the temporary directory, loopback only, UTC, small caches.
CONFIG = """<?xml version="1.0"?>
<yandex>
  <logger>
    <level>information</level>
    <log>{dir}/log/server.log</log>
    <errorlog>{dir}/log/server.err.log</errorlog>
  </logger>
  <listen_host>{host}</listen_host>
  <http_port>{http_port}</http_port>
  <tcp_port>{tcp_port}</tcp_port>
  <path>{dir}/data/</path>
  <tmp_path>{dir}/tmp/</tmp_path>
  <user_files_path>{dir}/user_files/</user_files_path>
  <format_schema_path>{dir}/format_schemas/</format_schema_path>
  <users_config>users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mark_cache_size>67108864</mark_cache_size>
  <uncompressed_cache_size>67108864</uncompressed_cache_size>
  <max_concurrent_queries>20</max_concurrent_queries>
</yandex>
"""
USER = """    <{name}>
      <password>{password}</password>
      <networks><ip>127.0.0.1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </{name}>
"""
USERS = """<?xml version="1.0"?>
<yandex>
  <profiles><default></default></profiles>
  <quotas><default></default></quotas>
  <users>
{users}  </users>
</yandex>
"""


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def tsv_field(value):
    """A value as one TabSeparated field, escaped as ClickHouse reads it; None is NULL."""
    if value is None:
        return "\\N"
    text = str(value)
    for raw, escaped in (("\\", "\\\\"), ("\t", "\\t"), ("\n", "\\n"), ("\r", "\\r"), ("\0", "\\0"), ("'", "\\'")):
        text = text.replace(raw, escaped)
    return text


class ClickHouseServer:
    """clickhouse-server in a temporary directory; `default` has no password, `users` have theirs."""

    def __init__(self, users=None):
        self.users = dict(users or {})
        self.process = None
        self.dir = None

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def start(self):
        if shutil.which(SERVER) is None:
            raise AssertionError(f"{SERVER} not found: tools/install-deps.sh installs clickhouse-server")
        self.dir = tempfile.mkdtemp(prefix="cl-ch-")
        for sub in ("data", "tmp", "log", "user_files", "format_schemas"):
            os.makedirs(os.path.join(self.dir, sub))
        self.http_port, self.tcp_port = free_port(), free_port()
        with open(os.path.join(self.dir, "config.xml"), "w") as f:
            f.write(CONFIG.format(dir=self.dir, host=HOST, http_port=self.http_port, tcp_port=self.tcp_port))
        users = USER.format(name="default", password="")
        users += "".join(USER.format(name=name, password=escape(password)) for name, password in self.users.items())
        with open(os.path.join(self.dir, "users.xml"), "w") as f:
            f.write(USERS.format(users=users))
        self.console = open(os.path.join(self.dir, "log", "console.log"), "w")
        self.process = subprocess.Popen([SERVER, f"--config-file={self.dir}/config.xml"], cwd=self.dir,
                                        stdout=self.console, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.fail_start(f"clickhouse-server exited with {self.process.returncode}")
            try:
                with urllib.request.urlopen(f"http://{HOST}:{self.http_port}/ping", timeout=2) as reply:
                    if reply.read().strip() == b"Ok.":
                        return
            except OSError:
                time.sleep(0.2)
        self.fail_start(f"clickhouse-server did not answer within {START_TIMEOUT_S} s")

    def fail_start(self, what):
        self.console.flush()
        log = self.log()
        self.stop()
        raise AssertionError(f"{what}:\n{log}")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None
            self.console.close()
        if self.dir is not None:
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir = None

    def log(self):
        """The server's console output and the end of its logs, for failure messages."""
        parts = []
        for name in ("console.log", "server.err.log", "server.log"):
            path = os.path.join(self.dir, "log", name)
            if os.path.exists(path):
                with open(path, errors="replace") as f:
                    parts.append(f"--- {name}\n" + f.read()[-4000:])
        return "\n".join(parts)

    def uri(self, user=None, database="default"):
        """The --source URI of this server: clickhouse://[user@]127.0.0.1:PORT/database."""
        return f"clickhouse://{user + '@' if user else ''}{HOST}:{self.http_port}/{database}"

    def query(self, sql, data=None):
        """Runs sql as `default` (data, if given, is the body that follows it); returns the answer text."""
        url = f"http://{HOST}:{self.http_port}/"
        if data is None:
            body = sql.encode()
        else:
            url += "?" + urllib.parse.urlencode({"query": sql})
            body = data.encode()
        try:
            with urllib.request.urlopen(urllib.request.Request(url, data=body), timeout=60) as reply:
                return reply.read().decode()
        except urllib.error.HTTPError as e:
            raise AssertionError(f"ClickHouse refused {sql!r}: {e.read().decode(errors='replace')}") from None

    def insert(self, table, rows):
        """Inserts rows (tuples, None for NULL) as TabSeparated."""
        text = "".join("\t".join(tsv_field(v) for v in row) + "\n" for row in rows)
        self.query(f"INSERT INTO {table} FORMAT TabSeparated", text)
