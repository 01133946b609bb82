"""Every namespace the project uses, once, and one function to bind them."""

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SH, SKOS, XSD

BASE = "https://w3id.org/ofsted-kg/"
OKG = Namespace(BASE + "def#")
ID = Namespace(BASE + "id/")
GRADE = Namespace(BASE + "scheme/grade/")
SIF = Namespace(BASE + "scheme/sif/")
ILACS = Namespace(BASE + "scheme/ilacs/")
FRAMEWORK = Namespace(BASE + "scheme/framework/")
LAC2012 = Namespace(BASE + "scheme/lac-2012/")  # 2012 looked after children inspections
GRADE2012 = Namespace(BASE + "scheme/grade-2012/")  # their scale, with "Adequate"
MEASURE = Namespace(BASE + "scheme/measure/")
AREASEND = Namespace(BASE + "scheme/area-send/")  # sections of area SEND reports
SENDOUTCOME = Namespace(BASE + "scheme/area-send-outcome/")  # their three outcomes

PREFIXES = {
    "okg": OKG,
    "grade": GRADE,
    "sif": SIF,
    "ilacs": ILACS,
    "framework": FRAMEWORK,
    "lac2012": LAC2012,
    "grade2012": GRADE2012,
    "measure": MEASURE,
    "areasend": AREASEND,
    "sendoutcome": SENDOUTCOME,
    "dcterms": DCTERMS,
    "org": ORG,
    "owl": OWL,
    "prov": PROV,
    "rdf": RDF,
    "rdfs": RDFS,
    "sh": SH,
    "skos": SKOS,
    "xsd": XSD,
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes so every serialised file reads the same."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph
