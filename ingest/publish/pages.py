"""The rows of the saved queries shaped into what each page shows: no query logic, only
grouping rows by the page they belong on."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from .charts import GRADES, Bar
from .rows import Table, Value

BASE = "https://w3id.org/ofsted-kg/"
SUMMARY_AREAS = (("overall", "Overall effectiveness"), ("leaders", "Impact of leaders"),
                 ("helpAndProtection", "Help and protection"),
                 ("inCareAndCareLeavers", "Children in care and care leavers"),
                 ("inCare", "Children in care"), ("careLeavers", "Care leavers"))


def page_path(iri: str, suffix: str = "/index.html") -> str:
    """Where the page of ``iri`` lives in the site: the IRI's path below the base, so that
    ``https://w3id.org/ofsted-kg/id/...`` could redirect to it."""
    if not iri.startswith(BASE):
        raise ValueError(f"{iri} is not below {BASE}")
    return iri[len(BASE):] + suffix


@dataclass
class Inspection:
    iri: str
    report: str
    authority: str
    authority_name: str
    start: Value
    end: Value
    framework: str
    published: Value
    published_from: Value
    lead_inspector: Value
    source_file: Value
    report_url: Value = None
    outcome: Value = None  # an area SEND inspection's outcome: not a grade
    judgements: list[dict[str, Value]] = field(default_factory=list)
    previous: dict[str, dict[str, Value]] = field(default_factory=dict)  # area IRI -> row

    @property
    def path(self) -> str:
        return page_path(self.iri)

    def grade_of(self, area_label: str) -> Value:
        return next((j["gradeLabel"] for j in self.judgements
                     if j["serviceAreaLabel"] == area_label), None)

    @property
    def overall(self) -> Value:
        return next((j["gradeLabel"] for j in self.judgements
                     if str(j["serviceArea"]).endswith("/overall")), None)


def inspections(grades: Table, report_urls: dict[str, str]) -> dict[str, Inspection]:
    """Every inspection of ``inspection-grades``, with its judgements and the report's
    account of the previous inspection, keyed by IRI, in the query's order."""
    found: dict[str, Inspection] = {}
    for row in grades.dicts():
        iri = str(row["inspection"])
        if iri not in found:
            found[iri] = Inspection(
                iri, str(row["report"]), str(row["authority"]), str(row["authorityName"]),
                row["inspectionStart"], row["inspectionEnd"], str(row["framework"]),
                row["published"], row["publishedFrom"], row["leadInspector"],
                row["sourceFile"],
                row.get("reportUrl") or report_urls.get(str(row["report"])),
                row.get("outcomeLabel"))
        if row["serviceArea"] is None:
            continue
        if row["of"] == "previous":
            found[iri].previous[str(row["serviceArea"])] = row
        else:
            found[iri].judgements.append(row)
    return found


def report_urls(*tables: Table) -> dict[str, str]:
    """The report PDF's URL for each report IRI, where a query gives one (``reportUrl``)."""
    urls: dict[str, str] = {}
    for table in tables:
        if "reportUrl" not in table.variables or "report" not in table.variables:
            continue
        for row in table.dicts():
            if row["reportUrl"] and row["report"]:
                urls.setdefault(str(row["report"]), str(row["reportUrl"]))
    return urls


def send_outcomes(latest: Table) -> list[dict[str, Value]]:
    """Each authority's latest area SEND inspection with its outcome (the rows of
    ``latest-grades`` that carry one), in the query's order."""
    return [row for row in latest.dicts() if row["outcomeLabel"] is not None]


def grade_counts(latest: Table) -> tuple[list[str], list[tuple[str, list[int], int]]]:
    """How many of each grade each judgement has, over every authority's latest
    inspection (the rows of ``latest-grades``): the grades as columns, a row per area."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for row in latest.dicts():
        if row["gradeLabel"] is not None:  # an area SEND outcome is not a grade
            counts[str(row["serviceAreaLabel"])][str(row["gradeLabel"])] += 1
    seen = {g for c in counts.values() for g in c}
    columns = [g for g in GRADES if g in seen] + sorted(seen - set(GRADES))
    rows = [(area, [c[g] for g in columns], sum(c.values())) for area, c in counts.items()]
    return columns, rows


def overall_by_year(found: dict[str, Inspection]) -> dict[str, list[Bar]]:
    """For each framework, the overall grades of its inspections year by year (the year
    of the last day on site)."""
    years: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for inspection in found.values():
        grade = inspection.overall
        if grade is not None and isinstance(inspection.end, date):
            years[inspection.framework][str(inspection.end.year)][str(grade)] += 1
    return {framework: [Bar(year, dict(counts)) for year, counts in sorted(by_year.items())]
            for framework, by_year in sorted(years.items())}


def by_authority(found: dict[str, Inspection]) -> dict[str, list[Inspection]]:
    """Each authority's inspections in time order."""
    grouped: dict[str, list[Inspection]] = defaultdict(list)
    for inspection in found.values():
        grouped[inspection.authority].append(inspection)
    return {a: sorted(i, key=lambda x: (str(x.end), x.iri)) for a, i in grouped.items()}


def grid(history: list[Inspection]) -> tuple[list[str], list[str], dict[tuple[str, str], str]]:
    """An authority's judgements over time: service areas in the order first met (overall
    first), inspections by their last day, and each grade."""
    columns = [str(i.end) for i in history]
    rows: list[str] = []
    cells: dict[tuple[str, str], str] = {}
    for inspection in history:
        for j in inspection.judgements:
            area = str(j["serviceAreaLabel"])
            if area not in rows:
                rows.append(area)
            if j["gradeLabel"] is not None:
                cells[(area, str(inspection.end))] = str(j["gradeLabel"])
    overall = [r for r in rows if r == "Overall effectiveness"]
    return columns, overall + [r for r in rows if r not in overall], cells


@dataclass
class Recommendation:
    iri: str
    number: Value
    body: Value
    text: Value
    citation: Value
    supports: list[dict[str, Value]] = field(default_factory=list)


def recommendations(table: Table) -> dict[str, list[Recommendation]]:
    """Each report's recommendations, in order, with the findings that support each."""
    by_report: dict[str, dict[str, Recommendation]] = defaultdict(dict)
    for row in table.dicts():
        report, iri = str(row["report"]), str(row["recommendation"])
        if iri not in by_report[report]:
            by_report[report][iri] = Recommendation(iri, row["number"], row["body"],
                                                    row["text"], row["citation"])
        if row["finding"] is not None:
            by_report[report][iri].supports.append(row)
    return {report: list(items.values()) for report, items in by_report.items()}


def grouped(table: Table, key: str) -> dict[str, list[dict[str, Value]]]:
    """The rows of ``table`` grouped by the value of ``key``, in the query's order."""
    groups: dict[str, list[dict[str, Value]]] = defaultdict(list)
    for row in table.dicts():
        groups[str(row[key])].append(row)
    return dict(groups)



STATUS_WORDS = {"improved": "Improved, the report says", "still-a-concern": "Still a concern, "
                "the report says", "repeated": "Asked for again",
                "not-mentioned": "Not mentioned (nothing in this report shares its words)"}


def item_anchor(number: str) -> str:
    """The anchor of a recommendation on its inspection's page, from its number as the
    follow-through query gives it ("3", "lscb-3")."""
    body, _, own = number.rpartition("-")
    return f"recommendation-{body if body == 'lscb' else 'local-authority'}-" \
        f"{own if body == 'lscb' else number}"


def item_number(iri: Value) -> str:
    """A later item's number as its IRI ends ("3", "lscb-3")."""
    return str(iri).rsplit("/", 1)[-1]


def item_named(iri: Value) -> str:
    """A later finding or recommendation named by its IRI's end ("finding 24",
    "recommendation lscb-3"); "" for none."""
    return " ".join(str(iri).rsplit("/", 2)[-2:]) if iri else ""
