#!/usr/bin/env python3
"""kill -9 in the middle of many concurrent uploads, then a restart: every acknowledged package
must be stored complete with its original receipt, and no other package may be half there.
Each package belongs to its own institution, so its records can be counted on their own.
Usage: durability_test.py HEMIS_SERVER HEMIS_CLI"""
import json
import os
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor

from harness import Server, TestStore, Tools, expect, report

PACKAGES = 48
KILL_AFTER = 12  # acknowledged uploads before the kill


def main():
    with tempfile.TemporaryDirectory() as work:
        tools = Tools(sys.argv[1], sys.argv[2], work)
        db = TestStore(work)
        data = tools.generate("data", 300, 7)
        codes = [f"T{i:02d}" for i in range(PACKAGES)]
        tokens = {c: tools.token(db, "add-institution", c, "--allow-unknown") for c in codes}
        bodies = {c: tools.pack(data, c, c + ".json")[1] for c in codes}
        total = sum(json.loads(bodies[codes[0]])["manifest"]["counts"].values())
        s = Server(tools, db)
        acked, lock, killed = {}, threading.Lock(), threading.Event()

        def upload(code):
            try:
                status, _, body = s.upload(bodies[code], tokens[code])
            except OSError:
                return  # cut off by the kill: not acknowledged
            with lock:
                if status == 201:
                    acked[code] = body
                if len(acked) >= KILL_AFTER and not killed.is_set():
                    killed.set()
                    s.kill9()

        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(upload, codes))
        expect("killed mid-run", killed.is_set(), True)
        expect("some uploads were cut off", len(acked) < PACKAGES, True)

        s2 = Server(tools, db)
        try:
            for code, receipt in acked.items():
                pid = json.loads(receipt)["package_id"]
                status, _, again = s2.request("GET", "/api/v1/packages/" + pid, token=tokens[code])
                expect(f"{code} receipt after restart", (status, again), (200, receipt))
            for code in codes:  # codes are T00…T47: safe to quote inline
                packages = db.scalar(f"SELECT count(*) FROM packages WHERE institution = '{code}'")
                records = db.scalar(f"SELECT count(*) FROM records WHERE institution = '{code}'")
                whole = (packages, records) in ((0, 0), (1, total))
                expect(f"{code} all or nothing", whole, True)
                if code in acked:
                    expect(f"{code} acknowledged is complete", (packages, records), (1, total))
            print(f"{len(acked)} acknowledged of {PACKAGES}; {total} records each")
        finally:
            s2.terminate()
        db.drop()
    return report()


if __name__ == "__main__":
    sys.exit(main())
