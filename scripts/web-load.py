#!/usr/bin/env python3
"""Load test of `hegui serve`: 50 concurrent signed-in sessions on loopback for 60 s, each adding
patrol issues and reading the rectification board in turn.

Checks: no request fails, every issue the server acknowledged is stored exactly once, and
`hegui ledger verify` passes afterwards. Prints p50/p99 latency and requests per second.

usage: scripts/web-load.py [--hegui .build/release/hegui] [--sessions 50] [--seconds 60]
"""
import argparse
import http.client
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

parser = argparse.ArgumentParser()
parser.add_argument("--hegui", default=".build/release/hegui")
parser.add_argument("--sessions", type=int, default=50)
parser.add_argument("--seconds", type=float, default=60)
args = parser.parse_args()
hegui = os.path.abspath(args.hegui)
work = tempfile.mkdtemp(prefix="hegui-load-")
ledger = os.path.join(work, "hegui.sqlite")
PASSWORD = "load-test-password"


def run(*argv, stdin=None):
    subprocess.run([hegui, *argv, "--ledger", ledger], input=stdin, check=True, capture_output=True, text=True)


run("inspect", "add", "--date", "2019-06-10", "--team", "压力测试组", "--scope", "全厂", "--by", "setup")
for n in range(args.sessions):
    run("user", "add", f"rep{n:02d}", "--role", "representative", stdin=PASSWORD + "\n")

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
server = subprocess.Popen([hegui, "serve", "--ledger", ledger, "--port", str(port), "--today", "2019-06-10"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
for _ in range(100):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        break
    except OSError:
        time.sleep(0.1)

TOKEN = re.compile(r'name="_csrf" value="([0-9a-f]+)"')
lock = threading.Lock()
latencies = {"add-issue": [], "read-board": []}
errors = []
acknowledged = []


class Session:
    def __init__(self, name):
        self.name = name
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies = {}

    def request(self, method, path, body=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            body = urllib.parse.urlencode(body)
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";")[0]
        return response.status, text, response.getheader("Location")

    def sign_in(self):
        _, page, _ = self.request("GET", "/login")
        token = TOKEN.search(page).group(1)
        status, _, location = self.request("POST", "/login", {"_csrf": token, "username": self.name, "password": PASSWORD, "next": "/patrols/1"})
        assert status == 303 and location == "/patrols/1", (status, location)
        _, page, _ = self.request("GET", "/patrols/1")
        self.csrf = TOKEN.search(page).group(1)


def worker(n, deadline_holder, start_barrier):
    session = Session(f"rep{n:02d}")
    session.sign_in()
    start_barrier.wait()
    count = 0
    while time.monotonic() < deadline_holder[0]:
        description = f"load {n:02d}-{count:05d}"
        t = time.perf_counter()
        try:
            status, _, location = session.request("POST", "/patrols/1/issues", {
                "_csrf": session.csrf, "location": "车间", "description": description, "category": "安全", "grade": "一般"})
            elapsed = time.perf_counter() - t
            with lock:
                latencies["add-issue"].append(elapsed)
                if status == 303 and location.startswith("/patrols/1?done=done"):
                    acknowledged.append(description)
                else:
                    errors.append(("add-issue", status))
            t = time.perf_counter()
            status, page, _ = session.request("GET", "/items")
            elapsed = time.perf_counter() - t
            with lock:
                latencies["read-board"].append(elapsed)
                if status != 200 or "load " not in page:
                    errors.append(("read-board", status))
        except Exception as error:  # a refused or reset connection is an error, not a crash of the test
            with lock:
                errors.append(("exception", repr(error)))
            session = Session(session.name)
            session.sign_in()
        count += 1


barrier = threading.Barrier(args.sessions + 1, timeout=300)
# Set once every session has signed in; each worker reads it on every round.
deadline_holder = [time.monotonic() + 3600]
threads = [threading.Thread(target=worker, args=(n, deadline_holder, barrier), daemon=True) for n in range(args.sessions)]
for thread in threads:
    thread.start()
barrier.wait()
started = time.monotonic()
deadline_holder[0] = started + args.seconds
for thread in threads:
    thread.join()
wall = time.monotonic() - started
server.terminate()
server.wait()

verify = subprocess.run([hegui, "ledger", "verify", "--ledger", ledger, "--lang", "en"], capture_output=True, text=True)
db = sqlite3.connect(ledger)
stored = [row[0] for row in db.execute("SELECT description FROM rectification_items WHERE description LIKE 'load %'")]
db.close()


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))] * 1000 if ordered else 0


total = sum(len(v) for v in latencies.values())
print(f"sessions {args.sessions}, {wall:.1f} s, requests {total}, {total / wall:.0f} req/s, errors {len(errors)}")
for kind, values in latencies.items():
    print(f"  {kind:10s} n={len(values):6d}  p50 {percentile(values, 0.5):7.1f} ms  p99 {percentile(values, 0.99):7.1f} ms")
alls = [x for v in latencies.values() for x in v]
print(f"  {'all':10s} n={len(alls):6d}  p50 {percentile(alls, 0.5):7.1f} ms  p99 {percentile(alls, 0.99):7.1f} ms")
print(f"issues acknowledged {len(acknowledged)}, stored {len(stored)}, distinct stored {len(set(stored))}")
print("ledger verify:", verify.stdout.strip() or verify.stderr.strip())
ok = (not errors and sorted(stored) == sorted(acknowledged) and len(set(stored)) == len(stored)
      and verify.returncode == 0)
if errors:
    print("first errors:", errors[:5])
shutil.rmtree(work, ignore_errors=True)
print("PASS" if ok else "FAIL")
sys.exit(0 if ok else 1)
