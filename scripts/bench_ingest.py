"""Measure the whole corpus against the floor of reading its text (issue: speed).

Usage: python scripts/bench_ingest.py [--corpus DIR] [--json FILE] [--quick]

In one run on one machine, each stage in a process of its own:

- floor: the text of every corpus PDF with pypdfium2 (the library ingest uses), one process;
- ingest -j 1 and -j 2: the whole corpus into a fresh embedded store;
- validate: the whole store, -j 2;
- ingest of a quarter of the corpus (-j 1), to show peak memory does not grow with the
  number of reports;
- start-up: ``ofsted-kg --help`` and ``ofsted-kg queries`` (best of five).

Peak memory is the largest resident set of any one process of the stage (the command,
or one of its workers), as the kernel reports it for waited-for children. Prints a table
(stage, seconds, ratio to the floor, target, met) and writes it as JSON (default
``out/bench/ingest-<commit>.json``) for comparison between commits. ``--quick`` runs on
every eighth corpus file, to try the script itself.
"""

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("OFSTED_SHARED") or ROOT.parent / "shared")
_INSTALLED = Path(sys.executable).parent / "ofsted-kg"  # the command as users run it
CLI = [str(_INSTALLED)] if _INSTALLED.is_file() else [sys.executable, "-m", "ingest"]

FLOOR = """
import sys
import pypdfium2 as pdfium
for path in sys.argv[1:]:
    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError:
        continue
    for page in document:
        page.get_textpage().get_text_range()
"""

MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
seconds = time.perf_counter() - started
print(code, seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def measure(command: list[str]) -> dict:
    """Run ``command`` in a process of its own: exit code, seconds, peak memory (MB)."""
    done = subprocess.run([sys.executable, "-c", MEASURE, *command],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    code, seconds, kilobytes = done.stdout.split()
    return {"exit": int(code), "seconds": round(float(seconds), 2),
            "peak_mb": round(int(kilobytes) / 1024, 1)}


def startup(arguments: list[str], runs: int = 5) -> dict:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([*CLI, *arguments], capture_output=True, check=True, cwd=ROOT)
        times.append(time.perf_counter() - started)
    median = sorted(times)[runs // 2]
    return {"exit": 0, "seconds": round(min(times), 3), "median": round(median, 3)}


def corpus_files(corpus: Path, every: int) -> list[str]:
    files = sorted(str(p) for p in corpus.glob("*/*.pdf"))
    return files[::every]


def run(corpus: Path, quick: bool) -> dict:
    files = corpus_files(corpus, 8 if quick else 1)
    quarter = files[::4]
    work = Path(tempfile.mkdtemp(prefix="ofsted-kg-bench-"))
    results: dict[str, dict] = {}
    try:
        results["floor: PDF text, 1 process"] = measure([sys.executable, "-c", FLOOR, *files])
        for jobs in (1, 2):
            store = work / f"store-j{jobs}"
            results[f"ingest -j {jobs}"] = measure(
                [*CLI, "ingest", *files, "--store", str(store), "-j", str(jobs), "--no-progress"])
        results["validate the store, -j 2"] = measure(
            [*CLI, "validate", "--store", str(work / "store-j2"), "-j", "2"])
        results["ingest a quarter, -j 1"] = measure(
            [*CLI, "ingest", *quarter, "--store", str(work / "store-quarter"), "-j", "1",
             "--no-progress"])
        results["ofsted-kg --help"] = startup(["--help"])
        results["ofsted-kg queries"] = startup(["queries"])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {"files": len(files), "quarter": len(quarter), "stages": results}


def targets(run_result: dict) -> list[tuple[str, dict, str, bool | None]]:
    """Each stage with its target and whether it is met (None: measured, no target)."""
    stages = run_result["stages"]
    floor = stages["floor: PDF text, 1 process"]["seconds"]
    peak_whole = stages["ingest -j 1"]["peak_mb"]
    peak_quarter = stages["ingest a quarter, -j 1"]["peak_mb"]
    rows = []
    for name, figures in stages.items():
        seconds = figures["seconds"]
        if name in ("ingest -j 2", "validate the store, -j 2"):
            rows.append((name, figures, "<= 3 x floor", seconds <= 3 * floor))
        elif name == "ingest a quarter, -j 1":
            rows.append((name, figures, "peak(all) <= 1.25 x peak(quarter)",
                         peak_whole <= 1.25 * peak_quarter))
        elif name.startswith("ofsted-kg"):
            rows.append((name, figures, "<= 0.3 s", seconds <= 0.3))
        else:
            rows.append((name, figures, "", None))
    return rows


def table(run_result: dict) -> str:
    floor = run_result["stages"]["floor: PDF text, 1 process"]["seconds"]
    lines = [f"{'stage':<30} {'seconds':>8} {'x floor':>8} {'peak MB':>8}  {'target':<34} met",
             "-" * 96]
    for name, figures, target, met in targets(run_result):
        ratio = figures["seconds"] / floor if floor else 0.0
        peak = f"{figures['peak_mb']:.0f}" if "peak_mb" in figures else ""
        mark = "" if met is None else ("yes" if met else "NO")
        failed = f" (exit {figures['exit']})" if figures["exit"] not in (0, 1) else ""
        lines.append(f"{name:<30} {figures['seconds']:>8.2f} {ratio:>8.2f} {peak:>8}  "
                     f"{target:<34} {mark}{failed}")
    return "\n".join(lines)


def commit() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True, cwd=ROOT)
    return done.stdout.strip() or "unknown"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--quick", action="store_true", help="every eighth corpus file")
    options = parser.parse_args()
    if not options.corpus.is_dir():
        print(f"Error: {options.corpus}: no corpus folder (set OFSTED_SHARED)", file=sys.stderr)
        return 2
    result = run(options.corpus, options.quick)
    result["commit"] = commit()
    result["machine"] = {"cpus": os.cpu_count(), "python": platform.python_version(),
                         "system": platform.platform(), "processor": platform.processor()}
    result["targets"] = [{"stage": n, "target": t, "met": m} for n, _, t, m in targets(result)]
    print(f"{result['files']} corpus files, commit {result['commit']}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}")
    print(table(result))
    path = options.json or ROOT / "out" / "bench" / f"ingest-{result['commit']}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2) + "\n")
    print(f"written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
