"""The derived history graph: each report's "previous inspection" joined to that
inspection's own node, recomputed from whatever reports a store holds.

Report graphs never depend on each other: a report always describes its previous
inspection as a node of its own (``<inspection>/previous``). After every ingest the
history graph is rebuilt from the store's contents with the matching rules of
``ingest.enrich.history``, as ``<later inspection>/previous owl:sameAs <earlier
inspection>``. It is a function of the set of report graphs only, so the order of
ingests and the number of runs do not change it.
"""

from datetime import date

import pyoxigraph as ox

from .names import HISTORY, OWL_SAME_AS, REPORTS

_INSPECTIONS = f"""
PREFIX okg: <https://w3id.org/ofsted-kg/def#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?report ?inspection ?authority ?framework ?start ?end ?published ?previous ?month
WHERE {{
  GRAPH ?report {{
    ?report prov:wasGeneratedBy ?inspection .
    ?inspection okg:authority ?authority ; okg:startDate ?start ; okg:endDate ?end ;
        okg:framework ?framework .
    OPTIONAL {{ ?report dcterms:issued ?published }}
    OPTIONAL {{ ?inspection okg:previousInspection ?previous .
               ?previous okg:reportPublished ?month }}
  }}
  FILTER (STRSTARTS(STR(?report), "{REPORTS}"))
}}
"""


_RECALLED = f"""
PREFIX okg: <https://w3id.org/ofsted-kg/def#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?node ?authority ?start ?framework ?month WHERE {{
  GRAPH ?report {{
    ?report prov:wasGeneratedBy ?inspection .
    ?inspection okg:startDate ?start .
    ?node okg:statedFramework ?framework ; okg:authority ?authority ;
        okg:reportPublished|dcterms:date ?month .
  }}
  FILTER (STRSTARTS(STR(?report), "{REPORTS}"))
  FILTER (STRSTARTS(STR(?node), CONCAT(STR(?inspection), "/")))
}}
"""


def _select(store: ox.Store, query: str) -> ox.QuerySolutions:
    solutions = store.query(query)
    assert isinstance(solutions, ox.QuerySolutions)  # both queries are SELECTs
    return solutions


def _day(term) -> date | None:
    try:
        return date.fromisoformat(term.value) if term is not None else None
    except ValueError:
        return None


def inspections(store: ox.Store) -> tuple[list, dict[str, str]]:
    """Every inspection a report graph of ``store`` reports on (``Inspected``), and each
    one's previous-inspection node (its IRI -> that node)."""
    from ..enrich.history import Inspected  # with rdflib: only when writing

    found: list[Inspected] = []
    placeholders: dict[str, str] = {}
    for row in _select(store, _INSPECTIONS):
        start, end = _day(row["start"]), _day(row["end"])
        if start is None or end is None:
            continue
        month = row["month"].value[:7] if row["month"] is not None else None
        inspection = row["inspection"].value
        found.append(Inspected(row["authority"].value, inspection, start, end,
                               _day(row["published"]), month, row["framework"].value))
        if row["previous"] is not None:
            placeholders[inspection] = row["previous"].value
    return found, placeholders


def recalled(store: ox.Store) -> list:
    """Every earlier-framework inspection a report graph of ``store`` recalls (``Recalled``)."""
    from ..enrich.history import Recalled

    found = []
    for row in _select(store, _RECALLED):
        start = _day(row["start"])
        if start is not None:
            found.append(Recalled(row["node"].value, row["authority"].value, start,
                                  row["framework"].value, row["month"].value[:7]))
    return found


def history_quads(store: ox.Store) -> list[ox.Quad]:
    """The history graph as the store's report graphs imply it, sorted: each previous
    inspection, and each recalled earlier-framework inspection, joined to its own node."""
    from ..enrich.history import match_previous, match_recalled

    items, placeholders = inspections(store)
    links = {placeholders[later]: earlier for later, earlier in match_previous(items).items()
             if later in placeholders}
    links.update(match_recalled(items, recalled(store)))
    graph, same = ox.NamedNode(HISTORY), ox.NamedNode(OWL_SAME_AS)
    return [ox.Quad(ox.NamedNode(node), same, ox.NamedNode(own), graph)
            for node, own in sorted(links.items())]
