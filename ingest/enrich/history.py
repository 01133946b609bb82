"""What reports say about each other: a report's "previous inspection" is, where
its own report was read too, that very inspection.

A later report names the previous inspection only by the month its report came
out (and sometimes gives the month the inspection ended instead), so the match
is the same authority's latest inspection before this one, accepted when the
month stated falls between that inspection's last day and its report's
publication (or four months after its last day, where no publication date is
printed).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from rdflib import URIRef

from ..model import Report
from ..rdf.identity import authority_iri, inspection_iri

GRACE_MONTHS = 4


@dataclass(frozen=True)
class Inspected:
    """What matching looks at, for one inspection whose own report is known: from a
    parsed report, or read back from a store."""

    authority: str  # the authority's IRI
    inspection: str  # the inspection's IRI
    start: date
    end: date
    published: date | None  # its own report's publication date
    previous_month: str | None  # "YYYY-MM": the month its report says the previous came out
    framework: str = ""  # the framework's IRI


@dataclass(frozen=True)
class Recalled:
    """An inspection of an earlier framework that a later report recalls (its own node in
    the later report's graph), by framework and month."""

    node: str
    authority: str
    later_start: date
    framework: str  # the framework's IRI
    month: str  # "YYYY-MM"


def previous_inspections(reports: Iterable[Report]) -> dict[URIRef, URIRef]:
    """For each inspection whose report describes a previous one that another of
    ``reports`` reports on: this inspection's IRI -> the previous inspection's IRI."""
    found = match_previous(_inspected(report) for report in reports)
    return {URIRef(later): URIRef(earlier) for later, earlier in found.items()}


def _inspected(report: Report) -> Inspected:
    month = report.previous.published if report.previous is not None else None
    return Inspected(str(authority_iri(report.identity)),
                     str(inspection_iri(report.identity, report.end)),
                     report.start, report.end, report.published, month)


def match_previous(items: Iterable[Inspected]) -> dict[str, str]:
    """Later inspection's IRI -> the earlier inspection its report describes, among ``items``."""
    by_authority: dict[str, list[Inspected]] = {}
    for item in items:
        by_authority.setdefault(item.authority, []).append(item)
    found: dict[str, str] = {}
    for group in by_authority.values():
        group.sort(key=lambda r: (r.end, r.start, r.inspection))
        for later in group:
            if later.previous_month is None:
                continue
            earlier = [r for r in group if r.end < later.start]
            if earlier and _plausible(later.previous_month, earlier[-1]):
                found[later.inspection] = earlier[-1].inspection
    return found


def match_recalled(items: Iterable[Inspected], recalled: Iterable[Recalled]) -> dict[str, str]:
    """Recalled node -> the inspection it is: the one inspection of that framework and
    authority, before the later one, whose dates the stated month fits."""
    items = list(items)
    found: dict[str, str] = {}
    for told in recalled:
        fits = [i for i in items if i.authority == told.authority and i.end < told.later_start
                and i.framework == told.framework and _plausible(told.month, i)]
        if len(fits) == 1:
            found[told.node] = fits[0].inspection
    return found


def _plausible(month: str, earlier: Inspected) -> bool:
    """Whether "published in <month>" can describe ``earlier``'s report."""
    stated = _months(date.fromisoformat(f"{month}-01"))
    last = _months(earlier.published) if earlier.published else _months(earlier.end) + GRACE_MONTHS
    return _months(earlier.end) <= stated <= last


def _months(day: date) -> int:
    return day.year * 12 + day.month - 1
