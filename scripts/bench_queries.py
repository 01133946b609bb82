"""Time every saved query from the command line, start-up included.

    python scripts/bench_queries.py STORE_DIR [--runs 3] [--param authority=NAME] [-o times.json]
    python scripts/bench_queries.py --data corpus.trig ...

Each query runs as a user would run it: a new ``ofsted-kg query NAME --store DIR -f csv``
process (``--data FILE`` until the store is there), ``--runs`` times; the table shows each
query's median and fastest wall-clock seconds and its row count, then the slowest query.
``-o`` writes the same figures, every run and the machine they ran on, as JSON.
A ``--param`` goes to the queries that declare it; a query whose required parameter is not
given is listed as skipped.
"""

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ingest.queries import saved_queries  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    target = ["--store", str(args.store)] if args.store else ["--data", str(args.data)]
    given = dict(item.split("=", 1) for item in args.param)
    chosen = {n: q for n, q in sorted(saved_queries().items()) if not args.only or n in args.only}
    if not chosen:
        print(f"no saved query named {', '.join(args.only)}", file=sys.stderr)
        return 2
    results = [_time(args.command, name, query, target, given, args.runs)
               for name, query in chosen.items()]
    _print(results)
    if args.output:
        document = {"machine": _machine(), "target": target, "runs": args.runs,
                    "queries": results, "slowest": _slowest(results)}
        args.output.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    return 1 if any(r["exit"] not in (0, None) for r in results) else 0


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("store", nargs="?", type=Path, help="a store folder (--store DIR)")
    parser.add_argument("--data", type=Path, help="an RDF file instead of a store")
    parser.add_argument("--runs", type=int, default=3, help="runs of each query (default 3)")
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--only", action="append", default=[], metavar="NAME",
                        help="time only this query (repeatable)")
    parser.add_argument("-o", "--output", type=Path, help="write the figures as JSON here")
    parser.add_argument("--command", default=_command(), help="the ofsted-kg command")
    args = parser.parse_args(argv)
    if bool(args.store) == bool(args.data):
        parser.error("give a store folder or --data FILE")
    if any("=" not in p for p in args.param):
        parser.error("--param takes NAME=VALUE")
    return args


def _command() -> str:
    beside = Path(sys.executable).parent / "ofsted-kg"
    return str(beside) if beside.exists() else (shutil.which("ofsted-kg") or "ofsted-kg")


def _time(command: str, name: str, query, target: list[str], given: dict[str, str],
          runs: int) -> dict:
    declared = {p.name for p in query.parameters}
    missing = [p.name for p in query.parameters if p.required and p.name not in given]
    if missing:
        return {"query": name, "skipped": f"needs --param {missing[0]}=VALUE", "exit": None,
                "seconds": [], "median": None, "fastest": None, "rows": None}
    params = [a for key, value in given.items() if key in declared
              for a in ("--param", f"{key}={value}")]
    argv = [command, "query", name, *target, *params, "-f", "csv"]
    seconds, rows, code = [], None, 0
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(argv, capture_output=True)
        seconds.append(round(time.perf_counter() - start, 3))
        code = code or done.returncode
        rows = done.stdout.count(b"\r\n") - 1 if done.returncode == 0 else None
    return {"query": name, "params": params, "exit": code, "seconds": seconds, "rows": rows,
            "median": statistics.median(seconds), "fastest": min(seconds)}


def _slowest(results: list[dict]) -> dict | None:
    timed = [r for r in results if r["median"] is not None]
    return max(timed, key=lambda r: r["median"], default=None)


def _print(results: list[dict]) -> None:
    width = max(len(r["query"]) for r in results)
    print(f"{'query':<{width}}  median s  fastest s  rows")
    for r in results:
        if r["median"] is None:
            print(f"{r['query']:<{width}}  skipped: {r['skipped']}")
            continue
        failed = f"  (exit {r['exit']})" if r["exit"] else ""
        print(f"{r['query']:<{width}}  {r['median']:8.2f}  {r['fastest']:9.2f}  "
              f"{'' if r['rows'] is None else r['rows']}{failed}")
    slowest = _slowest(results)
    if slowest:
        print(f"slowest: {slowest['query']} {slowest['median']:.2f} s (median)")


def _machine() -> dict:
    return {"platform": platform.platform(), "processor": platform.processor(),
            "cpus": os.cpu_count(), "python": platform.python_version()}


if __name__ == "__main__":
    sys.exit(main())
