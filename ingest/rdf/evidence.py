"""Evidence in the graph: each evidence node below its inspection (``evidence/12-1``,
``evidence/area-3``), its quantities below it (``evidence/area-3/quantity/2``), the
links finding -> evidence, evidence -> inspection and authority, and judgement ->
the findings of its section ("what is this grade based on")."""

from decimal import Decimal
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD

from ..model import Evidence, Quantity, Report
from .identity import authority_iri, below
from .namespaces import MEASURE, OKG

if TYPE_CHECKING:
    from .sink import Sink

# the relative keys of ``enrich.evidence.dates.RELATIVE_KEYS`` that end at this inspection
_RELATIVE = ("last-", "since-", "time-of-", "this-year")


def evidence_graph(graph: "Sink", report: Report, inspection: URIRef, document: URIRef,
                   source: URIRef) -> None:
    """Add the report's evidence and the judgement -> finding links to ``graph``."""
    authority = authority_iri(report.authority)
    for evidence in report.evidence:
        node = below(inspection, "evidence", evidence.key)
        _evidence(graph, node, evidence, (inspection, document, source, authority))
        finding = _finding_iri(inspection, evidence)
        if finding is not None:
            graph.add((node, OKG.evidenceFor, finding))
            graph.add((finding, OKG.hasEvidence, node))
        for index, quantity in enumerate(evidence.quantities):
            _quantity(graph, node, index, quantity, report)
    _based_on(graph, report, inspection)


def _finding_iri(inspection: URIRef, evidence: Evidence) -> URIRef | None:
    if evidence.finding is None:
        return None
    key = evidence.finding if evidence.body == "local-authority" else \
        f"{evidence.body}-{evidence.finding}"
    return below(inspection, "finding", key)


def _evidence(graph: "Sink", node: URIRef, evidence: Evidence, context: tuple) -> None:
    inspection, document, source, authority = context
    for predicate, value in (
        (RDF.type, OKG.Evidence), (RDF.type, PROV.Entity),
        (OKG.text, Literal(evidence.text)),
        (OKG.section, Literal(evidence.section)),
        (OKG.heading, Literal(evidence.heading) if evidence.heading else None),
        (OKG.page, Literal(evidence.page) if evidence.page is not None else None),
        (OKG.aboutInspection, inspection),
        (OKG.aboutAuthority, authority),
        (OKG.inReport, document),
        (PROV.wasDerivedFrom, source),
    ):
        if value is not None:
            graph.add((node, predicate, value))


def _quantity_iri(evidence: URIRef, index: int) -> URIRef:
    return below(evidence, "quantity", index + 1)


def _quantity(graph: "Sink", evidence: URIRef, index: int, quantity: Quantity,
              report: Report) -> None:
    node = _quantity_iri(evidence, index)
    graph.add((evidence, OKG.quantity, node))
    for predicate, value in (
        (RDF.type, OKG.Quantity),
        (OKG.value, _value(quantity.value)),
        (OKG.unit, Literal(quantity.unit)),
        (OKG.words, Literal(quantity.words)),
        (OKG.role, Literal(quantity.role)),
        (OKG.measure, MEASURE[quantity.measure] if quantity.measure else None),
        (OKG.base, Literal(quantity.base) if quantity.base else None),
        (OKG.refDate, _ref_date(quantity.ref_date)),
        (OKG.periodEnd, Literal(report.end) if _relative(quantity.ref_date) else None),
    ):
        if value is not None:
            graph.add((node, predicate, value))
    if quantity.compares_to is not None:
        link = OKG.previousValue if quantity.role == "previous" else OKG.nationalAverage
        graph.add((_quantity_iri(evidence, quantity.compares_to), link, node))


def _value(value: float) -> Literal:
    """Whole numbers as xsd:integer, others as xsd:decimal: both read back as written."""
    return Literal(int(value)) if value == int(value) else Literal(Decimal(str(value)))


def _ref_date(key: str | None) -> Literal | None:
    """ISO dates, months and years typed as such; periods ("2017-2018", a financial or
    academic year) and phrases as plain keys."""
    if key is None:
        return None
    if len(key) == 10 and key[4] == "-" and key[7] == "-":
        return Literal(key, datatype=XSD.date)
    if len(key) == 7 and key[4] == "-" and key[:4].isdigit():
        return Literal(key, datatype=XSD.gYearMonth)
    if len(key) == 4 and key.isdigit():
        return Literal(key, datatype=XSD.gYear)
    return Literal(key)


def _relative(key: str | None) -> bool:
    """Periods told relative to the inspection end at its last day on site."""
    return key is not None and key.startswith(_RELATIVE)


def _based_on(graph: "Sink", report: Report, inspection: URIRef) -> None:
    """Each of the inspection's own judgements -> the findings of its section; the
    overall judgement -> the key findings no service area claims ("Children's services
    in X are inadequate because: 1. ...")."""
    for judgement in report.judgements:
        node = below(inspection, "judgement", judgement.area)
        for finding in report.findings:
            if finding.area == judgement.area or (
                    judgement.area == "overall" and finding.area is None
                    and finding.body == "local-authority"):
                key = finding.number if finding.body == "local-authority" else \
                    f"{finding.body}-{finding.number}"
                graph.add((node, OKG.basedOn, below(inspection, "finding", key)))
