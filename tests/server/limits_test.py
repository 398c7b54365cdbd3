#!/usr/bin/env python3
"""Limits and serving: per-token rate limit (429), request timeout, flags from environment
variables, the browser client's static files with the .wasm MIME type.
Usage: limits_test.py HEMIS_SERVER HEMIS_CLI"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

from harness import Server, TestStore, Tools, expect, report




def test_rate_limit(s, token, other):
    statuses = [s.request("GET", "/api/v1/packages", token=token)[0] for _ in range(3)]
    expect("within the limit", statuses, [200, 200, 200])
    status, headers, body = s.request("GET", "/api/v1/packages", token=token)
    expect("over the limit", (status, json.loads(body)["error"]["code"]), (429, "rate_limited"))
    expect("retry after", headers.get("Retry-After"), "20")
    expect("other token unaffected", s.request("GET", "/api/v1/packages", token=other)[0], 200)


def test_timeout(s, token):
    """A body that stops arriving is cut off after --timeout seconds with a JSON 408."""
    with socket.create_connection(("127.0.0.1", s.port), timeout=10) as c:
        c.sendall(("POST /api/v1/packages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
                   f"\r\nAuthorization: Bearer {token}\r\nContent-Length: 100\r\n\r\n"
                   '{"manifest"').encode())
        start = time.time()
        reply = c.recv(65536)
        waited = time.time() - start
        while b"\r\n\r\n" not in reply or not reply.endswith(b"}\n"):
            reply += c.recv(65536)
    expect("timeout status line", reply.split(b"\r\n")[0], b"HTTP/1.1 408 Request Timeout")
    expect("timeout code", json.loads(reply.split(b"\r\n\r\n", 1)[1])["error"]["code"],
           "request_timeout")
    expect("cut off after about a second", (0.9 < waited < 5, round(waited)), (True, 1))


def test_static(s):
    status, headers, body = s.request("GET", "/app.wasm")
    expect("wasm served", (status, headers.get("Content-Type"), body),
           (200, "application/wasm", b"\0asm\1\0\0\0"))
    status, headers, body = s.request("GET", "/")
    expect("index served", (status, body), (200, b"<!doctype html><title>HEMIS</title>\n"))


def test_port_in_use(s, tools, db):
    """A second server on a port in use refuses to start instead of sharing it (SO_REUSEPORT
    would let both listen and split the requests between two databases)."""
    r = subprocess.run([tools.server_bin, "--listen", f"127.0.0.1:{s.port}", "--db", db.url],
                       capture_output=True, timeout=20)
    expect("second server on a used port", r.returncode, 2)
    expect("first server still answers", s.request("GET", "/healthz")[0], 200)


def test_sigterm_finishes_in_flight(tools, work):
    """SIGTERM while an upload's body is half sent: the upload still gets its receipt."""
    db = TestStore(work, "term")
    token = tools.token(db, "add-institution", "AIS")
    _, body = tools.pack(tools.generate("term", 50, 9), "AIS", "term.json")
    s = Server(tools, db)
    with socket.create_connection(("127.0.0.1", s.port), timeout=10) as c:
        c.sendall(("POST /api/v1/packages HTTP/1.1\r\nHost: x\r\nContent-Type: "
                   f"application/json\r\nAuthorization: Bearer {token}\r\n"
                   f"Content-Length: {len(body)}\r\n\r\n").encode() + body[:1000])
        time.sleep(0.2)
        s.proc.send_signal(15)
        time.sleep(0.2)
        c.sendall(body[1000:])
        reply = b""
        while not reply.endswith(b"}\n"):
            reply += c.recv(65536)
    expect("in-flight upload answered", reply.split(b"\r\n")[0], b"HTTP/1.1 201 Created")
    expect("exit after SIGTERM", s.proc.wait(timeout=15), 0)
    db.drop()


def main():
    with tempfile.TemporaryDirectory() as work:
        tools = Tools(sys.argv[1], sys.argv[2], work)
        db = TestStore(work)
        token = tools.token(db, "add-institution", "AIS")
        other = tools.token(db, "add-institution", "ANH")
        web = os.path.join(work, "web")
        os.mkdir(web)
        with open(os.path.join(web, "app.wasm"), "wb") as f:
            f.write(b"\0asm\1\0\0\0")
        with open(os.path.join(web, "index.html"), "w") as f:
            f.write("<!doctype html><title>HEMIS</title>\n")
        os.environ.update(HEMIS_RATE_LIMIT="3", HEMIS_TIMEOUT="1", HEMIS_WEB=web)
        s = Server(tools, db)
        try:
            test_rate_limit(s, token, other)
            test_timeout(s, other)
            test_static(s)
            test_port_in_use(s, tools, db)
        finally:
            expect("SIGTERM exit code", s.terminate(), 0)
        test_sigterm_finishes_in_flight(tools, work)
        bad = subprocess.run([sys.argv[1], "admin", "add-institution", "ZZZ", "--db", db.url],
                             capture_output=True)
        expect("unknown institution code refused", (bad.returncode, bad.stdout), (2, b""))
        db.drop()
    return report()


if __name__ == "__main__":
    sys.exit(main())
