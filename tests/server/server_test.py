#!/usr/bin/env python3
"""Integration tests for hemis-server: uploads good, bad, duplicate, conflicting, oversize,
malformed and wrong-token packages against a server on an ephemeral loopback port with a
temporary database (SQLite or PostgreSQL, see harness.py), and checks receipts against
`hemis validate --json` byte for byte.
Usage: server_test.py HEMIS_SERVER HEMIS_CLI"""
import json
import re
import os
import socket
import shutil
import sys
import tempfile

from harness import Server, TestStore, Tools, column_counts, edit_csv, expect, report




def error_code(data):
    return json.loads(data)["error"]["code"]


def setup(tools, db):
    t = {"A": tools.token(db, "add-institution", "AIS"),
         "B": tools.token(db, "add-institution", "ANH"),
         "op": tools.token(db, "add-operator", "bo-gd")}
    good = tools.generate("good", 20, 1)
    bad = tools.generate("bad", 20, 2, 0.3)
    other = tools.generate("other", 5, 3)
    p = {"good_dir": good}
    p["gA_path"], p["gA"] = tools.pack(good, "AIS", "gA.json")
    _, p["gB"] = tools.pack(good, "ANH", "gB.json")
    p["bA_path"], p["bA"] = tools.pack(bad, "AIS", "bA.json", "--force")
    gA_id = json.loads(p["gA"])["manifest"]["package_id"]
    _, p["conflict"] = tools.pack(other, "AIS", "cA.json", "--id", gA_id)
    return t, p


def test_good_and_duplicate(s, tools, t, p):
    status, _, body = s.upload(p["gA"], t["A"])
    expect("good upload status", status, 201)
    r = json.loads(body)
    expect("good status", r["status"], "accepted")
    expect("good counts", r["counts"], {"programme": 12, "staff": 10, "learner": 20, "status": 23})
    expect("good errors/warnings", (r["errors"], r["warnings"]), (0, 0))
    expect("good merge counts", r["merged"], {"applied": 65, "kept": 0})
    _, book = s.get_json("/api/v1/rulebook")
    expect("receipt rulebook", r["rulebook"], book)
    expect("revalidated flag", r["revalidated_with_newer_rulebook"], False)
    cli = tools.cli("validate", p["gA_path"], "--json").stdout.decode()
    expect("good findings byte for byte", body.endswith(
        (',"findings":' + cli[:-1] + "}\n").encode()), True)
    status2, _, body2 = s.upload(p["gA"], t["A"])
    expect("duplicate status", status2, 200)
    expect("duplicate returns original receipt", body2, body)
    status3, _, again = s.request("GET", "/api/v1/packages/" + r["package_id"], token=t["A"])
    expect("get receipt", (status3, again), (200, body))
    status4, _, c = s.upload(p["conflict"], t["A"])
    expect("conflict", (status4, error_code(c)), (409, "conflict"))
    return r


def test_rejected(s, tools, t, p):
    status, _, body = s.upload(p["bA"], t["A"])
    r = json.loads(body)
    cli = tools.cli("validate", p["bA_path"], "--json").stdout.decode()
    expect("bad upload", (status, r["status"]), (201, "rejected"))
    expect("bad errors", r["errors"], json.loads(cli)["summary"]["errors"])
    expect("bad errors exact", r["errors"], 8)
    expect("bad findings byte for byte", body.endswith(
        (',"findings":' + cli[:-1] + "}\n").encode()), True)
    expect("bad merge counts", r["merged"], {"applied": 0, "kept": 0})
    # A package whose manifest claims no errors is merged while it is validated: found rejected,
    # its merge is undone (the summary test counts the learners stored).
    claims_clean = json.loads(p["bA"])
    claims_clean["manifest"]["verdict"]["errors"] = 0
    claims_clean["manifest"]["package_id"] += "-claims-clean"
    status, _, body = s.upload(json.dumps(claims_clean).encode(), t["A"])
    r = json.loads(body)
    expect("claims clean", (status, r["status"], r["errors"]), (201, "rejected", 8))
    expect("claims clean merge counts", r["merged"], {"applied": 0, "kept": 0})


def test_refusals(s, t, p):
    big = b'{"x":"' + b"a" * 1_000_000 + b'"}'
    cases = [
        ("oversize", s.upload(big, t["A"]), 413, "payload_too_large"),
        ("content type", s.upload(p["gA"], t["A"], ctype="text/plain"), 415,
         "wrong_content_type"),
        ("malformed json", s.upload(b'{"manifest":', t["A"]), 400, "invalid_json"),
        ("invalid utf-8", s.upload(b'{"a":"\xc3\x28"}', t["A"]), 400, "invalid_utf8"),
        ("too deep", s.upload(b"[" * 40 + b"]" * 40, t["A"]), 400, "too_deep"),
        ("tampered", s.upload(p["gA"].replace("Giáo dục".encode(), "Giao duc".encode(), 1),
                              t["A"]), 400, "invalid_package"),
        ("missing token", s.upload(p["gA"], None), 401, "missing_token"),
        ("wrong token", s.upload(p["gA"], "hemis_" + "0" * 64), 401, "invalid_token"),
        ("A's token on B's package", s.upload(p["gB"], t["A"]), 403, "other_institution"),
        ("operator uploads", s.upload(p["gA"], t["op"]), 403, "operator_upload"),
        ("bad since", s.request("GET", "/api/v1/packages?since=yesterday", token=t["A"]), 400,
         "invalid_since"),
        ("unknown package", s.request("GET", "/api/v1/packages/nope", token=t["A"]), 404,
         "not_found"),
    ]
    for name, (status, headers, body), want_status, want_code in cases:
        expect(name, (status, error_code(body)), (want_status, want_code))
        expect(name + " content type", headers.get("Content-Type"), "application/json")
        expect(name + " bilingual message", " / " in json.loads(body)["error"]["message"], True)


def test_listing_and_summary(s, t, p):
    _, mine = s.get_json("/api/v1/packages", t["A"])
    ids = [(x["package_id"].split("-")[0], x["status"]) for x in mine["packages"]]
    expect("A's receipts (nothing stored on errors)", ids,
           [("AIS", "accepted"), ("AIS", "rejected"), ("AIS", "rejected")])
    first = mine["packages"][0]["received_at"]
    _, later = s.get_json("/api/v1/packages?since=" + first, t["A"])
    expect("since", [x["status"] for x in later["packages"]], ["rejected", "rejected"])
    _, theirs = s.get_json("/api/v1/packages", t["B"])
    expect("B sees none of A's receipts", theirs["packages"], [])
    status, _, _ = s.request("GET", "/api/v1/packages/" + mine["packages"][0]["package_id"],
                             token=t["B"])
    expect("B cannot read A's receipt", status, 404)
    learners = os.path.join(p["good_dir"], "learners.csv")
    _, summary = s.get_json("/api/v1/summary", t["A"])
    expect("summary learners", summary["learners"], 20)
    expect("summary gender", summary["by_gender"], column_counts(learners, "gioi_tinh"))
    expect("summary programme", summary["by_programme"], column_counts(learners, "ma_nganh"))
    expect("summary status", summary["by_status"], column_counts(learners, "trang_thai"))
    expect("summary province", summary["by_province"],
           column_counts(learners, "ma_tinh_thuong_tru"))
    s.upload(p["gB"], t["B"])
    _, everyone = s.get_json("/api/v1/summary", t["op"])
    expect("operator summary", (everyone["institution"], everyone["learners"]), (None, 40))
    _, only_b = s.get_json("/api/v1/summary?institution=ANH", t["op"])
    expect("operator summary of B", only_b["learners"], 20)


def test_merge(s, tools, t, p):
    """A cancel at version 2 removes a learner from the counts; a later package carrying the
    same learner at version 1 does not bring it back."""
    d = tools.generate("merge", 20, 1)
    edit_csv(os.path.join(d, "learners.csv"), 0, {"phien_ban": "2", "su_kien": "cancel"})
    _, cancel = tools.pack(d, "AIS", "cancel.json")
    expect("cancel accepted", s.upload(cancel, t["A"])[0], 201)
    expect("after cancel", s.get_json("/api/v1/summary", t["A"])[1]["learners"], 19)
    edit_csv(os.path.join(d, "learners.csv"), 0, {"phien_ban": "1", "su_kien": "update"})
    _, old = tools.pack(d, "AIS", "old.json", "--id", "AIS-old-version")
    status, _, body = s.upload(old, t["A"])
    expect("older version accepted", status, 201)
    r = json.loads(body)
    expect("receipt says nothing was applied", r["merged"],
           {"applied": 0, "kept": sum(r["counts"].values())})
    expect("older version ignored", s.get_json("/api/v1/summary", t["A"])[1]["learners"], 19)
    edit_csv(os.path.join(d, "learners.csv"), 0, {"phien_ban": "2"})
    _, same = tools.pack(d, "AIS", "same.json", "--id", "AIS-same-version")
    expect("equal version accepted", s.upload(same, t["A"])[0], 201)
    expect("equal version ignored", s.get_json("/api/v1/summary", t["A"])[1]["learners"], 19)


def test_older_rulebook(s, tools, t, here):
    """A package made with another rulebook is re-validated with the server's, and says so."""
    old = os.path.join(tools.work, "old-data")
    root = os.path.join(here, "..", "..")
    shutil.copytree(os.path.join(root, "reference"), os.path.join(old, "reference"))
    os.mkdir(os.path.join(old, "rules"))
    with open(os.path.join(root, "rules", "rulebook.json"), encoding="utf-8") as f:
        text = re.sub(r'"version": "[^"]*"', '"version": "2026.01-0"', f.read(), count=1)
    with open(os.path.join(old, "rules", "rulebook.json"), "w", encoding="utf-8") as f:
        f.write(text)
    d = tools.generate("older", 8, 11)
    path = os.path.join(tools.work, "older.json")
    tools.cli("--data", old, "pack", d, "--institution", "AIS", "--period", "2026", "-o", path)
    with open(path, "rb") as f:
        status, _, body = s.upload(f.read(), t["A"])
    r = json.loads(body)
    _, book = s.get_json("/api/v1/rulebook")
    expect("older rulebook upload", (status, r["status"]), (201, "accepted"))
    expect("package rulebook kept", r["package_rulebook"]["version"], "2026.01-0")
    expect("re-validated with current", (r["rulebook"], r["revalidated_with_newer_rulebook"]),
           (book, True))
    cli = tools.cli("validate", path, "--json").stdout.decode()
    expect("older rulebook findings byte for byte", body.endswith(
        (',"findings":' + cli[:-1] + "}\n").encode()), True)


def test_service_endpoints(s, here, t):
    expect("healthz", s.get_json("/healthz"), (200, {"status": "ok"}))
    lower = s.request("GET", "/api/v1/packages", headers={"Authorization": "bearer " + t["A"]})
    expect("scheme name in lower case", lower[0], 200)
    s.request("M123456", "/healthz")
    with socket.create_connection(("127.0.0.1", s.port), timeout=10) as c:  # not HTTP at all
        c.sendall(b"GARBAGE\r\n\r\n")
        c.recv(65536)
    text = s.request("GET", "/metrics")[2].decode()
    expect("unknown methods share one series", ("M123456" in text, 'method="other"' in text),
           (False, True))
    status, headers, metrics = s.request("GET", "/metrics")
    expect("metrics type", (status, headers["Content-Type"]), (200, "text/plain; version=0.0.4"))
    text = metrics.decode()
    expect("metrics uploads", 'hemis_uploads_total{outcome="accepted"} 6' in text, True)
    expect("metrics duplicate", 'hemis_uploads_total{outcome="duplicate"} 1' in text, True)
    expect("metrics conflict", 'hemis_uploads_total{outcome="conflict"} 1' in text, True)
    with open(os.path.join(here, "..", "..", "server", "openapi.json"), "rb") as f:
        expect("openapi served as checked in", s.request("GET", "/api/v1/openapi")[2], f.read())


def test_logs(s):
    lines = [e for e in s.log_lines() if "request_id" in e and "status" in e]
    keys = {"time", "level", "request_id", "method", "path", "status", "institution", "outcome",
            "duration_ms"}
    expect("log keys", all(keys <= set(e) for e in lines), True)
    uploads = [e["outcome"] for e in lines if e["method"] == "POST" and e["institution"] == "AIS"]
    # Lines are written after each response is sent, so their order may differ from the requests'.
    expect("log outcomes", sorted(uploads),
           ["accepted"] * 5 + ["conflict", "duplicate", "invalid_json", "invalid_package",
                               "invalid_utf8", "other_institution", "payload_too_large",
                               "rejected", "rejected", "too_deep", "wrong_content_type"])
    garbage = [e for e in lines if e["method"] == ""]
    expect("requests that never reached routing are logged on their own",
           (len(garbage) > 0, {(e["institution"], e["outcome"] != "accepted", e["duration_ms"])
                               for e in garbage}), (True, {("", True, 0)}))
    ids = [e["request_id"] for e in lines]
    expect("request ids are unique", len(ids), len(set(ids)))
    everything = open(s.log_path, encoding="utf-8").read()
    expect("no personal data in logs", "Giáo dục" in everything or "SV20" in everything, False)


def main():
    server_bin, cli_bin = sys.argv[1], sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    with tempfile.TemporaryDirectory() as work:
        tools = Tools(server_bin, cli_bin, work)
        db = TestStore(work)
        t, p = setup(tools, db)
        s = Server(tools, db, "--max-body", "1000000")
        try:
            test_good_and_duplicate(s, tools, t, p)
            test_rejected(s, tools, t, p)
            test_refusals(s, t, p)
            test_listing_and_summary(s, t, p)
            test_merge(s, tools, t, p)
            test_older_rulebook(s, tools, t, here)
            test_service_endpoints(s, here, t)
        finally:
            expect("SIGTERM exit code", s.terminate(), 0)
        test_logs(s)  # after shutdown: every request's line is written by then
        expect("stopped logged", s.log_lines()[-1].get("event"), "stopped")
        db.drop()
    return report()


if __name__ == "__main__":
    sys.exit(main())
