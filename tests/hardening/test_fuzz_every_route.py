"""Every route in the access matrix, driven with generated hostile input: never a server error.

For each route Hypothesis sends requests as the roles that may use it (and as an anonymous
visitor) with hostile values in the URL's ids, in the query string (`page`, `per_page` and the
filters) and, for routes that take a POST, in the fields of the form the page shows: control
characters, invalid UTF-8, numbers beyond any range, absurd dates, over-long text, duplicated
fields and wrong content types. CSRF checks are off in the test app, so the values reach the forms.

It checks that no response is a 5xx, and that a write that was not accepted (anything but a
redirect or a 201 Created) left every table exactly as it was. Bounded: EXAMPLES requests per
route (set FUZZ_EXAMPLES for a longer search, e.g. FUZZ_EXAMPLES=200 before a release).
"""

import hashlib
import json
import os
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import quote, urlencode, urlsplit

import pytest
from flask import url_for
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.access import ANONYMOUS
from tests.access.lookup import Demo, client_for, client_for_endpoint, is_api
from tests.access.matrix import ACCESS_RULES as RULES
from tracker.extensions import db, limiter

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "12"))
PREFERRED = ("admin", "secretariat", "executive", "lead", "viewer", ANONYMOUS)

HOSTILE_TEXT = [
    "\x00", "a\x00b", "\x1b[2J", "\x07", "\x7f", "\u0085", "\ufeff", "\u202e", "\uffff", "\ufffe",
    "[" * 50_000,
    "\U0010ffff", "-1", "0", "2147483647", "2147483648", str(2**63), str(2**64), "9" * 40,
    "9" * 5000, "1e999999999999999999", "NaN", "-Infinity", "12345678901234567890-01-01",
    "0001-01-01", "9999-12-31", "2024-02-30", "12345678901234567890", "١٢٣", "１２３", " ", "",
    "'; DROP TABLE action; --", "<script>alert(1)</script>", "{{ 7 * 7 }}", "%00", "%FF",
    "../../etc/passwd", "=HYPERLINK(\"http://evil.example\")", "\r\n\r\n", "x" * 20_000,
    "javascript:alert(1)", "http://evil.example/", "//evil.example", "2020-Q9", "9999-Q4",
    "0000-Q1", "0001-Q1", "31/12/9999",
    # The search box's syntax, and FTS5's: quotes left open, operators alone, column filters.
    '"custody', 'or', '-', '- or -', '"""', 'NEAR(a b', 'cust*', 'title:custody', '^x', '(((',
    '!!! ??? ...', "AND OR NOT", "ünïcödé 警察 🚓", "COM-2023-10-04a", "com-2023-10-04zz",
]
HOSTILE_IDS = ["0", "2147483647", "2147483648", str(2**63), str(2**64), "9" * 40, "9" * 5000,
               "-1", "١٢٣", "%00", "%FF", "1.5", "abc"]
# Percent-encoded bytes that are not UTF-8 (and a raw one), for bodies and query strings.
INVALID_UTF8 = ["%FF", "%C0%80", "%ED%A0%80", "%E2%82", "\xff"]
QUERY_NAMES = ["page", "per_page", "q", "status", "owner", "lead", "type", "year", "after",
               "as_at", "quarter", "next", "group", "sort", "days", "due", "meeting_type",
               "meeting", "priority", "indicator", "organisation", "entity_type", "kind", "since",
               "until"]
# What a confirmation form sends, for routes whose form the demo record does not offer.
GENERIC_FIELDS = [("correction_reason", ""), ("submit", "Confirm")]
# The demo's COM meeting is published (it cannot be approved, published again, deleted,
# cancelled or reinstated), the demo's first plan is already current, and its first priority
# shows no unlink button for the demo action: these routes are fuzzed with GENERIC_FIELDS.
# Signing out (this session or the others), making a calendar address and unsubscribing are
# buttons whose form holds only its CSRF token, which the fuzz app (CSRF off) leaves out: nothing
# to scrape. The demo's outbox holds only sent messages, which have no "send again" button.
FORM_NOT_OFFERED = {"meetings.approve", "meetings.delete", "meetings.publish",
                    "meetings.return_to_draft", "meetings.cancel", "meetings.reinstate",
                    "plans.make_current", "plans.unlink_action",
                    "auth.logout", "auth.sign_out_other_sessions", "calendars.new_address",
                    "notifications.unsubscribe_confirmed", "notifications.send_again",
                    # The demo data holds no API token, so no revoke page has a form to find.
                    "auth.revoke_api_token"}
# Stand-ins for the URL's arguments, replaced by the real or the hostile text.
SENTINEL_ID = 987654000
SENTINEL_TEXT = "fuzzsentinel"

hostile_text = st.one_of(
    st.sampled_from(HOSTILE_TEXT),
    st.text(max_size=40),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)


class FormScraper(HTMLParser):
    """The forms on a page, with the fields a browser would send as they stand."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"action": a.get("action"), "method": (a.get("method") or "get").lower(),
                               "multipart": "multipart" in (a.get("enctype") or ""),
                               "fields": [], "names": set()})
            return
        if not self.forms:
            return
        form = self.forms[-1]
        name = a.get("name")
        if tag == "input" and name:
            form["names"].add(name)
            kind = (a.get("type") or "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind in ("submit", "file"):
                return
            form["fields"].append((name, a.get("value") or ""))
        elif tag == "textarea" and name:
            form["names"].add(name)
            self._textarea = name
            form["fields"].append((name, ""))
        elif tag == "select" and name:
            form["names"].add(name)
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            form["fields"].append((self._select, a.get("value") or ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea and self.forms:
            name, text = self.forms[-1]["fields"][-1]
            self.forms[-1]["fields"][-1] = (name, text + data)


@dataclass
class Target:
    """A route ready to be fuzzed: its URL, who may use it, and the forms it takes."""

    endpoint: str
    url: str
    methods: set[str]
    roles: list[str]
    args: dict
    # The URL with each argument replaced by a sentinel, and each argument's sentinel and text.
    pattern: str = ""
    sentinels: dict[str, tuple[str, str]] = field(default_factory=dict)
    form_fields: list[tuple[str, str]] = field(default_factory=list)
    form_names: list[str] = field(default_factory=list)
    query_names: list[str] = field(default_factory=list)
    multipart: bool = False
    # The route takes a JSON array of such objects (the API's batch of values), not one object.
    json_list: bool = False

    def url_with(self, hostile: dict[str, str]) -> str:
        """The route's URL with some of its arguments replaced by raw hostile text."""
        url = self.pattern
        for name, (sentinel, valid) in self.sentinels.items():
            url = url.replace(sentinel, hostile.get(name, valid), 1)
        return url


def scrape(client, url: str) -> list[dict]:
    response = client.get(url)
    if response.status_code != 200 or response.mimetype != "text/html":
        return []
    scraper = FormScraper()
    scraper.feed(response.get_data(as_text=True))
    return scraper.forms


def build_target(app, endpoint: str) -> Target:
    rule = RULES[endpoint]
    url_rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)
    args = rule.args(Demo())
    sentinels = {
        name: (f"{SENTINEL_ID + n}" if isinstance(value, int) else f"{SENTINEL_TEXT}{n}",
               quote(str(value), safe="/"))
        for n, (name, value) in enumerate(args.items())
    }
    with app.test_request_context():
        url = url_for(endpoint, **args)
        pattern = url_for(endpoint, **{name: s for name, (s, _) in sentinels.items()})
    roles = [who for who in PREFERRED if who in rule.allowed]
    target = Target(endpoint, url, set(url_rule.methods) - {"HEAD", "OPTIONS"},
                    roles + ([ANONYMOUS] if ANONYMOUS not in roles else []), args,
                    pattern, sentinels)
    # The form that posts here is on this page, or on the page of the record it belongs to
    # (the sign-in form only for those not signed in).
    path = urlsplit(url).path
    pages = [path] if "GET" in target.methods else []
    parts = path.rstrip("/").split("/")
    pages += ["/".join(parts[:n]) for n in range(len(parts) - 1, 1, -1)] + ["/"]
    names = set(QUERY_NAMES)
    for who, page in ((who, page) for who in target.roles for page in pages):
        for form in scrape(client_for(app, who), page):
            if form["method"] == "get":
                names |= form["names"]
            elif "POST" in target.methods and form["action"] in (None, "", path, url) \
                    and not target.form_names:
                target.form_fields = form["fields"]
                target.form_names = sorted(form["names"])
                target.multipart = form["multipart"]
        if target.form_names or "POST" not in target.methods:
            break
    if "POST" in target.methods and not target.form_names:
        data = rule.data(Demo())
        target.json_list = isinstance(data, list)
        target.form_fields = list((data[0] if target.json_list else data).items()) or GENERIC_FIELDS
        target.form_names = [name for name, _ in target.form_fields]
    target.query_names = sorted(names)
    return target


# When a token was last used is written as it is used, whatever the request goes on to do.
NOT_A_CHANGE = {("api_token", "last_used_at")}


def table_digest() -> str:
    """A digest of every row of every table, to prove a refused write changed nothing.

    The values are read as the database stores them, without converting them to Python's types:
    any change still shows, and it measured a third quicker on SQLite (it runs twice for every
    write the fuzz tries). PostgreSQL writes each table's rows out as text itself, all tables in
    one statement: a query a table, each a round trip, took five times as long as on SQLite.
    """
    selects = []
    for table in db.metadata.sorted_tables:
        keys = list(table.primary_key.columns) or list(table.columns)
        order = ", ".join(f'"{column.name}"' for column in keys)
        shown = ", ".join(
            f'"{column.name}"' for column in table.columns
            if (table.name, column.name) not in NOT_A_CHANGE
        )
        selects.append((table.name, order, shown))
    digest = hashlib.sha256()
    with db.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            rows = conn.exec_driver_sql(" UNION ALL ".join(
                f"SELECT {number}, (SELECT string_agg(ROW({shown})::text, ',' ORDER BY {order}) "
                f'FROM "{name}")'
                for number, (name, order, shown) in enumerate(selects)
            ) + " ORDER BY 1").all()
            digest.update(repr(rows).encode())
        else:
            for name, order, shown in selects:
                rows = conn.exec_driver_sql(f'SELECT {shown} FROM "{name}" ORDER BY {order}').all()
                digest.update(f"{name}:{rows!r}".encode())
    return digest.hexdigest()


@st.composite
def hostile_requests(draw, target: Target) -> dict:
    who = draw(st.sampled_from(target.roles))
    hostile_args = {}
    for name in target.args:
        if draw(st.integers(0, 3)) == 0:
            hostile_args[name] = quote(draw(st.sampled_from(HOSTILE_IDS)), safe="%")
    query = draw(st.lists(st.tuples(st.sampled_from(target.query_names), hostile_text), max_size=4))
    raw_query = draw(st.sampled_from(["", "", "", *(f"q={b}" for b in INVALID_UTF8), "page=%00"]))
    url = target.url_with(hostile_args)
    query_string = "&".join(part for part in (urlencode(query), raw_query) if part)
    if query_string:
        url += ("&" if "?" in url else "?") + query_string
    request = {"who": who, "method": "GET", "url": url}
    if "POST" not in target.methods or ("GET" in target.methods and draw(st.booleans())):
        return request
    fields = list(target.form_fields)
    names = target.form_names or ["text"]
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(names))
        value = draw(hostile_text)
        if draw(st.booleans()):  # replace the field, or send it twice
            fields = [(n, v) for n, v in fields if n != name]
        fields.append((name, value))
    if draw(st.integers(0, 9)) == 0:
        fields.append((draw(st.sampled_from(["x\x00", "extra", "page"])), draw(hostile_text)))
    body = draw(st.sampled_from(
        ["form", "form", "form", "multipart", "invalid-utf8", "json", "text", "bare-multipart"]))
    request["method"] = "POST"
    if body == "form":
        request["data"] = _multi(fields)
    elif body == "multipart":
        request.update(data=_multi(fields), content_type="multipart/form-data")
    elif body == "invalid-utf8":
        encoded = urlencode(fields) + f"&{draw(st.sampled_from(names))}="
        request.update(data=(encoded + draw(st.sampled_from(INVALID_UTF8))).encode("latin-1"),
                       content_type="application/x-www-form-urlencoded")
    elif body == "json":
        payload = dict(fields)
        request.update(data=json.dumps([payload] if target.json_list else payload),
                       content_type="application/json")
    elif body == "text":
        request.update(data=urlencode(fields), content_type="text/plain")
    else:
        request.update(data=b"--x\r\nnot really multipart", content_type="multipart/form-data")
    return request


def _multi(fields: list[tuple[str, str]]) -> dict[str, list[str]]:
    data: dict[str, list[str]] = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    return data


ENDPOINTS = sorted(RULES)


@pytest.mark.read_only_demo  # the module's own demo data; put back after any route that changed it
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_no_hostile_request_gets_a_server_error(app, own_demo, endpoint):
    target = build_target(app, endpoint)
    at_start = table_digest()

    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(request=hostile_requests(target))
    def send(request):
        limiter.reset()
        client = client_for_endpoint(app, endpoint, request["who"])
        before = table_digest() if request["method"] != "GET" else None
        options = {k: request[k] for k in ("data", "content_type") if k in request}
        response = client.open(request["url"], method=request["method"], **options)
        shown = {k: (v if len(repr(v)) < 300 else f"{repr(v)[:300]}...") for k, v in request.items()}
        assert response.status_code < 500, f"{response.status_code} for {shown}"
        # Accepted: a redirect, or 201 Created for a write whose result is shown in the answer
        # itself (a new API token's secret, shown once).
        accepted = 300 <= response.status_code < 400 or response.status_code == 201
        if before is not None and not accepted:
            assert table_digest() == before, f"refused write changed the database: {shown}"

    try:
        send()
    finally:
        if table_digest() != at_start:
            _reload_demo()


def _reload_demo() -> None:
    from tests.database import empty_all_tables, load_demo

    db.session.remove()
    empty_all_tables()
    load_demo()


@pytest.mark.read_only_demo
def test_the_digest_shows_any_change_to_a_row(app, own_demo):
    """Guard against a blind check of "nothing written": a changed value, a row gone, a row more."""
    changes = [
        "UPDATE person SET job_title = job_title || '.' WHERE id = (SELECT min(id) FROM person)",
        "DELETE FROM action_update WHERE id = (SELECT max(id) FROM action_update)",
        "INSERT INTO action_priority (action_id, priority_id) SELECT a.id, p.id FROM action a, priority p"
        " WHERE NOT EXISTS (SELECT 1 FROM action_priority l WHERE l.action_id = a.id"
        " AND l.priority_id = p.id) LIMIT 1",
    ]
    try:
        for change in changes:
            before = table_digest()
            with db.engine.begin() as conn:
                conn.exec_driver_sql(change)
            assert table_digest() != before, change
    finally:
        _reload_demo()


@pytest.mark.read_only_demo
def test_the_fuzz_finds_the_form_of_every_route_that_takes_a_post(app, own_demo):
    """Guard against a silent fuzz: each POST route has fields to fill, found on its page."""
    targets = [build_target(app, endpoint) for endpoint in ENDPOINTS]
    scraped = {t.endpoint for t in targets if "POST" in t.methods and t.form_fields != GENERIC_FIELDS}
    # The API takes JSON, not a page's form: its routes are fuzzed with their rule's `data`.
    missing = {t.endpoint for t in targets if "POST" in t.methods and not is_api(t.endpoint)} - scraped
    assert missing == FORM_NOT_OFFERED, f"no form found to fuzz for {missing - FORM_NOT_OFFERED}"
    assert all(target.url_with({}) == target.url for target in targets)
