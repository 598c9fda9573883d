"""The pages the benchmark times: each list and report page, and each role's home page.

Every database is asked for every page in turn, small and large alternately, so a busy moment of
the machine falls on both sizes alike; the median of the repeats is kept. Queries are counted with
the tests' own counter (tests/queries.py), around the whole request and the reading of its body.

A signed-in browser's session records when it was last used, written at most once a minute
(tracker/auth/sessions.py): a cost of being signed in, which lands in whichever request comes a
minute after the last write. It is timed with that request, as it is real, but counted apart from
the page's queries, and the table says how many of them the run saw.
"""

import statistics
import time
from dataclasses import dataclass, field

from tests.queries import counting_queries

# (name, role, address): an address is a template filled with the subject's ids.
PAGES = [
    ("register, first page", "dmpc", "/actions"),
    ("register, deep page", "dmpc", "/actions?after={deep_after}"),
    ("register, filtered", "dmpc", "/actions?status=outstanding&owner={wyp}&priority={priority}"),
    ("overdue queue", "dmpc", "/actions/overdue"),
    ("outstanding-actions report", "dmpc", "/reports/outstanding-actions"),
    ("priority page", "dmpc", "/priorities/{priority}"),
    ("indicator page", "dmpc", "/indicators/{indicator}"),
    ("meetings list", "dmpc", "/meetings"),
    # What the secretariat is asked: words found in notes across the years, and in actions.
    ("search, every kind", "secretariat", "/search?q=knife+crime+Calderdale"),
    ("search, actions", "viewer", "/search?q=%22stop+and+search%22&kind=actions"),
    *[(f"home page, {role}", role, "/") for role in ("admin", "secretariat", "lead", "dmpc", "viewer")],
]


@dataclass
class Timing:
    """One page on one database at one size: each request's time, its queries and its size."""

    milliseconds: list[float] = field(default_factory=list)
    queries: int = 0
    kilobytes: float = 0.0
    session_writes: int = 0

    @property
    def median(self) -> float:
        return statistics.median(self.milliseconds)


def chosen(name: str | None) -> list[tuple[str, str, str]]:
    """The pages whose name contains `name` (every page when None)."""
    found = [page for page in PAGES if name is None or name in page[0]]
    if not found:
        raise SystemExit(f"--pages {name}: no page's name contains it")
    return found


def address(template: str, subject) -> str:
    return template.format(**subject.ids)


def is_session_write(statement: str) -> bool:
    """The session's once-a-minute write of when it was last used (sessions.session_for_cookie)."""
    return statement.lstrip().startswith("UPDATE user_session SET last_seen_at")


def fetch(subject, role: str, url: str) -> tuple[float, int, int, int]:
    """Milliseconds, the page's queries, bytes, and session writes of one request, its body read
    to the end."""
    client = subject.clients[role]
    with subject.app.app_context(), counting_queries() as statements:
        started = time.perf_counter()
        response = client.get(url)
        body = response.get_data()
        elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        where = response.headers.get("Location", "")
        raise RuntimeError(f"{url} as {role} on {subject.backend}: {response.status_code} {where}")
    writes = sum(1 for statement in statements if is_session_write(statement))
    return elapsed, len(statements) - writes, len(body), writes


def run(pairs, repeat: int, progress, timed=PAGES) -> dict:
    """Time every page `repeat` times on each (small, large) pair of subjects, interleaved.

    Returns {(page name, backend, size): Timing}. One request of each page on each small subject
    first, untimed: the first request of a page compiles its templates (one untimed request of a
    slow page at the large size would cost as long as a timed one; the median leaves it out).
    """
    results: dict[tuple, Timing] = {}
    for _name, role, template in timed:
        for small, _large in pairs:
            fetch(small, role, address(template, small))
    for round_number in range(1, repeat + 1):
        for name, role, template in timed:
            for small, large in pairs:
                # Alternate which size goes first, so neither always follows the other.
                order = (small, large) if round_number % 2 else (large, small)
                for subject in order:
                    elapsed, queries, size, writes = fetch(
                        subject, role, address(template, subject)
                    )
                    timing = results.setdefault((name, subject.backend, subject.size), Timing())
                    timing.milliseconds.append(elapsed)
                    timing.queries = max(timing.queries, queries)
                    timing.session_writes += writes
                    timing.kilobytes = size / 1024
        progress(f"pages: round {round_number} of {repeat} done")
    return results


def table(results: dict, pairs, small: str, large: str, timed=PAGES) -> tuple[list[str], float, int]:
    """The table's lines (sizes labelled `small` and `large`), the worst ratio of large to small
    and the most queries of any page at either size (the page's own: without the sessions'
    once-a-minute writes, which a line under the table counts)."""
    lines = [
        f"{'page':<28} {'database':<10} {'queries':>9} {'KB ' + large:>9} "
        f"{'ms ' + small:>9} {'ms ' + large:>9} {'ratio':>6}"
    ]
    worst, most = 0.0, 0
    for name, _role, _template in timed:
        for small, large in pairs:
            low = results[(name, small.backend, small.size)]
            high = results[(name, large.backend, large.size)]
            ratio = high.median / low.median
            worst = max(worst, ratio)
            most = max(most, low.queries, high.queries)
            queries = f"{high.queries}" if low.queries == high.queries else f"{low.queries}→{high.queries}"
            lines.append(
                f"{name:<28} {small.backend:<10} {queries:>9} {high.kilobytes:>9.0f} "
                f"{low.median:>9.1f} {high.median:>9.1f} {ratio:>6.2f}"
            )
    writes = sum(timing.session_writes for timing in results.values())
    lines.append(
        f"Queries are the page's own. Sessions' last-used time, written once a minute per signed-in "
        f"browser: {writes} write{'s' if writes != 1 else ''} in the timed requests, one more query "
        "each, timed with the request it landed in."
    )
    return lines, worst, most
