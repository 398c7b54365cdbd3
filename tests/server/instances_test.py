#!/usr/bin/env python3
"""Three hemis-server processes on different loopback ports over one PostgreSQL database.
The same package sent to every instance at the same moment gets one 201 and the original receipt
everywhere else; two contents under one package id race to one 201 and 409s; records of racing
packages merge by version; counts in the database show nothing lost or duplicated; tokens and
rate limits are shared through the database.
Usage: instances_test.py HEMIS_SERVER HEMIS_CLI   (HEMIS_TEST_STORE=postgres)"""
import json
import os
import re
import sys
import tempfile
import threading

from harness import Server, TestStore, Tools, edit_csv, expect, report

INSTANCES = 3
RATE = 10  # requests a minute per token, on every instance



def at_once(calls):
    """Runs every (server, method, path, body, token) at the same moment; returns the replies."""
    barrier = threading.Barrier(len(calls))
    replies = [None] * len(calls)

    def run(i, call):
        s, method, path, body, token = call
        barrier.wait()
        replies[i] = s.request(method, path, body, token)

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return replies


def records_in(receipt_body):
    return sum(json.loads(receipt_body)["counts"].values())


def test_same_package_everywhere(servers, tokens, bodies):
    """Each package goes to all instances at once: one 201, the others the same receipt."""
    stored = 0
    for code, body in bodies.items():
        replies = at_once([(s, "POST", "/api/v1/packages", body, tokens[code]) for s in servers])
        statuses = sorted(r[0] for r in replies)
        expect(f"{code} statuses", statuses, [200] * (INSTANCES - 1) + [201])
        expect(f"{code} one receipt", len({r[2] for r in replies}), 1)
        stored += records_in(replies[0][2])
    return stored


def test_conflicts(servers, tokens, pairs):
    """Two contents under one id race through different instances: one wins, the other is 409."""
    stored = 0
    for code, (x, y) in pairs.items():
        kinds = ["x", "y", "x", "y"]
        calls = [(servers[i % INSTANCES], "POST", "/api/v1/packages", {"x": x, "y": y}[k],
                  tokens[code]) for i, k in enumerate(kinds)]
        replies = at_once(calls)
        winners = [k for k, r in zip(kinds, replies) if r[0] == 201]
        expect(f"{code} exactly one stored", len(winners), 1)
        if len(winners) != 1:
            continue
        won = next(r[2] for r in replies if r[0] == 201)
        for k, (status, _, body) in zip(kinds, replies):
            if status == 201:
                continue
            if k == winners[0]:
                expect(f"{code} same content is a duplicate", (status, body), (200, won))
            else:
                expect(f"{code} other content", (status, json.loads(body)["error"]["code"]),
                       (409, "conflict"))
        stored += records_in(won)
    return stored


def test_merge_race(servers, token, cancel, older):
    """A cancel at version 2 and the same learner at version 1 arrive at once on two instances:
    whatever the order, the cancel wins."""
    replies = at_once([(servers[0], "POST", "/api/v1/packages", cancel, token),
                       (servers[1], "POST", "/api/v1/packages", older, token)])
    expect("merge race both stored", [r[0] for r in replies], [201, 201])
    _, summary = servers[2].get_json("/api/v1/summary", token)
    expect("merge race: cancel wins", summary["learners"], 19)
    return records_in(replies[0][2])


def test_shared_rate_limit(servers, token):
    statuses = [servers[i % INSTANCES].request("GET", "/api/v1/packages", token=token)[0]
                for i in range(RATE)]
    expect("within the shared limit", statuses, [200] * RATE)
    over = [s.request("GET", "/api/v1/packages", token=token)[0] for s in servers]
    expect("over the limit on every instance", over, [429] * INSTANCES)


def uploads_counted(servers, outcome):
    total = 0
    for s in servers:
        text = s.request("GET", "/metrics")[2].decode()
        m = re.search(r'hemis_uploads_total\{outcome="%s"\} (\d+)' % outcome, text)
        total += int(m.group(1)) if m else 0
    return total


def make_packages(tools):
    data = tools.generate("data", 30, 7)
    other = tools.generate("other", 12, 8)
    codes = [f"S{i:02d}" for i in range(8)]
    bodies = {c: tools.pack(data, c, c + ".json")[1] for c in codes}
    pairs = {}
    for i in range(4):
        code = f"C{i:02d}"
        pid = f"{code}-race-{i}"
        pairs[code] = (tools.pack(data, code, code + "x.json", "--id", pid)[1],
                       tools.pack(other, code, code + "y.json", "--id", pid)[1])
    merge = tools.generate("merge", 20, 1)
    edit_csv(os.path.join(merge, "learners.csv"), 0, {"phien_ban": "2", "su_kien": "cancel"})
    cancel = tools.pack(merge, "M00", "cancel.json")[1]
    edit_csv(os.path.join(merge, "learners.csv"), 0, {"phien_ban": "1", "su_kien": "update"})
    older = tools.pack(merge, "M00", "older.json", "--id", "M00-older")[1]
    return bodies, pairs, (cancel, older)


def main():
    if os.environ.get("HEMIS_TEST_STORE") != "postgres":
        print("FAIL instances_test needs HEMIS_TEST_STORE=postgres")
        return 1
    with tempfile.TemporaryDirectory() as work:
        tools = Tools(sys.argv[1], sys.argv[2], work)
        db = TestStore(work)
        bodies, pairs, (cancel, older) = make_packages(tools)
        codes = [*bodies, *pairs, "M00", "R00"]
        tokens = {c: tools.token(db, "add-institution", c, "--allow-unknown") for c in codes}
        servers = [Server(tools, db, "--rate-limit", str(RATE),
                          log_path=os.path.join(work, f"instance{i}.log"))
                   for i in range(INSTANCES)]
        try:
            expect("distinct ports", len({s.port for s in servers}), INSTANCES)
            records = test_same_package_everywhere(servers, tokens, bodies)
            records += test_conflicts(servers, tokens, pairs)
            records += test_merge_race(servers, tokens["M00"], cancel, older)
            packages = len(bodies) + len(pairs) + 2
            expect("packages stored once", db.scalar("SELECT count(*) FROM packages"), packages)
            expect("records stored once", db.scalar("SELECT count(*) FROM records"), records)
            expect("accepted uploads across instances", uploads_counted(servers, "accepted"),
                   packages)
            pid = json.loads(bodies["S00"])["manifest"]["package_id"]
            receipts = {s.request("GET", "/api/v1/packages/" + pid, token=tokens["S00"])[2]
                        for s in servers}
            expect("one receipt on every instance", len(receipts), 1)
            test_shared_rate_limit(servers, tokens["R00"])
            late = tools.token(db, "add-institution", "L00", "--allow-unknown")
            expect("token made while running works everywhere",
                   [s.request("GET", "/api/v1/packages", token=late)[0] for s in servers],
                   [200] * INSTANCES)
        finally:
            for s in servers:
                expect("SIGTERM exit code", s.terminate(), 0)
        db.drop()
    return report()


if __name__ == "__main__":
    sys.exit(main())
