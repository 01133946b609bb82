"""Regenerate ingest/authorities.csv from the shared reference table of authorities.

Usage: python scripts/refresh_authorities.py REFERENCE_CSV [--output PATH]

Copies, for every row: the Ofsted URN, the DfE LA code, the ONS code (empty for abolished
authorities, which are kept), the ONS name, the other names, the 2022 ONS region code and the
region's name, the ONS authority type, and the LA codes of the statistical neighbours.
Rows are sorted by URN. Notes on stderr say where the
reference disagrees with itself and what was copied instead.
"""

import argparse
import collections
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest.authorities import ALIAS_SEPARATOR, COLUMNS, TABLE, normalise  # noqa: E402


def aliases(listed: str, name: str) -> list[str]:
    """The other names in a cell like "[BCP, Bournemouth, Christchurch & Poole]".

    The list is comma-separated, but a name may itself hold a comma; neighbouring items that
    together spell the authority's own name are one name, not several.
    """
    items = [item.strip() for item in listed.strip().strip("[]").split(",") if item.strip()]
    found: list[str] = []
    start = 0
    while start < len(items):
        end = next((stop for stop in range(len(items), start + 1, -1)
                    if normalise(", ".join(items[start:stop])) == normalise(name)), start + 1)
        found.append(", ".join(items[start:end]))
        start = end
    return found


def region_codes(rows: list[dict[str, str]]) -> dict[str, str]:
    """Each region name's code, as most rows naming that region give it."""
    votes: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for row in rows:
        if row["region_name"].strip() and row["rgn22cd"].strip():
            votes[row["region_name"].strip()][row["rgn22cd"].strip()] += 1
    return {region: counts.most_common(1)[0][0] for region, counts in votes.items()}


def convert(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    codes = region_codes(rows)
    out = []
    for row in rows:
        region = row["region_name"].strip()
        code = codes.get(region, row["rgn22cd"].strip())
        if row["rgn22cd"].strip() and code != row["rgn22cd"].strip():
            print(f"note: {row['urn']} {row['local_authority_ons_name']}: rgn22cd "
                  f"{row['rgn22cd']} disagrees with its region {region!r}; copied {code}",
                  file=sys.stderr)
        out.append({
            "urn": row["urn"].strip(),
            "la_code": row["la_code"].strip(),
            "ons_code": row["la_code_new"].strip(),
            "name": row["local_authority_ons_name"].strip(),
            "also_known_as": ALIAS_SEPARATOR.join(
                aliases(row["also_known_as"], row["local_authority_ons_name"])),
            "region_code": code,
            "region_name": region,
            "la_type": row["ons_la_type"].strip(),
            "stat_neighbours": " ".join(code.strip() for code in row["stat_neighbours"].split(",")
                                        if code.strip()),
        })
    return sorted(out, key=lambda r: int(r["urn"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", type=Path, help="the shared reference authorities.csv")
    parser.add_argument("--output", type=Path, default=TABLE)
    args = parser.parse_args()
    with args.reference.open(encoding="utf-8-sig", newline="") as stream:
        rows = convert(list(csv.DictReader(stream)))
    with args.output.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} authorities written to {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
