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
from datetime import date

from rdflib import URIRef

from ..model import Report
from ..rdf.identity import authority_iri, inspection_iri

GRACE_MONTHS = 4


def previous_inspections(reports: Iterable[Report]) -> dict[URIRef, URIRef]:
    """For each inspection whose report describes a previous one that another of
    ``reports`` reports on: this inspection's IRI -> the previous inspection's IRI."""
    by_authority: dict[URIRef, list[Report]] = {}
    for report in reports:
        by_authority.setdefault(authority_iri(report.identity), []).append(report)
    found: dict[URIRef, URIRef] = {}
    for group in by_authority.values():
        group.sort(key=lambda r: (r.end, r.start))
        for later in group:
            if later.previous is None or later.previous.published is None:
                continue
            earlier = [r for r in group if r.end < later.start]
            if earlier and _plausible(later.previous.published, earlier[-1]):
                found[inspection_iri(later.identity, later.end)] = inspection_iri(
                    earlier[-1].identity, earlier[-1].end
                )
    return found


def earlier_inspections_met(reports: Iterable[Report]) -> dict[URIRef, dict[str, URIRef]]:
    """For each inspection whose report recalls a 2012-framework inspection (``earlier``)
    that another of ``reports`` reports on: this inspection's IRI -> {framework: that
    inspection's IRI}. The match is the one earlier report of that framework and authority
    whose dates the month stated fits, as for previous inspections."""
    by_authority: dict[URIRef, list[Report]] = {}
    for report in reports:
        by_authority.setdefault(authority_iri(report.identity), []).append(report)
    found: dict[URIRef, dict[str, URIRef]] = {}
    for group in by_authority.values():
        for later in group:
            for told in later.earlier:
                fits = [r for r in group if r.framework == told.framework and r.end < later.start
                        and told.month is not None and _plausible(told.month, r)]
                if len(fits) == 1:
                    found.setdefault(inspection_iri(later.identity, later.end), {})[
                        told.framework] = inspection_iri(fits[0].identity, fits[0].end)
    return found


def _plausible(month: str, earlier: Report) -> bool:
    """Whether "published in <month>" can describe ``earlier``'s report."""
    stated = _months(date.fromisoformat(f"{month}-01"))
    last = _months(earlier.published) if earlier.published else _months(earlier.end) + GRACE_MONTHS
    return _months(earlier.end) <= stated <= last


def _months(day: date) -> int:
    return day.year * 12 + day.month - 1
