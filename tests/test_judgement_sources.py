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


def test_text_rendering_has_the_words_but_no_page(seeds):
    report = read_report(seeds / "wandsworth-2018.pdftext.txt")
    assert all(j.page is None and j.printed for j in report.judgements)
