"""Search relevance on the hard judged set, on every backend available, in one run (issue 18).

Usage: python bench/eval_search.py [--size N] [--queries Q] [--backends sqlite,postgresql,elasticsearch,opensearch]

Generates the collection and its judged queries (``bench/relevance/corpus.py``: fixed seed, N
items, default 5,000), writes the collection into a throw-away database, indexes it, and runs
every judged query through ``search.service.search(SearchQuery(q=...), today=..., backend=...)``
(first page of 10), then prints per backend: success@1, @3, @10, MRR and nDCG@10, overall, per
query class, for the tuning and the held-out queries, typed with and without marks and for
targets older than 2012; the time per query (p50/p95, each query run once untimed first) beside
the backend's floor (``floor``: the exact count of the live matches alone, one statement or one
engine request — what no exact answer can do without: the latency's share above it is the
service's own work); and,
for a few queries that more than 1,000 documents hold, the count the service reports beside the
number of items holding every word (counted by the generator). ``make bench-search`` runs it at
100,000 items: relevance and latency from the same run.

Backends, each when configured:

- SQLite: always (a temporary file);
- PostgreSQL: ``EVAL_POSTGRES_URL``, or ``DATABASE_URL`` when it names a PostgreSQL database
  (e.g. ``postgres://postgres@127.0.0.1:5432/eval_search``; ``make postgres`` starts a local
  server). That database is dropped, created, filled and dropped again: give it one of its own;
- Elasticsearch: ``EVAL_ELASTICSEARCH_URL`` (engine ``elasticsearch9``; ``EVAL_ELASTICSEARCH_ENGINE``
  to change it), and OpenSearch: ``EVAL_OPENSEARCH_URL`` (``opensearch3``;
  ``EVAL_OPENSEARCH_ENGINE``): indexes named ``portal_eval_…`` (``EVAL_INDEX_PREFIX``), built by
  ``update_index`` from the SQLite database and deleted by name at the end.

Each database runs in a subprocess of its own (``--worker``), which prints its raw results as
JSON; this process computes and prints the figures. ``--json FILE`` also writes them to FILE.
"""

import argparse
import contextlib
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.relevance import corpus as gen  # noqa: E402
from bench.search_speed import percentile  # noqa: E402

TOP_K = 10
BACKENDS = ("sqlite", "postgresql", "elasticsearch", "opensearch")
LABELS = {"sqlite": "SQLite", "postgresql": "PostgreSQL", "elasticsearch": "Elasticsearch", "opensearch": "OpenSearch"}
ENGINE_DEFAULTS = {"elasticsearch": "elasticsearch9", "opensearch": "opensearch3"}
INDEX_PREFIX = os.environ.get("EVAL_INDEX_PREFIX", "portal_eval_")
BROAD = 1000  # the count probes: queries more than this many items of a type hold (there is no cap)


# --- which backends ---------------------------------------------------------------------------------


def postgres_url() -> str:
    url = os.environ.get("EVAL_POSTGRES_URL", "")
    if not url and os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        url = os.environ["DATABASE_URL"]
    return url


def available() -> dict[str, str]:
    """{backend: what configures it} of the backends this run can use."""
    out = {"sqlite": "temporary file"}
    if postgres_url():
        out["postgresql"] = postgres_url()
    for name in ("elasticsearch", "opensearch"):
        url = os.environ.get(f"EVAL_{name.upper()}_URL", "")
        if url:
            out[name] = url
    return out


# --- the worker: one database, and the engines that read it ------------------------------------------


def worker(args) -> None:
    tmp = tempfile.mkdtemp(prefix="eval-search-")
    url = args.worker if args.worker != "sqlite" else f"sqlite:///{tmp}/eval.sqlite3"
    from bench.search_speed import index, prepare_database

    prepare_database(url, reuse=False)
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"
    os.environ["DEBUG"] = "0"  # no query log
    os.environ["MEDIA_ROOT"] = tmp
    for name in ("SEARCH_URL", "SEARCH_ENGINE", "INDEX_PREFIX"):
        os.environ.pop(name, None)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    engines = dict(e.split("=", 1) for e in args.engines.split(",") if e)
    for name, engine_url in engines.items():
        from search.backends.config import search_backends

        env = {
            "SEARCH_URL": engine_url,
            "SEARCH_ENGINE": os.environ.get(f"EVAL_{name.upper()}_ENGINE", ENGINE_DEFAULTS[name]),
            "INDEX_PREFIX": INDEX_PREFIX,
            "SEARCH_TIMEOUT": "60",
        }
        settings.WAGTAILSEARCH_BACKENDS[name] = {**search_backends(env)["default"], "AUTO_UPDATE": False}

    out: dict = {"vendor": connection.vendor, "backends": {}}
    started = time.perf_counter()
    corpus = gen.build(args.size, args.seed)
    pages = gen.load(corpus)
    out["load_seconds"] = time.perf_counter() - started
    out["index_seconds"] = 0.0 if args.skip_database else index("default", pages)[1]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    del pages
    queries = select(corpus.queries, args.queries)
    broad = [q for q, counts in gen.exact_counts(corpus, gen.BROAD_QUERIES).items() if max(counts.values()) > BROAD]
    try:
        names = ([] if args.skip_database else ["default"]) + list(engines)
        for name in names:
            info = {}
            if name != "default":
                started = time.perf_counter()
                index_engine(name)
                info["index_seconds"] = time.perf_counter() - started
            info.update(run_queries(name, queries, broad))
            out["backends"][connection.vendor if name == "default" else name] = info
            if name == "default" and args.baseline:
                out["backends"][f"stock-{connection.vendor}"] = run_stock(select(queries, args.baseline), args.timeout)
    finally:
        for name in engines:
            delete_indexes(name)
        connection.close()
        shutil.rmtree(tmp, ignore_errors=True)
    Path(args.out).write_text(json.dumps(out))


def index_engine(name: str) -> None:
    from django.core.management import call_command
    from wagtail.search.backends import get_search_backend

    delete_indexes(name)
    with open(os.devnull, "w") as quiet:
        call_command("update_index", backend_name=name, verbosity=0, stdout=quiet)
    get_search_backend(name).es.indices.refresh(index=f"{INDEX_PREFIX}*")


def delete_indexes(name: str) -> None:
    """This run's indexes, by name (Elasticsearch 9 refuses wildcard deletes)."""
    from wagtail.search.backends import get_search_backend

    es = get_search_backend(name).es
    names = list(es.indices.get(index=f"{INDEX_PREFIX}*", allow_no_indices=True, expand_wildcards="all"))
    if names:
        es.indices.delete(index=",".join(names))


def run_queries(backend: str, queries: list, broad: list[str]) -> dict:
    """Each query once untimed (caches, as on a running site), then timed: the first page's keys."""
    from search.service import SearchError, SearchQuery, search

    def run(q: str):
        return search(SearchQuery(q=q, page_size=TOP_K), today=gen.TODAY, backend=backend)

    for j in queries:
        with contextlib.suppress(SearchError):
            run(j.q)
    results = []
    for j in queries:
        started = time.perf_counter()
        try:
            result = run(j.q)
            error = ""
        except SearchError as e:
            result, error = None, str(e)
        ms = (time.perf_counter() - started) * 1000
        results.append(
            {
                "q": j.q,
                "top": [hit.page.slug for hit in result.results] if result else [],
                "count": result.count if result else 0,
                "ms": ms,
                "error": error,
            }
        )
    for j, row in zip(queries, results, strict=True):
        floor(backend, j.q)  # untimed first, as the service's own run
        row["floor_ms"], row["floor_count"] = floor(backend, j.q)
    probes = {}
    for q in broad:
        result = run(q)
        probes[q] = {"count": result.count, "types": result.facets.get("type", {})}
    return {"queries": results, "broad": probes}


def floor(backend: str, q: str, locale: str = "vi") -> tuple[float, int]:
    """(milliseconds, count) of the least work any exact answer to ``q`` must do on ``backend``: the number
    of pages holding every word the service requires (``search.understand``), live and in the
    language — one statement or request, nothing scored, faceted, ordered or read into Python.
    The same run's latency is set against it ("what blocks the targets", docs/search.md)."""
    from django.db import connection
    from modelsearch.utils import get_descendants_content_types_pks
    from wagtail.models import Locale, Page
    from wagtail.search.backends import get_search_backend

    from search.service import TYPES, backend_text, clean_query
    from search.understand import understand

    words = list(dict.fromkeys(understand(backend_text(clean_query(q)).split(), list(TYPES.values())).required))
    if not words:
        return 0.0, 0
    locale = Locale.objects.get(language_code=locale).pk
    engine = get_search_backend(backend)
    kinds = sorted({int(ct) for spec in TYPES.values() for ct in get_descendants_content_types_pks(spec.model)})
    started = time.perf_counter()
    if hasattr(engine, "scored_sql"):
        types = ", ".join(map(str, kinds))
        quote = connection.ops.quote_name
        if connection.vendor == "sqlite":
            from search.backends.database.sqlite import ENTRY_LOOKUP_INDEX, entry_table, fts_match, fts_table

            fts, entry = quote(fts_table), quote(entry_table)
            sql = (  # names and integers; the words and the locale are parameters
                f"SELECT COUNT(*) FROM {fts}, {entry} INDEXED BY {quote(ENTRY_LOOKUP_INDEX)}, wagtailcore_page p"  # noqa: S608
                f" WHERE {fts} MATCH %s AND {entry}.id = {fts}.rowid AND +{entry}.content_type_id IN ({types})"
                f" AND p.id = CAST({entry}.object_id AS INTEGER) AND p.live AND p.locale_id = %s"
            )
            params = [fts_match(words), locale]
        else:
            from search.backends.database.postgres import IndexEntry, tsquery_text

            sql = (  # names and integers; the words and the locale are parameters
                f"SELECT COUNT(*) FROM {quote(IndexEntry._meta.db_table)} e JOIN wagtailcore_page p"  # noqa: S608
                " ON p.id = e.object_id::integer WHERE e.body @@ to_tsquery(%s::regconfig, %s)"
                f" AND e.content_type_id IN ({types}) AND p.live AND p.locale_id = %s"
            )
            params = [engine.config or "simple", tsquery_text(words), locale]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            (count,) = cursor.fetchone()
    else:  # an engine: one request, the count alone (track_total_hits), no hit returned
        pages = Page.objects.live().filter(locale=locale, content_type__in=kinds)
        results = pages.search(" ".join(words), operator="and", backend=backend)
        body = {**results._get_es_body(), "track_total_hits": True}
        found = results._backend_do_search(body, index=engine.get_index_for_model(Page).name, size=0)
        count = found["hits"]["total"]["value"]
    return (time.perf_counter() - started) * 1000, count


def run_stock(queries: list, timeout: float) -> dict:
    """The baseline in the same run: stock Wagtail search (modelsearch's database backend over the
    same index) as a site would call it, ``Page.objects.live().public().search(q)`` (OR of the
    folded words, Wagtail's default), first 10; each query once untimed, then timed; a query
    stopped after ``timeout`` seconds counts as that long, with no result."""
    from django.conf import settings
    from wagtail.models import Page

    from bench.search_speed import TimedOut, with_timeout
    from search.service import backend_text

    default = settings.WAGTAILSEARCH_BACKENDS["default"]
    settings.WAGTAILSEARCH_BACKENDS["stock"] = {
        **{k: v for k, v in default.items() if k != "BACKEND"},
        "BACKEND": "modelsearch.backends.database",
        "AUTO_UPDATE": False,
    }

    def run(q: str) -> list[str]:
        pages = Page.objects.live().public().search(backend_text(q), backend="stock")[:TOP_K]
        return [page.slug for page in pages]

    results, stopped = [], 0
    for j in queries:
        with contextlib.suppress(TimedOut):
            with_timeout(timeout, run, j.q)
        started = time.perf_counter()
        try:
            top = with_timeout(timeout, run, j.q)
        except TimedOut:
            top, stopped = [], stopped + 1
        ms = (time.perf_counter() - started) * 1000
        results.append({"q": j.q, "top": top, "count": len(top), "ms": ms, "error": ""})
    return {"queries": results, "broad": {}, "stopped": stopped}


def select(queries: list, count: int | None) -> list:
    """``count`` queries spread evenly over the set (every class keeps its share); all by default."""
    if not count or count >= len(queries):
        return queries
    return [queries[int(i * len(queries) / count)] for i in range(count)]


def drop_database(url: str) -> None:
    """The PostgreSQL database the worker filled: it was thrown away and created again for this run."""
    from urllib.parse import urlsplit

    import psycopg2
    from psycopg2 import sql

    parts = urlsplit(url)
    admin = psycopg2.connect(
        host=parts.hostname, port=parts.port or 5432, user=parts.username, password=parts.password, dbname="postgres"
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(parts.path.lstrip("/"))))
    admin.close()


# --- figures --------------------------------------------------------------------------------------------


def first_rank(top: list[str], relevant: dict[str, int]) -> int | None:
    """1-based rank of the first result graded 2 (what was asked for) in the first page, or None."""
    return next((i for i, key in enumerate(top[:TOP_K], start=1) if relevant.get(key) == 2), None)


def ndcg(top: list[str], relevant: dict[str, int]) -> float:
    gains = [2 ** relevant.get(key, 0) - 1 for key in top[:TOP_K]]
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sorted((2**g - 1 for g in relevant.values()), reverse=True)[:TOP_K]
    best = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / best if best else 0.0


def metrics(rows: list[tuple]) -> dict[str, float]:
    """rows: (judged, result) pairs."""
    n = len(rows) or 1
    ranks = [first_rank(r["top"], j.relevant) for j, r in rows]
    return {
        "n": len(rows),
        "s@1": sum(r == 1 for r in ranks) / n,
        "s@3": sum(r is not None and r <= 3 for r in ranks) / n,
        "s@10": sum(r is not None for r in ranks) / n,
        "MRR": sum(1 / r for r in ranks if r) / n,
        "nDCG@10": sum(ndcg(r["top"], j.relevant) for j, r in rows) / n,
    }


def line(label: str, m: dict) -> str:
    return (
        f"  {label:<22} {m['n']:>4}   {m['s@1']:.3f}  {m['s@3']:.3f}  {m['s@10']:.3f}  {m['MRR']:.3f}  "
        f"{m['nDCG@10']:.3f}"
    )


def describe(item) -> str:
    if isinstance(item, gen.News):
        return f"news: {item.title}"
    return f"{item.number} {item.summary}"


def report(label: str, queries: list, info: dict, corpus, exact: dict, misses: int = 0) -> tuple[str, dict]:
    results = {r["q"]: r for r in info["queries"]}
    rows = [(j, results[j.q]) for j in queries]
    overall = metrics(rows)
    out = [
        f"{label}: {len(rows)} queries"
        + (f"; indexing {info['index_seconds']:.0f} s" if "index_seconds" in info else "")
    ]
    out.append(f"  {'':<22} {'n':>4}   s@1    s@3    s@10   MRR    nDCG@10")
    out.append(line("all", overall))
    out.append(line("tuning", metrics([(j, r) for j, r in rows if not j.holdout])))
    out.append(line("held out", metrics([(j, r) for j, r in rows if j.holdout])))
    for cls in gen.CLASSES:
        group = [(j, r) for j, r in rows if j.cls == cls]
        if group:
            out.append(line(f"class {cls}", metrics(group)))
            tuning = [(j, r) for j, r in group if not j.holdout]
            held = [(j, r) for j, r in group if j.holdout]
            out.append(
                f"  {'':<22}        tuning s@1 {metrics(tuning)['s@1']:.3f} MRR {metrics(tuning)['MRR']:.3f};"
                f" held out s@1 {metrics(held)['s@1']:.3f} MRR {metrics(held)['MRR']:.3f}"
            )
    out.append(line("typed without marks", metrics([(j, r) for j, r in rows if j.unmarked])))
    out.append(line("with marks", metrics([(j, r) for j, r in rows if not j.unmarked])))
    out.append(line("target before 2012", metrics([(j, r) for j, r in rows if j.old])))
    out.append(line("target 2012 or later", metrics([(j, r) for j, r in rows if not j.old])))
    times = [r["ms"] for _, r in rows]
    out.append(f"  time per query: p50 {percentile(times, 0.5):.1f} ms, p95 {percentile(times, 0.95):.1f} ms")
    floors = [r["floor_ms"] for _, r in rows if "floor_ms" in r]
    if floors:
        out.append(
            f"  floor (the exact count of the live matches alone, see ``floor``): p50 {percentile(floors, 0.5):.1f}"
            f" ms, p95 {percentile(floors, 0.95):.1f} ms"
        )
    empty = [j.q for j, r in rows if not r["top"]]
    errors = [(j.q, r["error"]) for j, r in rows if r["error"]]
    out.append(
        f"  queries with no result: {len(empty)}" + (f" (e.g. {', '.join(map(repr, empty[:4]))})" if empty else "")
    )
    for q, error in errors[:5]:
        out.append(f"  refused: {q!r}: {error}")
    if misses:
        items = {item.key: item for item in corpus.items()}
        for cls in gen.CLASSES:
            missed = [(j, r) for j, r in rows if j.cls == cls and first_rank(r["top"], j.relevant) != 1][:misses]
            for j, r in missed:
                rank = first_rank(r["top"], j.relevant)
                where = f"rank {rank}" if rank else f"not in the first {TOP_K}"
                made_from = describe(items[j.target])[:80]
                out.append(f"  miss [{cls}] {j.q!r} ({where}, {r['count']} results): made from {made_from}")
                for key in r["top"][:3]:
                    out.append(f"      {j.relevant.get(key, 0)} {describe(items[key])[:90]}")
    for q, probe in info["broad"].items():
        truth = exact[q]
        said = ", ".join(f"{t} {n}" for t, n in sorted(probe["types"].items()))
        held = ", ".join(f"{t} {n}" for t, n in truth.items() if n)
        out.append(f"  count of {q!r}: the service says {probe['count']} ({said}); items holding every word: {held}")
    if info["broad"]:
        out.append(
            "  (the service's words are the query less the words it understands: a type word that"
            ' begins the query, a year, "số"; docs/search.md, "Query understanding")'
        )
    return "\n".join(out), overall


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=gen.DEFAULT_SIZE, help="items to generate (default 5000)")
    parser.add_argument("--queries", type=int, default=0, help="judged queries to run, spread over the set (all)")
    parser.add_argument(
        "--backends", default="", help=f"comma-separated, among {', '.join(BACKENDS)} (default: every one available)"
    )
    parser.add_argument("--seed", type=int, default=gen.SEED, help=argparse.SUPPRESS)
    parser.add_argument("--json", default="", help="also write the figures to this file")
    parser.add_argument(
        "--misses",
        type=int,
        default=0,
        metavar="K",
        help="print K queries per class not answered first, with the top 3",
    )
    parser.add_argument(
        "--baseline",
        type=int,
        default=-1,
        metavar="Q",
        help="stock Wagtail search on the databases, Q queries spread over the set (default: all at "
        "5,000 items or fewer, 40 above; 0: none)",
    )
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds after which a stock query stops (10)")
    parser.add_argument("--worker", default="", help=argparse.SUPPRESS)
    parser.add_argument("--engines", default="", help=argparse.SUPPRESS)
    parser.add_argument("--skip-database", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--out", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.baseline < 0:
        args.baseline = 10**6 if args.size <= 5000 else 40  # every query (``select``), or 40
    if args.worker:
        return worker(args)

    started = time.perf_counter()
    have = available()
    wanted = [b.strip() for b in args.backends.split(",") if b.strip()] or [b for b in BACKENDS if b in have]
    unknown = [b for b in wanted if b not in BACKENDS]
    missing = [b for b in wanted if b in BACKENDS and b not in have]
    if unknown or missing:
        sys.exit(f"--backends: unknown {unknown}" if unknown else f"--backends: {missing} not configured (see --help)")
    corpus = gen.build(args.size, args.seed)
    queries = select(corpus.queries, args.queries)
    share = gen.shares(queries)
    print(
        f"hard judged set: {len(corpus.docs)} legal documents, {len(corpus.news)} news, {len(corpus.directives)} "
        f"directives (seed {args.seed}); {len(queries)} queries: "
        + ", ".join(f"{cls} {sum(j.cls == cls for j in queries)}" for cls in gen.CLASSES)
        + "; "
        + ", ".join(f"{k} {v:.0%}" for k, v in share.items())
    )
    print(f"backends: {', '.join(LABELS[b] for b in wanted)}", flush=True)
    exact = gen.exact_counts(corpus, gen.BROAD_QUERIES)

    runs = []  # (database url or "sqlite", engines, skip database)
    engines = ",".join(f"{b}={have[b]}" for b in ("elasticsearch", "opensearch") if b in wanted)
    if "sqlite" in wanted or engines:
        runs.append(("sqlite", engines, "sqlite" not in wanted))
    if "postgresql" in wanted:
        runs.append((have["postgresql"], "", False))
    collected: dict = {}
    for database, engine_arg, skip in runs:
        command = [sys.executable, __file__, "--worker", database, "--size", str(args.size), "--seed", str(args.seed)]
        command += ["--queries", str(args.queries), "--engines", engine_arg] + (["--skip-database"] if skip else [])
        command += ["--baseline", str(args.baseline), "--timeout", str(args.timeout)]
        t0 = time.perf_counter()
        with tempfile.NamedTemporaryFile(suffix=".json") as result:
            command += ["--out", result.name]
            done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 - our own script
            if done.returncode:
                sys.stderr.write(done.stdout + done.stderr)
                sys.exit(f"the worker for {database} failed")
            raw = json.loads(Path(result.name).read_text())
        print(
            f"[{raw['vendor']} worker: generated and written in {raw['load_seconds']:.0f} s, database index "
            f"{raw['index_seconds']:.0f} s, whole run {time.perf_counter() - t0:.0f} s]",
            flush=True,
        )
        collected.update(raw["backends"])

    if "postgresql" in wanted:
        drop_database(have["postgresql"])

    summary = {}
    for backend in BACKENDS:
        if backend in collected and backend in wanted:
            text, overall = report(LABELS[backend], queries, collected[backend], corpus, exact, args.misses)
            summary[backend] = overall
            print()
            print(text)
        stock = collected.get(f"stock-{backend}")
        if stock and backend in summary:
            asked = {r["q"] for r in stock["queries"]}
            subset = [j for j in queries if j.q in asked]
            label = f"stock Wagtail search, {LABELS[backend]}"
            text, overall = report(label, subset, stock, corpus, exact, 0)
            summary[f"stock-{backend}"] = overall
            ours = [r["ms"] for r in collected[backend]["queries"] if r["q"] in asked]
            theirs = [r["ms"] for r in stock["queries"]]
            ratio = percentile(theirs, 0.95) / max(percentile(ours, 0.95), 1e-9)
            print()
            print(text)
            print(
                f"  baseline, same {len(subset)} queries: ours p95 {percentile(ours, 0.95):.1f} ms, stock "
                f"{percentile(theirs, 0.95):.1f} ms ({ratio:.1f}x); {stock['stopped']} stock queries stopped "
                f"at {args.timeout:.0f} s and counted as that"
            )
    print()
    print("| backend | queries | success@1 | success@3 | success@10 | MRR | nDCG@10 |")
    print("|---|---|---|---|---|---|---|")
    for backend, m in summary.items():
        name = LABELS.get(backend) or f"stock Wagtail, {LABELS[backend.split('-', 1)[1]]}"
        print(
            f"| {name} | {m['n']} | {m['s@1']:.3f} | {m['s@3']:.3f} | {m['s@10']:.3f} | {m['MRR']:.3f} "
            f"| {m['nDCG@10']:.3f} |"
        )
    print(f"\nrun time: {time.perf_counter() - started:.0f} s")
    if args.json:
        Path(args.json).write_text(json.dumps({"summary": summary, "raw": collected}, indent=1))


if __name__ == "__main__":
    main()
