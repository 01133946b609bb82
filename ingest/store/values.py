"""The values a saved query's parameters accept, read from the data, and the check that
a given value is one of them (a wrong value is an error naming the nearest valid ones,
never a silent empty answer).

One table, ``LISTS``: a kind of value (``measures``, ``frameworks``...) -> the SPARQL
query that lists it, each row's first column being what ``--param`` takes; and
``PARAMETERS``: a parameter's name -> the kind it takes. ``ofsted-kg list KIND`` prints
the same lists. A parameter not in the table is checked only for its form.
"""

import difflib

import pyoxigraph as ox

from ..errors import QueryError
from .targets import Target, rows_of

_PREFIXES = """PREFIX okg: <https://w3id.org/ofsted-kg/def#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""

LISTS = {
    "authorities": _PREFIXES + """
SELECT ?authority ?urn ?laCode ?onsCode (COUNT(DISTINCT ?inspection) AS ?inspections) WHERE {
  GRAPH ?authorities { ?node a okg:Authority ; rdfs:label ?authority .
    OPTIONAL { ?node okg:ofstedURN ?urn } OPTIONAL { ?node okg:laCode ?laCode }
    OPTIONAL { ?node okg:onsCode ?onsCode } }
  GRAPH ?report { ?inspection okg:authority ?node ; okg:endDate ?end }
}
GROUP BY ?authority ?urn ?laCode ?onsCode ORDER BY ?authority
""",
    "measures": _PREFIXES + """
SELECT ?measure ?label WHERE {
  GRAPH ?vocabulary { ?node a okg:Measure ; skos:notation ?measure ; skos:prefLabel ?label }
} ORDER BY ?measure
""",
    "frameworks": _PREFIXES + """
SELECT ?framework ?label WHERE {
  GRAPH ?vocabulary { ?node a okg:InspectionFramework ; rdfs:label ?label }
  BIND (STRAFTER(STR(?node), "/scheme/framework/") AS ?framework)
} ORDER BY ?framework
""",
    "roles": _PREFIXES + """
SELECT DISTINCT ?role WHERE { GRAPH ?report { ?quantity okg:role ?role } } ORDER BY ?role
""",
    "units": _PREFIXES + """
SELECT DISTINCT ?unit WHERE { GRAPH ?report { ?quantity okg:unit ?unit } } ORDER BY ?unit
""",
    "inspectors": _PREFIXES + """
SELECT ?name (COUNT(DISTINCT ?inspection) AS ?inspections) WHERE { GRAPH ?report {
  ?inspection okg:ledBy ?lead . ?lead rdfs:label ?name } }
GROUP BY ?name ORDER BY ?name
""",
    "bodies": _PREFIXES + """
SELECT DISTINCT ?body WHERE { GRAPH ?report { ?recommendation a okg:Recommendation ;
  okg:body ?body } } ORDER BY ?body
""",
}

PARAMETERS = {"measure": "measures", "framework": "frameworks", "role": "roles",
              "unit": "units", "body": "bodies", "name": "inspectors"}
_ONE = {"measures": "measure", "frameworks": "framework", "roles": "role", "units": "unit",
        "bodies": "body", "inspectors": "lead inspector"}

_DATES = _PREFIXES + """
SELECT DISTINCT ?end WHERE { GRAPH ?report { ?inspection okg:authority <%s> ;
  okg:endDate ?end } } ORDER BY ?end
"""


def listed(target: Target, kind: str) -> ox.QuerySolutions:
    """The ``kind`` list (a key of ``LISTS``) as the target answers it."""
    return target.answer(LISTS[kind])


def accepted(target: Target, kind: str) -> list[str]:
    """The values of the ``kind`` list: its first column."""
    return [row[0].value for row in rows_of(listed(target, kind)).rows if row[0] is not None]


def nearest(value: str, choices: list[str], count: int = 3) -> list[str]:
    """The valid values nearest ``value``, in any case: a differently cased value first."""
    lower = {choice.lower(): choice for choice in choices}
    near = difflib.get_close_matches(value.lower(), list(lower), n=count, cutoff=0.6)
    inside = [c for c in lower if value.lower() in c and c not in near]
    return [lower[c] for c in near + inside][:count]


def suggestion(value: str, choices: list[str]) -> str:
    near = nearest(value, choices)
    return f"; did you mean {_either(near)}?" if near else ""


def _either(choices: list[str]) -> str:
    return " or ".join(filter(None, [", ".join(choices[:-1]), choices[-1]]))


def check_values(target: Target, values: dict[str, str], declared: set[str]) -> None:
    """Each value of a parameter in ``PARAMETERS`` is one the data holds, else an error
    naming the nearest."""
    for name, value in sorted(values.items()):
        kind = PARAMETERS.get(name)
        if kind is None or name not in declared:
            continue
        choices = accepted(target, kind)
        if value not in choices:
            raise QueryError(f"--param {name}={value!r}: no such {_ONE[kind]} in the data"
                             f"{suggestion(value, choices)} ('ofsted-kg list {kind}' "
                             "lists them)")


def check_inspection(target: Target, authority_iri: str, name: str, value: str) -> None:
    """An inspection date one of that authority's inspections ended on, else an error
    listing the dates they did."""
    dates = [row[0].value for row in rows_of(target.answer(_DATES % authority_iri)).rows
             if row[0] is not None]
    if value not in dates:
        raise QueryError(f"--param inspection={value}: {name} has no inspection whose last "
                         f"day on site was {value}; its inspections ended on "
                         f"{', '.join(dates) or 'no day (none is in the data)'}")
