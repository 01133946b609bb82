"""An area SEND report's own facts: the partnership and its integrated care board, the
outcome and next steps, both inspectorates, and what each recommendation is addressed to."""

from rdflib import Literal, URIRef
from rdflib.namespace import ORG, PROV, RDF, RDFS

from ..authorities import slug
from ..model import Report
from .identity import authority_iri, below
from .namespaces import ID, OKG, SENDOUTCOME

OFSTED = ID["organisation/ofsted"]
CQC = ID["organisation/cqc"]
_BODIES = {"ofsted": (OFSTED, "Ofsted"), "cqc": (CQC, "Care Quality Commission")}


def area_send_graph(graph, report: Report, inspection: URIRef, document: URIRef) -> None:
    send = report.area_send
    if send is None:
        return
    council = authority_iri(report.identity)
    partnership = below(council, "partnership")
    graph.add((inspection, OKG.partnership, partnership))
    graph.add((partnership, RDF.type, OKG.LocalAreaPartnership))
    graph.add((partnership, RDF.type, ORG.Organization))
    graph.add((partnership, RDFS.label, Literal(send.partnership)))
    graph.add((partnership, ORG.hasMember, council))
    icbs = []
    for name in send.icbs:
        icb = ID[f"icb/{slug(name)}"]
        icbs.append(icb)
        graph.add((icb, RDF.type, OKG.IntegratedCareBoard))
        graph.add((icb, RDF.type, ORG.Organization))
        graph.add((icb, RDFS.label, Literal(name)))
        graph.add((partnership, ORG.hasMember, icb))
    outcome = send.outcome
    graph.add((inspection, OKG.sendOutcome, SENDOUTCOME[outcome.key]))
    graph.add((inspection, OKG.outcomeText, Literal(outcome.printed)))
    if outcome.page is not None:
        graph.add((inspection, OKG.outcomePage, Literal(outcome.page)))
    if outcome.next_inspection_years is not None:
        graph.add((inspection, OKG.nextFullInspectionWithinYears,
                   Literal(outcome.next_inspection_years)))
    if outcome.monitoring_months is not None:
        graph.add((inspection, OKG.monitoringInspectionWithinMonths,
                   Literal(outcome.monitoring_months)))
    graph.add((inspection, OKG.priorityActionPlanRequired, Literal(outcome.priority_action_plan)))
    if send.previous:
        graph.add((inspection, OKG.previousInspectionStated, Literal(send.previous)))
    if send.previous_dates:
        graph.add((inspection, OKG.previousStartDate, Literal(send.previous_dates[0])))
        graph.add((inspection, OKG.previousEndDate, Literal(send.previous_dates[1])))
    _inspectorates(graph, report, inspection)
    _addressed(graph, report, inspection, partnership, council, icbs)


def _inspectorates(graph, report: Report, inspection: URIRef) -> None:
    send = report.area_send
    assert send is not None
    for key, (node, label) in _BODIES.items():
        graph.add((inspection, PROV.wasAssociatedWith, node))
        graph.add((node, RDF.type, PROV.Organization))
        graph.add((node, RDF.type, ORG.Organization))
        graph.add((node, RDFS.label, Literal(label)))
        association = below(inspection, "association", key)
        graph.add((inspection, PROV.qualifiedAssociation, association))
        graph.add((association, RDF.type, PROV.Association))
        graph.add((association, PROV.agent, node))
        for person in send.team:
            if person.body == key:
                graph.add((association, OKG.leadInspectorName if person.lead else OKG.inspectorName,
                           Literal(person.name)))


def _addressed(graph, report: Report, inspection: URIRef, partnership: URIRef,
               council: URIRef, icbs: list[URIRef]) -> None:
    """A priority action is addressed to the bodies its responsible-body cell names (the
    council, the ICB; the partnership where it names neither); an area for improvement
    to the partnership."""
    for item in report.recommendations:
        node = below(inspection, "recommendation", item.number)
        if item.kind == "priority-action":
            graph.add((node, RDF.type, OKG.PriorityAction))
        elif item.kind == "area-for-improvement":
            graph.add((node, RDF.type, OKG.AreaForImprovement))
        if item.page is not None:
            graph.add((node, OKG.page, Literal(item.page)))
        if item.responsible:
            graph.add((node, OKG.responsibleBody, Literal(item.responsible)))
        targets = _named(item.responsible or "", council, icbs) or [partnership]
        for target in targets:
            graph.add((node, OKG.addressedTo, target))


def _named(cell: str, council: URIRef, icbs: list[URIRef]) -> list[URIRef]:
    """The council where the cell names a council or the local authority; the
    partnership's integrated care boards where it names an ICB."""
    text = cell.lower()
    found = []
    if any(word in text for word in ("council", "local authority")):
        found.append(council)
    if any(word in text for word in ("icb", "integrated care board")):
        found += icbs
    return found
