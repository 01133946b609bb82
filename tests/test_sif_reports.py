"""Facts read by hand from real SIF reports of 2014-2016 whose recommendations the
parser once split wrongly, and from reports whose recommendations cite paragraphs.
Skipped, saying so, where the shared corpus is absent."""

from pathlib import Path

import pytest

from ingest.pipeline import read_report


@pytest.fixture(scope="module")
def corpus(shared: Path) -> Path:
    return shared / "corpus"


def _numbers(report, body: str) -> list[int]:
    return [r.number for r in report.recommendations if r.body == body]


def test_lscb_strengths_after_its_list_are_findings(corpus):
    # Portsmouth 2014: "Priority and immediate action" says no area needs it (136: an empty
    # list, neither finding nor recommendation), four areas for improvement (137-140),
    # then "The LSCB's strengths" 141-150.
    report = read_report(corpus / "80539-portsmouth" / "2014-09-01.pdf")
    assert _numbers(report, "lscb") == [137, 138, 139, 140]
    board = {f.number for f in report.findings if f.body == "lscb"}
    assert set(range(141, 151)) <= board and 136 not in board
    assert [(e.body, e.number) for e in report.empty_lists] == [("lscb", 136)]
    # Blackpool 2014: recommendations 144-151, strengths 152-154.
    report = read_report(corpus / "80431-blackpool" / "2014-09-08.pdf")
    assert _numbers(report, "lscb") == list(range(144, 152))
    assert {152, 153, 154} <= {f.number for f in report.findings if f.body == "lscb"}


def test_sub_headings_between_recommendations_are_not_their_text(corpus):
    # Halton 2015: 19 recommendations, under sub-headings such as "Management capacity
    # and oversight" (before 8) and "Educational outcomes" (before 16).
    report = read_report(corpus / "80471-halton" / "2015-02-03.pdf")
    local = {r.number: r.text for r in report.recommendations if r.body == "local-authority"}
    assert list(local) == list(range(1, 20))
    assert local[7].endswith("including how any gaps will be met.")
    assert local[15].endswith("child sexual exploitation (CSE).")
    assert local[16].endswith("fixed period exclusion.")
    # Southampton 2014: 13-47 for the local authority, 161-167 for the board; 168 on
    # are the board's strengths.
    report = read_report(corpus / "80558-southampton" / "2014-09-15.pdf")
    assert _numbers(report, "local-authority") == list(range(13, 48))
    assert _numbers(report, "lscb") == list(range(161, 168))
    texts = {r.number: r.text for r in report.recommendations}
    assert texts[15].endswith("education, employment or training.")  # not "Missing Children"
    assert texts[162].endswith("impact of help, protection and care on their lives and futures.")


# Cheshire West and Chester 2016: each recommendation cites the paragraph behind it, and
# every citation points at the paragraph that discusses the point.
CHESHIRE_WEST = {
    ("local-authority", 1): {15}, ("local-authority", 2): {30}, ("local-authority", 3): {53},
    ("local-authority", 4): {57}, ("local-authority", 5): {40, 42},
    ("lscb", 103): {120}, ("lscb", 104): {123}, ("lscb", 105): {116}, ("lscb", 106): {128},
}


def test_paragraph_citations_are_stated_links(corpus):
    report = read_report(corpus / "80448-cheshire-west-and-chester" / "2016-02-19.pdf")
    cited = {(r.body, r.number): set(r.cited) for r in report.recommendations}
    assert cited == CHESHIRE_WEST
    stated: dict[tuple[str, int], set[int]] = {}
    for support in report.supports:
        assert support.method == "stated"  # the report says it all: no guessing beside it
        stated.setdefault((support.body, support.recommendation), set()).add(support.finding)
    assert stated == CHESHIRE_WEST
    assert not [s for s in report.supports if s.doubt]
    first = next(r for r in report.recommendations if r.number == 1)
    assert first.citation == "(paragraph 15)" and "paragraph" not in first.text


def test_a_wrong_citation_is_kept_and_doubted(corpus):
    # Kensington and Chelsea 2016: "(page 23, paragraph 57)", where paragraph 55 (same
    # page) discusses the point; the board's five recommendations are bullets, uncited.
    report = read_report(corpus / "80544-kensington-and-chelsea" / "2016-03-29.pdf")
    local = {r.number: r for r in report.recommendations if r.body == "local-authority"}
    assert {n: r.cited for n, r in local.items()} == {1: (17,), 2: (18,), 3: (34,), 4: (57,)}
    assert local[4].citation == "(page 23, paragraph 57)"
    assert not any(r.cited for r in report.recommendations if r.body == "lscb")
    doubts = {(s.recommendation, s.finding): s.doubt for s in report.supports if s.doubt}
    assert list(doubts) == [(4, 57)] and doubts[4, 57].neighbour == 55
