"""Precision and recall of follow-through (ingest/enrich/followthrough.py) against the hand
labels in tests/data/follow_through_labels.csv, on a store holding the corpus.

Each label is one earlier recommendation (its inspection, body and number) with the later
recommendations that repeat it, up to three later findings that address it (best first),
and the status the later report's words support ("" where they support none). Labels
quote no report text: numbers only. The column ``set`` says which labels were held aside
when (``held-aside``: whole authorities, measured once in step 3 of docs/follow-through.md);
since then every label of this file has been seen and tuned on (``--set all``). A fresh
file of labels nobody tuned on is measured with ``--labels FILE --set all``: every label of
tests/data/follow_through_labels2.csv is ``held-aside``, measured once in step 6, and of
tests/data/follow_through_labels3.csv, measured once in step 8 (all three seen and tuned on
since step 9), of tests/data/follow_through_labels4.csv, measured once in step 10, and of
tests/data/follow_through_labels5.csv, measured once in step 12, and of
tests/data/follow_through_labels6.csv, measured once in step 14 (all six seen and tuned on
since step 15), of tests/data/follow_through_labels7.csv, measured once in step 16, and of
tests/data/follow_through_labels8.csv, measured once in step 17 (all eight seen and tuned on
since step 18), and of tests/data/follow_through_labels9-agreed.csv (two readers' labels,
agreed), measured once in step 19 (all nine seen and tuned on since step 20), and of
tests/data/follow_through_labels10-agreed.csv, measured once in step 21 (all ten seen and
tuned on since step 22), and of tests/data/follow_through_labels11-agreed.csv, measured once
in step 23 (all eleven seen and tuned on since step 24), and of
tests/data/follow_through_labels12-agreed.csv, measured once in step 25 (all twelve seen
since step 26, which read them and changed no rule), and of
tests/data/follow_through_labels13-agreed.csv, measured once in step 27.

    python scripts/follow_through_accuracy.py STORE [--labels FILE] [--set held-aside|tune|all] [-v]
    python scripts/follow_through_accuracy.py --reader FILE --labels FILE [-v]

``--reader FILE`` measures a second reader's labels of the same pairs, made without seeing
the first reader's, in place of the tool: how far two careful readers agree, the ceiling
against which the tool's figures are read (the figures are then the second reader's
precision and recall against the first; swap the files for the other way round).

Measured:
- ``repeated by``: the (earlier, later recommendation) links, as sets;
- ``spoken to in``, top three: the tool's first three findings against the labelled ones;
- each status: of the recommendations the tool gives that status, how many the labels
  give it (precision), and of those the labels give it, how many the tool does (recall).
"""

import argparse
import csv
import sys
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

LABELS = Path(__file__).resolve().parents[1] / "tests" / "data" / "follow_through_labels.csv"
INSPECTION = "https://w3id.org/ofsted-kg/id/inspection/"
STATUSES = ("improved", "still-a-concern", "repeated", "not-mentioned")


def read_labels(path: Path, wanted: str) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [row for row in rows if wanted == "all" or row["set"] == wanted]


Reading = tuple[set[str], set[str], str, str]  # repeats, top three findings, status, evidence


def tool_results(store_path: Path, labels: list[dict[str, str]]) -> dict[tuple, Reading]:
    """(earlier inspection key, body, number) -> the tool's reading, for the labelled
    pairs."""
    from ingest.enrich.followthrough import follow
    from ingest.store.embedded import open_store
    from ingest.store.followthrough import pairs

    wanted = {(INSPECTION + row["earlier"], INSPECTION + row["later"]) for row in labels}
    store = open_store(store_path, read_only=True)
    found = {}
    for pair in pairs(store):
        if (pair.earlier, pair.later) not in wanted:
            continue
        for result in follow(pair):
            item = result.recommendation
            found[(pair.earlier[len(INSPECTION):], item.body, str(item.number))] = (
                set(_numbers(result.repeated_by)), set(_numbers(result.spoken_to_in[:3])),
                result.status or "", result.evidence or "")
    return found


def reader_results(path: Path) -> dict[tuple, Reading]:
    """(earlier inspection key, body, number) -> a second reader's labels of it."""
    return {(row["earlier"], row["body"], row["number"]): _reading(row)
            for row in read_labels(path, "all")}


def _reading(row: dict[str, str]) -> Reading:
    return (set(row["repeated_by"].split()), set(row["spoken_to_in"].split()), row["status"], "")


def _numbers(links: Iterable) -> list[str]:
    return [str(link.item.number) if link.item.body == "local-authority"
            else f"{link.item.body}-{link.item.number}" for link in links]


def ratio(hits: int, total: int) -> str:
    return f"{hits / total:.3f} ({hits}/{total})" if total else f"- (0/{total})"


def measure(labels: list[dict[str, str]], results: dict, verbose: bool) -> list[str]:
    counts = {"repeat": [0, 0, 0], "spoken": [0, 0, 0]}  # hits, tool, labelled
    status_counts = {s: [0, 0, 0] for s in STATUSES}
    missing = 0
    for row in labels:
        result = results.get((row["earlier"], row["body"], row["number"]))
        if result is None:
            missing += 1
            print(f"not found in the store: {row['earlier']} {row['number']}", file=sys.stderr)
            continue
        key = f"{row['earlier']} #{row['number']}"
        repeats, spoken, given, evidence = result
        truth_repeats, truth_spoken, truth_status, _ = _reading(row)
        for name, tool, truth in (("repeat", repeats, truth_repeats),
                                  ("spoken", spoken, truth_spoken)):
            counts[name][0] += len(tool & truth)
            counts[name][1] += len(tool)
            counts[name][2] += len(truth)
            if verbose and tool != truth:
                print(f"{key} {name}: tool {sorted(tool)} label {sorted(truth)}")
        for status in STATUSES:
            status_counts[status][0] += given == status == truth_status
            status_counts[status][1] += given == status
            status_counts[status][2] += truth_status == status
        if verbose and given != truth_status:
            print(f"{key} status: tool {given or '-'} label {truth_status or '-'}"
                  f"  evidence: {evidence[:150]}")
    lines = [f"labels: {len(labels)} ({missing} not found)",
             "| measure | precision | recall |", "|---|---|---|"]
    for name, title in (("repeat", "repeated by (links)"),
                        ("spoken", "spoken to in, top three (links)")):
        hits, tool, truth = counts[name]
        lines.append(f"| {title} | {ratio(hits, tool)} | {ratio(hits, truth)} |")
    for status in STATUSES:
        hits, tool, truth = status_counts[status]
        lines.append(f"| status `{status}` | {ratio(hits, tool)} | {ratio(hits, truth)} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path, nargs="?", help="a store holding the corpus")
    parser.add_argument("--reader", type=Path,
                        help="a second reader's labels, measured in place of the tool")
    parser.add_argument("--set", default="held-aside", choices=("held-aside", "tune", "all"))
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="list every disagreement")
    args = parser.parse_args(argv)
    if (args.store is None) == (args.reader is None):
        parser.error("give a STORE or --reader FILE, not both")
    labels = read_labels(args.labels, args.set)
    results = (reader_results(args.reader) if args.reader
               else tool_results(args.store, labels))
    for line in measure(labels, results, args.verbose):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
