"""A recommendation's follow-through (``ingest.enrich.followthrough``) -> triples of the
follow-through graph, as pyoxigraph terms (the graph is only ever written to a store).

``<recommendation>/follow-through`` is an ``okg:FollowThrough`` naming the recommendation,
both inspections, the status with the sentence and item behind it, and its links
(``.../follow-through/repeat/1``, ``.../mention/1``: ``okg:FollowThroughLink``, ranked, with
their scores); the plain ``okg:repeatedBy`` and ``okg:spokenToIn`` join the items directly.
"""

from collections.abc import Iterator

import pyoxigraph as ox

from ..enrich.followthrough import FollowThrough, Link
from .namespaces import OKG as _OKG_NAMESPACE

OKG = str(_OKG_NAMESPACE)

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
STATUS = "https://w3id.org/ofsted-kg/scheme/follow-through/"
_XSD = "http://www.w3.org/2001/XMLSchema#"


def _okg(name: str) -> ox.NamedNode:
    return ox.NamedNode(OKG + name)


def _decimal(value: float) -> ox.Literal:
    return ox.Literal(f"{value:.3f}", datatype=ox.NamedNode(_XSD + "decimal"))


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode(_XSD + "integer"))


Triple = tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]


def follow_through_triples(result: FollowThrough) -> Iterator[Triple]:
    recommendation = ox.NamedNode(result.recommendation.iri)
    node = ox.NamedNode(result.recommendation.iri + "/follow-through")
    yield node, RDF_TYPE, _okg("FollowThrough")
    yield node, _okg("followedRecommendation"), recommendation
    yield node, _okg("earlierInspection"), ox.NamedNode(result.pair.earlier)
    yield node, _okg("laterInspection"), ox.NamedNode(result.pair.later)
    yield node, _okg("nearestScore"), _decimal(result.nearest)
    if result.status is not None:
        yield node, _okg("followThroughStatus"), ox.NamedNode(STATUS + result.status)
    if result.evidence is not None and result.evidence_item is not None:
        yield node, _okg("statusEvidence"), ox.Literal(result.evidence)
        yield node, _okg("statusSource"), ox.NamedNode(result.evidence_item.iri)
    for kind, plain, links in (("repeat", "repeatedBy", result.repeated_by),
                               ("mention", "spokenToIn", result.spoken_to_in)):
        for rank, link in enumerate(links, 1):
            yield recommendation, _okg(plain), ox.NamedNode(link.item.iri)
            yield from _link(node, kind, rank, link)


def _link(node: ox.NamedNode, kind: str, rank: int, link: Link) -> Iterator[Triple]:
    iri = ox.NamedNode(f"{node.value}/{kind}/{rank}")
    yield node, _okg("repeatLink" if kind == "repeat" else "mentionLink"), iri
    yield iri, RDF_TYPE, _okg("FollowThroughLink")
    yield iri, _okg("linkedItem"), ox.NamedNode(link.item.iri)
    yield iri, _okg("linkRank"), _integer(rank)
    yield iri, _okg("linkScore"), _decimal(link.score)
    if link.sentence is not None:
        yield iri, _okg("referringSentence"), ox.Literal(link.sentence)
