"""Plain data for the demo loader (`tracker.demo`), drawn from the documents in `seeds/`.

Each module holds one source's records as dicts, lists and tuples; `tracker.demo` turns them into
model objects. Where a record is invented to round out the demo, its module says so.
"""
