"""The grade scale, the service areas and the inspection frameworks.

The ontology (``ontology/frameworks.ttl``) is the published form of these terms;
this module holds the keys and labels the parser matches text against, and a
test keeps the two in step.
"""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache


@dataclass(frozen=True)
class Grade:
    key: str
    label: str
    rank: int | None  # 1 is best; None outside the four-point scale ("Not judged")
    scale: str = "grade"  # "grade-2012" for the 2012 scale with "Adequate"


GRADES = (
    Grade("outstanding", "Outstanding", 1),
    Grade("good", "Good", 2),
    Grade("requires-improvement", "Requires improvement to be good", 3),
    Grade("inadequate", "Inadequate", 4),
    Grade("not-judged", "Not judged", None),
)
GRADE_BY_KEY = {g.key: g for g in GRADES}
GRADES_2012 = (
    Grade("outstanding", "Outstanding", 1, "grade-2012"),
    Grade("good", "Good", 2, "grade-2012"),
    Grade("adequate", "Adequate", 3, "grade-2012"),
    Grade("inadequate", "Inadequate", 4, "grade-2012"),
)

# The words a report grades with, for every parser's patterns (one source of grade words).
GRADE_WORDS = (
    r"Requires?\s+improvement(?:\s+to\s+be\s+good)?|Good|Inadequate|Outstanding|Not\s+judged"
)


@dataclass(frozen=True)
class ServiceArea:
    scheme: str  # "sif" or "ilacs"
    key: str
    label: str
    alt_labels: tuple[str, ...] = ()

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label, *self.alt_labels)


SERVICE_AREAS = (
    ServiceArea("sif", "overall", "Overall effectiveness"),
    ServiceArea("sif", "help-and-protection", "Children who need help and protection"),
    ServiceArea(
        "sif", "looked-after", "Children looked after and achieving permanence"
    ),
    ServiceArea("sif", "adoption", "Adoption performance"),
    ServiceArea("sif", "care-leavers", "Experiences and progress of care leavers"),
    ServiceArea("sif", "leadership", "Leadership, management and governance"),
    ServiceArea(
        "sif",
        "lscb",
        "Review of the effectiveness of the Local Safeguarding Children Board",
        ("The effectiveness of the Local Safeguarding Children Board", "LSCB"),
    ),
    ServiceArea("ilacs", "overall", "Overall effectiveness"),
    ServiceArea(
        "ilacs",
        "leadership",
        "The impact of leaders on social work practice with children and families",
    ),
    ServiceArea(
        "ilacs",
        "help-and-protection",
        "The experiences and progress of children who need help and protection",
    ),
    ServiceArea(
        "ilacs",
        "in-care-and-care-leavers",
        "The experiences and progress of children in care and care leavers",
    ),
    ServiceArea("ilacs", "in-care", "The experiences and progress of children in care"),
    ServiceArea("ilacs", "care-leavers", "The experiences and progress of care leavers"),
    ServiceArea(
        "lac-2012", "overall", "Overall effectiveness",
        ("Overall effectiveness of services for looked after children and young people",),
    ),
    ServiceArea("lac-2012", "capacity-to-improve", "Capacity to improve"),
    ServiceArea("lac-2012", "outcomes", "Outcomes for looked after children and young people"),
    ServiceArea("lac-2012", "quality-of-provision", "Quality of provision"),
    ServiceArea("lac-2012", "leadership", "Leadership and management"),
    ServiceArea("lac-2012", "protection-overall",
                "Overall effectiveness of the arrangements for the protection of children"),
    # Area SEND reports grade nothing: their findings belong to these sections.
    ServiceArea("area-send", "partnership", "Information about the local area partnership"),
    ServiceArea("area-send", "experiences",
                "What it is like to be a child or young person with SEND in the area"),
    ServiceArea("area-send", "effective", "What the area partnership is doing that is effective"),
    ServiceArea("area-send", "do-better", "What the area partnership needs to do better"),
)


@dataclass(frozen=True)
class Framework:
    key: str
    scheme: str
    label: str
    required: tuple[str, ...]  # service-area keys judged in every inspection


FRAMEWORKS = (
    Framework(
        "sif",
        "sif",
        "Single inspection framework (2013-2018)",
        ("overall", "help-and-protection", "looked-after", "adoption", "care-leavers",
         "leadership"),
    ),
    Framework(
        "sif-lscb",
        "sif",
        "Single inspection framework with a review of the LSCB (2013-2018)",
        ("overall", "help-and-protection", "looked-after", "adoption", "care-leavers",
         "leadership", "lscb"),
    ),
    Framework(
        "ilacs-2018",
        "ilacs",
        "Inspecting local authority children's services (2018-2022)",
        ("overall", "leadership", "help-and-protection", "in-care-and-care-leavers"),
    ),
    Framework(
        "ilacs-2023",
        "ilacs",
        "Inspecting local authority children's services (2023 onwards)",
        ("overall", "leadership", "help-and-protection", "in-care", "care-leavers"),
    ),
    Framework(
        "ilacs-2026",
        "ilacs",
        "Inspecting local authority children's services, without an overall judgement (2026)",
        ("leadership", "help-and-protection", "in-care", "care-leavers"),
    ),
    Framework(
        "lac-2012",
        "lac-2012",
        "Inspection of looked after children services (2012 framework)",
        ("overall", "capacity-to-improve", "outcomes", "quality-of-provision", "leadership"),
    ),
    Framework(
        "protection-2012",
        "lac-2012",
        "Inspection of arrangements for the protection of children (2012 framework)",
        ("protection-overall",),
    ),
    Framework(
        "area-send",
        "area-send",
        "Area SEND inspection of a local area partnership (Ofsted and CQC, 2023 onwards)",
        (),  # no judgements: an outcome of its own scheme (see ontology/area-send.ttl)
    ),
    Framework(
        "lscb",
        "sif",
        "Review of the effectiveness of a Local Safeguarding Children Board, on its own",
        ("lscb",),
    ),
)
FRAMEWORK_BY_KEY = {f.key: f for f in FRAMEWORKS}


def areas_of(scheme: str) -> tuple[ServiceArea, ...]:
    return tuple(a for a in SERVICE_AREAS if a.scheme == scheme)


_GRADE_PATTERNS = (
    ("not-judged", re.compile(r"\bnot\s+judged\b", re.I)),
    ("requires-improvement", re.compile(r"requires?\s+improvement", re.I)),
    ("inadequate", re.compile(r"\binadequate\b", re.I)),
    ("outstanding", re.compile(r"\boutstanding\b", re.I)),
    ("good", re.compile(r"\bgood\b", re.I)),
)


def grade_in(text: str) -> Grade | None:
    """The grade a phrase states ("require improvement to be good" is not "good")."""
    for key, pattern in _GRADE_PATTERNS:
        if pattern.search(text):
            return GRADE_BY_KEY[key]
    return None


_GRADE_VOCABULARY = ("requires", "improvement", "inadequate", "outstanding", "judged")


def damaged_grade_words(text: str) -> bool:
    """Whether ``text`` holds a grade word misprinted ("improvment", as a damaged text
    layer gives) or ends as a grade phrase begins ("... to be"): a grade word after it
    is then the tail of a phrase that cannot be read, never a grade of its own."""
    words = re.findall(r"[a-z]+", text.lower())
    if words[-2:] == ["to", "be"] or words[-1:] == ["be"]:
        return True
    return any(
        len(word) >= 5 and word not in _GRADE_VOCABULARY and word != "require"
        and SequenceMatcher(None, word, known).ratio() >= 0.8
        for word in words for known in _GRADE_VOCABULARY)


def whole_grade(before: str, phrase: str, after: str = "") -> Grade | None:
    """The grade of a table cell ``phrase``, printed after ``before`` (the row's label)
    and before ``after``, only where the phrase is whole: "Requires improvment to be
    good" is no grade (never Good), nor is "Requires improvement to be gxod"."""
    if damaged_grade_words(before) or re.match(r"\s*to\b(?!\s+be\s+good\b)", after, re.I):
        return None
    return grade_in(phrase)


def first_grade(text: str) -> Grade | None:
    """The grade a text states first ("Requires improvement ... good" is the former)."""
    found = [(m.start(), key) for key, pattern in _GRADE_PATTERNS if (m := pattern.search(text))]
    return GRADE_BY_KEY[min(found)[1]] if found else None


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


@lru_cache(maxsize=4096)
def _coverage(text: str, label: str) -> float:
    """How much of ``label`` appears, in order, in ``text`` (0 to 1).

    Works on letters only, so words split by extraction ("Childre n") still match.
    """
    a, b = _letters(text), _letters(label)
    if not a or not b:
        return 0.0
    blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    matched = sum(block.size for block in blocks if block.size >= 3)
    return matched / len(b)


def match_area(
    text: str, scheme: str, minimum: float = 0.8, candidates: tuple[str, ...] | None = None
) -> ServiceArea | None:
    """The service area of ``scheme`` whose label ``text`` names, or None.

    The longest label that is (nearly) all present wins, so "children in care and
    care leavers" is not taken for "children in care".
    """
    best: tuple[float, int, ServiceArea] | None = None
    for area in areas_of(scheme):
        if candidates is not None and area.key not in candidates:
            continue
        for label in area.labels:
            score = _coverage(text, label)
            if score >= minimum:
                rank = (round(score, 2), len(_letters(label)), area)
                if best is None or rank[:2] > best[:2]:
                    best = rank
    return best[2] if best else None
