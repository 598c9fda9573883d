"""`make bench`: how the tracker's pages, downloads and throughput hold up at 100,000 actions.

    python -m bench [--quick] [--repeat N] [--seconds S] [--databases sqlite,postgresql]
                    [--pages NAME,NAME]

1. Builds 1,000 and 100,000 actions (bench/data.py) on SQLite and on PostgreSQL
   (BENCH_POSTGRES_URL; skipped with a warning when the server is unreachable).
2. Times the list and report pages and each role's home page, small and large alternately, and
   prints page × database → queries, median ms at each size and their ratio.
3. Times each download in a process of its own and measures its memory growth (bench/download.py).
4. Serves the tracker (large, SQLite) and a bare Flask app under the same gunicorn settings, loads
   them in turns and prints their requests per second on /actions (bench/throughput.py).

The last line sums it up. `--quick` (200 and 5,000 actions, fewer repeats, shorter load) is for
development and for the test that the benchmark runs. Run it from the project's folder.
"""

import argparse
import logging
import tempfile
import time
from contextlib import ExitStack
from datetime import date
from pathlib import Path

import flask_migrate
import sqlalchemy as sa

from bench import download, pages, setup, throughput
from tracker import create_app, demo
from tracker.extensions import db
from tracker.kit.dates import today
from tracker.reports.delivery_quarterly.data import Quarter


def progress(message: str) -> None:
    print(f"  {message}", flush=True)


def label(size: int) -> str:
    return f"{size // 1000}k" if size >= 1000 and size % 1000 == 0 else str(size)


def options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="200 and 5,000 actions, a short run")
    parser.add_argument("--repeat", type=int, help="rounds of the pages (default 5; 3 quick)")
    parser.add_argument("--seconds", type=float, help="load per server (default 10; 2 quick)")
    parser.add_argument(
        "--databases", default="sqlite,postgresql", help="comma-separated: sqlite, postgresql"
    )
    parser.add_argument(
        "--pages",
        default="",
        help="comma-separated parts of page names (e.g. 'overdue,priority'): time only those "
        "pages, and skip the downloads and throughput",
    )
    args = parser.parse_args()
    args.pages = [part.strip() for part in args.pages.split(",") if part.strip()]
    args.sizes = (200, 5_000) if args.quick else (1_000, 100_000)
    args.repeat = args.repeat or (3 if args.quick else 5)
    args.seconds = args.seconds or (2 if args.quick else 10)
    args.backends = [name.strip() for name in args.databases.split(",") if name.strip()]
    if "sqlite" not in args.backends or not set(args.backends) <= {"sqlite", "postgresql"}:
        parser.error("--databases: sqlite (the downloads and throughput run on it), and postgresql")
    return args


def build(stack: ExitStack, backend: str, sizes, folder: Path):
    """The (small, large) pair of subjects on `backend`, their databases dropped with `stack`."""
    pair = []
    for size in sizes:
        url = stack.enter_context(setup.new_database(backend, label(size), folder))
        subject = setup.build_subject(backend, size, url)
        stack.callback(setup.close, subject)
        print(f"Built {size:,} actions on {backend} in {subject.build_seconds:.1f} s", flush=True)
        pair.append(subject)
    return tuple(pair)


def demo_database(folder: Path) -> tuple[str, int]:
    """A SQLite database of the demo data alone; its URL and the COM of 10 October 2023's id."""
    from tracker.meetings.models import Meeting

    url = f"sqlite:///{folder / 'bench-demo.sqlite'}"
    app = create_app(setup.settings(url))
    with app.app_context():
        flask_migrate.upgrade()
        demo.load()
        com = db.session.scalar(
            sa.select(Meeting.id).where(sa.func.date(Meeting.starts_at) == date(2023, 10, 10).isoformat())
        )
        db.session.remove()
        db.engine.dispose()
    return url, com


def outstanding_for(subject, owner_id: int) -> int:
    """How many outstanding actions an owner has in `subject` (the Word report's rows)."""
    from tracker.actions.models import OUTSTANDING_STATUSES, Action

    with subject.app.app_context():
        return db.session.scalar(
            sa.select(sa.func.count(Action.id)).where(
                Action.owner_id == owner_id, Action.status.in_(OUTSTANDING_STATUSES)
            )
        )


def downloads(large, folder: Path) -> tuple[list[str], float]:
    """Each download timed in a fresh process; the table's lines and the slowest time."""
    demo_url, com = demo_database(folder)
    rows = outstanding_for(large, large.ids["wyp"])
    wanted = [
        (f"outstanding CSV, {large.size:,} actions", large.url, "/reports/outstanding-actions.csv"),
        (
            f"outstanding Word, {rows:,} rows (WYP)",
            large.url,
            f"/reports/outstanding-actions.docx?owner={large.ids['wyp']}",
        ),
        ("demo COM minutes (Word)", demo_url, f"/meetings/{com}/minutes.docx"),
        ("Delivery Quarterly pack, demo", demo_url, "/reports/delivery-quarterly.docx?quarter=2020-Q4"),
        (
            f"Delivery Quarterly pack, {label(large.size)}",
            large.url,
            "/reports/delivery-quarterly.docx?quarter=2020-Q4",
        ),
        (
            f"Delivery Quarterly CSV, {label(large.size)}",
            large.url,
            # The quarter running, as at today: every action raised so far is read as it stands.
            f"/reports/delivery-quarterly.csv?quarter={Quarter.containing(today()).code}",
        ),
    ]
    lines = [f"{'download':<40} {'seconds':>8} {'MB growth':>10} {'KB':>8}"]
    slowest = 0.0
    results = download.measured([(url, "dmpc", address) for _, url, address in wanted])
    for (name, _, address), result in zip(wanted, results, strict=True):
        if result["status"] != 200:
            raise RuntimeError(f"{name}: {address} answered {result['status']}")
        slowest = max(slowest, result["seconds"])
        lines.append(
            f"{name:<40} {result['seconds']:>8.2f} {result['memory_mb']:>10.1f} "
            f"{result['bytes'] / 1024:>8.0f}"
        )
        progress(f"downloads: {name} done")
    return lines, slowest


def session_cookie(subject) -> str:
    """A Cookie header for the dmpc's signed-in session on `subject` (tests/clients.py's sign-in)."""
    name = subject.app.config["SESSION_COOKIE_NAME"]
    with subject.app.app_context():
        client = setup.signed_in(subject.app, "dmpc")
        db.session.remove()
    return f"{name}={client.get_cookie(name).value}"


def main() -> None:
    args = options()
    logging.disable(logging.INFO)  # the migrations' progress: four databases' worth
    started = time.perf_counter()
    backends = [
        backend
        for backend in args.backends
        if backend != "postgresql" or setup.postgres_reachable()
    ]
    with tempfile.TemporaryDirectory(prefix="bench-") as name, ExitStack() as stack:
        folder = Path(name)
        pairs = [build(stack, backend, args.sizes, folder) for backend in backends]
        small, large = (label(size) for size in args.sizes)

        print(f"\nPages: median of {args.repeat} requests each, {small} and {large} interleaved")
        chosen = pages.chosen(args.pages)
        results = pages.run(pairs, args.repeat, progress, chosen)
        lines, worst, most = pages.table(results, pairs, small, large, chosen)
        print("\n".join(lines))
        if args.pages:
            print(f"\nWhole run: {time.perf_counter() - started:.0f} s")
            print(f"bench: worst page ratio {worst:.2f}, most queries {most} (pages: {', '.join(args.pages)})")
            return

        print("\nDownloads: each in a fresh process; memory is the growth of its peak resident set")
        sqlite_large = next(pair[1] for pair in pairs if pair[0].backend == "sqlite")
        lines, slowest = downloads(sqlite_large, folder)
        print("\n".join(lines))

        print(
            f"\nThroughput: gunicorn {' '.join(throughput.SETTINGS[:4])}, "
            f"{throughput.CLIENTS} clients, {args.seconds:g} s each in {throughput.ROUNDS} turns"
        )
        bare, tracker = throughput.compare(
            sqlite_large.url, setup.SECRET_KEY, session_cookie(sqlite_large), args.seconds
        )
        share = 100 * tracker / bare
        # Whole percent, but a tenth below 10% so that 0.2% does not read as nothing at all.
        percent = f"{share:.0f}" if share >= 10 else f"{share:.1f}"
        print(f"bare Flask + Jinja /actions      {bare:>8.1f} requests/s")
        print(f"tracker /actions, {large} SQLite   {tracker:>8.1f} requests/s ({percent}%)")
        print(f"\nWhole run: {time.perf_counter() - started:.0f} s")
    print(
        f"bench: worst page ratio {worst:.2f}, most queries {most}, "
        f"register throughput {percent}% of bare Flask, slowest download {slowest:.2f} s"
    )


if __name__ == "__main__":
    main()
