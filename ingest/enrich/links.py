"""Which findings support which recommendations, decided from their texts.

Where a finding names its recommendation ("(recommendation 3)"), or a recommendation
cites its findings ("(paragraphs 31, 34)"), that is the link. A citation is checked
against the texts: where the cited finding scores low and a finding within two
paragraphs of it scores much higher, the link stays and carries that doubt.
Where a report flags findings with "(Recommendation)", only flagged findings are
candidates: each supports its closest recommendations, and a recommendation no
flagged finding chose takes its closest one. Where nothing is flagged (ILACS), every finding
is a candidate and a recommendation takes only its few closest findings. Texts are
compared as TF-IDF vectors of word stems, fitted on the report itself, by cosine
similarity.
"""

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from ..model import Doubt, Finding, Recommendation, Report, Support

MINIMUM = 0.08  # below this, two texts share little more than common words
NEAR_BEST = 0.7  # a finding also supports recommendations scoring this share of its best
UNMARKED_MINIMUM = 0.15
UNMARKED_PER_RECOMMENDATION = 3
# A citation is doubtful when the cited finding scores below DOUBT_BELOW and a finding
# within DOUBT_REACH paragraphs, not cited itself, scores at least DOUBT_NEIGHBOUR and
# DOUBT_RATIO times as much.
DOUBT_BELOW = 0.1
DOUBT_NEIGHBOUR = 0.15
DOUBT_RATIO = 3.0
DOUBT_REACH = 2


def link_report(report: Report) -> Report:
    """The report with its ``supports`` filled in."""
    return replace(report, supports=find_supports(report))


def find_supports(report: Report) -> list[Support]:
    """Links within each body: the LSCB's findings support the LSCB's recommendations."""
    supports: list[Support] = []
    for body in sorted({r.body for r in report.recommendations}):
        findings = [f for f in report.findings if f.body == body]
        recommendations = [r for r in report.recommendations if r.body == body]
        supports += _stated(findings, recommendations, body)
        supports += _cited(findings, recommendations, report, body)
        uncited = [r for r in recommendations if not r.cited]
        supports += _by_text(findings, uncited, report, body)
    return sorted(supports)


def _cited(findings: list[Finding], recommendations: list[Recommendation], report: Report,
           body: str) -> list[Support]:
    """"(paragraph 24)": the recommendation names its findings; each link is checked."""
    citing = [r for r in recommendations if r.cited]
    if not citing or not findings:
        return []
    scores = _similarities(findings, [r.text for r in citing], report)
    supports = []
    for column, recommendation in enumerate(citing):
        for number in recommendation.cited:
            for row, finding in enumerate(findings):
                if finding.number == number:
                    doubt = _doubt(findings, scores[:, column], row, recommendation.cited)
                    supports.append(Support(recommendation.number, number, 1.0, "stated", body,
                                            doubt, finding.printing))
    return supports


def _doubt(findings: list[Finding], scores, row: int, cited_numbers) -> Doubt | None:
    """A neighbour (not itself cited) that the recommendation's text matches much better."""
    cited = float(scores[row])
    if cited >= DOUBT_BELOW:
        return None
    number = findings[row].number
    near = [
        (float(scores[i]), findings[i].number) for i in range(len(findings))
        if 0 < abs(findings[i].number - number) <= DOUBT_REACH
        and findings[i].number not in cited_numbers
    ]
    if not near:
        return None
    best, neighbour = max(near, key=lambda pair: (pair[0], -pair[1]))
    if best < DOUBT_NEIGHBOUR or best < DOUBT_RATIO * max(cited, 0.01):
        return None
    return Doubt(neighbour, round(cited, 3), round(best, 3))


def _stated(findings: list[Finding], recommendations: list[Recommendation], body: str):
    """"(recommendation 3)": the report says which recommendation a finding supports."""
    numbers = {r.number for r in recommendations}
    return [
        Support(number, f.number, 1.0, "stated", body, finding_printing=f.printing)
        for f in findings
        for number in f.cites
        if number in numbers
    ]


def _by_text(findings, recommendations, report: Report, body: str) -> list[Support]:
    flagged = [f for f in findings if f.flagged and not f.cites]
    cited = any(f.cites for f in findings)
    candidates = flagged or ([] if cited else findings)
    if not candidates or not recommendations:
        return []
    scores = _similarities(candidates, [r.text for r in recommendations], report)
    if flagged:
        pairs = _marked_pairs(scores)
        method = "marker+tfidf"
    else:
        pairs = _unmarked_pairs(scores)
        method = "tfidf"
    return [
        Support(
            recommendations[r].number,
            candidates[f].number,
            round(float(scores[f][r]), 3),
            method,
            body,
            finding_printing=candidates[f].printing,
        )
        for f, r in pairs
    ]


@cache
def _analyser() -> Callable[[str], list[str]]:
    """Text -> word stems without stop words. Each distinct word is stemmed once per
    process: stemming every occurrence was most of the cost of linking a corpus."""
    import snowballstemmer
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    stem = cache(snowballstemmer.stemmer("english").stemWord)

    def analyse(text: str) -> list[str]:
        return [stem(w) for w in _WORD.findall(text.lower()) if w not in ENGLISH_STOP_WORDS]

    return analyse


_WORD = re.compile(r"[a-z]{3,}")


def _similarities(findings: list[Finding], recommendations: list[str], report: Report):
    """Cosine similarities of ``findings`` (rows) and ``recommendations`` (columns), as
    TF-IDF vectors fitted on every finding of the report and these recommendations; each
    text is analysed once."""
    from sklearn.feature_extraction.text import TfidfVectorizer  # heavy: loaded on use

    vectoriser = TfidfVectorizer(analyzer=_analyser(), sublinear_tf=True)
    matrix = vectoriser.fit_transform([f.text for f in report.findings] + recommendations)
    row = {id(f): index for index, f in enumerate(report.findings)}
    left = matrix[[row[id(f)] for f in findings]]
    right = matrix[len(report.findings):]
    return (left @ right.T).toarray()


def _marked_pairs(scores) -> set[tuple[int, int]]:
    pairs = set()
    for f, row in enumerate(scores):
        best = row.max()
        pairs |= {(f, r) for r, s in enumerate(row) if s >= MINIMUM and s >= NEAR_BEST * best}
    supported = {r for _, r in pairs}
    for r in range(scores.shape[1]):  # a recommendation no finding chose takes its closest
        f = int(scores[:, r].argmax())
        if r not in supported and scores[f, r] >= MINIMUM:
            pairs.add((f, r))
    return pairs


def _unmarked_pairs(scores) -> set[tuple[int, int]]:
    pairs = set()
    for r in range(scores.shape[1]):
        column = scores[:, r]
        ranked = sorted(range(len(column)), key=lambda f: (-column[f], f))
        best = column[ranked[0]]
        for f in ranked[:UNMARKED_PER_RECOMMENDATION]:
            if column[f] >= UNMARKED_MINIMUM and column[f] >= NEAR_BEST * best:
                pairs.add((f, r))
    return pairs
