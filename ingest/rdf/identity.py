"""Deterministic, readable IRIs for everything the graph describes.

An authority is keyed by its Ofsted URN where the reference table knows it, else by
its name. An inspection is keyed by its authority and its last day on site (ILACS reports
print no publication date, so that cannot be the key); everything a report says
hangs below its inspection, numbered as the report numbers it.
"""

import re
from datetime import date

from rdflib import URIRef

from ..authorities import resolve
from ..authorities import slug as slug
from ..model import AuthorityRef
from .namespaces import AREASEND, FRAMEWORK, GRADE, GRADE2012, ID, ILACS, LAC2012, SIF

_PREFIXES = re.compile(
    r"^(?:the\s+)?(?:london\s+borough\s+of|royal\s+borough\s+of|metropolitan\s+borough\s+of|"
    r"borough\s+of|city\s+of|county\s+of|council\s+of\s+the\s+isles\s+of)\s+",
    re.I,
)
_SUFFIXES = re.compile(
    r"\s+(?:metropolitan\s+borough|county\s+borough|borough|city|county)?\s*council$", re.I
)


def authority_name(text: str) -> str:
    """An authority's short name: "London Borough of Wandsworth" is "Wandsworth"."""
    name = _SUFFIXES.sub("", _PREFIXES.sub("", re.sub(r"^the\s+", "", text.strip(), flags=re.I)))
    return re.sub(r"\s+", " ", name).strip()


def authority_key(authority: str | AuthorityRef) -> str:
    """A known authority's Ofsted URN (stable across renames); any other's name as a slug.
    A report's authority is resolved once when parsed (``Report.identity``)."""
    return (authority if isinstance(authority, AuthorityRef) else resolve(authority)).key


def authority_iri(name: str | AuthorityRef) -> URIRef:
    return ID[f"authority/{authority_key(name)}"]


def inspection_iri(authority: str | AuthorityRef, end: date) -> URIRef:
    return ID[f"inspection/{authority_key(authority)}/{end.isoformat()}"]


def report_iri(authority: str | AuthorityRef, end: date) -> URIRef:
    return ID[f"report/{authority_key(authority)}/{end.isoformat()}"]


def source_iri(sha256: str) -> URIRef:
    return ID[f"source/sha256-{sha256}"]


def below(parent: URIRef, *parts: object) -> URIRef:
    return URIRef("/".join([str(parent), *(str(p) for p in parts)]))


def area_iri(scheme: str, key: str) -> URIRef:
    return {"sif": SIF, "ilacs": ILACS, "lac-2012": LAC2012, "area-send": AREASEND}[scheme][key]


def grade_iri(key: str, scheme: str = "") -> URIRef:
    """A grade of the four-point scale, or of the 2012 scale for that scheme's areas."""
    return (GRADE2012 if scheme == "lac-2012" else GRADE)[key]


def framework_iri(key: str) -> URIRef:
    return FRAMEWORK[key]
