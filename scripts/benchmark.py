"""Time each stage of the pipeline, report by report, and validation of merged graphs.

Usage: python scripts/benchmark.py [--corpus DIR] [--limit N] [--merged N] [--repeat N]

Stages: read the source text, parse, link, build the graph, serialise it as Turtle and
validate it. The inputs are the synthetic example (tests/data/fernley-2017.md), the
reference report (seeds/wandsworth-2018.pdf in ../shared, or in $OFSTED_SHARED) and the
first N corpus PDFs; missing inputs are skipped quietly, and so are files the pipeline
refuses. Every stage runs once first to warm up (imports, the cached vocabulary and
shapes), then is timed with time.perf_counter. With --merged N, the graphs of up to N of
the reports are also merged into one graph and validated at once, to show how validation
grows with the size of the graph.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("OFSTED_SHARED") or ROOT.parent / "shared")
STAGES = ("read", "parse", "link", "graph", "serialise", "validate")


def inputs(corpus: Path, limit: int) -> list[Path]:
    found = [ROOT / "tests" / "data" / "fernley-2017.md", SHARED / "seeds" / "wandsworth-2018.pdf"]
    if limit > 0 and corpus.is_dir():
        found += sorted(corpus.glob("*/*.pdf"))[:limit]
    return [path for path in found if path.is_file()]


def run_stages(path: Path, times: dict[str, float]):
    """Run every stage on ``path`` and add each one's seconds to ``times``; returns the
    graph, or None (adding nothing) if the pipeline refuses the file."""
    from ingest.enrich.links import link_report
    from ingest.errors import InputError
    from ingest.parsing import parse_report
    from ingest.rdf.files import serialise
    from ingest.rdf.graph import report_graph
    from ingest.sources import read_source
    from ingest.validate import validate

    spent = {}

    def timed(stage, function, argument):
        started = time.perf_counter()
        result = function(argument)
        spent[stage] = time.perf_counter() - started
        return result

    try:
        text = timed("read", read_source, path)
        report = timed("parse", parse_report, text)
        report = timed("link", link_report, report)
    except InputError:  # refused input (an HTML page named .pdf): not a pipeline cost
        return None
    graph = timed("graph", report_graph, report)
    timed("serialise", lambda g: serialise(g, "turtle"), graph)
    timed("validate", validate, graph)
    for stage, seconds in spent.items():
        times[stage] += seconds
    return graph


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus",
                        help="folder of <authority>/<date>.pdf reports (skipped if absent)")
    parser.add_argument("--limit", type=int, default=5, help="how many corpus PDFs to time")
    parser.add_argument("--merged", type=int, default=0,
                        help="also validate the graphs of up to N reports merged into one")
    parser.add_argument("--repeat", type=int, default=1, help="time every report N times")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))

    paths = inputs(args.corpus, args.limit)
    if not paths:
        sys.exit("no input found")
    run_stages(paths[0], dict.fromkeys(STAGES, 0.0))  # warm-up: imports and caches

    times = dict.fromkeys(STAGES, 0.0)
    graphs, runs = [], 0
    for path in paths:
        for _ in range(args.repeat):
            graph = run_stages(path, times)
            if graph is None:
                break
            runs += 1
        if graph is not None:
            graphs.append(graph)
    if not runs:
        sys.exit("every input was refused")

    size = sum(len(graph) for graph in graphs) // len(graphs)
    print(f"{len(graphs)} reports ({size} triples a graph on average), {runs} runs")
    print(f"{'stage':<10} {'reports':>8} {'total s':>9} {'per report ms':>14}")
    for stage in (*STAGES, "all"):
        seconds = sum(times.values()) if stage == "all" else times[stage]
        print(f"{stage:<10} {runs:>8} {seconds:>9.3f} {1000 * seconds / runs:>14.1f}")

    if args.merged > 1:
        merged_validation(graphs[: args.merged])


def merged_validation(graphs) -> None:
    from rdflib import Graph

    from ingest.validate import validate

    merged = Graph()
    for graph in graphs:
        merged += graph
    started = time.perf_counter()
    outcome = validate(merged)
    seconds = time.perf_counter() - started
    print(f"\nmerged graph of {len(graphs)} reports, {len(merged)} triples: validate "
          f"{seconds:.3f} s ({1000 * seconds / len(graphs):.1f} ms a report), "
          f"{len(outcome.problems)} problems")


if __name__ == "__main__":
    main()
