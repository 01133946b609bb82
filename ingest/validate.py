"""Stage 4: check graphs against the SHACL shapes and summarise what is wrong.

What is checked is what pyshacl checked with ``inference="rdfs"`` and the vocabulary
joined to the data; only the work is done differently, for speed:

- the RDFS closure of data and vocabulary is computed here, by ``rdfs_entailments``
  (owlrl's rules, from an index instead of sweeps of the whole graph until nothing
  changes; the vocabulary's part once, each graph's added to a copy of it), into a graph
  of this call's own that pyshacl then uses in place, uncopied;
- each SPARQL constraint is parsed once, not once for every focus node;
- in those queries, each next triple pattern is the one with the fewest matches then
  (``_basic_graph_pattern``): many reports in one graph cost about as much as each alone.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from rdflib import BNode, Graph, Literal
from rdflib.namespace import RDF, RDFS, SH
from rdflib.plugins.sparql import CUSTOM_EVALS
from rdflib.plugins.sparql.sparql import AlreadyBound

from .rdf.namespaces import OKG, bind_prefixes
from .rdf.vocabulary import shapes, vocabulary_triples


@dataclass(frozen=True)
class Problem:
    severity: str  # Violation, Warning or Info
    focus: str
    path: str | None
    message: str
    value: str | None


@dataclass(frozen=True)
class Outcome:
    conforms: bool  # warnings do not make a graph fail
    problems: tuple[Problem, ...]
    report: Graph


def validate(data: Iterable[tuple]) -> Outcome:
    """Check ``data`` (a graph, or any triples) against the shapes. A graph with no
    inspection does not conform (and is not checked further: unrelated triples are not
    worth minutes), and each literal that is not a well-formed value of its datatype is a
    violation of its own."""
    triples = set(data)
    if not any(p == RDF.type and o == OKG.Inspection for _, p, o in triples):
        return _outcome([Problem("Violation", "(the graph)", None, _NO_INSPECTION, None)])
    malformed = _malformed(triples)
    if not malformed:
        return _shacl(triples)
    # SHACL sees the graph without them (pyshacl compares them and fails); what it then
    # says of the same focus and path ("exactly one start date") is left out.
    outcome = _shacl({t for t in triples if not (isinstance(t[2], Literal) and t[2].ill_typed)})
    spoken = {(p.focus, p.path) for p in malformed}
    kept = [p for p in outcome.problems if (p.focus, p.path) not in spoken]
    return _outcome(kept + malformed, outcome.report, tuple(malformed))


def warm_up() -> None:
    """Load what every validation needs (pyshacl, the shapes, the vocabulary): done once
    before worker processes are forked, so that they do not each do it."""
    import pyshacl  # noqa: F401

    shapes()
    _vocabulary_closure()


_NO_INSPECTION = "No inspection found: the graph holds no okg:Inspection."


def _malformed(data: Iterable[tuple]) -> list[Problem]:
    names = bind_prefixes(Graph()).namespace_manager
    found = []
    for s, p, o in data:
        if isinstance(o, Literal) and o.ill_typed:
            datatype = o.datatype.n3(names) if o.datatype else "its datatype"
            found.append(Problem("Violation", s.n3(names), p.n3(names),
                                 f"{str(o)!r} is not a well-formed {datatype} value.",
                                 o.n3(names)))
    return found


def _outcome(problems: list[Problem], report: Graph | None = None,
             found: tuple[Problem, ...] = ()) -> Outcome:
    """An outcome with problems found outside SHACL (``found``, all of ``problems`` when
    there is no SHACL ``report``), each added to the SHACL report, which then does not
    conform."""
    if report is None:
        report = bind_prefixes(Graph())
        report.add((BNode(), RDF.type, SH.ValidationReport))
        found = tuple(problems)
    node = next(report.subjects(RDF.type, SH.ValidationReport))
    if found:
        report.set((node, SH.conforms, Literal(False)))
    for problem in found:
        result = BNode()
        report.add((node, SH.result, result))
        report.add((result, RDF.type, SH.ValidationResult))
        report.add((result, SH.resultSeverity, SH.Violation))
        report.add((result, SH.resultMessage, Literal(problem.message)))
        if problem.value is not None:
            report.add((result, SH.value, Literal(problem.value)))
    order = {"Violation": 0, "Warning": 1, "Info": 2}
    ordered = tuple(sorted(problems, key=lambda p: (order.get(p.severity, 3), p.focus, p.message)))
    return Outcome(not any(p.severity == "Violation" for p in ordered), ordered, report)


def _shacl(data: set[tuple]) -> Outcome:
    from pyshacl import validate as shacl_validate  # heavy: loaded on use

    # The vocabulary joins the data: shapes look up what each framework requires.
    closure = _vocabulary_closure().copy()
    closure.extend(data)
    graph = _QueryGraph()
    graph.addN((s, p, o, graph) for s, p, o in closure.known)
    with join_order():
        _, report, _ = shacl_validate(
            graph,
            shacl_graph=shapes(),
            inference="none",  # done above
            inplace=True,  # the graph is this call's own: no copy needed
            allow_warnings=True,
            advanced=True,
        )
    bind_prefixes(report)
    problems = _problems(report)
    # Decided here rather than by pyshacl, so only violations ever fail a graph.
    return Outcome(not any(p.severity == "Violation" for p in problems), problems, report)


_TYPE, _DOMAIN, _RANGE = RDF.type, RDFS.domain, RDFS.range
_SUBCLASS, _SUBPROPERTY, _RESOURCE = RDFS.subClassOf, RDFS.subPropertyOf, RDFS.Resource
# rdfs6, rdfs8, rdfs10, rdfs12, rdfs13: what being of one of these classes entails.
_MEMBERSHIP = {
    RDF.Property: lambda s: ((s, _SUBPROPERTY, s),),
    RDFS.Class: lambda s: ((s, _SUBCLASS, _RESOURCE), (s, _SUBCLASS, s)),
    RDFS.ContainerMembershipProperty: lambda s: ((s, _SUBPROPERTY, RDFS.member),),
    RDFS.Datatype: lambda s: ((s, _SUBCLASS, RDFS.Literal),),
}
# The predicates of triples that take part in rules as schema, looked up by hash.
_SCHEMA_RULES = {term: term for term in (_DOMAIN, _RANGE, _SUBPROPERTY, _SUBCLASS, _TYPE)}


_PROPERTY = RDF.Property


def rdfs_entailments(triples: Iterable[tuple]) -> set[tuple]:
    """The triples RDFS entails from ``triples`` and not among them: what owlrl's RDFS
    closure adds as pyshacl runs it (no axiomatic triples, no literal rules), less the
    triples whose subject is a literal.

    Those are not RDF, and no shape reaches them (shapes go from nodes to values, and
    pyshacl never counts a literal as an instance of a class); they were a third of the
    closure of a report, and adding them to the graph a tenth of its validation.

    Rules rdf1 and rdfs2-rdfs13; rdfs4 (every subject and object is an rdfs:Resource) is
    applied to the given triples only, as owlrl applies it in its first sweep only.
    Each triple is taken from a queue once and joined, on both sides of every rule,
    with the triples taken before it; a triple whose subject or predicate is a literal
    is dropped.
    """
    given = set(triples)
    closure = _Closure()
    closure.extend(given)
    return closure.added - given


class _Closure:
    """The RDFS closure of the triples given so far, open to more (see
    ``rdfs_entailments``). Each triple is taken from a queue once and joined, on both
    sides of every rule, with the triples taken before it, so the closure does not depend
    on the order triples come in: the vocabulary's closure is made once, and each report
    then only adds its own triples to a copy of it."""

    def __init__(self) -> None:
        self.known: set[tuple] = set()
        self.added: set[tuple] = set()
        self.objects: dict = defaultdict(lambda: defaultdict(set))  # p -> s -> {o}
        self.subjects: dict = defaultdict(lambda: defaultdict(set))  # p -> o -> {s}
        self.pairs: dict = defaultdict(list)  # p -> [(s, o)]

    def copy(self) -> "_Closure":
        other = _Closure()
        other.known, other.added = set(self.known), set(self.added)
        for mine, theirs in ((self.objects, other.objects), (self.subjects, other.subjects)):
            for p, index in mine.items():
                theirs[p].update((key, set(values)) for key, values in index.items())
        for p, pairs in self.pairs.items():
            other.pairs[p] = list(pairs)
        return other

    def extend(self, triples: Iterable[tuple]) -> None:
        known, added = self.known, self.added
        queue: list[tuple] = []
        objects, subjects, pairs = self.objects, self.subjects, self.pairs
        domains, ranges = objects[_DOMAIN], objects[_RANGE]
        superproperties, subproperties = objects[_SUBPROPERTY], subjects[_SUBPROPERTY]
        superclasses, subclasses = objects[_SUBCLASS], subjects[_SUBCLASS]
        members = subjects[_TYPE]

        def add(triple: tuple) -> None:
            if triple not in known and not isinstance(triple[0], Literal) and not isinstance(
                    triple[1], Literal):
                known.add(triple)
                added.add(triple)
                queue.append(triple)

        given = list(triples)
        new = [t for t in given if t not in known]
        known.update(new)
        added.difference_update(given)
        queue += new
        for s, _, o in given:  # rdfs4
            add((s, _TYPE, _RESOURCE))
            add((o, _TYPE, _RESOURCE))
        while queue:
            s, p, o = queue.pop()
            objects[p][s].add(o)
            subjects[p][o].add(s)
            pairs[p].append((s, o))
            add((p, _TYPE, _PROPERTY))  # rdf1
            for c in domains.get(p, ()):  # rdfs2
                add((s, _TYPE, c))
            for c in ranges.get(p, ()):  # rdfs3
                add((o, _TYPE, c))
            for q in superproperties.get(p, ()):  # rdfs7
                add((s, q, o))
            rule = _SCHEMA_RULES.get(p)
            if rule is _DOMAIN:  # rdfs2
                for u, _ in pairs.get(s, ()):
                    add((u, _TYPE, o))
            elif rule is _RANGE:  # rdfs3
                for _, v in pairs.get(s, ()):
                    add((v, _TYPE, o))
            elif rule is _SUBPROPERTY:
                for u, v in pairs.get(s, ()):  # rdfs7
                    add((u, o, v))
                for q in superproperties.get(o, ()):  # rdfs5
                    add((s, _SUBPROPERTY, q))
                for q in subproperties.get(s, ()):  # rdfs5
                    add((q, _SUBPROPERTY, o))
            elif rule is _SUBCLASS:
                for u in members.get(s, ()):  # rdfs9
                    add((u, _TYPE, o))
                for c in superclasses.get(o, ()):  # rdfs11
                    add((s, _SUBCLASS, c))
                for c in subclasses.get(s, ()):  # rdfs11
                    add((c, _SUBCLASS, o))
            elif rule is _TYPE:
                for c in superclasses.get(o, ()):  # rdfs9
                    add((s, _TYPE, c))
                entails = _MEMBERSHIP.get(o)
                if entails is not None:
                    for triple in entails(s):
                        add(triple)


@lru_cache(maxsize=1)
def _vocabulary_closure() -> _Closure:
    closure = _Closure()
    closure.extend(vocabulary_triples())
    return closure


@lru_cache(maxsize=64)
def _prepared(text: str, names: tuple[tuple[str, str], ...]):
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(text, initNs=dict(names))


class _QueryGraph(Graph):
    """A graph that parses each SPARQL text once: pyshacl sends the text of a SPARQL
    constraint for every focus node, and parsing took longer than running it. As
    Graph.query does, prefixes the text does not declare are the graph's own."""

    _names: tuple[tuple[str, str], ...] | None = None

    def query(self, query_object, processor="sparql", result="sparql", initNs=None,  # noqa: N803
              initBindings=None, use_store_provided=True, **kwargs):  # noqa: N803
        if isinstance(query_object, str) and processor == "sparql" and not kwargs:
            if not initNs:
                if self._names is None:
                    self._names = tuple(sorted((k, str(v)) for k, v in self.namespaces()))
                names = self._names
            else:
                names = tuple(sorted((k, str(v)) for k, v in initNs.items()))
            query_object = _prepared(query_object, names)
        return super().query(query_object, processor, result, initNs, initBindings,
                             use_store_provided, **kwargs)


# Matches of a triple pattern counted, at most, when choosing where to go next.
_PROBE = 256


def _basic_graph_pattern(ctx, part):
    """rdflib's evaluation of a basic graph pattern, for validation graphs only (a custom
    evaluation: rdflib asks it first), with each next triple pattern chosen as it runs.

    rdflib goes first to the pattern with the fewest unbound terms, however many triples
    match it: to find the finding numbered ?number + 1 in ?report it lists every item of
    the report, or every finding of the graph, where one or two items in a report carry
    that number. Here the pattern with the fewest matches goes first. Same solutions.
    """
    if part.name != "BGP" or not isinstance(ctx.graph, _QueryGraph):
        raise NotImplementedError
    return _solutions(ctx, list(part.triples))


def _solutions(ctx, patterns: list):
    if not patterns:
        yield ctx.solution()
        return
    first = _cheapest(ctx, patterns) if len(patterns) > 1 else 0
    s, p, o = patterns[first]
    rest = patterns[:first] + patterns[first + 1:]
    _s, _p, _o = ctx[s], ctx[p], ctx[o]
    for ss, sp, so in ctx.graph.triples((_s, _p, _o)):  # as rdflib's evalBGP from here
        c = ctx.push() if None in (_s, _p, _o) else ctx
        if _s is None:
            c[s] = ss
        try:
            if _p is None:
                c[p] = sp
            if _o is None:
                c[o] = so
        except AlreadyBound:
            continue
        yield from _solutions(c, rest)


def _cheapest(ctx, patterns: list) -> int:
    """The index of the pattern with the fewest matches now: a fully bound one (a check)
    at once, else the first whose matches run out when all are stepped through together.
    Members of a class (every finding of the graph) join that race only if no other
    pattern ends within _PROBE steps: merely starting to list them copies them all."""
    others: list[tuple[int, tuple]] = []
    members: list[tuple[int, tuple]] = []
    for index, pattern in enumerate(patterns):
        terms = tuple(ctx[term] for term in pattern)
        if None not in terms:
            return index
        (members if terms[0] is None and terms[1] == _TYPE else others).append((index, terms))
    for entrants in (others, others + members) if others and members else (others or members,):
        running = [(index, iter(ctx.graph.triples(terms))) for index, terms in entrants]
        for _ in range(_PROBE):
            for index, matches in running:
                if next(matches, None) is None:
                    return index
    return (others or members)[0][0]


_EVAL_KEY = "ofsted-kg-validation"


@contextmanager
def join_order() -> Iterator[None]:
    """rdflib evaluates basic graph patterns with ``_basic_graph_pattern`` inside this
    block only (it applies to this module's validation graphs alone), never on import."""
    CUSTOM_EVALS[_EVAL_KEY] = _basic_graph_pattern
    try:
        yield
    finally:
        CUSTOM_EVALS.pop(_EVAL_KEY, None)


def _problems(report: Graph) -> tuple[Problem, ...]:
    names = bind_prefixes(Graph()).namespace_manager

    def show(node) -> str | None:
        if node is None:
            return None
        inverse = report.value(node, SH.inversePath)
        return f"^{inverse.n3(names)}" if inverse is not None else node.n3(names)

    problems = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity = report.value(result, SH.resultSeverity)
        problems.append(
            Problem(
                severity=str(severity).rsplit("#", 1)[-1],
                focus=show(report.value(result, SH.focusNode)) or "",
                path=show(report.value(result, SH.resultPath)),
                message=str(report.value(result, SH.resultMessage) or ""),
                value=show(report.value(result, SH.value)),
            )
        )
    order = {"Violation": 0, "Warning": 1, "Info": 2}
    return tuple(sorted(problems, key=lambda p: (order.get(p.severity, 3), p.focus, p.message)))
