"""Downloads, each timed and its memory measured in a process of its own (`measured`): seconds,
the growth of the process's peak memory, the bytes sent and the status.

Memory is the resident set (Linux's /proc/self/status): once the app has started and served one
page, the peak (VmHWM) is reset to the resident size now (VmRSS; `clear_refs`), and the growth is
the peak after the download less that. (`ru_maxrss` would not do: after a fork it keeps the
parent's peak.) A fresh process for each download keeps what one leaves behind out of the next
one's figure.
"""

import multiprocessing
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from bench.setup import settings, signed_in
from tests.clients import SeparateRequestsClient
from tracker import create_app
from tracker.extensions import db


def kilobytes(field: str) -> int:
    """A memory figure of this process from /proc/self/status: VmRSS now, VmHWM its peak."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def reset_peak() -> None:
    """Make VmHWM the resident size now (Linux 4.0+)."""
    with open("/proc/self/clear_refs", "w") as clear_refs:
        clear_refs.write("5")


def measure(url: str, role: str, address: str) -> dict:
    app = create_app(settings(url))
    app.test_client_class = SeparateRequestsClient
    with app.app_context():
        client = signed_in(app, role)
        db.session.remove()
        assert client.get("/").status_code == 200  # start-up's one-off work, before measuring
        reset_peak()
        before = kilobytes("VmRSS")
        started = time.perf_counter()
        # Read as a browser does, chunk by chunk, so the figure is the app's memory, not a copy
        # of the whole file held here.
        response = client.get(address, buffered=False)
        size = sum(len(chunk) for chunk in response.iter_encoded())
        response.close()
        seconds = time.perf_counter() - started
    peak = kilobytes("VmHWM")
    return {
        "seconds": seconds,
        "memory_mb": max(peak - before, 0) / 1024,
        "bytes": size,
        "status": response.status_code,
        "type": response.headers.get("Content-Type", ""),
    }


def measured(downloads: list[tuple[str, str, str]]) -> Iterator[dict]:
    """`measure` for each (database URL, role, address) in turn, each in a fresh process.

    The processes are forked from one that has imported the tracker and nothing more (a fork
    server), so each starts as a new interpreter would, without paying for the imports again.
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    with ProcessPoolExecutor(1, mp_context=context, max_tasks_per_child=1) as pool:
        for download in downloads:
            yield pool.submit(measure, *download).result()

