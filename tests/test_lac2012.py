"""Inspections of looked after children services under the 2012 framework (corpus, 2013):
ingested under a framework and a grade scale of their own, with "Adequate"."""

import pytest
from rdflib.namespace import SKOS

from ingest.pipeline import ingest_file, read_report
from ingest.rdf.identity import area_iri, grade_iri
from ingest.rdf.namespaces import OKG
from ingest.rdf.vocabulary import vocabulary
from ingest.validate import validate

AREAS = ("overall", "capacity-to-improve", "outcomes", "quality-of-provision", "leadership")
# Read by hand: page 1, the "Record of main findings" table, the "Areas for improvement".
READ = {
    "80476-kent/2013-08-23.pdf": {
        "authority": "80476", "dates": ("2013-07-15", "2013-07-19"), "published": "2013-08-23",
        "grades": ("adequate", "good", "adequate", "adequate", "adequate"),
        "findings": 72, "recommendations": 12, "lead": "Helen Cawston",
    },
    "80522-medway/2013-08-23.pdf": {
        "authority": "80522", "dates": ("2013-07-15", "2013-07-19"), "published": "2013-08-23",
        "grades": ("inadequate", "adequate", "inadequate", "inadequate", "inadequate"),
        "findings": 76, "recommendations": 15, "lead": "Sarah Urding",
    },
}


@pytest.mark.parametrize("path", sorted(READ))
def test_2012_inspection_facts(shared, path):
    report = read_report(shared / "corpus" / path)
    expected = READ[path]
    assert report.framework == "lac-2012"
    assert report.authority_ref.urn == expected["authority"]
    assert (str(report.start), str(report.end)) == expected["dates"]
    assert str(report.published) == expected["published"]
    grades = dict(zip(AREAS, expected["grades"], strict=True))
    assert {j.area: j.grade for j in report.judgements} == grades
    assert all(j.printed and j.page for j in report.judgements)
    assert [f.number for f in report.findings] == list(range(1, expected["findings"] + 1))
    assert len(report.recommendations) == expected["recommendations"]
    assert report.lead_inspector == expected["lead"]


def test_2012_graph_conforms_with_adequate_on_its_own_scale(shared):
    graph = ingest_file(shared / "corpus" / "80476-kent/2013-08-23.pdf")
    assert validate(graph).conforms
    adequate = grade_iri("adequate", "lac-2012")
    assert len(list(graph.subjects(OKG.grade, adequate))) == 4
    assert (None, OKG.grade, grade_iri("requires-improvement")) not in graph


def test_2012_terms_map_to_later_ones_only_where_they_mean_nearly_the_same():
    graph = vocabulary()
    assert (grade_iri("good", "lac-2012"), SKOS.closeMatch, grade_iri("good")) in graph
    adequate = grade_iri("adequate", "lac-2012")
    assert not [o for p, o in graph.predicate_objects(adequate) if "Match" in str(p)]
    assert (area_iri("lac-2012", "leadership"), SKOS.broadMatch, area_iri("sif", "leadership")) \
        in graph


def test_earlier_2012_inspections_recalled_in_prose_are_statements_about_them(shared):
    """Isle of Wight 2014 (SIF) recalls its 2013 protection and 2010 looked after children
    inspections; neither grade is a judgement of the 2014 inspection."""
    path = shared / "corpus" / "80419-isle-of-wight" / "2014-11-19.pdf"
    report = read_report(path)
    told = {e.framework: (e.month, e.published, e.judgement.grade) for e in report.earlier}
    assert told == {"protection-2012": ("2013-01", False, "inadequate"),
                    "lac-2012": ("2010-10", False, "adequate")}
    assert "adequate" not in {j.grade for j in report.judgements}
    graph = ingest_file(path)
    assert validate(graph).conforms
    inspection = next(graph.subjects(OKG.framework, None))
    earlier = list(graph.subjects(OKG.statedFramework, None))
    assert len(earlier) == 2 and inspection not in earlier
    for node in earlier:
        [judgement] = graph.subjects(OKG.judgementOf, node)
        assert str(graph.value(judgement, OKG.printedText)).startswith("The previous inspection")


def test_earlier_inspections_of_other_kinds_or_without_a_grade_are_not_read():
    from ingest.model import Line
    from ingest.parsing.earlier import earlier_inspections

    lines = [Line(text, 3) for text in (
        "The previous inspection of Fernley's fostering service was in May 2011. The local",
        "authority was judged to be good.",
        "The previous inspection of Fernley's services for looked after children was",
        "published in March 2012. The local authority was judged to be good.",
        "The last inspection of Fernley's safeguarding arrangements was in 2012.",
    )]
    [told] = earlier_inspections(lines)
    assert (told.framework, told.month, told.published) == ("lac-2012", "2012-03", True)
    assert (told.judgement.area, told.judgement.grade, told.judgement.page) == (
        "overall", "good", 3)


def test_a_recalled_2012_inspection_meets_its_own_report(shared, tmp_path):
    """Kent 2017 recalls its looked after children inspection "in August 2013" (its report's
    month) as adequate: with the 2013 report in the store too, in either order, that is a
    statement about the 2013 inspection, beside the 2013 report's own."""
    import json

    from click.testing import CliRunner

    from ingest.cli import cli

    corpus = shared / "corpus" / "80476-kent"
    rows = []
    for order in ([2013, 2017], [2017, 2013]):
        store = tmp_path / f"store-{order[0]}"
        for year in order:
            path = next(corpus.glob(f"{year}-*.pdf"))
            result = CliRunner().invoke(cli, ["ingest", str(path), "--store", str(store)])
            assert result.exit_code == 0, result.stderr
        answer = CliRunner().invoke(cli, ["query", "judgements", "--store", str(store), "-f",
                                          "json"])
        rows.append([(b["inspectionEnd"]["value"], b["gradeLabel"]["value"],
                      b["statedIn"]["value"].rsplit("/", 1)[-1])
                     for b in json.loads(answer.stdout)["results"]["bindings"]
                     if b.get("inspectionEnd", {}).get("value") == "2013-07-19"
                     and b["serviceAreaLabel"]["value"].lower().startswith("overall")])
    assert rows[0] == rows[1]
    assert sorted(rows[0]) == [("2013-07-19", "Adequate", "2013-07-19"),
                               ("2013-07-19", "Adequate", "2017-03-30")], rows[0]
