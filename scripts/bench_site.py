"""Time building the whole site from a store, as a user runs it, beside ingesting.

    python scripts/bench_site.py STORE_DIR [--runs 3] [--ingest SOURCE_DIR] [-o times.json]

Each run is a new ``ofsted-kg site --store STORE_DIR -o DIR`` process (start-up included)
into a fresh folder; the median and fastest wall-clock seconds are printed with the pages
and bytes written. With ``--ingest SOURCE_DIR`` the same number of runs of ``ofsted-kg
ingest SOURCE_DIR --store NEW -j 2`` are timed too, for the ratio the issue asks about
("the whole corpus's site in a time of the order of one ingest"). The load average of the
machine is printed with the figures: other work on it slows both alike.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    took = time.perf_counter() - start
    last = (done.stderr.strip().splitlines() or [""])[-1]
    print(f"{took:7.2f} s  exit {done.returncode}  {' '.join(command[1:3])}: {last[:120]}")
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed: {done.stderr.strip()}")
    return took


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--ingest", type=Path, default=None)
    parser.add_argument("-o", "--output", type=Path, default=None)
    args = parser.parse_args(argv)
    tool = str(Path(sys.executable).with_name("ofsted-kg"))
    figures: dict[str, object] = {"load_before": os.getloadavg()}
    with tempfile.TemporaryDirectory() as scratch:
        site_times = []
        for run in range(args.runs):
            out = Path(scratch) / f"site-{run}"
            site_times.append(timed([tool, "site", "--store", str(args.store), "-o", str(out)]))
        files = [p for p in out.rglob("*") if p.is_file()]
        figures.update(site_median=statistics.median(site_times), site_fastest=min(site_times),
                       html_pages=sum(p.suffix == ".html" for p in files),
                       megabytes=round(sum(p.stat().st_size for p in files) / 1e6, 1))
        if args.ingest:
            ingest_times = [timed([tool, "ingest", str(args.ingest), "--store",
                                   str(Path(scratch) / f"store-{run}"), "-j", "2",
                                   "--no-progress"]) for run in range(args.runs)]
            figures.update(ingest_median=statistics.median(ingest_times),
                           ingest_fastest=min(ingest_times))
    figures["load_after"] = os.getloadavg()
    for key, value in figures.items():
        print(f"{key:15} {value if not isinstance(value, float) else round(value, 2)}")
    if "ingest_median" in figures:
        ratio = float(figures["site_median"]) / float(figures["ingest_median"])  # type: ignore[arg-type]
        print(f"site / ingest   {ratio:.2f}")
    if args.output:
        args.output.write_text(json.dumps(figures, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
