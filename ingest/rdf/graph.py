"""Stage 3: a parsed report -> an RDF graph."""

from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, XSD

from ..authorities import by_la_code, by_urn, resolve
from ..model import AuthorityRef, EarlierInspection, Judgement, Report, Support
from .area_send import area_send_graph
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
    slug,
    source_iri,
)
from .namespaces import ID, OKG, bind_prefixes
from .sink import Sink


def report_graph(
    report: Report, graph: Graph | None = None, previous: URIRef | None = None,
    earlier: dict[str, URIRef] | None = None,
) -> Graph:
    """Add ``report`` to ``graph`` (a new one if None) and return it. ``previous`` is the
    previous inspection's IRI where its own report is known, ``earlier`` the IRIs of
    recalled 2012-framework inspections whose own reports are known, by framework (see
    ``history``)."""
    graph = bind_prefixes(graph if graph is not None else new_graph())
    _add_report(graph, report, previous, earlier)
    return graph


def report_triples(report: Report) -> set[tuple]:
    """The triples of ``report_graph``, in a set: for the store, which needs no rdflib
    graph (a report's triples in 9 ms, its graph in 20)."""
    triples: set[tuple] = set()
    _add_report(triples, report, None, None)
    return triples


def _add_report(graph: Sink, report: Report, previous: URIRef | None,
                earlier: dict[str, URIRef] | None) -> None:
    inspection = inspection_iri(report.identity, report.end)
    document = report_iri(report.identity, report.end)
    source = source_iri(report.source.sha256)
    _inspection(graph, report, inspection)
    _report(graph, report, document, inspection, source)
    for judgement in report.judgements:
        _judgement(graph, below(inspection, "judgement", judgement.area), judgement,
                   inspection, document, report.scheme)
    if report.previous is not None:
        _previous(graph, report, inspection, document, previous)
    if report.predecessor is not None:
        _predecessor(graph, report, inspection, document)
    for told in report.earlier:
        _earlier(graph, report, inspection, document, told, (earlier or {}).get(told.framework))
    _findings(graph, report, inspection, document, source)
    _recommendations(graph, report, inspection, document)
    _empty_lists(graph, report, inspection, document)
    _supports(graph, report, inspection)
    _audit(graph, report, document)
    area_send_graph(graph, report, inspection, document)
    evidence_graph(graph, report, inspection, document, source)


def new_graph() -> Graph:
    """An empty graph in rdflib's store without named-graph bookkeeping, which report
    graphs never use: a report's graph is built in 20 ms instead of 26."""
    return Graph(store="SimpleMemory")


def authority_graph(report: Report, graph: Graph | None = None) -> Graph:
    """The authority's own facts (names, codes, region), and its predecessor's, as the
    shared authorities graph holds them: kept out of the report's graph, which only
    links to the authority node."""
    graph = bind_prefixes(graph if graph is not None else new_graph())
    _authority(graph, _resolved(report))
    if report.predecessor is not None:
        _authority(graph, resolve(report.predecessor.name))
    return graph


def _audit(graph: Sink, report: Report, document: URIRef) -> None:
    """What the parser saw printed and every loss it found (see ``parsing.audit``)."""
    for problem in report.parse_problems:
        kind = OKG.parseViolation if problem.severity == "Violation" else OKG.parseWarning
        graph.add((document, kind, Literal(problem.message)))
    counts = report.printed
    if counts is None:
        return
    _add(graph, document,
         (OKG.pageCount, Literal(counts.pages) if counts.pages is not None else None),
         (OKG.printedParagraphCount, Literal(counts.paragraphs)),
         (OKG.printedJudgementRowCount, Literal(counts.judgement_rows)),
         (OKG.printedPreviousJudgementCount, Literal(counts.previous_rows)),
         (OKG.printsRecommendationSection,
          None if counts.recommendation_section else Literal(False)))


def _add(graph: Sink, subject: URIRef, *pairs) -> None:
    for predicate, value in pairs:
        if value is not None:
            graph.add((subject, predicate, value))


def _resolved(report: Report) -> AuthorityRef:
    return report.authority_ref or resolve(report.authority)


def _authority(graph: Sink, ref: AuthorityRef | str) -> URIRef:
    ref = resolve(ref) if isinstance(ref, str) else ref
    node = authority_iri(ref)
    _add(graph, node, (RDF.type, OKG.Authority), (RDF.type, ORG.Organization))
    known = by_urn(ref.urn) if ref.urn else None
    if known is None:
        _add(graph, node, (RDFS.label, Literal(authority_name(ref.printed))))
        return node
    printed = ref.printed
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
    for code in known.stat_neighbours:
        neighbour = by_la_code(code)
        if neighbour is not None and neighbour.urn != known.urn:
            graph.add((node, OKG.statisticalNeighbour, ID[f"authority/{neighbour.urn}"]))
    return node


def _inspection(graph: Sink, report: Report, node: URIRef) -> None:
    _add(
        graph, node,
        (RDF.type, OKG.Inspection), (RDF.type, PROV.Activity),
        (OKG.authority, authority_iri(report.identity)),
        (OKG.framework, framework_iri(report.framework)),
        (OKG.startDate, Literal(report.start)),
        (OKG.endDate, Literal(report.end)),
        (OKG.reinspection, Literal(report.reinspection)),
        (OKG.leadInspector, Literal(report.lead_inspector) if report.lead_inspector else None),
    )
    for name in report.inspectors:
        graph.add((node, OKG.inspector, Literal(name)))
    _spells(graph, report, node)
    _leads(graph, report, node)
    if report.trust_name:
        _trust(graph, node, report.trust_name)


def _spells(graph: Sink, report: Report, inspection: URIRef) -> None:
    """Each spell on site, ``<inspection>/spell/N`` in time order (one where the report
    prints one range)."""
    for number, (start, end) in enumerate(report.spells or ((report.start, report.end),), 1):
        spell = below(inspection, "spell", number)
        graph.add((inspection, OKG.spell, spell))
        _add(graph, spell, (RDF.type, OKG.OnSiteSpell), (OKG.spellNumber, Literal(number)),
             (OKG.spellStart, Literal(start)), (OKG.spellEnd, Literal(end)))


def _leads(graph: Sink, report: Report, inspection: URIRef) -> None:
    """Each lead inspector, a person of their own: ``<inspection>/lead-inspector/N``."""
    for number, person in enumerate(report.leads, 1):
        node = below(inspection, "lead-inspector", number)
        graph.add((inspection, OKG.ledBy, node))
        _add(graph, node, (RDF.type, OKG.LeadInspector), (RDF.type, PROV.Person),
             (RDFS.label, Literal(person.name)),
             (OKG.printedRole, Literal(person.role) if person.role else None),
             (OKG.page, Literal(person.page) if person.page is not None else None),
             (OKG.printedText, Literal(person.printed) if person.printed else None))


def _trust(graph: Sink, inspection: URIRef, name: str) -> None:
    """The trust that runs the council's children's services, as the title names it."""
    trust = ID[f"trust/{slug(name)}"]
    graph.add((inspection, OKG.servicesRunBy, trust))
    _add(graph, trust, (RDF.type, ORG.Organization), (RDFS.label, Literal(name)))


def _report(graph: Sink, report: Report, node: URIRef, inspection: URIRef, source: URIRef):
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
    for number in report.repeated_numbers:
        graph.add((node, OKG.repeatedNumber, Literal(number)))
    _add(
        graph, source,
        (RDF.type, OKG.SourceFile), (RDF.type, PROV.Entity),
        (OKG.sha256, Literal(report.source.sha256)),
        (DCTERMS.format, Literal(report.source.media_type)),
        (DCTERMS.identifier, Literal(report.source.name)),
        (DCTERMS.created, Literal(report.source.created) if report.source.created else None),
    )
    _listing(graph, source, report)


def _listing(graph: Sink, source: URIRef, report: Report) -> None:
    """Where the file was published, for a file ofsted-kg fetched: the file's URL
    (dcterms:source), the page that lists it (dcterms:isReferencedBy) and the
    publication date the site lists (dcterms:issued of the file; the report's own
    dcterms:issued is the date it prints)."""
    listing = report.source.listing
    if listing is None:
        return
    _add(graph, source,
         (DCTERMS.source, URIRef(listing.url)),
         (DCTERMS.isReferencedBy, URIRef(listing.provider_page) if listing.provider_page
          else None),
         (DCTERMS.issued, Literal(listing.published) if listing.published else None))


def _judgement(graph, node, judgement: Judgement, inspection, document, scheme: str) -> None:
    _add(
        graph, node,
        (RDF.type, OKG.Judgement),
        (OKG.judgementOf, inspection),
        (OKG.serviceArea, area_iri(scheme, judgement.area)),
        (OKG.grade, grade_iri(judgement.grade, scheme) if judgement.grade else None),
        (OKG.statedIn, document),
        (OKG.page, Literal(judgement.page) if judgement.page is not None else None),
        (OKG.printedText, Literal(judgement.printed) if judgement.printed else None),
    )


def _previous(graph: Sink, report: Report, inspection: URIRef, document: URIRef,
              known: URIRef | None) -> None:
    """The earlier inspection as this report describes it: no dates are invented. Its
    judgements hang below this inspection, as this report states them."""
    assert report.previous is not None  # called only for a report that describes one
    node = known if known is not None else below(inspection, "previous")
    graph.add((inspection, OKG.previousInspection, node))
    _add(
        graph, node,
        (RDF.type, OKG.Inspection), (RDF.type, PROV.Activity),
        (OKG.authority, authority_iri(report.identity)),
        (OKG.reportPublished,
         Literal(report.previous.published, datatype=XSD.gYearMonth)
         if report.previous.published else None),
    )
    for judgement in report.previous.judgements:
        statement = below(inspection, "previous", "judgement", judgement.area)
        _judgement(graph, statement, judgement, node, document, report.scheme)


def _earlier(graph: Sink, report: Report, inspection: URIRef, document: URIRef,
            told: EarlierInspection, known: URIRef | None) -> None:
    """A 2012-framework inspection this report recalls, and the grade it recalls: the
    inspection's own node where its report was read too (``known``), else a node of its
    own. The judgement hangs below this inspection, as this report states it."""
    here = below(inspection, "earlier", told.framework)
    node = known if known is not None else here
    month = Literal(told.month, datatype=XSD.gYearMonth) if told.month else None
    _add(
        graph, node,
        (RDF.type, OKG.Inspection), (RDF.type, PROV.Activity),
        (OKG.authority, authority_iri(report.identity)),
        (OKG.statedFramework, framework_iri(told.framework)),
        (OKG.reportPublished if told.published else DCTERMS.date,
         month if known is None else None),
    )
    _judgement(graph, below(here, "judgement", told.judgement.area), told.judgement, node,
               document, "lac-2012")


def _predecessor(graph: Sink, report: Report, inspection: URIRef, document: URIRef) -> None:
    """The authority's formation from its predecessor, and the predecessor's grade, as
    this report states them (org:ChangeEvent)."""
    told = report.predecessor
    assert told is not None  # called only for a report that names one
    before = authority_iri(resolve(told.name))
    after = authority_iri(report.identity)
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
    if told.grade is None or told.judged is None:
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
            graph, _item_iri(inspection, "finding", finding.number, finding.body, finding.printing),
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


def _item_iri(
    inspection: URIRef, kind: str, number: int | str, body: str, printing: int = 1
) -> URIRef:
    """``finding/12``, ``recommendation/3``; the LSCB's own are ``recommendation/lscb-3``;
    a second paragraph printed with the number 24 is ``finding/24-2``."""
    key = f"{number}-{printing}" if printing > 1 else number
    return below(inspection, kind, key if body == "local-authority" else f"{body}-{key}")


def _recommendations(graph, report: Report, inspection, document) -> None:
    for item in report.recommendations:
        _add(
            graph, _item_iri(inspection, "recommendation", item.number, item.body, item.printing),
            (RDF.type, OKG.Recommendation),
            (OKG.number, Literal(item.number)),
            (OKG.numberPrinted, Literal(item.printed)),
            (OKG.text, Literal(item.text)),
            (OKG.body, Literal(item.body)),
            (OKG.inReport, document),
            (OKG.citation, Literal(item.citation) if item.citation else None),
        )


def _empty_lists(graph, report: Report, inspection, document) -> None:
    """A list of recommendations the report states is empty: ``empty-list/1``, in the
    order printed (the LSCB's ``empty-list/lscb-1``)."""
    place: dict[str, int] = {}
    for stated in report.empty_lists:
        place[stated.body] = place.get(stated.body, 0) + 1
        _add(
            graph, _item_iri(inspection, "empty-list", place[stated.body], stated.body),
            (RDF.type, OKG.EmptyList),
            (OKG.listHeading, Literal(stated.heading)),
            (OKG.printedText, Literal(stated.text)),
            (OKG.body, Literal(stated.body)),
            (OKG.number, Literal(stated.number) if stated.number is not None else None),
            (OKG.page, Literal(stated.page) if stated.page is not None else None),
            (OKG.inReport, document),
        )


def _supports(graph, report: Report, inspection) -> None:
    for support in report.supports:
        recommendation = _item_iri(
            inspection, "recommendation", support.recommendation, support.body)
        finding = _item_iri(inspection, "finding", support.finding, support.body,
                            support.finding_printing)
        graph.add((finding, OKG.supports, recommendation))
        key = f"{support.recommendation}-{support.finding}"
        if support.finding_printing > 1:
            key = f"{key}-{support.finding_printing}"
        _add(
            graph,
            _item_iri(inspection, "support", key, support.body),
            (RDF.type, OKG.Support),
            (OKG.recommendation, recommendation),
            (OKG.finding, finding),
            (OKG.score, Literal(Decimal(str(support.score)))),
            (OKG.method, Literal(support.method)),
        )
        if support.doubt is not None:
            _doubt(graph, _item_iri(inspection, "support", key, support.body), support, inspection)


def _doubt(graph: Sink, node: URIRef, support: Support, inspection: URIRef) -> None:
    """A stated citation whose text matches a neighbouring finding much better: the link
    stays, and the doubt names that neighbour and both similarities."""
    doubt = support.doubt
    assert doubt is not None  # called only for a doubted support
    _add(
        graph, node,
        (OKG.doubtfulCitation, Literal(True)),
        (OKG.closerNeighbour, _item_iri(inspection, "finding", doubt.neighbour, support.body)),
        (OKG.citedScore, Literal(Decimal(str(doubt.cited_score)))),
        (OKG.neighbourScore, Literal(Decimal(str(doubt.neighbour_score)))),
    )
