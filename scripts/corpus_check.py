"""Measure the pipeline on the real corpus: how many reports ingest, conform, or are refused.

Usage: python scripts/corpus_check.py [CORPUS_DIR] [--jobs N]
Prints one line per failing report and a summary by framework; exits 0 always.
"""

import argparse
import collections
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path


def check(path: Path) -> tuple[str, str, str]:
    from ingest.errors import InputError
    from ingest.graph import report_graph
    from ingest.pipeline import read_report
    from ingest.validate import validate

    try:
        report = read_report(path)
    except InputError as error:
        return str(path), "refused", error.reason
    except Exception as error:  # a crash is a bug to report, not to hide
        return str(path), "crashed", f"{type(error).__name__}: {error}"
    outcome = validate(report_graph(report))
    if outcome.conforms:
        return str(path), f"conforms:{report.framework}", ""
    first = next(p for p in outcome.problems if p.severity == "Violation")
    return str(path), f"violates:{report.framework}", f"{first.focus} {first.message}"


def main() -> None:
    parser = argparse.ArgumentParser()
    default = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    parser.add_argument("corpus", nargs="?", default=str(default))
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    files = sorted(Path(args.corpus).glob("*/*.pdf"))
    started = time.perf_counter()
    tally: collections.Counter[str] = collections.Counter()
    with ProcessPoolExecutor(args.jobs) as pool:
        for path, outcome, detail in pool.map(check, files, chunksize=4):
            tally[outcome] += 1
            if not outcome.startswith("conforms"):
                print(f"{outcome}\t{path}\t{detail}")
    seconds = time.perf_counter() - started
    print(f"\n{len(files)} files in {seconds:.0f} s", file=sys.stderr)
    for outcome, count in sorted(tally.items()):
        print(f"  {outcome}: {count}", file=sys.stderr)


if __name__ == "__main__":
    main()
