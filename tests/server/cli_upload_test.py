#!/usr/bin/env python3
"""`hemis upload`: prints the server's receipt on stdout and exits 0 accepted, 1 rejected,
2 when the package was not delivered (wrong token, refused, server unreachable).
Usage: cli_upload_test.py HEMIS_SERVER HEMIS_CLI"""
import json
import os
import socket
import subprocess
import sys
import tempfile

from harness import Server, TestStore, Tools, expect, report




def upload(cli, path, url, token, *extra):
    r = subprocess.run([cli, *extra, "upload", path, "--server", url, "--token", token],
                       capture_output=True)
    return r.returncode, r.stdout, r.stderr.decode()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    cli = sys.argv[2]
    with tempfile.TemporaryDirectory() as work:
        tools = Tools(sys.argv[1], cli, work)
        db = TestStore(work)
        token = tools.token(db, "add-institution", "AIS")
        good, _ = tools.pack(tools.generate("good", 10, 4), "AIS", "good.json")
        bad, _ = tools.pack(tools.generate("bad", 10, 5, 0.5), "AIS", "bad.json", "--force")
        s = Server(tools, db)
        url = f"http://127.0.0.1:{s.port}"
        try:
            code, out, err = upload(cli, good, url, token)
            expect("accepted exit code", code, 0)
            expect("stdout is the stored receipt", out,
                   s.request("GET", "/api/v1/packages/" + json.loads(out)["package_id"],
                             token=token)[2])
            expect("accepted line", err, "Gói đã được nhận (0 lỗi, 0 cảnh báo).\n")
            code, out, err = upload(cli, bad, url, token, "--lang", "en")
            errors = json.loads(out)["errors"]
            expect("rejected exit code", (code, json.loads(out)["status"]), (1, "rejected"))
            expect("rejected line", err, f"Package rejected ({errors} error(s), 0 warning(s)).\n")
            code, out, err = upload(cli, good, url + "/api/", token)
            expect("server address with /api/ and a trailing slash", code, 0)
            code, out, err = upload(cli, good, url, "hemis_" + "0" * 64, "--lang", "en")
            expect("wrong token", (code, out), (2, b""))
            expect("wrong token message", err.startswith(
                "hemis: the server refused: HTTP 401: Mã truy cập không đúng"), True)
        finally:
            s.terminate()
        code, out, err = upload(cli, good, f"http://127.0.0.1:{free_port()}", token)
        expect("unreachable", (code, out), (2, b""))
        expect("unreachable message", err.startswith("hemis: không gửi được tới máy chủ http://127.0.0.1:")
               and "không kết nối được" in err, True)
        db.drop()
    return report()


if __name__ == "__main__":
    sys.exit(main())
