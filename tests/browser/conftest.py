"""Browser tests: the app served on a free local port, driven in Debian's Chromium by Playwright.

Fixtures: `live_server` (the base URL), `page` (pytest-playwright's, against Chromium), and
`sign_in(page, username)` for the demo users; `tests/browser/axe.py` loads axe-core into a page to
check it.
"""

import threading

import pytest
from werkzeug.serving import make_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def live_server(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def base_url(live_server):
    # Ours replaces pytest-playwright's fallback `base_url`, which pytest 9 warns about (an
    # instance-method fixture) and so fails under `filterwarnings = error`.
    return live_server


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, live_server):
    return {**browser_context_args, "base_url": live_server, "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def context(context):
    context.set_default_timeout(10_000)
    return context


@pytest.fixture
def sign_in():
    def sign_in(page, username: str, password: str | None = None):
        if password is None:
            from tracker.demo import DEMO_PASSWORD as password

        page.goto("/login")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password", exact=True).fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(lambda url: "/login" not in url)

    return sign_in
