"""Stage 4: check graphs against the SHACL shapes and summarise what is wrong."""

from dataclasses import dataclass

from rdflib import Graph
from rdflib.namespace import RDF, SH

from .namespaces import bind_prefixes
from .vocabulary import shapes, vocabulary


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


def validate(data: Graph) -> Outcome:
    from pyshacl import validate as shacl_validate  # heavy: loaded on use

    # The vocabulary joins the data: shapes look up what each framework requires.
    _, report, _ = shacl_validate(
        data + vocabulary(),
        shacl_graph=shapes(),
        inference="rdfs",
        allow_warnings=True,
        advanced=True,
    )
    bind_prefixes(report)
    problems = _problems(report)
    # Decided here rather than by pyshacl, so only violations ever fail a graph.
    return Outcome(not any(p.severity == "Violation" for p in problems), problems, report)


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
                focus=show(report.value(result, SH.focusNode)),
                path=show(report.value(result, SH.resultPath)),
                message=str(report.value(result, SH.resultMessage) or ""),
                value=show(report.value(result, SH.value)),
            )
        )
    order = {"Violation": 0, "Warning": 1, "Info": 2}
    return tuple(sorted(problems, key=lambda p: (order.get(p.severity, 3), p.focus, p.message)))
