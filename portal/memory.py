"""Memory: Python's garbage collector around work that makes many short-lived objects."""

import gc
from contextlib import contextmanager


@contextmanager
def collection_paused():
    """Python's cyclic garbage collector held off while many short-lived objects without cycles are
    made. A search engine's response of 10,000 hits decodes into ~50,000 dicts and lists, which
    reference counting frees, but whose number set off collections of the oldest generation — the
    whole heap of the process, ~250 ms each: the 200 judged queries at 100,000 pages on
    Elasticsearch 9 spent 13.3 s of their 83 s in 51 such collections (docs/search.md, "Figures").
    Left alone when collection is already off (another thread's pause: the first to finish turns it
    back on, which is harmless)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
