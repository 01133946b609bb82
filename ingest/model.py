"""A parsed report as plain typed objects: what the parser gives the graph builder."""

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Listing:
    """Where a fetched file was published, as the download folder's manifest records it
    (see ingest/fetch)."""

    url: str  # the file's URL
    provider_page: str  # the page that lists it
    published: date | None  # the publication date the site lists
    listed_as: str  # the type and date as the site wrote them


@dataclass(frozen=True)
class Source:
    """The file a report was read from."""

    name: str  # file name, without folders, so graphs do not depend on where it lay
    sha256: str
    media_type: str  # application/pdf, text/markdown or text/plain
    location: str = ""  # the path as given, for messages only (never in the graph)
    created: date | None = None  # a PDF's own creation date (its metadata), where it has one
    listing: Listing | None = None  # where it was published, for a file ofsted-kg fetched


@dataclass(frozen=True)
class Line:
    text: str
    page: int | None  # None where the source has no pages
    bullet: int = 0  # list level the line opens: 0 none, 1 item, 2 sub-item


@dataclass(frozen=True)
class SourceText:
    source: Source
    lines: tuple[Line, ...]
    # The file's bytes, for a parser that reads a table by position (a PDF's character
    # boxes) or by the tabs a text rendering keeps between cells (see parsing.columns).
    data: bytes = field(default=b"", repr=False, compare=False)


@dataclass(frozen=True)
class Inspector:
    """A person the report names as an inspector, with the role printed after the name."""

    name: str
    role: str | None = None  # "His Majesty's Inspector", "Senior HMI", "HMI", ...: as printed
    page: int | None = None  # where the line naming them is printed
    printed: str | None = None  # that line, as printed ("Lead inspector: ..."), wraps joined


@dataclass(frozen=True)
class Judgement:
    area: str  # service-area key within the report's scheme
    grade: str | None  # grade key; None where the row's grade cannot be read
    page: int | None = None  # where it was read (None where the source has no pages)
    printed: str | None = None  # the row label or sentence it was read from, as printed


@dataclass(frozen=True)
class Finding:
    number: int
    text: str
    area: str | None
    page: int | None
    flagged: bool  # ends with the "(Recommendation)" marker
    body: str = "local-authority"  # or "lscb": findings of the board's review
    cites: tuple[int, ...] = ()  # recommendations a "(recommendation 3)" marker names
    printing: int = 1  # 2 for a second paragraph the report prints with the same number


@dataclass(frozen=True)
class Recommendation:
    number: int  # as printed; for a bulleted list, the item's place in it
    text: str
    body: str = "local-authority"  # or "lscb" for the board's own recommendations
    printed: bool = True  # False where the report lists it as an unnumbered bullet
    citation: str | None = None  # "(paragraphs 31, 34)" as printed, taken out of ``text``
    cited: tuple[int, ...] = ()  # the paragraph numbers the citation names
    printing: int = 1  # 2 for a second item the report prints with the same number
    # Area SEND reports: "priority-action" or "area-for-improvement", the responsible body
    # as the table prints it (priority actions), and the page it starts on.
    kind: str | None = None
    responsible: str | None = None
    page: int | None = None


@dataclass(frozen=True)
class EmptyList:
    """A report's statement that one of its lists of recommendations has no items ("The
    inspection did not find any areas for priority and immediate action"): neither a
    finding nor a recommendation."""

    heading: str  # the heading of the list, as printed ("Priority and immediate action")
    text: str  # the sentence, as printed
    body: str = "local-authority"  # or "lscb"
    number: int | None = None  # the paragraph number printed before it, where there is one
    page: int | None = None


@dataclass(frozen=True)
class PreviousInspection:
    """An earlier inspection as the report describes it (dates are often unknown)."""

    published: str | None  # "YYYY-MM" where the report gives a month
    judgements: tuple[Judgement, ...]


@dataclass(frozen=True)
class Predecessor:
    """The authority this one replaced, where the report says so ("came into being on
    1 April 2021 ... the predecessor local authority, X, was judged inadequate in 2019")."""

    name: str
    formed: date | None  # the day the reporting authority came into being
    grade: str | None  # the predecessor's overall grade, as the report recalls it
    judged: str | None  # "YYYY" or "YYYY-MM": when that grade was given


@dataclass(frozen=True)
class EarlierInspection:
    """An earlier inspection under a 2012 framework, as a later report recalls it in prose."""

    framework: str  # "lac-2012" (looked after children) or "protection-2012"
    month: str | None  # "YYYY-MM" as the report states it
    published: bool  # True where the month is that of its report's publication
    judgement: Judgement  # its grade on the 2012 scale, with the sentence stating it


@dataclass(frozen=True)
class SendOutcome:
    """The "Inspection outcome" box of an area SEND report: one of three statements (not a
    grade) and the next steps it states."""

    key: str  # "positive", "inconsistent" or "systemic-failings"
    printed: str  # the box as printed
    page: int | None
    next_inspection_years: int | None  # "within approximately three years"
    monitoring_months: int | None  # "A monitoring inspection ... within approximately 18 months"
    priority_action_plan: bool  # the box requires a priority action plan


@dataclass(frozen=True)
class SendInspector:
    """A member of an area SEND inspection team, as its two-column table prints them."""

    name: str
    body: str  # "ofsted" or "cqc"
    lead: bool
    printed: str  # the table cell as printed
    role: str = ""  # the cell after the name ("Ofsted HMI lead inspector")
    page: int | None = None


@dataclass(frozen=True)
class AreaSend:
    """What only an area SEND report states: the partnership, its outcome, its team."""

    partnership: str  # "Bury Local Area Partnership", from the title
    outcome: SendOutcome
    icbs: tuple[str, ...]  # the integrated care board(s), as the partnership details print them
    council: str | None  # the local authority, as the partnership details print it
    previous: str | None  # the previous inspection line, as printed after its label
    previous_dates: tuple[date, date] | None  # where that line prints a range of days
    team: tuple[SendInspector, ...] = ()


@dataclass(frozen=True)
class AuthorityRef:
    """The inspected authority, resolved once when the report is parsed."""

    printed: str  # the name as the report prints it, spaces normalised
    key: str  # the Ofsted URN where the reference table knows it, else a slug of the name
    urn: str | None  # None: not in the reference table (validation and the run say so)


@dataclass(frozen=True, order=True)
class Support:
    """A finding supporting a recommendation, with how sure the link is."""

    recommendation: int
    finding: int
    score: float
    method: str  # "stated" (the finding names it), "marker+tfidf" or "tfidf"
    body: str = "local-authority"  # whose recommendation and finding: "lscb" for the board
    # A stated citation whose text scores low, beside a neighbouring paragraph (within two)
    # that scores much higher: that neighbour and the two similarities. The link is kept.
    doubt: "Doubt | None" = None
    finding_printing: int = 1  # 2 where the finding is the second printed with its number


@dataclass(frozen=True, order=True)
class Doubt:
    """Why a cited paragraph may not be the one the report meant."""

    neighbour: int  # the finding number that scores much higher
    cited_score: float  # TF-IDF similarity of the cited finding to the recommendation
    neighbour_score: float


@dataclass(frozen=True)
class ParseProblem:
    """Something the document prints that was not read as printed (see parsing.audit)."""

    severity: str  # "Violation" (a loss) or "Warning" (the document itself is irregular)
    part: str  # the part of the report, e.g. "paragraph 17", "judgement row 2.1"
    message: str  # one sentence naming the part


@dataclass(frozen=True)
class PrintedCounts:
    """What the document shows of itself, counted from its lines, not from the parse."""

    pages: int | None  # None where the source has no pages
    paragraphs: int  # distinct numbers that open a paragraph or a recommendation
    judgement_rows: int  # graded rows of the judgement table, the overall judgement included
    previous_rows: int  # rows of the previous inspection's judgements
    # whether a heading (or contents entry) names a list of recommendations
    recommendation_section: bool = True


@dataclass
class Report:
    source: Source
    authority: str
    title: str
    framework: str  # key in frameworks.FRAMEWORK_BY_KEY
    reinspection: bool
    start: date  # the first day on site
    end: date  # the last day on site (of the last spell)
    published: date | None
    judgements: list[Judgement] = field(default_factory=list)
    previous: PreviousInspection | None = None
    predecessor: Predecessor | None = None
    recommendations: list[Recommendation] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    skipped_numbers: tuple[int, ...] = ()  # paragraph numbers the report itself leaves out
    repeated_numbers: tuple[int, ...] = ()  # paragraph numbers the report prints twice
    out_of_order_numbers: tuple[int, ...] = ()  # printed after a higher one, read alone
    empty_lists: tuple[EmptyList, ...] = ()  # lists of recommendations stated to be empty
    lead_inspector: str | None = None
    leads: tuple[Inspector, ...] = ()  # every lead inspector, each with the role printed
    inspectors: list[str] = field(default_factory=list)
    supports: list[Support] = field(default_factory=list)
    authority_ref: AuthorityRef | None = None  # set by the parser from ``authority``
    trust_name: str | None = None  # the trust that runs the services, as the title prints it
    earlier: tuple[EarlierInspection, ...] = ()  # 2012-framework inspections it recalls
    # Each spell on site (first day, last day), in order: an inspection paused and resumed
    # has two or more. Empty is read as one spell from ``start`` to ``end``.
    spells: tuple[tuple[date, date], ...] = ()
    area_send: AreaSend | None = None  # area SEND reports only

    @property
    def identity(self) -> "AuthorityRef | str":
        """The resolved authority, for IRIs (the printed name where not yet resolved)."""
        return self.authority_ref or self.authority
    # Loss detection (parsing.audit): problems found and what the document printed.
    parse_problems: tuple[ParseProblem, ...] = ()
    printed: PrintedCounts | None = None
    evidence: list["Evidence"] = field(default_factory=list)  # see enrich/evidence

    @property
    def scheme(self) -> str:
        from .frameworks import FRAMEWORK_BY_KEY

        return FRAMEWORK_BY_KEY[self.framework].scheme


# Evidence: the quantities a report states (enrich/evidence).


@dataclass(frozen=True)
class Quantity:
    """One stated number: its value, unit, what it counts and when, as printed."""

    value: float  # integral values are whole numbers
    unit: str  # count, percent, rate-per-10000, days, weeks, months, years
    words: str  # as printed: "nine", "1,639", "46 per 10,000 children"
    start: int  # where ``words`` starts in its evidence's text
    role: str = "current"  # or "previous" (a stated earlier value), "national" (an average)
    measure: str | None = None  # key in ontology/measures.ttl, where the text says which
    ref_date: str | None = None  # ISO date, "YYYY-MM", "YYYY", "2017-2018", or a phrase key
    compares_to: int | None = None  # for previous and national: the current quantity's index
    base: int | None = None  # for rates: 10000 in "per 10,000 children"


@dataclass(frozen=True)
class Evidence:
    """A sentence (in a finding) or list item (in the area statistics) stating quantities."""

    key: str  # "12-1": first in finding 12; "lscb-3-2"; "area-4": the fourth area statistic
    text: str
    page: int | None
    section: str  # "area-information" or "findings"
    heading: str | None  # area statistics: the sub-heading ("Child protection in this area")
    finding: int | None  # the finding it sits in
    body: str  # "local-authority" or "lscb"
    quantities: tuple[Quantity, ...]
