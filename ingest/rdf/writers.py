"""Turtle and JSON-LD that a person can read and a tool can parse, byte for byte the same
for the same graph.

Subjects come in the report's order: each report's inspection, report, source file,
judgements, recommendations 1..N, findings 1..N, supports, then what is not the report's
own (a previous inspection, authorities, regions). Numbers in IRIs sort as numbers.
Turtle names data IRIs relative to ``@base <https://w3id.org/ofsted-kg/id/>`` (a prefixed
name cannot hold the IRIs' slashes unescaped); JSON-LD has a compact ``@context`` whose
``id:`` prefix stands for the same base.
"""

import json
import re

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD
from rdflib.term import Node

from .namespaces import ID, OKG, PREFIXES

_RANK: dict[Node, int] = {OKG.Inspection: 0, OKG.Report: 1, OKG.SourceFile: 2, OKG.Judgement: 3,
         OKG.Recommendation: 4, OKG.Finding: 5, OKG.Support: 6}
_OWNER = re.compile(re.escape(str(ID)) + r"(?:inspection|report)/([^/]+/[^/]+)")
_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_PLAIN = {XSD.integer: re.compile(r"^[+-]?\d+$"), XSD.boolean: re.compile(r"^(true|false)$"),
          XSD.decimal: re.compile(r"^[+-]?\d*\.\d+$")}


def has_blank_nodes(graph: Graph) -> bool:
    return any(isinstance(t, BNode) for triple in graph for t in triple)


def ordered_subjects(graph: Graph) -> list:
    """Every subject, in the report's order (see the module's docstring)."""
    source_owner = {o: _owner(s) for s, o in graph.subject_objects(PROV.wasDerivedFrom)
                    if (s, RDF.type, OKG.Report) in graph}

    def key(subject) -> tuple:
        owner = _owner(subject) or source_owner.get(subject)
        types = set(graph.objects(subject, RDF.type))
        rank = min((_RANK[t] for t in types if t in _RANK), default=8)
        if rank == 0 and not str(subject).endswith(owner or "\0"):
            rank = 7  # another inspection than the report's own: its previous one
        return (owner is None, _natural(owner or ""), rank, _natural(str(subject)))

    return sorted(set(graph.subjects()), key=key)


def _owner(subject) -> str | None:
    match = _OWNER.match(str(subject))
    return match[1] if match else None


def _natural(text: str) -> tuple:
    """Text with its runs of digits compared as numbers: finding/2 before finding/10."""
    return tuple(int(part) if i % 2 else part for i, part in enumerate(re.split(r"(\d+)", text)))


# --- Turtle ------------------------------------------------------------------------------

def turtle(graph: Graph) -> bytes:
    """The graph as Turtle, subjects in the report's order (no blank nodes: see
    ``has_blank_nodes``)."""
    used: set[str] = set()
    blocks = [_turtle_subject(graph, subject, used) for subject in ordered_subjects(graph)]
    head = [f"@base <{ID}> ."] + [f"@prefix {p}: <{PREFIXES[p]}> ." for p in sorted(used)]
    return ("\n".join(head) + "\n\n" + "\n\n".join(blocks) + "\n").encode("utf-8")


def _turtle_subject(graph: Graph, subject, used: set[str]) -> str:
    lines = []
    for predicate in sorted(set(graph.predicates(subject)), key=lambda p: (p != RDF.type, p)):
        objects = sorted(graph.objects(subject, predicate), key=_natural_term)
        name = "a" if predicate == RDF.type else _iri(predicate, used)
        lines.append(f"{name} " + " , ".join(_term(o, used) for o in objects))
    return f"{_iri(subject, used)} " + " ;\n    ".join(lines) + " ."


def _natural_term(term) -> tuple:
    return (type(term).__name__, _natural(str(term)), str(getattr(term, "datatype", "")))


def _iri(iri: Node, used: set[str]) -> str:
    text = str(iri)
    if text.startswith(str(ID)) and ":" not in (rest := text[len(str(ID)):]):
        return f"<{rest}>"
    for prefix, namespace in PREFIXES.items():
        local = text[len(str(namespace)):]
        if text.startswith(str(namespace)) and _LOCAL.match(local):
            used.add(prefix)
            return f"{prefix}:{local}"
    return f"<{text}>"


def _term(term, used: set[str]) -> str:
    if isinstance(term, URIRef):
        return _iri(term, used)
    text = str(term)
    pattern = _PLAIN.get(term.datatype)
    if pattern is not None and pattern.match(text):
        return text
    quoted = '"' + (text.replace("\\", "\\\\").replace('"', '\\"')
                    .replace("\n", "\\n").replace("\r", "\\r")) + '"'
    if term.language:
        return f"{quoted}@{term.language}"
    if term.datatype and term.datatype != XSD.string:
        return f"{quoted}^^{_iri(term.datatype, used)}"
    return quoted


# --- JSON-LD -----------------------------------------------------------------------------

def json_ld(graph: Graph) -> bytes:
    """The graph as JSON-LD: a compact ``@context`` of the project's prefixes plus ``id:``
    for data IRIs, one node object per subject in the report's order."""
    context = {"id": str(ID), **{p: str(n) for p, n in sorted(PREFIXES.items())}}
    nodes = [_node(graph, subject) for subject in ordered_subjects(graph)]
    document = {"@context": context, "@graph": nodes}
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _node(graph: Graph, subject) -> dict:
    node: dict = {"@id": _compact(subject)}
    types = sorted(_compact(t) for t in graph.objects(subject, RDF.type))
    if types:
        node["@type"] = types[0] if len(types) == 1 else types
    for predicate in sorted(set(graph.predicates(subject)) - {RDF.type}, key=str):
        values = [_value(o) for o in sorted(graph.objects(subject, predicate),
                                            key=_natural_term)]
        node[_compact(predicate)] = values[0] if len(values) == 1 else values
    return node


def _compact(iri: Node) -> str:
    text = str(iri)
    for prefix, namespace in [("id", ID), *PREFIXES.items()]:
        if text.startswith(str(namespace)) and len(text) > len(str(namespace)):
            return f"{prefix}:{text[len(str(namespace)):]}"
    return text


def _value(term) -> object:
    if isinstance(term, URIRef):
        return {"@id": _compact(term)}
    assert isinstance(term, Literal)
    if term.language:
        return {"@value": str(term), "@language": term.language}
    if term.datatype in (None, XSD.string):
        return str(term)
    if term.datatype == XSD.boolean and str(term) in {"true", "false"}:
        return str(term) == "true"
    if term.datatype == XSD.integer and _PLAIN[XSD.integer].match(str(term)):
        return int(str(term))
    return {"@value": str(term), "@type": _compact(term.datatype)}
