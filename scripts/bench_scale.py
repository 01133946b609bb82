"""Does a question cost the same whatever the store holds? Times every saved question on a
store and on a store N times its size.

    python scripts/bench_scale.py CORPUS_STORE [--times 10] [--runs 3] [--scaled DIR]
                                  [--param authority=Wandsworth] [--query-only] [-o scale.json]

The scaled store holds the corpus store N times: the original, and N - 1 copies of every
report and authority under IRIs, names and codes of their own (copy k of
``id/report/80518/2018-05-31`` is ``id/copy-k/report/80518/2018-05-31``, of "Wandsworth"
"Wandsworth (copy k)", of URN "80518" "80518-k"), so a question about one authority has
the same answer on both stores while everything else grows N times. The shared graphs
stay one each (the authorities graph holds every copy's authority; the vocabulary and the
regions are not copied). ``--scaled DIR`` keeps the scaled store there (it is rebuilt
only when absent).

Each question runs as a user runs it (a new ``ofsted-kg query NAME --store DIR -f csv``
process, start-up included, ``--runs`` times, median), on both stores; the table gives
both medians, their ratio, both row counts and whether each target is met: a question
about one authority at most 1.5 times its corpus time (or under 0.3 s) on the scaled
store, and every question under 0.5 s on the corpus store. ``--query-only`` times the
question alone instead (in this process, the fastest of the runs in CPU seconds, without
start-up, opening the store or the check before a query), to see what the question itself
costs on both stores; the targets are then read against those times. The default ``--param``
values ask about Wandsworth (2018, finding 36, recommendation 1) and children looked after.
"""

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_queries import _command, _machine, _time  # noqa: E402

from ingest.queries import saved_queries  # noqa: E402

DEFAULTS = {"authority": "Wandsworth", "measure": "children-looked-after",
            "inspection": "2018-05-31", "finding": "36", "recommendation": "1"}
ONE_AUTHORITY_LIMIT = 1.5  # times the corpus time, on the scaled store
QUICK_ENOUGH = 0.3  # seconds: a one-authority question this fast on the scaled store passes
CORPUS_LIMIT = 0.5  # seconds, every question on the corpus store

_ID = "https://w3id.org/ofsted-kg/id/"
# Every instance IRI but the shared graphs' names and the regions (one England for all).
_INSTANCE = re.compile(rb"<" + re.escape(_ID.encode()) + rb"(?!graph/|region/)")
_NAMES = ("http://www.w3.org/2000/01/rdf-schema#label",
          "http://www.w3.org/2004/02/skos/core#prefLabel",
          "http://www.w3.org/2004/02/skos/core#altLabel")
_CODES = tuple(f"https://w3id.org/ofsted-kg/def#{c}" for c in ("ofstedURN", "laCode", "onsCode"))
_AUTHORITY_LITERAL = re.compile(
    rb"^(<" + re.escape(_ID.encode()) + rb"authority/[^>]*> <("
    + b"|".join(re.escape(p.encode()) for p in _NAMES + _CODES)
    + rb")> \")((?:[^\"\\]|\\.)*)(\")", re.M)


def copy_of(nquads: bytes, k: int) -> bytes:
    """Copy ``k`` of the store's N-Quads: instance IRIs moved below ``id/copy-k/``, the
    authorities' names and codes made its own."""

    def renamed(match: re.Match) -> bytes:
        is_name = match[2].decode() in _NAMES
        suffix = b" (copy %d)" % k if is_name else b"-%d" % k
        return match[1] + match[3] + suffix + match[4]

    renamed_all = _AUTHORITY_LITERAL.sub(renamed, nquads)
    return _INSTANCE.sub(b"<" + _ID.encode() + b"copy-%d/" % k, renamed_all)


def build_scaled(corpus: Path, scaled: Path, times: int) -> None:
    """The scaled store at ``scaled``: the corpus store and ``times - 1`` copies."""
    import pyoxigraph as ox

    source = ox.Store.read_only(str(corpus))
    nquads = source.dump(format=ox.RdfFormat.N_QUADS)
    store = ox.Store(str(scaled))
    store.bulk_load(nquads, format=ox.RdfFormat.N_QUADS)
    for k in range(2, times + 1):
        store.bulk_load(copy_of(nquads, k), format=ox.RdfFormat.N_QUADS)
    _record_integrity(store)
    store.optimize()
    del store


def _record_integrity(store) -> None:
    """The integrity records the store is checked against before a query: each copy's
    report graphs recorded anew (their content differs from the original's), and the
    history's record of the reports it was computed from."""
    import pyoxigraph as ox

    from ingest.store import integrity
    from ingest.store.names import HISTORY, INTEGRITY, is_shared

    store.update(f"DELETE {{ GRAPH <{INTEGRITY}> {{ ?graph ?p ?o }} }} WHERE {{ "
                 f"GRAPH <{INTEGRITY}> {{ ?graph ?p ?o }} "
                 f"FILTER (CONTAINS(STR(?graph), \"/id/copy-\")) }}")
    records = []
    for graph in store.named_graphs():
        name = graph.value
        if is_shared(name) or "/id/copy-" not in name:
            continue
        dumped = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
        records.append(integrity.record(name, integrity.of_ntriples(dumped)))
    store.update(f"INSERT DATA {{ GRAPH <{INTEGRITY}> {{ {' '.join(records)} }} }}")
    history = list(store.quads_for_pattern(None, None, None, ox.NamedNode(HISTORY)))
    store.update(integrity.history_update(history, integrity.reports_digest(store)))


def one_authority(query) -> bool:
    """Whether the question is about one authority as timed here (it takes one)."""
    return any(p.name == "authority" for p in query.parameters)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    given = {**DEFAULTS, **dict(item.split("=", 1) for item in args.param)}
    chosen = {n: q for n, q in sorted(saved_queries().items()) if not args.only or n in args.only}
    with tempfile.TemporaryDirectory(prefix="ofsted-kg-scale-") as scratch:
        scaled = args.scaled or Path(scratch) / "scaled"
        if not (scaled / "CURRENT").is_file():
            start = time.perf_counter()
            build_scaled(args.store, scaled, args.times)
            print(f"built the store {args.times} times the corpus in "
                  f"{time.perf_counter() - start:.0f} s: {scaled}", file=sys.stderr)
        results = [_compare(args, name, query, values, scaled)
                   for name, query in chosen.items()
                   for values in _variants(query, given)]
    _print(results, args.times)
    if args.output:
        document = {"machine": _machine(), "times": args.times, "runs": args.runs,
                    "results": results}
        args.output.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    return 1 if any(r["met"] is False for r in results) else 0


def _variants(query, given: dict[str, str]) -> list[dict[str, str]]:
    """The query as timed: its required parameters, and again with the authority where
    it is optional."""
    required = {p.name: given[p.name] for p in query.parameters if p.required}
    optional = [p.name for p in query.parameters if not p.required]
    return [required] + ([{**required, "authority": given["authority"]}]
                         if "authority" in optional else [])


def _compare(args, name: str, query, values: dict[str, str], scaled: Path) -> dict:
    if args.query_only:
        timed = [_time_alone(query, store, values, args.runs) for store in (args.store, scaled)]
    else:
        timed = [_time(args.command, name, query, ["--store", str(store)], values, args.runs)
                 for store in (args.store, scaled)]
    corpus, big = (t["fastest" if args.query_only else "median"] for t in timed)
    about_one = "authority" in values
    ratio = big / corpus if corpus else None
    met = corpus < CORPUS_LIMIT and (not about_one or big < QUICK_ENOUGH
                                     or (ratio is not None and ratio <= ONE_AUTHORITY_LIMIT))
    failed = [t["exit"] for t in timed if t["exit"]]
    return {"query": name, "params": values, "one_authority": about_one, "corpus": corpus,
            "scaled": big, "ratio": ratio, "rows": [t["rows"] for t in timed],
            "met": met and not failed, "exit": failed[0] if failed else 0}


_OPENED: dict[Path, object] = {}


def _time_alone(query, store_dir: Path, values: dict[str, str], runs: int) -> dict:
    """``--query-only``: the question alone in this process (the authority resolved, the
    query run, its answer written as CSV), the fastest of ``runs`` in CPU seconds: no
    start-up, no opening of the store, no check before the query, and steadier than the
    wall clock on a shared machine."""
    import io

    import pyoxigraph as ox

    from ingest.queries import run
    from ingest.store.targets import StoreTarget

    if store_dir not in _OPENED:
        _OPENED[store_dir] = StoreTarget(ox.Store.read_only(str(store_dir)))
    fastest, rows = float("inf"), 0
    for _ in range(runs):
        start = time.process_time()
        out = io.BytesIO()
        run(query, _OPENED[store_dir], values).serialize(out, ox.QueryResultsFormat.CSV)
        fastest = min(fastest, time.process_time() - start)
        rows = out.getvalue().count(b"\n") - 1  # the header line
    return {"fastest": fastest, "rows": rows, "exit": 0}


def _print(results: list[dict], times: int) -> None:
    print(f"| question | corpus s | {times}x s | ratio | rows (corpus, {times}x) | target met |")
    print("|---|---|---|---|---|---|")
    for r in results:
        label = r["query"] + (" (one authority)" if r["one_authority"] else "")
        ratio = "" if r["ratio"] is None else f"{r['ratio']:.2f}"
        rows = ", ".join("" if n is None else f"{n:,}" for n in r["rows"])
        met = "yes" if r["met"] else ("no" + (f" (exit {r['exit']})" if r["exit"] else ""))
        print(f"| `{label}` | {r['corpus']:.2f} | {r['scaled']:.2f} | {ratio} | {rows} | {met} |")


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("store", type=Path, help="the corpus store folder")
    parser.add_argument("--times", type=int, default=10, help="N: the scaled store's size")
    parser.add_argument("--runs", type=int, default=3, help="runs of each question (default 3)")
    parser.add_argument("--scaled", type=Path, help="keep the scaled store in this folder")
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--only", action="append", default=[], metavar="NAME")
    parser.add_argument("-o", "--output", type=Path, help="write the figures as JSON here")
    parser.add_argument("--command", default=_command(), help="the ofsted-kg command")
    parser.add_argument("--query-only", action="store_true",
                        help="time each question alone in this process (fastest CPU seconds)")
    args = parser.parse_args(argv)
    if args.times < 2:
        parser.error("--times must be 2 or more")
    return args


if __name__ == "__main__":
    sys.exit(main())
