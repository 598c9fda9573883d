"""Two gunicorn processes on one database, one SECRET_KEY and one Redis serve as one tracker:
a session signed in at one is known (and signed out) at the other, and failed sign-ins counted at
one count at the other.

Needs the Redis at 127.0.0.1:6379 (database 7; only keys under this test's own prefix are
touched); skipped if it is not there, except under CI=true.
"""

import http.client
import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.clients import PASSWORD
from tests.database import REDIS_URL, require_redis

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def shared_redis():
    """The real Redis, and a key prefix of this test's own, whose keys are deleted afterwards."""
    client = require_redis()
    prefix = f"tracker-test-{uuid.uuid4().hex[:12]}"
    yield client, prefix
    # limits names its keys "LIMITS:LIMITER/<our prefix>/...".
    for key in client.scan_iter(match=f"*{prefix}*"):
        client.delete(key)
    client.close()


def listening_socket() -> socket.socket:
    """A socket already listening on a free port, for gunicorn to serve on (`--bind fd://N`).

    Connections queue on it from the start, so a request made before gunicorn is ready waits
    for it (within the request's timeout) instead of the test polling the port.
    """
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    sock.set_inheritable(True)
    return sock


@pytest.fixture
def two_processes(database_url, shared_redis, users, tmp_path):
    """The base ports of two gunicorn processes serving the test database, stopped afterwards."""
    _, prefix = shared_redis
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": uuid.uuid4().hex * 2,
        "PRODUCTION": "true",
        "RATELIMIT_STORAGE_URI": REDIS_URL,
        "RATELIMIT_KEY_PREFIX": prefix,
        "LOGIN_ATTEMPTS_PER_USER": "3 per 15 minutes",
        "LOGIN_ATTEMPTS_PER_ADDRESS": "20 per 15 minutes",
        "SESSION_COOKIE_SECURE": "false",
        "WTF_CSRF_ENABLED": "false",
    }
    processes, ports = [], []
    try:
        for _ in range(2):
            sock = listening_socket()
            port = sock.getsockname()[1]
            process = subprocess.Popen(
                [
                    str(Path(sys.executable).parent / "gunicorn"),
                    "--workers", "1",
                    "--bind", f"fd://{sock.fileno()}",
                    "--no-control-socket",
                    "wsgi:app",
                ],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=(tmp_path / f"gunicorn-{port}.log").open("w"),
                pass_fds=(sock.fileno(),),
            )
            sock.close()  # gunicorn has its own copy
            processes.append(process)
            ports.append(port)
        yield ports
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def request(port: int, method: str, path: str, cookie: str | None = None, form: dict | None = None):
    """(status, Location, the session cookie set or None) for one request to 127.0.0.1:`port`."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {}
    body = None
    if cookie:
        headers["Cookie"] = f"session={cookie}"
    if form is not None:
        body = urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        set_cookie = None
        for name, value in response.getheaders():
            if name.lower() == "set-cookie" and value.startswith("session="):
                set_cookie = value.split(";", 1)[0].removeprefix("session=")
        return response.status, response.getheader("Location", ""), set_cookie
    finally:
        connection.close()


def sign_in(port: int, password: str = PASSWORD):
    return request(port, "POST", "/login", form={"username": "lead", "password": password})


def test_a_session_signed_in_at_one_process_is_known_and_ended_at_the_other(two_processes):
    first, second = two_processes
    status, _, cookie = sign_in(first)
    assert status == 302 and cookie
    assert request(second, "GET", "/", cookie)[0] == 200
    status, _, _ = request(second, "POST", "/logout", cookie)
    assert status == 302
    status, location, _ = request(first, "GET", "/", cookie)
    assert status == 302 and location.startswith("/login")


def test_failed_sign_ins_count_at_every_process(two_processes, shared_redis):
    first, second = two_processes
    redis_client, prefix = shared_redis
    assert sign_in(first, "wrong")[0] == 200
    assert sign_in(second, "wrong")[0] == 200
    assert sign_in(first, "wrong")[0] == 200
    # Three failures in all, though no one process saw three: both now refuse.
    assert sign_in(second)[0] == 429
    assert sign_in(first)[0] == 429
    kept = {key.decode() for key in redis_client.scan_iter(match=f"*{prefix}*")}
    assert any("username-at-address:lead@127.0.0.1" in key for key in kept), kept
