"""Every judgement keeps where it was read: the page and the words as printed."""

from ingest.pipeline import read_report


def test_sif_overall_from_its_sentence_and_areas_from_their_rows(seeds):
    report = read_report(seeds / "wandsworth-2018.pdf")
    sources = {j.area: (j.page, j.printed) for j in report.judgements}
    assert sources["overall"] == (1, "Children's services in Wandsworth require improvement "
                                     "to be good")
    assert sources["care-leavers"] == (1, "Experiences and progress of care leavers")
    assert {page for page, _ in sources.values()} == {1}


def test_previous_inspection_judgements_keep_their_rows(seeds):
    report = read_report(seeds / "wandsworth-2018.pdf")
    told = {j.area: (j.page, j.printed) for j in report.previous.judgements}
    assert told["overall"] == (5, "Overall effectiveness")


def test_text_renderings_have_the_words_and_pages_only_where_marked(seeds):
    """The raw extraction marks its pages (their numbers confirm the breaks): the table
    is on page 1. The markdown rendering marks none: no page is invented."""
    raw = read_report(seeds / "wandsworth-2018.pdftext.txt")
    assert all(j.page == 1 and j.printed for j in raw.judgements)
    markdown = read_report(seeds / "wandsworth-2018.markdown.txt")
    assert all(j.page is None and j.printed for j in markdown.judgements)


def test_sif_row_with_an_unreadable_grade_never_takes_the_next_rows(seeds, tmp_path):
    """The reference report's care leavers row garbled: care leavers get no grade (a
    violation naming care leavers), and leadership keeps its own."""
    from ingest.pipeline import ingest_file
    from ingest.validate import validate

    text = (seeds / "wandsworth-2018.markdown.txt").read_text(encoding="utf-8")
    row = "2.2 Experiences and progress of care leavers\tGood"
    assert row in text
    path = tmp_path / "garbled.md"
    path.write_text(text.replace(row, "2.2 Experiences and progress of care leavers\tG##d"),
                    encoding="utf-8")
    grades = {j.area: j.grade for j in read_report(path).judgements}
    assert grades["care-leavers"] is None
    assert grades["leadership"] == "requires-improvement"
    outcome = validate(ingest_file(path))
    violations = [p for p in outcome.problems if p.severity == "Violation"]
    assert not outcome.conforms
    # the row's own judgement lacks a grade, and the audit names the row on the report
    assert sorted((p.focus.strip("<>").rsplit("/", 2)[-2], p.message) for p in violations) == [
        ("80518", "The judgement row 2.2 has no grade that can be read"),
        ("judgement", violations[0].message if "judgement/" in violations[0].focus
         else violations[1].message)]
    assert any(p.focus.endswith("/judgement/care-leavers>") for p in violations)
