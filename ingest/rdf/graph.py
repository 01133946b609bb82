"""Stage 3: a parsed report -> an RDF graph."""

from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, XSD

from ..authorities import lookup
from ..model import Judgement, Report
from .evidence import evidence_graph
from .identity import (
    area_iri,
    authority_iri,
    authority_name,
    below,
    framework_iri,
    grade_iri,
    inspection_iri,
    report_iri,
    source_iri,
)
from .namespaces import ID, OKG, bind_prefixes


def report_graph(
    report: Report, graph: Graph | None = None, previous: URIRef | None = None
) -> Graph:
    """Add ``report`` to ``graph`` (a new one if None) and return it. ``previous`` is the
    previous inspection's IRI where its own report is known (see ``history``)."""
    graph = bind_prefixes(graph if graph is not None else Graph())
    inspection = inspection_iri(report.authority, report.end)
    document = report_iri(report.authority, report.end)
    source = source_iri(report.source.sha256)
    _authority(graph, report.authority)
    _inspection(graph, report, inspection)
    _report(graph, report, document, inspection, source)
    for judgement in report.judgements:
        _judgement(graph, below(inspection, "judgement", judgement.area), judgement,
                   inspection, document, report.scheme)
    if report.previous is not None:
        _previous(graph, report, inspection, document, previous)
    if report.predecessor is not None:
        _predecessor(graph, report, inspection, document)
    _findings(graph, report, inspection, document, source)
    _recommendations(graph, report, inspection, document)
    _supports(graph, report, inspection)
    evidence_graph(graph, report, inspection, document, source)
    return graph


def _add(graph: Graph, subject: URIRef, *pairs) -> None:
    for predicate, value in pairs:
        if value is not None:
            graph.add((subject, predicate, value))


def _authority(graph: Graph, name: str) -> URIRef:
    node = authority_iri(name)
    _add(graph, node, (RDF.type, OKG.Authority), (RDF.type, ORG.Organization))
    known = lookup(name)
    if known is None:
        _add(graph, node, (RDFS.label, Literal(authority_name(name))))
        return node
    printed = " ".join(name.split())
    region = ID[f"region/{known.region_code}"] if known.region_code else None
    _add(graph, node,
         (RDFS.label, Literal(known.name)),
         (SKOS.prefLabel, Literal(known.name)),
         (SKOS.altLabel, Literal(printed) if printed != known.name else None),
         (OKG.ofstedURN, Literal(known.urn)),
         (OKG.laCode, Literal(known.la_code)),
         (OKG.onsCode, Literal(known.ons_code) if known.ons_code else None),
         (OKG.authorityType, Literal(known.la_type) if known.la_type else None),
         (OKG.region, region))
    if region is not None:
        _add(graph, region, (RDF.type, OKG.Region),
             (RDFS.label, Literal(known.region_name) if known.region_name else None))
    return node


def _inspection(graph: Graph, report: Report, node: URIRef) -> None:
    _add(
        graph, node,
        (RDF.type, OKG.Inspection), (RDF.type, PROV.Activity),
        (OKG.authority, authority_iri(report.authority)),
        (OKG.framework, framework_iri(report.framework)),
        (OKG.startDate, Literal(report.start)),
        (OKG.endDate, Literal(report.end)),
        (OKG.reinspection, Literal(report.reinspection)),
        (OKG.leadInspector, Literal(report.lead_inspector) if report.lead_inspector else None),
    )
    for name in report.inspectors:
        graph.add((node, OKG.inspector, Literal(name)))


def _report(graph: Graph, report: Report, node: URIRef, inspection: URIRef, source: URIRef):
    _add(
        graph, node,
        (RDF.type, OKG.Report), (RDF.type, PROV.Entity),
        (DCTERMS.title, Literal(report.title)),
        (DCTERMS.issued, Literal(report.published) if report.published else None),
        (PROV.wasGeneratedBy, inspection),
        (PROV.wasDerivedFrom, source),
    )
    for number in report.skipped_numbers:
        graph.add((node, OKG.skippedNumber, Literal(number)))
    _add(
        graph, source,
        (RDF.type, OKG.SourceFile), (RDF.type, PROV.Entity),
        (OKG.sha256, Literal(report.source.sha256)),
        (DCTERMS.format, Literal(report.source.media_type)),
        (DCTERMS.identifier, Literal(report.source.name)),
    )


def _judgement(graph, node, judgement: Judgement, inspection, document, scheme: str) -> None:
    _add(
        graph, node,
        (RDF.type, OKG.Judgement),
        (OKG.judgementOf, inspection),
        (OKG.serviceArea, area_iri(scheme, judgement.area)),
        (OKG.grade, grade_iri(judgement.grade)),
        (OKG.statedIn, document),
    )


def _previous(graph: Graph, report: Report, inspection: URIRef, document: URIRef,
              known: URIRef | None) -> None:
    """The earlier inspection as this report describes it: no dates are invented. Its
    judgements hang below this inspection, as this report states them."""
    node = known if known is not None else below(inspection, "previous")
    graph.add((inspection, OKG.previousInspection, node))
    _add(
        graph, node,
        (RDF.type, OKG.Inspection), (RDF.type, PROV.Activity),
        (OKG.authority, authority_iri(report.authority)),
        (OKG.reportPublished,
         Literal(report.previous.published, datatype=XSD.gYearMonth)
         if report.previous.published else None),
    )
    for judgement in report.previous.judgements:
        statement = below(inspection, "previous", "judgement", judgement.area)
        _judgement(graph, statement, judgement, node, document, report.scheme)


def _predecessor(graph: Graph, report: Report, inspection: URIRef, document: URIRef) -> None:
    """The authority's formation from its predecessor, and the predecessor's grade, as
    this report states them (org:ChangeEvent)."""
    told = report.predecessor
    before = _authority(graph, told.name)
    after = authority_iri(report.authority)
    change = below(after, "formation")
    _add(
        graph, change,
        (RDF.type, ORG.ChangeEvent),
        (ORG.originalOrganization, before),
        (ORG.resultingOrganization, after),
        (DCTERMS.date, Literal(told.formed) if told.formed else None),
        (OKG.statedIn, document),
    )
    graph.add((after, ORG.resultedFrom, change))
    if told.grade is None:
        return
    earlier = below(inspection, "predecessor")
    _add(
        graph, earlier,
        (RDF.type, OKG.Inspection), (RDF.type, PROV.Activity),
        (OKG.authority, before),
        (DCTERMS.date, Literal(told.judged, datatype=XSD.gYearMonth if "-" in told.judged
                               else XSD.gYear)),
    )
    _judgement(graph, below(earlier, "judgement", "overall"), Judgement("overall", told.grade),
               earlier, document, report.scheme)


def _findings(graph, report: Report, inspection, document, source) -> None:
    for finding in report.findings:
        _add(
            graph, _item_iri(inspection, "finding", finding.number, finding.body),
            (RDF.type, OKG.Finding),
            (OKG.number, Literal(finding.number)),
            (OKG.text, Literal(finding.text)),
            (OKG.body, Literal(finding.body)),
            (OKG.serviceArea, area_iri(report.scheme, finding.area) if finding.area else None),
            (OKG.page, Literal(finding.page) if finding.page is not None else None),
            (OKG.flaggedForRecommendation, Literal(finding.flagged)),
            (OKG.inReport, document),
            (PROV.wasDerivedFrom, source),
        )


def _item_iri(inspection: URIRef, kind: str, number: int, body: str) -> URIRef:
    """``finding/12``, ``recommendation/3``; the LSCB's own are ``recommendation/lscb-3``."""
    return below(inspection, kind, number if body == "local-authority" else f"{body}-{number}")


def _recommendations(graph, report: Report, inspection, document) -> None:
    for item in report.recommendations:
        _add(
            graph, _item_iri(inspection, "recommendation", item.number, item.body),
            (RDF.type, OKG.Recommendation),
            (OKG.number, Literal(item.number)),
            (OKG.numberPrinted, Literal(item.printed)),
            (OKG.text, Literal(item.text)),
            (OKG.body, Literal(item.body)),
            (OKG.inReport, document),
        )


def _supports(graph, report: Report, inspection) -> None:
    for support in report.supports:
        recommendation = _item_iri(
            inspection, "recommendation", support.recommendation, support.body)
        finding = _item_iri(inspection, "finding", support.finding, support.body)
        graph.add((finding, OKG.supports, recommendation))
        key = f"{support.recommendation}-{support.finding}"
        _add(
            graph,
            _item_iri(inspection, "support", key, support.body),
            (RDF.type, OKG.Support),
            (OKG.recommendation, recommendation),
            (OKG.finding, finding),
            (OKG.score, Literal(Decimal(str(support.score)))),
            (OKG.method, Literal(support.method)),
        )
