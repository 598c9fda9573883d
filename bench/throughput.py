"""Requests per second under gunicorn: the tracker's /actions against the bare Flask app's.

Both are served with the same settings (SETTINGS) and driven by the same load generator: a few
threads, each an HTTP connection asking for the page again as soon as it has the last answer (and
opening a new one when the server closes it, as sync workers do after each answer). Only complete
200 answers count.

The two servers run side by side and take turns: ROUNDS short slices of load each, one server at a
time, alternating. A machine's speed drifts over seconds (other work on it, the disk settling
after the databases were built): measured one after the other, four runs on the same code read
23% to 43%, as a slow spell fell on one server's ten seconds; in turns both share it.
"""

import http.client
import os
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Two single-threaded (sync) workers, as the README's production command serves: CPython 3.11
# corrupts its heap now and then when a worker serves signed-in pages from several threads at once
# (see the README's "Production"), so the tracker is not served with threads, and the bare app is
# measured the same way. Sync workers answer one request a connection; the clients reconnect.
SETTINGS = [
    "--workers", "2",
    "--worker-class", "sync",
    "--no-control-socket",
    "--log-level", "warning",
]
CLIENTS = 4
ROUNDS = 10


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def served(application: str, environment: dict, check: str, cookie: str = ""):
    """gunicorn serving `application` on a free port until the block ends; yields the port."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", *SETTINGS, "--bind", f"127.0.0.1:{port}", application],
        cwd=ROOT,
        env={**os.environ, **environment},
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"gunicorn serving {application} stopped ({server.returncode})")
            try:
                status = get(port, check, cookie)
            except OSError:
                status = None
            if status == 200:
                break
            if status is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{application}{check} answered {status}")
            time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


def get(port: int, path: str, cookie: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def as_a_browser_keeps_it(port: int, path: str, cookie: str) -> str:
    """`cookie` as a browser holds it after one page of `path`: with whatever that page set.

    A session's first page puts the sign-out form's CSRF token in its cookie, and a browser
    sends that cookie from then on. The load generator keeps no cookies, so without this every
    answer would mint a token and send a new cookie, which no real browser causes.
    """
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Cookie": cookie})
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{path} answered {response.status}")
        new = response.getheader("Set-Cookie")
        return new.split(";", 1)[0] if new else cookie
    finally:
        connection.close()


def drive(port: int, path: str, seconds: float, cookie: str = "") -> tuple[int, float]:
    """Answers that CLIENTS connections get in `seconds`, and the seconds it took."""
    headers = {"Cookie": cookie} if cookie else {}
    counts = [0] * CLIENTS
    failures = [0] * CLIENTS
    deadline = time.monotonic() + seconds

    def client(number: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.monotonic() < deadline:
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                failures[number] += 1
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                continue
            if response.status == 200:
                counts[number] += 1
            else:
                failures[number] += 1
        connection.close()

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    if sum(failures):
        print(f"  ({sum(failures)} requests to {path} failed)")
    return sum(counts), elapsed


def compare(database_url: str, secret_key: str, cookie: str, seconds: float) -> tuple[float, float]:
    """Requests per second of the bare app's /actions and of the tracker's, signed in: `seconds`
    of load each, in ROUNDS turns."""
    environment = {
        "DATABASE_URL": database_url,
        "SECRET_KEY": secret_key,
        "SESSION_COOKIE_SECURE": "false",
        "PRODUCTION": "false",
    }
    with (
        served("bench.bare_app:app", {}, "/actions") as bare_port,
        served("wsgi:app", environment, "/actions", cookie) as tracker_port,
    ):
        cookie = as_a_browser_keeps_it(tracker_port, "/actions", cookie)
        servers = [(bare_port, ""), (tracker_port, cookie)]
        for port, sent in servers:
            drive(port, "/actions", 1, sent)  # warm up: workers started, templates compiled
        totals = [[0, 0.0], [0, 0.0]]
        for _ in range(ROUNDS):
            for total, (port, sent) in zip(totals, servers, strict=True):
                answered, elapsed = drive(port, "/actions", seconds / ROUNDS, sent)
                total[0] += answered
                total[1] += elapsed
    bare, tracker = (answered / elapsed for answered, elapsed in totals)
    return bare, tracker
