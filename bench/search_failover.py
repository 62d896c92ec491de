"""Search while one node of a two-node OpenSearch cluster is killed: errors, fallbacks, recovery.

Usage: python bench/search_failover.py [N] [--threads T] [--kill other|manager] [--down S] ...

Starts two OpenSearch 3.3.2 nodes on loopback (``bench/engine_nodes.py``: HTTP 9220/9221,
transport 9320/9321, one cluster: ``discovery.seed_hosts`` + ``cluster.initial_cluster_manager_nodes``;
data in a temporary directory), generates N pages (``bench/search_speed.py``'s generator, 60 %
legal documents, 40 % news) in a throw-away SQLite database, indexes them on the engine (one
primary and one replica per index: each node holds a copy) and on the database fallback, with
``SEARCH_URL`` listing both nodes. Then T threads search without pause through the project's
path (``search.resilience.with_fallback`` around ``search.service.search``, as the API does),
recording for each request whether the engine or the fallback answered, the engine's error, and
whether the engine's count of matches (``count≠``) or its first page (``order≠``: the two copies
of a shard may rank near-equal pages differently, nothing is missing) differs from its answer
before the fault. After ``--before`` seconds one node is killed (SIGKILL; ``--kill other``: a
node that is not the elected cluster manager, the default; ``--kill manager``: the elected one),
kept dead ``--down`` seconds after the cluster is yellow again (or after 90 s, if it never is),
started again on its data, and the load goes on ``--after`` seconds once the cluster is green.
Printed: a table per phase (a request counts in the phase it ended in), the engine's errors, the
time until the cluster is yellow, until the last error, back to green; then the check that
nothing was lost: the documents in the page index and, for every query, the set of pages the
engine finds, before and after (exit status 1 if either differs).

Needs the distribution ``.ci/search-engine start opensearch`` unpacks (and Temurin 25); as root
the nodes run as ``portal-search``. Takes 5–6 minutes at N=10,000 on the 2-core machine (9 with
``--kill manager``, which waits 90 s for a yellow that does not come).
"""

import argparse
import contextlib
import logging
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import engine_nodes  # noqa: E402 - bench/ on the path first
import search_speed  # noqa: E402

HTTP_PORTS = [9220, 9221]
TRANSPORT_PORTS = [9320, 9321]
NAMES = ["failover-1", "failover-2"]
PREFIX = "bench_failover_"
TODAY = date(2026, 6, 1)


class Load:
    """Threads searching through the fallback path; each request recorded (time, outcome, …)."""

    def __init__(self, queries: list[str], expected: dict[str, tuple], threads: int):
        self.queries = queries
        self.expected = expected
        self.threads = threads
        self.samples: list[tuple] = []  # (start, seconds, outcome, error, changed count, reordered)
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.workers: list[threading.Thread] = []

    def start(self) -> None:
        for n in range(self.threads):
            worker = threading.Thread(target=self._run, args=(n,), daemon=True)
            worker.start()
            self.workers.append(worker)

    def stop(self) -> None:
        self.stopping.set()
        for worker in self.workers:
            worker.join(timeout=60)

    def _run(self, n: int) -> None:
        from django.db import connection

        try:
            i = n * 7919
            while not self.stopping.is_set():
                q = self.queries[i % len(self.queries)]
                i += 1
                self.samples_append(*self._one(q))
        finally:
            connection.close()

    def samples_append(self, *sample) -> None:
        with self.lock:
            self.samples.append(sample)

    def _one(self, q: str) -> tuple:
        from search.resilience import engine_down, with_fallback

        error = None

        def run(backend):
            nonlocal error
            try:
                return answer(q, backend)
            except Exception as exc:
                if backend == "default":
                    error = describe(exc)
                raise

        marked = engine_down("default") > 0
        started = time.monotonic()
        try:
            result, fallback = with_fallback(run)
        except Exception as exc:  # neither the engine nor the fallback answered
            return (started, time.monotonic() - started, "failed", describe(exc), False, False)
        seconds = time.monotonic() - started
        if not fallback:
            count, first_page = self.expected[q]
            return (started, seconds, "engine", None, result[0] != count, result[1] != first_page)
        return (started, seconds, "fallback (marked down)" if marked else "fallback", error, False, False)


@contextlib.contextmanager
def patient_engine():
    """The engine asked with a long timeout (indexing, the answers before and after the fault):
    SEARCH_TIMEOUT is for the citizens' searches of the load."""
    from django.conf import settings

    config = settings.WAGTAILSEARCH_BACKENDS["default"]
    timeout = config["TIMEOUT"]
    config["TIMEOUT"] = 120
    try:
        yield
    finally:
        config["TIMEOUT"] = timeout


def answer(q: str, backend: str) -> tuple:
    """The count and the first page's (type, id) of ``q`` on ``backend``: what a citizen sees."""
    from search.service import SearchQuery, search

    result = search(SearchQuery(q=q), today=TODAY, backend=backend)
    return result.count, tuple((hit.type, hit.page.pk) for hit in result.results)


def matches(q: str) -> set[tuple[str, int]]:
    """Every page the engine finds for ``q`` (legal documents and news, the generated types)."""
    from directives.models import LegalDocumentPage
    from news.models import NewsPage
    from search.service import backend_text

    text = backend_text(q)
    return {
        (model.__name__, page.pk)
        for model in (LegalDocumentPage, NewsPage)
        for page in model.objects.live().only("pk").search(text, operator="and", backend="default")
    }


def describe(error: BaseException) -> str:
    text = str(error).split(" caused by")[0]
    return f"{type(error).__name__}: {text}"[:110]


def cluster_health(nodes) -> dict | None:
    """The cluster's health from the first node that answers (asks the cluster manager)."""
    for node in nodes:
        if node.running() and (health := node.info("_cluster/health", timeout=1.0)):
            return health
    return None


def cluster_manager(node) -> str:
    rows = node.info("_cat/cluster_manager?format=json") or [{}]
    return rows[0].get("node", "?")


def page_documents(node) -> int:
    return (node.info(f"{PREFIX}wagtailcore_page/_count") or {}).get("count", -1)


def percentile(values: list[float], p: float) -> float:
    return search_speed.percentile(values, p) if values else 0.0


def main():  # noqa: PLR0915 - one bench, read top to bottom
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=10000, help="pages to generate (default 10000)")
    parser.add_argument("--threads", type=int, default=3, help="searching threads (default 3)")
    parser.add_argument("--queries", type=int, default=200, help="distinct queries (default 200)")
    parser.add_argument(
        "--kill",
        choices=["other", "manager"],
        default="other",
        help="other: a node that is not the elected cluster manager (default); manager: the elected one",
    )
    parser.add_argument("--before", type=float, default=10, help="seconds of load before the kill (default 10)")
    parser.add_argument("--down", type=float, default=15, help="seconds the node stays dead once yellow (default 15)")
    parser.add_argument("--after", type=float, default=10, help="seconds of load once green again (default 10)")
    parser.add_argument("--timeout", type=int, default=5, help="SEARCH_TIMEOUT (default 5)")
    parser.add_argument("--retry-after", type=int, default=30, help="SEARCH_RETRY_AFTER (default 30)")
    parser.add_argument(
        "--flush",
        action="store_true",
        help="flush the indexes after indexing (a Lucene commit on both copies: see the recovery it saves)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the nodes' directories (logs) afterwards")
    args = parser.parse_args()

    reason = engine_nodes.missing()
    if reason:
        sys.exit(f"search_failover: {reason}")
    tmp = tempfile.mkdtemp(prefix="bench-failover-")
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"
    os.environ["DEBUG"] = "0"
    os.environ["MEDIA_ROOT"] = tmp
    os.environ["SEARCH_URL"] = ",".join(f"http://127.0.0.1:{port}" for port in HTTP_PORTS)
    os.environ["SEARCH_ENGINE"] = "opensearch3"
    os.environ["INDEX_PREFIX"] = PREFIX
    os.environ["SEARCH_TIMEOUT"] = str(args.timeout)
    os.environ["SEARCH_RETRY_AFTER"] = str(args.retry_after)
    logging.disable(logging.WARNING)  # the client's and the fallback's warnings: counted here instead

    root = engine_nodes.workdir("bench-failover-nodes-")
    nodes = engine_nodes.cluster(NAMES, HTTP_PORTS, TRANSPORT_PORTS, root, cluster="portal-failover")

    def cleanup(*_):
        for node in nodes:
            node.stop()
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(tmp, ignore_errors=True)

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    try:
        run(args, nodes)
    finally:
        cleanup()
        if args.keep:
            print(f"nodes' files kept in {root}")


def run(args, nodes):  # noqa: PLR0915
    started = time.monotonic()
    for node in nodes:
        node.start()
    nodes[0].wait_for_status("green", nodes=2, timeout=180)
    print(f"cluster of 2 nodes up in {time.monotonic() - started:.1f} s")

    import django

    django.setup()
    from django.core.management import call_command
    from wagtail.search.backends import get_search_backend

    call_command("migrate", verbosity=0)
    call_command("update_index", backend_name="default", schema_only=True, stdout=open(os.devnull, "w"))  # noqa: SIM115
    t = time.monotonic()
    pages = search_speed.generate(args.n)
    generated = time.monotonic() - t
    with patient_engine():
        count, engine_seconds = search_speed.index("default", pages)
    _, fallback_seconds = search_speed.index("fallback", pages)
    engine = get_search_backend("default", TIMEOUT=120)
    engine.es.indices.refresh(index=f"{PREFIX}*")
    if args.flush:
        engine.es.indices.flush(index=f"{PREFIX}*")
    nodes[0].wait_for_status("green", nodes=2, timeout=180)
    replicas = engine.es.indices.get_settings(index=f"{PREFIX}wagtailcore_page")
    replicas = next(iter(replicas.values()))["settings"]["index"]["number_of_replicas"]
    documents_before = page_documents(nodes[0])
    print(
        f"{count} pages generated in {generated:.1f} s, indexed on the engine in {engine_seconds:.1f} s "
        f"and on the database fallback in {fallback_seconds:.1f} s; page index: {documents_before} documents, "
        f"{replicas} replica{', flushed' if args.flush else ''}"
    )

    queries = list(dict.fromkeys(q for _kind, q in search_speed.build_queries(pages, args.queries * 2)))
    queries = queries[: args.queries]
    del pages
    with patient_engine():
        expected = {q: answer(q, "default") for q in queries}
        found_before = {q: matches(q) for q in queries}

    manager = cluster_manager(nodes[0])
    victim = next(n for n in nodes if (n.name == manager) == (args.kill == "manager"))
    survivor = next(n for n in nodes if n is not victim)
    load = Load(queries, expected, args.threads)
    events: dict[str, float] = {}
    health_log: list[tuple[float, str]] = []
    load.start()
    t0 = time.monotonic()
    time.sleep(args.before)

    victim.kill()
    killed = time.monotonic()
    events["killed"] = killed
    yellow_deadline = killed + 90
    while time.monotonic() < yellow_deadline:
        health = survivor.info("_cluster/health", timeout=1.0)
        status = f"{health['status']}, {health['number_of_nodes']} node(s)" if health else "no answer"
        if not health_log or health_log[-1][1] != status:
            health_log.append((time.monotonic() - killed, status))
        if health and health["number_of_nodes"] == 1 and health["status"] in ("yellow", "green"):
            events["yellow"] = time.monotonic()
            break
        time.sleep(0.1)
    time.sleep(args.down)

    events["restart"] = time.monotonic()
    victim.start()
    while True:
        health = cluster_health([survivor, victim])
        status = f"{health['status']}, {health['number_of_nodes']} node(s)" if health else "no answer"
        if not health_log or health_log[-1][1] != status:
            health_log.append((time.monotonic() - killed, status))
        if health and health["status"] == "green" and health["number_of_nodes"] == 2:
            events["green"] = time.monotonic()
            break
        if time.monotonic() - events["restart"] > 180:
            break
        time.sleep(0.2)
    time.sleep(args.after)
    load.stop()
    end = time.monotonic()

    # --- what was lost: documents and answers, before and after -------------------------------
    engine.es.indices.refresh(index=f"{PREFIX}*")
    documents_after = page_documents(survivor)
    from search.resilience import clear_marks

    clear_marks()
    with patient_engine():
        found_after = {q: matches(q) for q in queries}
    changed = [q for q in queries if found_after[q] != found_before[q]]

    report(args, load, events, health_log, t0, end, victim, manager)
    if "green" not in events:  # why not: the first unassigned shard, as the cluster manager explains it
        explain = survivor.info("_cluster/allocation/explain", timeout=10) or {}
        print(f"not green: {explain.get('index')}[{explain.get('shard')}] primary={explain.get('primary')}")
        print(f"    {explain.get('unassigned_info', {})}")
        print(f"    {explain.get('allocate_explanation') or explain.get('can_allocate')}")
        for decision in explain.get("node_allocation_decisions", [])[:2]:
            for reason in decision.get("deciders", [])[:3]:
                print(f"    {decision.get('node_name')}: {reason.get('decider')}: {reason.get('explanation')}")
    print("the page index's shard copies, recovered (_cat/recovery):")
    for row in survivor.info(f"_cat/recovery/{PREFIX}wagtailcore_page?format=json") or []:
        print(
            f"    {row.get('type')} {row.get('source_node') or '-'} → {row.get('target_node')}: {row.get('time')}, "
            f"files {row.get('files_recovered')}/{row.get('files')}, bytes {row.get('bytes_recovered')}/"
            f"{row.get('bytes')}, translog ops {row.get('translog_ops_recovered')}/{row.get('translog_ops')}"
        )
    print()
    print(f"page index documents: before {documents_before}, after {documents_after}")
    found = sum(len(found_before[q]) for q in queries)
    print(
        f"pages the engine finds for each of the {len(queries)} queries ({found} in all), before vs after: "
        f"{len(changed)} queries differ"
    )
    for q in changed[:5]:
        print(f"    {q!r}: {len(found_before[q])} → {len(found_after[q])}")
    if documents_after != documents_before or changed:
        raise SystemExit("search_failover: something was lost or changed")


def report(args, load, events, health_log, t0, end, victim, manager):
    killed = events["killed"]
    boundaries = [("before the kill", t0, killed)]
    yellow = events.get("yellow")
    boundaries.append(("killed → yellow" if yellow else "killed (never yellow)", killed, yellow or events["restart"]))
    if yellow:
        boundaries.append(("yellow → restart", yellow, events["restart"]))
    green = events.get("green")
    boundaries.append(("restart → green" if green else "restart (never green)", events["restart"], green or end))
    if green:
        boundaries.append(("green → end", green, end))

    samples = sorted(load.samples)
    print()
    print(
        f"OpenSearch {engine_nodes.OPENSEARCH_VERSION}, 2 nodes on loopback, 1 replica; killed: {victim.name} "
        f"({'the' if victim.name == manager else 'not the'} elected cluster manager); {args.threads} threads, "
        f"SEARCH_TIMEOUT={args.timeout}, SEARCH_RETRY_AFTER={args.retry_after}"
    )
    header = (
        f"{'phase':<22} {'secs':>5} {'requests':>8} {'engine':>7} {'fallback':>8} {'errors':>6} "
        f"{'count≠':>6} {'order≠':>6} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}"
    )
    print(header)
    print("-" * len(header))
    for name, start, stop in boundaries:  # a request counts in the phase it ended in
        rows = [s for s in samples if start <= s[0] + s[1] < stop]
        times = [s[1] * 1000 for s in rows]
        outcomes = Counter(s[2] for s in rows)
        print(
            f"{name:<22} {stop - start:5.1f} {len(rows):8d} {outcomes['engine']:7d} "
            f"{outcomes['fallback'] + outcomes['fallback (marked down)']:8d} "
            f"{sum(1 for s in rows if s[3]):6d} {sum(1 for s in rows if s[4]):6d} {sum(1 for s in rows if s[5]):6d} "
            f"{percentile(times, 0.5):7.1f} {percentile(times, 0.95):7.1f} {max(times, default=0):7.1f}"
        )
    total = Counter(s[2] for s in samples)
    print(f"{'all':<22} {end - t0:5.1f} {len(samples):8d}   " + ", ".join(f"{k}: {v}" for k, v in total.items()))
    errors = Counter(s[3] for s in samples if s[3])
    print()
    print("engine errors (the fallback answered those requests):" if errors else "engine errors: none")
    for error, n in errors.most_common():
        print(f"    {n:5d}  {error}")
    bad = [s for s in samples if s[0] + s[1] >= killed and (s[3] or s[4] or s[2] != "engine")]
    print()
    print("seconds after SIGKILL:")
    if yellow:
        print(f"    cluster yellow again (1 node)        {yellow - killed:6.1f}")
    else:
        print("    cluster yellow again                   never (within 90 s)")
    if bad:
        last = bad[-1][0] + bad[-1][1]
        print(f"    last error / fallback / count≠       {last - killed:6.1f}")
    else:
        print("    last error / fallback / count≠         none: the engine answered every request, same counts")
    print(f"    node started again                   {events['restart'] - killed:6.1f}")
    if green:
        print(
            f"    cluster green again (2 nodes)        {green - killed:6.1f}   "
            f"({green - events['restart']:.1f} after the restart)"
        )
    else:
        print("    cluster green again                    never (within 180 s of the restart)")
    print("cluster health seen from the surviving node (seconds after SIGKILL):")
    for at, status in health_log:
        print(f"    {at:6.1f}  {status}")


if __name__ == "__main__":
    main()
