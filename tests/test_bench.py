"""`make bench` runs to the end and reports: a quick run on SQLite prints the pages' table, the
downloads, the throughput against bare Flask and the one-line summary last. It asserts what the
run prints, never how fast anything was (the benchmark measures; tests do not)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = (
    "register, first page",
    "register, deep page",
    "register, filtered",
    "overdue queue",
    "outstanding-actions report",
    "priority page",
    "indicator page",
    "meetings list",
    "home page, admin",
    "home page, secretariat",
    "home page, lead",
    "home page, dmpc",
    "home page, viewer",
)
# It builds databases of its own, on SQLite: the same in both runs of the suite.
pytestmark = pytest.mark.same_on_every_database
SUMMARY = re.compile(
    r"bench: worst page ratio \d+\.\d\d, most queries \d+, "
    r"register throughput \d+(\.\d)?% of bare Flask, slowest download \d+\.\d\d s"
)


def quick_bench(*arguments: str) -> list[str]:
    """The lines a quick run on SQLite prints. The timeout only stops a hung run from hanging
    the suite; one round of the pages is enough to print every line."""
    run = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--repeat", "1", "--databases", "sqlite",
         *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return run.stdout.strip().splitlines()


def test_quick_bench_prints_every_page_download_and_the_summary_last():
    lines = quick_bench("--seconds", "1")  # a second of load per server
    assert SUMMARY.fullmatch(lines[-1]), lines[-1]

    header = next(line for line in lines if line.startswith("page "))
    assert header.split() == ["page", "database", "queries", "KB", "5k", "ms", "200", "ms", "5k", "ratio"]
    for page in PAGES:
        row = next((line for line in lines if line.startswith(page + " ")), None)
        assert row is not None, f"no row for {page}"
        assert row.removeprefix(page).split()[0] == "sqlite"

    for download in (
        "outstanding CSV, 5,000 actions",
        "outstanding Word,",
        "demo COM minutes (Word)",
        "Delivery Quarterly pack, demo",
        "Delivery Quarterly pack, 5k",
        "Delivery Quarterly CSV, 5k",
    ):
        assert any(line.startswith(download) for line in lines), f"no line for {download}"
    assert any(line.startswith("bare Flask + Jinja /actions") for line in lines)
    assert any(line.startswith("tracker /actions, 5k SQLite") for line in lines)


def test_pages_times_only_the_pages_named_and_stops_after_them():
    lines = quick_bench("--pages", "search,overdue")
    rows = [match.group(1) for line in lines if (match := re.match(r"(.+?)\s+sqlite\s+\d", line))]
    assert rows == ["overdue queue", "search, every kind", "search, actions"]
    assert not any(line.startswith("bare Flask") or line.startswith("outstanding CSV") for line in lines)
    assert re.fullmatch(
        r"bench: worst page ratio \d+\.\d\d, most queries \d+ \(pages: search, overdue\)", lines[-1]
    )
