"""The named graphs of the data layout, as plain strings (no RDF library needed).

Each report is one graph named by the report's IRI (``id/report/<authority>/<end>``).
Shared graphs hold each fact once: the authorities' own facts, the vocabulary (every
``ontology/*.ttl``) and what the store derives across reports (the history).
"""

BASE = "https://w3id.org/ofsted-kg/"
ID = BASE + "id/"
REPORTS = ID + "report/"
SHARED = ID + "graph/"
AUTHORITIES = SHARED + "authorities"
VOCABULARY = SHARED + "vocabulary"
HISTORY = SHARED + "history"
FOLLOW_THROUGH = SHARED + "follow-through"
INTEGRITY = SHARED + "integrity"  # what each graph should hold (store.integrity)

OKG = BASE + "def#"
OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"


def is_shared(name: str) -> bool:
    """Whether a graph is one of the shared graphs (any other holds a report's facts)."""
    return name.startswith(SHARED)
