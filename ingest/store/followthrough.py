"""The derived follow-through graph: each recommendation of one inspection followed into
the same authority's next inspection in the store (``ingest.enrich.followthrough``).

Like the history graph it is recomputed from the report graphs alone after every ingest,
so the order of ingests does not change it. Two inspections are consecutive when the store
holds no report of the same authority and the same inspection series between them (a
framework's ``okg:inspectionSeries`` in the vocabulary; a framework without one is a
series of its own).
"""

from collections import defaultdict
from collections.abc import Iterator

import pyoxigraph as ox

from .names import FOLLOW_THROUGH, OKG, REPORTS, VOCABULARY

_INSPECTIONS = f"""
PREFIX okg: <{OKG}>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?inspection ?authority ?start ?end ?series WHERE {{
  GRAPH ?report {{
    ?report prov:wasGeneratedBy ?inspection .
    ?inspection okg:authority ?authority ; okg:startDate ?start ; okg:endDate ?end ;
        okg:framework ?framework .
  }}
  OPTIONAL {{ GRAPH <{VOCABULARY}> {{ ?framework okg:inspectionSeries ?declared }} }}
  BIND (COALESCE(?declared, ?framework) AS ?series)
  FILTER (STRSTARTS(STR(?report), "{REPORTS}"))
}}
"""

_REPORTS = f"""
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?report ?inspection WHERE {{
  GRAPH ?report {{ ?report prov:wasGeneratedBy ?inspection }}
  FILTER (STRSTARTS(STR(?report), "{REPORTS}"))
}}
"""

_ITEMS = """
PREFIX okg: <https://w3id.org/ofsted-kg/def#>
SELECT ?report ?item ?number ?body ?text WHERE {
  GRAPH ?report { ?item a okg:%s ; okg:inReport ?report ; okg:number ?number ; okg:text ?text ;
      okg:body ?body }
}
"""

_SUPPORTS = """
PREFIX okg: <https://w3id.org/ofsted-kg/def#>
SELECT ?report ?finding ?recommendation WHERE {
  GRAPH ?report { ?finding okg:supports ?recommendation }
}
"""


def consecutive(store: ox.Store) -> list[tuple[str, str, tuple[int, ...]]]:
    """(earlier inspection, later inspection, the earlier one's years on site) for each
    pair of consecutive inspections of one authority and series, sorted."""
    series: dict[tuple[str, str], list[tuple[str, str, str, tuple[int, ...]]]] = defaultdict(list)
    for row in store.query(_INSPECTIONS):  # type: ignore[union-attr]
        start, end = row["start"].value, row["end"].value
        years = tuple(sorted({int(start[:4]), int(end[:4])}))
        key = (row["authority"].value, row["series"].value)
        series[key].append((end, start, row["inspection"].value, years))
    pairs = []
    for group in series.values():
        group.sort()
        pairs += [(a[2], b[2], a[3]) for a, b in zip(group, group[1:], strict=False) if a[0] < b[1]]
    return sorted(pairs)


def _items(store: ox.Store, wanted: set[str]) -> dict[str, dict[str, list]]:
    """Inspection IRI -> {"Recommendation": [...], "Finding": [...], "supports": [...]}:
    ``Item``s in the order of their body and number, and the report's own links (finding
    IRI, recommendation IRI), sorted."""
    from ..enrich.followthrough import Item

    inspection = {row["report"].value: row["inspection"].value
                  for row in store.query(_REPORTS)}  # type: ignore[union-attr]
    found: dict[str, dict[str, list]] = defaultdict(
        lambda: {"Recommendation": [], "Finding": [], "supports": []})
    for kind in ("Recommendation", "Finding"):
        for row in store.query(_ITEMS % kind):  # type: ignore[union-attr]
            of = inspection.get(row["report"].value)
            if of in wanted:
                found[of][kind].append(Item(row["item"].value, int(row["number"].value),
                                            row["body"].value, row["text"].value))
    for row in store.query(_SUPPORTS):  # type: ignore[union-attr]
        if (of := inspection.get(row["report"].value)) in wanted:
            found[of]["supports"].append((row["finding"].value, row["recommendation"].value))
    for kinds in found.values():
        for kind in ("Recommendation", "Finding"):
            kinds[kind].sort(key=lambda i: (i.body != "local-authority", i.body, i.number, i.iri))
        kinds["supports"].sort()
    return found


def pairs(store: ox.Store) -> Iterator:
    """Each consecutive pair (``enrich.followthrough.Pair``) with its reports' items."""
    from ..enrich.followthrough import Pair

    found = consecutive(store)
    items = _items(store, {i for pair in found for i in pair[:2]})
    for earlier, later, years in found:
        before, after = items[earlier], items[later]
        yield Pair(earlier, later, years, tuple(before["Recommendation"]),
                   tuple(after["Recommendation"]), tuple(after["Finding"]),
                   tuple(after["supports"]))


def follow_through_quads(store: ox.Store) -> list[ox.Quad]:
    """The follow-through graph the store's reports imply, sorted."""
    from ..enrich.followthrough import follow
    from ..rdf.followthrough import follow_through_triples

    graph = ox.NamedNode(FOLLOW_THROUGH)
    found = {ox.Quad(s, p, o, graph)
             for pair in pairs(store) for result in follow(pair)
             for s, p, o in follow_through_triples(result)}
    return sorted(found, key=str)


def follow_through_update(quads: list[ox.Quad]) -> str:
    """One SPARQL update replacing the follow-through graph with ``quads``."""
    triples = ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES) or b""
    return (f"DROP SILENT GRAPH <{FOLLOW_THROUGH}> ;\n"
            f"INSERT DATA {{ GRAPH <{FOLLOW_THROUGH}> {{\n{triples.decode('utf-8')} }} }}")
