"""The ``authority`` parameter, resolved once to the authority's node in the data.

Accepted: the authority's name as the reference table or a report prints it (any case,
"London Borough of Wandsworth" or "Wandsworth"), its Ofsted URN, DfE LA code or ONS code,
or its IRI. An authority the data does not hold is an error, never an empty answer.
"""

from ..errors import QueryError
from .names import ID
from .targets import Target
from .values import accepted, suggestion

_KEYS = """
PREFIX okg: <https://w3id.org/ofsted-kg/def#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?node ?key WHERE {
  GRAPH ?graph {
    ?node a okg:Authority ; ?property ?key .
    VALUES ?property { rdfs:label skos:prefLabel skos:altLabel okg:ofstedURN okg:laCode
                       okg:onsCode }
  }
}
"""


def authority_keys(target: Target) -> dict[str, set[str]]:
    """Each authority node in the target's data -> its names and codes, in lower case."""
    keys: dict[str, set[str]] = {}
    for solution in target.answer(_KEYS):
        node, key = solution["node"], solution["key"]
        if node is None or key is None:  # both are bound in every solution of _KEYS
            continue
        keys.setdefault(node.value, set()).add(" ".join(key.value.split()).lower())
    return keys


# The same, for a few spellings of one value: found through the store's index of objects,
# so the answer costs the same however many authorities the data holds.
_KEYS_NAMED = """
PREFIX okg: <https://w3id.org/ofsted-kg/def#>
SELECT DISTINCT ?node ?key WHERE {
  GRAPH ?graph { ?node ?property ?key . ?node a okg:Authority . }
  VALUES ?property { <http://www.w3.org/2000/01/rdf-schema#label>
                     <http://www.w3.org/2004/02/skos/core#prefLabel>
                     <http://www.w3.org/2004/02/skos/core#altLabel> okg:ofstedURN okg:laCode
                     okg:onsCode }
  VALUES ?key { %s }
}
"""


def _spellings(value: str) -> list[str]:
    """The value as given, in lower and upper case and with each word capitalised."""
    spaced = " ".join(value.split())
    return sorted({spaced, spaced.lower(), spaced.upper(), spaced.title()})


def _named(target: Target, value: str) -> set[str]:
    """Authority nodes one of whose names or codes is ``value`` in a usual spelling."""
    import json

    literals = " ".join(json.dumps(s) for s in _spellings(value))
    return {s["node"].value for s in target.answer(_KEYS_NAMED % literals)
            if s["node"] is not None}


def resolve_authority(target: Target, value: str) -> str:
    """The IRI of the authority ``value`` names, among those the target holds. A name
    or code in a usual spelling is looked up directly; anything else (an IRI, another
    spelling, a name the reference table knows) reads every authority's names."""
    found = _named(target, value)
    if len(found) == 1:
        node = found.pop()
        if _inspected(target, node):
            return node
        raise _uninspected(target, value)
    keys = authority_keys(target)
    wanted = " ".join(value.split()).lower()
    found = {node for node, names in keys.items() if wanted in names or value == node}
    if not found:
        from ..authorities import lookup  # the reference table: read only when needed

        known = lookup(value)
        reference = f"{ID}authority/{known.urn}" if known is not None else None
        found = {reference} if reference is not None and reference in keys else set()
    if len(found) == 1:
        node = found.pop()
        if _inspected(target, node):
            return node
        raise _uninspected(target, value)
    inspected = accepted(target, "authorities")  # the names of those with an inspection
    if found:
        raise QueryError(f"--param authority={value!r} names {len(found)} authorities "
                              f"({', '.join(sorted(found))}); give its Ofsted URN")
    raise QueryError(
        f"--param authority={value!r}: no such authority in the data"
        f"{suggestion(value, inspected)} ('ofsted-kg list authorities' lists the "
        f"{len(inspected)} it holds: a name as a report prints it, an Ofsted URN, LA code "
        "or ONS code)")


_INSPECTION_OF = """
PREFIX okg: <https://w3id.org/ofsted-kg/def#>
SELECT ?inspection WHERE { GRAPH ?g { ?inspection okg:authority <%s> ; okg:endDate ?end } }
LIMIT 1
"""


def _inspected(target: Target, node: str) -> bool:
    """Whether the data holds an inspection of the authority ``node`` (a county replaced by
    unitary authorities may be known only by name)."""
    return any(True for _ in target.answer(_INSPECTION_OF % node))


def _uninspected(target: Target, value: str) -> QueryError:
    inspected = accepted(target, "authorities")
    return QueryError(f"--param authority={value!r}: the data holds no inspection of it"
                      f"{suggestion(value, inspected)} ('ofsted-kg list authorities' lists "
                      "those it holds)")
