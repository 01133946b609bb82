"""The graph against Ofsted's own statistics: "Local authority inspection outcomes"
(an OpenDocument spreadsheet), whose ILACS inspection history lists every inspection
with its grades.

Inspections are matched by the authority's ONS code and the first day on site. The
result lists every grade that differs, every official inspection the graph lacks, and
every graph inspection the sheet lacks; graph inspections the sheet cannot hold (another
framework, or a first day after the sheet's "as at" date) are listed apart as out of
scope. It is a check for both sides: the sheet has had input errors Ofsted corrected.

The graph is asked through ``select(query) -> list[dict]``, so the same code runs on
files loaded into rdflib or on a triple store.

The spreadsheet is read with the standard library (zipfile and ElementTree): the one
table needed is plain rows of text and dates, which does not justify a dependency.
"""

import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

from .errors import InputError
from .frameworks import grade_in

Select = Callable[[str], list[dict]]

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_HISTORY = "ILACS_inspection_history"
# The sheet's columns -> service-area keys of the ilacs scheme. Before 2023 the sheet's
# "children in care" column holds the judgement then made on children in care and
# care leavers together (the sheet's Notes say its wording follows the 2023 framework).
_COLUMNS = {
    "Overall effectiveness": "overall",
    "The impact of leaders on social work practice with children and families": "leadership",
    "The experiences and progress of children who need help and protection":
        "help-and-protection",
    "The experiences and progress of children in care": "in-care",
    "The experiences and progress of care leavers": "care-leavers",
}


@dataclass(frozen=True)
class Inspection:
    ons: str
    start: date
    name: str
    grades: dict[str, str]  # area key -> grade key
    framework: str = ""  # the graph's framework key; "" for the sheet's
    published: date | None = None  # the report's publication date, where known


@dataclass
class Reconciliation:
    as_at: date
    differing: list[tuple[Inspection, Inspection, str, str]] = field(default_factory=list)
    graph_lacks: list[Inspection] = field(default_factory=list)
    sheet_lacks: list[Inspection] = field(default_factory=list)
    out_of_scope: list[tuple[Inspection, str]] = field(default_factory=list)
    matched: int = 0
    last_published: date | None = None  # the latest publication the sheet lists

    @property
    def agrees(self) -> bool:
        return not self.differing


# -- the spreadsheet ----------------------------------------------------------------------


def read_official(path: Path) -> tuple[date, list[Inspection]]:
    """The sheet's "as at" date and its ILACS inspection history."""
    try:
        with zipfile.ZipFile(path) as archive:
            root = ElementTree.fromstring(archive.read("content.xml"))
    except (OSError, zipfile.BadZipFile, KeyError, ElementTree.ParseError) as error:
        raise InputError(str(path), f"is not an OpenDocument spreadsheet ({error})") from None
    tables = {t.get(f"{_TABLE}name"): t for t in root.iter(f"{_TABLE}table")}
    if _HISTORY not in tables:
        raise InputError(str(path), f"has no sheet named {_HISTORY}")
    as_at = _as_at(root)
    if as_at is None:
        raise InputError(str(path), "says nowhere what date its outcomes are 'as at'")
    return as_at, list(_history(str(path), _rows(tables[_HISTORY])))


def _as_at(root: ElementTree.Element) -> date | None:
    from .parsing.textutil import single_date

    for paragraph in root.iter(f"{_TEXT}p"):
        text = "".join(paragraph.itertext())
        if found := re.search(r"\bas at (\d{1,2} \w+ \d{4})", text):
            return single_date(found[1])
    return None


def _rows(table: ElementTree.Element) -> Iterator[list[str]]:
    for row in table.iter(f"{_TABLE}table-row"):
        cells: list[str] = []
        for cell in row.findall(f"{_TABLE}table-cell"):
            repeat = min(int(cell.get(f"{_TABLE}number-columns-repeated", "1")), 64)
            value = cell.get(f"{_OFFICE}date-value") or "\n".join(
                "".join(p.itertext()) for p in cell.findall(f"{_TEXT}p"))
            cells += [value.strip()] * repeat
        yield cells


def _history(source: str, rows: Iterator[list[str]]) -> Iterator[Inspection]:
    header: list[str] | None = None
    for cells in rows:
        if header is None:
            if "Local authority area code" in cells and "Inspection date" in cells:
                header = cells
            continue
        record = dict(zip(header, cells, strict=False))  # a row may end early
        if not record.get("Local authority area code"):
            continue
        grades = {}
        for column, area in _COLUMNS.items():
            grade = grade_in(record.get(column, "")) if record.get(column) else None
            if grade:
                grades[area] = grade.key
        published = record.get("Publication date", "")[:10]
        yield Inspection(record["Local authority area code"],
                         date.fromisoformat(record["Inspection date"][:10]),
                         record.get("Local authority name", ""), grades,
                         published=date.fromisoformat(published) if published else None)
    if header is None:
        raise InputError(source, f"has no header row in {_HISTORY}")


# -- the graph ----------------------------------------------------------------------------

GRAPH_INSPECTIONS = """
PREFIX okg: <https://w3id.org/ofsted-kg/def#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?inspection ?ons ?name ?start ?framework ?published ?area ?grade WHERE {
  GRAPH ?g {
    ?report prov:wasGeneratedBy ?inspection .
    OPTIONAL { ?report dcterms:issued ?published }
    ?inspection okg:framework ?framework ; okg:startDate ?start ; okg:authority ?authority .
    OPTIONAL {
      ?judgement okg:judgementOf ?inspection ; okg:statedIn ?report ;
                 okg:serviceArea ?area ; okg:grade ?grade .
    }
  }
  OPTIONAL { GRAPH ?a { ?authority okg:onsCode ?ons } }
  OPTIONAL { GRAPH ?n { ?authority rdfs:label ?name } }
}"""


def graph_inspections(select: Select) -> list[Inspection]:
    """Each inspection whose own report is in the graph, with that report's grades."""
    found: dict[str, dict] = {}
    for row in select(GRAPH_INSPECTIONS):
        entry = found.setdefault(str(row["inspection"]), {
            "ons": str(row.get("ons") or ""), "name": str(row.get("name") or ""),
            "start": date.fromisoformat(str(row["start"])[:10]),
            "framework": _last(row["framework"]), "grades": {},
            "published": _date(row.get("published"))})
        if row.get("area") is not None and row.get("grade") is not None:
            entry["grades"][_last(row["area"])] = _last(row["grade"])
    return [Inspection(e["ons"], e["start"], e["name"], e["grades"], e["framework"],
                       e["published"]) for _, e in sorted(found.items())]


def _date(term: object) -> date | None:
    try:
        return date.fromisoformat(str(term)[:10]) if term is not None else None
    except ValueError:
        return None


def _last(term: object) -> str:
    return re.split(r"[/#]", str(term))[-1]


def reconcile(official: list[Inspection], as_at: date, graph: list[Inspection]) -> Reconciliation:
    outcome = Reconciliation(as_at)
    dates = [i.published for i in official if i.published is not None]
    outcome.last_published = max(dates) if dates else None
    sheet = {(i.ons, i.start): i for i in official}
    matched: set[tuple[str, date]] = set()
    for inspection in graph:
        reason = _out_of_scope(inspection, as_at, outcome.last_published)
        if reason:
            outcome.out_of_scope.append((inspection, reason))
            continue
        key = (inspection.ons, inspection.start)
        if key not in sheet:
            outcome.sheet_lacks.append(inspection)
            continue
        matched.add(key)
        outcome.matched += 1
        outcome.differing += _differences(sheet[key], inspection)
    outcome.graph_lacks = [i for key, i in sorted(sheet.items()) if key not in matched]
    return outcome


def _out_of_scope(inspection: Inspection, as_at: date, last: date | None) -> str | None:
    if not inspection.framework.startswith("ilacs"):
        return f"framework {inspection.framework}: the sheet's history is of ILACS only"
    if inspection.start > as_at:
        return f"on site from {inspection.start}, after the sheet's date ({as_at})"
    if not inspection.ons:
        return "its authority has no ONS code (abolished before the sheet)"
    if last and inspection.published and inspection.published > last:
        return f"published {inspection.published}, after the sheet's last publication ({last})"
    return None


def _differences(official: Inspection, ours: Inspection) -> list[tuple]:
    found = []
    for area, grade in sorted(official.grades.items()):
        key = "in-care-and-care-leavers" if (
            area == "in-care" and ours.framework == "ilacs-2018") else area
        if ours.grades.get(key) != grade:
            found.append((official, ours, area, key))
    return found


def lines(outcome: Reconciliation) -> list[str]:
    """The reconciliation for people, one line an item."""
    out = [f"{outcome.matched} inspections matched by ONS code and first day on site; "
           f"{len(outcome.differing)} grades differ; the graph lacks "
           f"{len(outcome.graph_lacks)}; the sheet lacks {len(outcome.sheet_lacks)}; "
           f"{len(outcome.out_of_scope)} out of the sheet's scope (as at {outcome.as_at})"]
    for official, ours, area, key in outcome.differing:
        out.append(f"differs: {official.name} ({official.ons}) {official.start} {area}: "
                   f"sheet {official.grades[area]}, graph {ours.grades.get(key) or '-'}")
    out += [f"graph lacks: {i.name} ({i.ons}) {i.start}" for i in outcome.graph_lacks]
    note = (f" (the graph has no publication date; the sheet lists reports published by "
            f"{outcome.last_published})" if outcome.last_published else "")
    out += [f"sheet lacks: {i.name} ({i.ons}) {i.start}" + ("" if i.published else note)
            for i in outcome.sheet_lacks]
    out += [f"out of scope: {i.name} {i.start}: {why}" for i, why in outcome.out_of_scope]
    return out
