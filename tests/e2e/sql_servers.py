"""Real PostgreSQL 15 and MariaDB servers on loopback for end-to-end tests, each in a temporary
directory on a free port, run as the packages' own users when the tests run as root, and an ODBC data
source (unixODBC + the PostgreSQL ODBC driver) pointing at the PostgreSQL one. A server that cannot
start fails the test with its log; nothing is skipped.

    with PostgresServer(users={"reporter": "s3cret"}) as pg:
        pg.execute("CREATE TABLE t (x bigint)")
        ... creditlens --source pg.uri("reporter") ...
"""
import os
import pwd
import shutil
import subprocess
import tempfile
import time

from clickhouse_server import HOST, free_port

PG_BIN = "/usr/lib/postgresql/15/bin/"


def as_user(user, command):
    """command run as `user` when we are root (initdb and mariadbd refuse root), else as it is."""
    return ["runuser", "-u", user, "--", *command] if os.geteuid() == 0 else command


def owned_temp_dir(prefix, user):
    directory = tempfile.mkdtemp(prefix=prefix)
    if os.geteuid() == 0:
        entry = pwd.getpwnam(user)
        os.chown(directory, entry.pw_uid, entry.pw_gid)
    return directory


def tail(path, size=4000):
    if not os.path.exists(path):
        return f"(no {path})"
    with open(path, errors="replace") as f:
        return f.read()[-size:]


def sql_text(value):
    """A value as an SQL literal, for the fixtures this harness loads (never for what creditlens runs)."""
    if value is None:
        return "NULL"
    if isinstance(value, (int, float)):
        return str(value)
    return "'" + str(value).replace("\\", "\\\\").replace("'", "''") + "'"


class PostgresServer:
    """postgres with `postgres` (trust, for the fixtures) and password users (scram) for creditlens."""

    def __init__(self, users=None):
        self.users = dict(users or {})
        self.dir = None

    def __enter__(self):
        self.dir = owned_temp_dir("cl-pg-", "postgres")
        self.port = free_port()
        data = os.path.join(self.dir, "data")
        log = os.path.join(self.dir, "server.log")
        init = subprocess.run(as_user("postgres", [PG_BIN + "initdb", "-D", data, "-U", "postgres", "-E", "UTF8",
                                                   "--locale=C.UTF-8"]), capture_output=True, text=True)
        if init.returncode != 0:
            raise AssertionError(f"initdb failed:\n{init.stdout}{init.stderr}")
        with open(os.path.join(data, "pg_hba.conf"), "w") as f:
            f.write("local all all trust\nhost all postgres 127.0.0.1/32 trust\n"
                    "host all all 127.0.0.1/32 scram-sha-256\n")
        options = f"-p {self.port} -k {self.dir} -c listen_addresses={HOST} -c fsync=off -c TimeZone=UTC"
        start = subprocess.run(as_user("postgres", [PG_BIN + "pg_ctl", "-D", data, "-o", options, "-l", log, "-w",
                                                    "-t", "60", "start"]), capture_output=True, text=True)
        if start.returncode != 0:
            raise AssertionError(f"pg_ctl start failed:\n{tail(log)}")
        for name, password in self.users.items():
            self.execute(f"CREATE USER \"{name}\" PASSWORD {sql_text(password)}")
        return self

    def __exit__(self, *exc):
        subprocess.run(as_user("postgres", [PG_BIN + "pg_ctl", "-D", os.path.join(self.dir, "data"), "-m",
                                            "immediate", "stop"]), capture_output=True)
        shutil.rmtree(self.dir, ignore_errors=True)

    def execute(self, sql, database="postgres"):
        result = subprocess.run(["psql", "-h", HOST, "-p", str(self.port), "-U", "postgres", "-d", database,
                                 "-v", "ON_ERROR_STOP=1", "-q", "-At"], input=sql, capture_output=True, text=True)
        if result.returncode != 0:
            raise AssertionError(f"psql failed: {result.stderr}")
        return result.stdout

    def uri(self, user, database="postgres"):
        return f"postgresql://{user}@{HOST}:{self.port}/{database}"


class MariaDBServer:
    """mariadbd with `root` over its socket (for the fixtures) and password users for creditlens."""

    def __init__(self, users=None):
        self.users = dict(users or {})
        self.dir = None
        self.process = None

    def __enter__(self):
        if shutil.which("mariadbd", path="/usr/sbin:/usr/bin") is None:
            raise AssertionError("mariadbd not found: tools/install-deps.sh installs mariadb-server")
        self.dir = owned_temp_dir("cl-maria-", "mysql")
        self.port = free_port()
        self.socket = os.path.join(self.dir, "sock")
        at = lambda name: os.path.join(self.dir, name)  # noqa: E731
        install = subprocess.run(as_user("mysql", ["mariadb-install-db", "--no-defaults", f"--datadir={at('data')}",
                                                   "--auth-root-authentication-method=socket", "--skip-test-db"]),
                                 capture_output=True, text=True)
        if install.returncode != 0:
            raise AssertionError(f"mariadb-install-db failed:\n{install.stdout}{install.stderr}")
        self.process = subprocess.Popen(as_user("mysql", [
            "/usr/sbin/mariadbd", "--no-defaults", f"--datadir={at('data')}", f"--socket={self.socket}",
            f"--pid-file={at('pid')}", f"--log-error={at('error.log')}", f"--port={self.port}",
            f"--bind-address={HOST}", "--skip-name-resolve", "--innodb-flush-log-at-trx-commit=0",
            "--default-time-zone=+00:00"]), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while subprocess.run(["mariadb-admin", f"--socket={self.socket}", "-uroot", "ping"],
                             capture_output=True).returncode != 0:
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"mariadbd did not start:\n{tail(at('error.log'))}")
            time.sleep(0.2)
        for name, password in self.users.items():
            self.execute(f"CREATE USER '{name}'@'127.0.0.1' IDENTIFIED BY {sql_text(password)};"
                         f"GRANT SELECT ON *.* TO '{name}'@'127.0.0.1'")
        return self

    def __exit__(self, *exc):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=60)
        shutil.rmtree(self.dir, ignore_errors=True)

    def execute(self, sql, database=None):
        command = ["mariadb", f"--socket={self.socket}", "-uroot", "-N", "-B"] + ([database] if database else [])
        result = subprocess.run(command, input=sql, capture_output=True, text=True)
        if result.returncode != 0:
            raise AssertionError(f"mariadb failed: {result.stderr}")
        return result.stdout

    def uri(self, user, database):
        return f"mysql://{user}@{HOST}:{self.port}/{database}"


def odbc_source(directory, pg, user, database="postgres"):
    """Writes odbcinst.ini and odbc.ini for a DSN `creditlens` on the PostgreSQL server into directory;
    returns (the --source URI, the environment unixODBC needs to find them)."""
    with open(os.path.join(directory, "odbcinst.ini"), "w") as f:
        f.write("[PostgreSQL Unicode]\nDriver = /usr/lib/x86_64-linux-gnu/odbc/psqlodbcw.so\n")
    with open(os.path.join(directory, "odbc.ini"), "w") as f:
        f.write(f"[creditlens]\nDriver = PostgreSQL Unicode\nServername = {HOST}\nPort = {pg.port}\n"
                f"Database = {database}\nUsername = {user}\n")
    return "odbc:DSN=creditlens", {"ODBCSYSINI": directory, "ODBCINI": os.path.join(directory, "odbc.ini")}
