"""The ontology's documentation page, generated from ``ontology/``: every class and
property with its label, definition, super-class, domain and range, and a diagram of how
the classes relate (an inline SVG: each class a box on a circle, each object property an
arrow from its domain to its range)."""

import math
from dataclasses import dataclass

from markupsafe import Markup, escape
from rdflib import OWL, RDF, RDFS, SKOS, Graph, URIRef

OKG = "https://w3id.org/ofsted-kg/def#"
_PROPERTY_KINDS = {OWL.ObjectProperty: "object property", OWL.DatatypeProperty:
                   "datatype property", RDF.Property: "property",
                   OWL.AnnotationProperty: "annotation property"}


@dataclass(frozen=True)
class Term:
    iri: str
    name: str  # the local name, also the anchor on the page
    label: str
    definition: str
    kind: str
    parents: tuple[str, ...]
    domains: tuple[str, ...]
    ranges: tuple[str, ...]


def ontology_terms(graph: Graph | None = None) -> tuple[list[Term], list[Term]]:
    """The classes and the properties of the okg namespace, each sorted by name."""
    if graph is None:
        from ..rdf.vocabulary import turtle_folder

        graph = turtle_folder("ontology")
    classes = [_term(graph, s, "class") for s in _own(graph, OWL.Class) | _own(graph, RDFS.Class)]
    properties = [_term(graph, s, kind) for kind_iri, kind in _PROPERTY_KINDS.items()
                  for s in _own(graph, kind_iri)]
    unique = {p.iri: p for p in properties}
    return sorted(set(classes), key=lambda t: t.name), sorted(unique.values(),
                                                              key=lambda t: t.name)


def _own(graph: Graph, kind: URIRef) -> set[URIRef]:
    return {s for s in graph.subjects(RDF.type, kind)
            if isinstance(s, URIRef) and str(s).startswith(OKG)}


def _term(graph: Graph, node: URIRef, kind: str) -> Term:
    def text(*predicates: URIRef) -> str:
        for predicate in predicates:
            values = sorted(str(v) for v in graph.objects(node, predicate))
            if values:
                return values[0]
        return ""

    def names(predicate: URIRef) -> tuple[str, ...]:
        return tuple(sorted(_short(str(v)) for v in graph.objects(node, predicate)
                            if isinstance(v, URIRef)))

    return Term(str(node), str(node)[len(OKG):], text(RDFS.label),
                text(SKOS.definition, RDFS.comment), kind, names(RDFS.subClassOf),
                names(RDFS.domain), names(RDFS.range))


_KNOWN = {"http://www.w3.org/ns/prov#": "prov:", "http://www.w3.org/ns/org#": "org:",
          "http://www.w3.org/2004/02/skos/core#": "skos:",
          "http://www.w3.org/2001/XMLSchema#": "xsd:", OKG: "okg:",
          "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
          "http://purl.org/dc/terms/": "dcterms:"}


def _short(iri: str) -> str:
    for namespace, prefix in _KNOWN.items():
        if iri.startswith(namespace):
            return prefix + iri[len(namespace):]
    return iri


def diagram(classes: list[Term], properties: list[Term]) -> Markup:
    """The classes on a circle and each object property between two of them as an arrow."""
    names = [c.name for c in classes]
    size, radius = 760, 300
    centre = size / 2
    place = {name: (round(centre + radius * math.cos(2 * math.pi * i / len(names) - math.pi / 2),
                          1),
                    round(centre + radius * math.sin(2 * math.pi * i / len(names) - math.pi / 2),
                          1))
             for i, name in enumerate(names)}
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{size}" '
             f'height="{size}" viewBox="0 0 {size} {size}" font-family="sans-serif" '
             'aria-labelledby="diagram-title diagram-desc"><title id="diagram-title">How the '
             'classes relate</title><desc id="diagram-desc">Each class is a box; each arrow '
             'is an object property from its domain to its range. The tables below list the '
             'same relations in words.</desc><defs><marker id="arrow" viewBox="0 0 10 10" '
             'refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">'
             '<path d="M 0 0 L 10 5 L 0 10 z" fill="#505a5f"/></marker></defs>']
    for p in properties:
        for domain in p.domains:
            for range_ in p.ranges:
                a, b = place.get(domain[4:]), place.get(range_[4:])
                if a is None or b is None or a == b or not domain.startswith("okg:"):
                    continue
                parts.append(f'<line x1="{a[0]}" y1="{a[1]}" x2="{b[0]}" y2="{b[1]}" '
                             'stroke="#505a5f" marker-end="url(#arrow)">'
                             f'<title>{escape(p.name)}</title></line>')
    for name, (x, y) in place.items():
        width = 8 * len(name) + 12
        parts.append(f'<rect x="{x - width / 2}" y="{y - 12}" width="{width}" height="24" '
                     f'rx="4" fill="#f3f2f1" stroke="#0b0c0c"/><text x="{x}" y="{y + 5}" '
                     f'text-anchor="middle" font-size="13">{escape(name)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def ontology_page() -> dict[str, object]:
    classes, properties = ontology_terms()
    return {"classes": classes, "properties": properties,
            "diagram": diagram(classes, properties)}
