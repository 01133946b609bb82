"""English local authorities, identified by their codes, and the names reports give them.

``authorities.csv`` beside this module is a copy of the facts the project needs from
``authorities.csv`` in the shared reference folder (copied 2026-11-23): one row an authority,
sorted by Ofsted URN, with its DfE LA code, ONS code, name, other names, region and type,
and the LA codes of its statistical neighbours (the DfE's, in the reference's order).
``scripts/refresh_authorities.py`` regenerates it from a newer reference file. Abolished
authorities (old Northamptonshire, Poole, Cumbria) are kept without an ONS code: older reports
name them.

Reports name an authority in many forms ("London Borough of Wandsworth", "Wandsworth",
"Kingston upon Hull City Council", "Hull"); ``lookup`` reduces a form to its distinctive words
and matches those exactly, never approximately, so that "Northamptonshire" is not taken for
"West Northamptonshire".
"""

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .model import AuthorityRef

TABLE = Path(__file__).parent / "authorities.csv"
COLUMNS = ("urn", "la_code", "ons_code", "name", "also_known_as", "region_code", "region_name",
           "la_type", "stat_neighbours")
ALIAS_SEPARATOR = "; "

# Words that say what kind of body an authority is, not which one; stripped from either end.
_LEADING = ("the", "london borough of", "royal borough of", "metropolitan borough of",
            "borough of", "city of", "county of", "council of the",
            "county")
_TRAILING = ("unitary authority", "local safeguarding children board",
             "safeguarding children board",
             "safeguarding children partnership", "childrens social care services",
             "childrens social care", "childrens services", "local authority", "city of",
             "council", "borough", "metropolitan", "district", "county", "city")


@dataclass(frozen=True)
class Authority:
    urn: str
    la_code: str
    ons_code: str | None
    name: str
    region_code: str | None
    region_name: str | None
    la_type: str | None
    stat_neighbours: tuple[str, ...] = ()  # DfE LA codes of its statistical neighbours


def normalise(text: str) -> str:
    """The distinctive words of an authority's name, lower case, single-spaced.

    "The Royal Borough of Windsor & Maidenhead" and "Windsor and Maidenhead" are both
    "windsor and maidenhead"; "St. Helens Council" is "st helens".
    """
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower().replace("&", " and ")
    text = re.sub(r"[^a-z0-9]+", " ", text.replace("'", "")).strip()
    text = re.sub(r"\bsaint\b", "st", text)
    changed = True
    while changed:
        changed = False
        for phrase in _LEADING:
            if text.startswith(phrase + " "):
                text, changed = text[len(phrase) + 1:], True
        for phrase in _TRAILING:
            if text.endswith(" " + phrase):
                text, changed = text[: -len(phrase) - 1], True
    return text


def _optional(value: str) -> str | None:
    return value.strip() or None


def _read(path: Path) -> list[tuple[Authority, tuple[str, ...]]]:
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    return [
        (
            Authority(
                urn=row["urn"], la_code=row["la_code"], ons_code=_optional(row["ons_code"]),
                name=row["name"], region_code=_optional(row["region_code"]),
                region_name=_optional(row["region_name"]), la_type=_optional(row["la_type"]),
                stat_neighbours=tuple(row.get("stat_neighbours", "").split()),
            ),
            tuple(a.strip() for a in row["also_known_as"].split(";") if a.strip()),
        )
        for row in rows
    ]


@cache
def authorities() -> tuple[Authority, ...]:
    """Every authority in the table, in URN order."""
    return tuple(authority for authority, _ in _read(TABLE))


@cache
def _index() -> tuple[dict[str, list[Authority]], dict[str, list[Authority]]]:
    names: dict[str, list[Authority]] = {}
    aliases: dict[str, list[Authority]] = {}
    for authority, others in _read(TABLE):
        names.setdefault(normalise(authority.name), []).append(authority)
        for other in others:
            aliases.setdefault(normalise(other), []).append(authority)
    return names, aliases


def _choose(candidates: list[Authority]) -> Authority | None:
    """One authority of several sharing a name: the current one, the one with an ONS code."""
    if len(candidates) > 1:
        candidates = [a for a in candidates if a.ons_code] or candidates
    return candidates[0] if len(candidates) == 1 else None


@cache
def lookup(text: str) -> Authority | None:
    """The authority ``text`` names, or None when it names none or several equally well.

    A name or other name of the table, reduced by ``normalise``, matches exactly; failing
    that, a short form ("Newcastle", "East Riding") matches the one authority whose name
    begins with its words, and none where several do."""
    key = normalise(text)
    if not key:
        return None
    names, aliases = _index()
    if key in names:
        return _choose(names[key])
    if key in aliases:
        return _choose(aliases[key])
    return _by_first_words(key, {**aliases, **names})


# A short form leaves out a qualifier of the place ("Newcastle [upon Tyne]", "East Riding
# [of Yorkshire]", "Stockton[-on-Tees]"), never another place ("Bournemouth[, Christchurch
# and Poole]" names an authority of its own).
_QUALIFIER = re.compile(r"^(?:upon|on|of|under|in) ")


def _by_first_words(key: str, known: dict[str, list[Authority]]) -> Authority | None:
    """The one authority whose name is the words of ``key`` and a qualifier, or None."""
    found = {
        authority.urn: authority
        for name, candidates in known.items()
        if name.startswith(key + " ") and _QUALIFIER.match(name[len(key) + 1 :])
        for authority in candidates
    }
    if len(found) > 1:
        found = {urn: a for urn, a in found.items() if a.ons_code} or found
    return next(iter(found.values())) if len(found) == 1 else None


@cache
def _by_urn() -> dict[str, Authority]:
    return {authority.urn: authority for authority in authorities()}


@cache
def _by_la_code() -> dict[str, Authority]:
    """Each LA code's authority; where an abolished and a current authority share a code,
    the current one (with an ONS code)."""
    found: dict[str, Authority] = {}
    for authority in authorities():
        if authority.la_code not in found or authority.ons_code:
            found[authority.la_code] = authority
    return found


def by_la_code(code: str) -> Authority | None:
    return _by_la_code().get(code)


def by_urn(urn: str) -> Authority | None:
    return _by_urn().get(urn)


def slug(text: str) -> str:
    text = text.lower().replace("&", " and ")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


@cache
def resolve(printed: str) -> AuthorityRef:
    """The authority a report names, resolved once: its URN where the reference table
    knows it, else a slug of its distinctive words (and ``urn`` None, so it is flagged)."""
    known = lookup(printed)
    key = known.urn if known is not None else slug(normalise(printed))
    return AuthorityRef(" ".join(printed.split()), key, known.urn if known else None)
