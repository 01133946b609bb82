"""Area SEND reports: the synthetic Fernley report with each outcome, and the corpus."""

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest
from render import render

from ingest.errors import InputError
from ingest.parsing.area_send import OUTCOMES
from ingest.pipeline import read_report

DATA = Path(__file__).resolve().parent / "data" / "area-send" / "fernley-2024.md"
SYSTEMIC = (
    "There are widespread and/or systemic failings leading to significant concerns about the "
    "experiences and outcomes of children and young people with special educational needs "
    "and/or disabilities (SEND), which the local area partnership must address urgently.")
POSITIVE = ("The local area partnership's arrangements typically lead to positive experiences "
            "and outcomes for children and young people with SEND. The next full area SEND "
            "inspection will be within approximately 5 years.")
INCONSISTENT = ("The local area partnership's arrangements lead to inconsistent experiences and "
                "outcomes for children and young people with SEND. The next full area SEND "
                "inspection will be within approximately three years.")


RENDERINGS = ("md", "txt", "pdf")
HAND_READ = DATA.parent / "hand-read.json"


def _variant(tmp_path: Path, outcome: str, keep_priority: bool, kind: str = "md") -> Path:
    """The Fernley report with another outcome box (and without its priority actions)."""
    text = DATA.read_text(encoding="utf-8")
    if outcome != SYSTEMIC:
        box = text[text.index(SYSTEMIC):text.index("## Information about the local area")]
        text = text.replace(box, outcome + "\n\n")
    if not keep_priority:
        start = text.index("## Areas for priority action")
        text = text[:start] + text[text.index("## Areas for improvement"):]
    return render(text, kind, tmp_path / f"fernley.{kind}")


@pytest.mark.parametrize("kind", RENDERINGS)
def test_systemic_failings_report_is_read_whole(tmp_path, kind):
    report = read_report(_variant(tmp_path, SYSTEMIC, keep_priority=True, kind=kind))
    send = report.area_send
    assert report.framework == "area-send" and report.judgements == []
    assert (str(report.start), str(report.end)) == ("2024-06-03", "2024-06-07")
    assert send.outcome.key == "systemic-failings"
    assert (send.outcome.monitoring_months, send.outcome.next_inspection_years) == (18, 3)
    assert send.outcome.priority_action_plan
    assert send.icbs == ("NHS Fernshire ICB",) and send.council == "Fernley Borough Council"
    assert [f.area for f in report.findings] == (
        ["partnership"] * 2 + ["experiences"] * 2 + ["effective"] * 2 + ["do-better"] * 3)
    kinds = [(r.number, r.kind, r.responsible) for r in report.recommendations]
    assert kinds == [
        (1, "priority-action", "Fernley Borough Council and NHS Fernshire ICB"),
        (2, "priority-action", "NHS Fernshire ICB"),
        (3, "area-for-improvement", None), (4, "area-for-improvement", None)]
    assert [(i.name, i.body, i.lead) for i in send.team] == [
        ("Ada Fenwick", "ofsted", True), ("Cara Lund", "ofsted", False),
        ("Ben Okafor", "cqc", True), ("Dev Mistry", "cqc", False)]
    assert report.parse_problems == ()


@pytest.mark.parametrize("kind", RENDERINGS)
@pytest.mark.parametrize("outcome, key", [(POSITIVE, "positive"),
                                          (INCONSISTENT, "inconsistent")])
def test_other_outcomes(tmp_path, outcome, key, kind):
    report = read_report(_variant(tmp_path, outcome, keep_priority=False, kind=kind))
    assert report.area_send.outcome.key == key
    assert report.area_send.outcome.monitoring_months is None
    assert not report.area_send.outcome.priority_action_plan
    assert report.area_send.outcome.next_inspection_years == (5 if key == "positive" else 3)
    assert [r.kind for r in report.recommendations] == ["area-for-improvement"] * 2
    assert [f.area for f in report.findings].count("do-better") == 3
    assert report.parse_problems == ()


@pytest.mark.parametrize("kind", RENDERINGS)
def test_an_unreadable_outcome_box_is_refused(tmp_path, kind, run):
    path = _variant(tmp_path, "The outcome was smudged.", keep_priority=True, kind=kind)
    with pytest.raises(InputError, match="inspection outcome box that cannot be read"):
        read_report(path)
    result = run("ingest", str(path), "-o", str(tmp_path / "out.ttl"))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {path}: has an inspection outcome box that cannot be read (it states none "
        "of the three outcomes)\n")


def test_a_box_stating_two_outcomes_is_refused(tmp_path):
    path = _variant(tmp_path, f"{SYSTEMIC} {POSITIVE}", keep_priority=True)
    with pytest.raises(InputError, match="more than one outcome"):
        read_report(path)


def test_a_section_printed_but_not_read_is_a_violation(tmp_path):
    text = DATA.read_text(encoding="utf-8")
    start = text.index("- The physiotherapy")
    text = text[:start] + text[text.index("## What does the area partnership"):]
    report = read_report(render(text, "md", tmp_path / "lost.md"))
    assert [p.message for p in report.parse_problems] == [
        "The section 'What is the area partnership doing that is effective?' is printed but "
        "nothing was read from it."]


def test_priority_actions_with_another_outcome_do_not_conform(tmp_path, run):
    path = _variant(tmp_path, POSITIVE, keep_priority=True)
    out = tmp_path / "g.ttl"
    assert run("ingest", str(path), "-o", str(out)).exit_code == 0
    result = run("validate", str(out))
    assert result.exit_code == 1
    assert "Areas for priority action in an inspection whose outcome" in result.stdout


def test_queries_show_the_outcome_beside_grades_never_as_one(tmp_path, run):
    store = tmp_path / "store"
    data = DATA.parent.parent
    assert run("ingest", str(data / "fernley-2021.md"), str(DATA), "--store", str(store)
               ).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(run(
        "query", "send-outcomes", "--store", str(store), "-f", "csv").stdout)))
    assert [(r["authorityName"], r["outcomeLabel"], r["monitoringDue"]) for r in rows] == [
        ("Fernley", "Widespread and/or systemic failings", "2025-12")]
    history = list(csv.DictReader(io.StringIO(run(
        "query", "authority-history", "--param", "authority=Fernley", "--store", str(store),
        "-f", "csv").stdout)))
    send = [r for r in history if r["framework"] == "area-send"]
    assert len(send) == 1 and send[0]["gradeLabel"] == "" and send[0]["outcomeLabel"]
    table = run("query", "inspection-grades", "--param", "authority=Fernley", "--store",
                str(store)).stdout  # the table a person reads shows the outcome too
    assert "Widespread and/or systemic failings" in " ".join(table.split())
    latest = list(csv.DictReader(io.StringIO(run(
        "query", "latest-grades", "--store", str(store), "-f", "csv").stdout)))
    assert {r["framework"] for r in latest} == {"ilacs-2018", "area-send"}
    assert all(r["gradeLabel"] == "" for r in latest if r["framework"] == "area-send")
    improvements = list(csv.DictReader(io.StringIO(run(
        "query", "send-areas-for-improvement", "--param", "theme=transitions", "--store",
        str(store), "-f", "csv").stdout)))
    assert [r["number"] for r in improvements] == ["3"]


@pytest.mark.corpus
def test_every_area_send_report_is_ingested_and_conforms(shared, tmp_path, run):
    corpus = shared / "corpus-send"
    if not corpus.is_dir():
        pytest.skip(f"{corpus} is absent")
    files = sorted(corpus.glob("*/*.pdf"))
    assert len(files) == 40
    for path in files:
        report = read_report(path)
        send = report.area_send
        stated = [key for key, pattern in OUTCOMES if pattern.search(send.outcome.printed)]
        assert stated == [send.outcome.key], path  # never an outcome the box does not state
        priority = [r for r in report.recommendations if r.kind == "priority-action"]
        assert bool(priority) == (send.outcome.key == "systemic-failings"), path
        assert report.authority_ref.urn == path.parent.name.split("-")[0], path
    store = tmp_path / "store"
    assert run("ingest", str(corpus), "--store", str(store), "-j", "2").exit_code == 0
    assert run("validate", "--store", str(store), "-j", "2").exit_code == 0
    rows = run("query", "send-outcomes", "--store", str(store), "-f", "csv").stdout
    assert len(rows.strip().splitlines()) == 41


@pytest.mark.corpus
def test_hand_read_facts_of_reports_kept_aside(shared):
    """Ten reports (three of each outcome, four inconsistent) read by hand before the
    parser was run on them: outcome, dates, previous inspection, and the numbers of
    effective and do-better bullets, priority actions and areas for improvement."""
    corpus = shared / "corpus-send"
    if not corpus.is_dir():
        pytest.skip(f"{corpus} is absent")
    facts = json.loads(HAND_READ.read_text(encoding="utf-8"))["reports"]
    assert len(facts) >= 8
    assert {f["outcome"] for f in facts.values()} == {k for k, _ in OUTCOMES}
    for folder, want in facts.items():
        report = read_report(next((corpus / folder).glob("*.pdf")))
        areas = Counter(f.area for f in report.findings)
        kinds = Counter(r.kind for r in report.recommendations)
        got = {"outcome": report.area_send.outcome.key, "start": str(report.start),
               "end": str(report.end), "effective": areas["effective"],
               "do-better": areas["do-better"], "priority-actions": kinds["priority-action"],
               "improvements": kinds["area-for-improvement"],
               "previous": report.area_send.previous}
        assert got == want, folder


def test_previous_inspection_in_prose_keeps_its_words_and_no_dates(tmp_path):
    text = DATA.read_text(encoding="utf-8").replace(
        "Dates of previous inspection: 9 to 13 May 2016",
        "Dates of previous inspection: Fernley was first inspected from 9 to 13 May 2016\n"
        "and visited again from 2 to 4 July 2018.")
    report = read_report(render(text, "txt", tmp_path / "prose.txt"))
    assert report.area_send.previous == (
        "Fernley was first inspected from 9 to 13 May 2016 and visited again from 2 to 4 July "
        "2018.")
    assert report.area_send.previous_dates is None
    dated = read_report(DATA).area_send
    assert (dated.previous, str(dated.previous_dates[0])) == ("9 to 13 May 2016", "2016-05-09")
