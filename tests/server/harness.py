"""Helpers for the server integration tests: make packages with the CLI, start hemis-server on an
ephemeral loopback port with a temporary database, and speak HTTP to it (stdlib only).
CTest runs every test once per store: HEMIS_TEST_STORE=sqlite (a temp file, the default) or
postgres (a fresh database in the cluster that pg_cluster.sh started; its state file is named by
HEMIS_TEST_PG_STATE). A missing cluster is an error, never a skip."""
import csv
import http.client
import json
import os
import signal
import sqlite3
import subprocess
import time
import uuid

FAILURES = []


def expect(name, actual, expected):
    """Records a failed check and goes on, so one run reports every difference."""
    if actual != expected:
        FAILURES.append(f"{name}: expected {expected!r}, got {actual!r}")


def report():
    """Prints the failed checks; the process exit code (0 when there were none)."""
    for f in FAILURES:
        print("FAIL", f)
    print(f"{len(FAILURES)} failure(s)")
    return 1 if FAILURES else 0


class TestStore:
    """One empty database for a test: `url` goes to --db, `scalar(sql)` reads a number back."""

    def __init__(self, work, name="hemis"):
        self.kind = os.environ.get("HEMIS_TEST_STORE", "sqlite")
        self.log = os.path.join(work, name + ".log")
        if self.kind == "sqlite":
            self.url = os.path.join(work, name + ".db")
        elif self.kind == "postgres":
            self.dbname = f"{name}_{uuid.uuid4().hex[:12]}"
            self.admin_url = pg_url("postgres")
            self.psql(self.admin_url, f'CREATE DATABASE "{self.dbname}"')
            self.url = pg_url(self.dbname)
        else:
            raise RuntimeError(f"HEMIS_TEST_STORE={self.kind}: expected sqlite or postgres")

    @staticmethod
    def psql(url, sql):
        r = subprocess.run(["psql", url, "-XAtq", "-v", "ON_ERROR_STOP=1", "-c", sql],
                           capture_output=True, check=True)
        return r.stdout.decode().strip()

    def scalar(self, sql):
        if self.kind == "sqlite":
            con = sqlite3.connect(self.url)
            try:
                return con.execute(sql).fetchone()[0]
            finally:
                con.close()
        return int(self.psql(self.url, sql))

    def drop(self):
        if self.kind == "postgres":
            self.psql(self.admin_url, f'DROP DATABASE "{self.dbname}" WITH (FORCE)')


def pg_url(dbname):
    state = os.environ.get("HEMIS_TEST_PG_STATE", "")
    if not state or not os.path.exists(state):
        raise RuntimeError(f"no PostgreSQL test cluster: state file {state!r} is missing "
                           "(pg_cluster.sh start did not run or failed)")
    with open(state) as f:
        sock, port, _ = f.read().split()
    return f"postgresql://postgres@/{dbname}?host={sock}&port={port}"


class Tools:
    def __init__(self, server_bin, cli_bin, work):
        self.server_bin, self.cli_bin, self.work = server_bin, cli_bin, work

    def cli(self, *args, check=True):
        r = subprocess.run([self.cli_bin, *args], capture_output=True)
        if check and r.returncode not in (0, 1):
            raise RuntimeError(f"hemis {args}: {r.stderr.decode()}")
        return r

    def generate(self, name, learners, seed, faults=0.0):
        out = os.path.join(self.work, name)
        self.cli("generate", "--learners", str(learners), "--seed", str(seed),
                 "--faults", str(faults), "--out", out)
        return out

    def pack(self, data_dir, institution, name, *extra):
        out = os.path.join(self.work, name)
        self.cli("pack", data_dir, "--institution", institution, "--period", "2026",
                 "-o", out, *extra)
        with open(out, "rb") as f:
            return out, f.read()

    def token(self, store, kind, code, *extra):
        r = subprocess.run([self.server_bin, "admin", kind, code, "--db", store.url, *extra],
                           capture_output=True, check=True)
        return r.stdout.decode().rstrip("\n").split("\n")[-1]


def edit_csv(path, row_index, changes):
    """Sets fields of data row `row_index` (0-based) of a CSV file."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    for field, value in changes.items():
        rows[row_index + 1][header.index(field)] = value
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def column_counts(path, field):
    with open(path, encoding="utf-8", newline="") as f:
        counts = {}
        for row in csv.DictReader(f):
            counts[row[field]] = counts.get(row[field], 0) + 1
    return counts


class Server:
    def __init__(self, tools, store, *flags, log_path=None):
        self.log_path = log_path or store.log
        self.log = open(self.log_path, "ab")
        self.earlier = len(self._ports())
        self.proc = subprocess.Popen(
            [tools.server_bin, "--listen", "127.0.0.1:0", "--db", store.url, *flags],
            stdout=subprocess.DEVNULL, stderr=self.log)
        self.port = self._wait_for_port()

    def _wait_for_port(self):
        # The log file is appended across restarts: only a "listening" line after those that were
        # there before the start is this process's.
        deadline = time.time() + 20
        while time.time() < deadline:
            ports = self._ports()
            if len(ports) > self.earlier and self.proc.poll() is None and self._answers(ports[-1]):
                return ports[-1]
            if self.proc.poll() is not None:
                raise RuntimeError("hemis-server exited early")
            time.sleep(0.05)
        raise RuntimeError("hemis-server did not start")

    def _ports(self):
        if not os.path.exists(self.log_path):
            return []
        return [e["port"] for e in self.log_lines() if e.get("event") == "listening"]

    def _answers(self, port):
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", "/healthz")
            return c.getresponse().status == 200
        except OSError:
            return False

    def request(self, method, path, body=None, token=None, ctype="application/json",
                headers=None):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        h = dict(headers or {})
        if token is not None:
            h["Authorization"] = "Bearer " + token
        if body is not None and ctype is not None:
            h["Content-Type"] = ctype
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        data = r.read()
        c.close()
        return r.status, dict(r.getheaders()), data

    def upload(self, body, token, **kw):
        return self.request("POST", "/api/v1/packages", body, token, **kw)

    def get_json(self, path, token=None):
        status, _, data = self.request("GET", path, token=token)
        return status, json.loads(data)

    def terminate(self):
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=15)

    def kill9(self):
        self.proc.kill()
        self.proc.wait(timeout=15)

    def log_lines(self):
        entries = []
        with open(self.log_path, encoding="utf-8") as f:
            for line in f:
                try:  # a kill -9 can leave half a line
                    entries.append(json.loads(line))
                except ValueError:
                    pass
        return entries
