"""Questions across reports: one authority's inspections over time, grade changes, latest
grades, what later reports say about earlier inspections, recurring recommendation themes.

The data are the three fictional Fernley reports ingested into a store through the
command line: a 2014 SIF inspection with an LSCB review, the 2017 re-inspection and a 2021
ILACS inspection; the store's history graph joins the 2017 report's previous inspection
to the 2014 inspection.
"""

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ingest.cli import cli
from ingest.queries import QueryError, run, saved_queries

DATA = Path(__file__).resolve().parent / "data"
FERNLEY = [DATA / "fernley-2014.md", DATA / "fernley-2017.md", DATA / "fernley-2021.md"]
ENDS = ["2014-04-24", "2017-03-24", "2021-11-19"]

VARIABLES = {
    "authority-history": ["authorityName", "inspectionEnd", "published", "framework",
                          "serviceAreaLabel", "gradeLabel", "source", "statedIn", "inspection",
                          "publishedFrom", "reportUrl", "onSite", "outcomeLabel"],
    "grade-changes": ["authorityName", "serviceAreaLabel", "earlierEnd", "earlierGrade",
                      "laterEnd", "laterGrade", "direction", "earlierServiceAreaLabel",
                      "mapping"],
    "latest-grades": ["authorityName", "inspectionEnd", "framework", "serviceAreaLabel",
                      "gradeLabel", "report", "reportUrl", "outcomeLabel"],
    "previous-inspection-disagreements": ["authorityName", "inspectionEnd", "serviceAreaLabel",
                                          "ownGradeLabel", "laterGradeLabel",
                                          "laterInspectionEnd", "laterReport"],
    "recurring-recommendation-themes": ["theme", "recommendations", "reports", "authorities"],
}

def invoke(*args) -> object:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def ingest(tmp: Path, *reports: Path) -> Path:
    store = tmp / "store"
    result = invoke("ingest", *reports, "--store", store)
    assert result.exit_code == 0, result.stderr
    return store


@pytest.fixture(scope="module")
def fernley(tmp_path_factory) -> Path:
    """The three Fernley reports in a store."""
    return ingest(tmp_path_factory.mktemp("fernley"), *FERNLEY)


def rows(data: Path, name: str, *params: str) -> list[dict[str, str]]:
    args = [a for p in params for a in ("--param", p)]
    target = ["--data", data] if data.is_file() else ["--store", data]
    result = invoke("query", name, *target, "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["head"]["vars"] == VARIABLES[name]
    return [{k: v["value"] for k, v in b.items()} for b in document["results"]["bindings"]]


def by_inspection(found: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for row in found:
        table.setdefault(row["inspection"].rsplit("/", 1)[-1], {})[row["serviceAreaLabel"]] = (
            row["gradeLabel"])
    return table


def test_new_queries_are_listed_with_their_parameters():
    queries = saved_queries()
    assert set(VARIABLES) <= set(queries)
    assert [(p.name, p.required) for p in queries["authority-history"].parameters] == [
        ("authority", True)]
    for name in VARIABLES:
        assert queries[name].summary


def test_every_authority_parameter_is_one_kind_bound_to_the_node():
    with_authority = [q for q in saved_queries().values()
                      if any(p.name == "authority" for p in q.parameters)]
    assert len(with_authority) >= 11
    for query in with_authority:
        kinds = [p.kind for p in query.parameters if p.name == "authority"]
        assert kinds == ["iri"], query.name
        assert "?authorityNode" in query.text and "?authorityKey" not in query.text, query.name


def test_history_lists_each_inspection_once_in_date_order(fernley):
    found = rows(fernley, "authority-history", "authority=fernley")
    ends = [r["inspectionEnd"] for r in found]
    assert ends == sorted(ends) and list(dict.fromkeys(ends)) == ENDS
    assert len({r["inspection"] for r in found}) == 3  # the 2014 inspection is one node
    pairs = [(r["inspection"], r["serviceAreaLabel"]) for r in found]
    assert len(pairs) == len(set(pairs))
    assert {r["source"] for r in found} == {"own report"}
    assert [r["serviceAreaLabel"] for r in found if r["inspectionEnd"] == ENDS[0]][0] == (
        "Overall effectiveness")
    assert {r["inspectionEnd"]: r["framework"] for r in found} == {
        ENDS[0]: "sif-lscb", ENDS[1]: "sif", ENDS[2]: "ilacs-2018"}
    assert {r["inspectionEnd"]: r.get("published") for r in found} == {
        ENDS[0]: "2014-06-17", ENDS[1]: "2017-05-12", ENDS[2]: None}


def test_history_grades_are_each_inspections_own(fernley):
    grades = by_inspection(rows(fernley, "authority-history", "authority=fernley"))
    assert grades["2014-04-24"] == {
        "Overall effectiveness": "Inadequate",
        "Children who need help and protection": "Inadequate",
        "Children looked after and achieving permanence": "Requires improvement to be good",
        "Adoption performance": "Requires improvement to be good",  # 2017 remembers "Good"
        "Experiences and progress of care leavers": "Requires improvement to be good",
        "Leadership, management and governance": "Inadequate",
        "Review of the effectiveness of the Local Safeguarding Children Board":
            "Requires improvement to be good",
    }
    assert grades["2017-03-24"]["Adoption performance"] == "Outstanding"
    assert grades["2021-11-19"]["Overall effectiveness"] == "Requires improvement to be good"
    assert len(grades["2021-11-19"]) == 4


def test_history_of_an_inspection_known_only_from_a_later_report(tmp_path):
    data = ingest(tmp_path, FERNLEY[1], FERNLEY[2])
    found = rows(data, "authority-history", "authority=Fernley")
    earliest = [r for r in found if r["source"] == "later report"]
    assert len(earliest) == 6 and found[: len(earliest)] == earliest  # it comes first
    assert {r["published"] for r in earliest} == {"2014-06"}
    assert all("inspectionEnd" not in r and "framework" not in r for r in earliest)
    assert {r["statedIn"].rsplit("/", 1)[-1] for r in earliest} == {"2017-03-24"}
    assert by_inspection(earliest)["previous"]["Adoption performance"] == "Good"
    assert rows(data, "previous-inspection-disagreements") == []


def test_authority_is_matched_by_any_name_or_code(fernley, tmp_path):
    import shutil

    import pyoxigraph as ox

    from ingest.store.names import AUTHORITIES, OKG
    from ingest.store.targets import StoreTarget

    copy = tmp_path / "store"
    shutil.copytree(fernley, copy)
    store = ox.Store(str(copy))
    node, graph = ox.NamedNode("https://w3id.org/ofsted-kg/id/authority/fernley"), ox.NamedNode(
        AUTHORITIES)
    for predicate, value in [("http://www.w3.org/2004/02/skos/core#altLabel",
                              "Borough of Fernley"), (OKG + "ofstedURN", "999001"),
                             (OKG + "laCode", "999"), (OKG + "onsCode", "E09999999")]:
        store.add(ox.Quad(node, ox.NamedNode(predicate), ox.Literal(value), graph))
    target = StoreTarget(store)
    history = saved_queries()["authority-history"]
    for value in ["fernley", "FERNLEY", "borough of  fernley", "999001", "999", "e09999999",
                  node.value]:
        assert len(list(run(history, target, {"authority": value}))) == 17, value
    for value in ["Fern", "Borough of Ashcombe", "99900"]:
        with pytest.raises(QueryError, match="no such authority in the data"):
            run(history, target, {"authority": value})
    judgements = saved_queries()["judgements"]
    assert len(list(run(judgements, target, {"authority": "999001"}))) == (
        len(list(run(judgements, target, {}))))


def test_grade_changes_compare_every_area_both_judged(fernley):
    found = rows(fernley, "grade-changes")
    changes = [(r["earlierEnd"], r["laterEnd"], r["earlierServiceAreaLabel"],
                r["serviceAreaLabel"], r["earlierGrade"], r["laterGrade"], r["direction"],
                r["mapping"]) for r in found]
    overall = [c for c in changes if c[3] == "Overall effectiveness"]
    assert [c[:2] + c[4:] for c in overall] == [
        (ENDS[0], ENDS[1], "Inadequate", "Good", "improved", "same"),
        (ENDS[1], ENDS[2], "Good", "Requires improvement to be good", "declined", "exact"),
    ]
    # SIF areas against their ILACS counterparts, through the SKOS mappings
    assert (ENDS[1], ENDS[2], "Leadership, management and governance",
            "The impact of leaders on social work practice with children and families", "Good",
            "Requires improvement to be good", "declined", "close") in changes
    # an area both judged alike is not a change; care leavers 2014 -> 2017 stayed the same
    assert not [c for c in changes if c[2] == "Experiences and progress of care leavers"]
    assert len(changes) == len(set(changes)) == 8
    assert rows(fernley, "grade-changes", "authority=fernley") == found


def test_latest_grades_are_the_ilacs_inspection(fernley):
    found = rows(fernley, "latest-grades", "authority=fernley")
    assert {r["inspectionEnd"] for r in found} == {ENDS[2]}
    assert {r["framework"] for r in found} == {"ilacs-2018"}
    assert {r["serviceAreaLabel"]: r["gradeLabel"] for r in found} == {
        "Overall effectiveness": "Requires improvement to be good",
        "The impact of leaders on social work practice with children and families":
            "Requires improvement to be good",
        "The experiences and progress of children who need help and protection": "Good",
        "The experiences and progress of children in care and care leavers":
            "Requires improvement to be good",
    }
    assert found[0]["serviceAreaLabel"] == "Overall effectiveness"
    assert {r["report"] for r in found} == {
        "https://w3id.org/ofsted-kg/id/report/fernley/2021-11-19"}


def test_the_one_disagreement_about_the_previous_inspection(fernley):
    found = rows(fernley, "previous-inspection-disagreements", "authority=fernley")
    assert found == [{
        "authorityName": "Fernley",
        "inspectionEnd": ENDS[0],
        "serviceAreaLabel": "Adoption performance",
        "ownGradeLabel": "Requires improvement to be good",
        "laterGradeLabel": "Good",
        "laterInspectionEnd": ENDS[1],
        "laterReport": "https://w3id.org/ofsted-kg/id/report/fernley/2017-03-24",
    }]


def test_recommendation_themes_recur_across_reports(fernley):
    themes = {r["theme"]: r for r in rows(fernley, "recurring-recommendation-themes")}
    leavers = themes["care leavers and pathway plans"]
    assert (leavers["recommendations"], leavers["reports"], leavers["authorities"]) == (
        "3", "3", "1")
    oversight = themes["supervision and management oversight"]
    assert (oversight["recommendations"], oversight["reports"]) == ("3", "2")
    assert "domestic abuse" not in themes  # no Fernley recommendation is about it
    board = {r["theme"]: r["recommendations"] for r in
             rows(fernley, "recurring-recommendation-themes", "body=lscb")}
    assert board["supervision and management oversight"] == "1"
    first = rows(fernley, "recurring-recommendation-themes", "authority=fernley")[0]
    assert first["theme"] == "care leavers and pathway plans"


def test_history_from_the_command_line_in_every_format(fernley):
    table = invoke("query", "authority-history", "--param", "authority=fernley", "--store", fernley,
                   "--wide")
    assert table.exit_code == 0, table.stderr
    # for people: one row per inspection, a table per framework, the IRIs shown with --wide
    lines = table.stdout.splitlines()
    assert [line for line in lines if line.endswith("row)")] == [
        "sif-lscb (1 row)", "sif (1 row)", "ilacs-2018 (1 row)"]
    assert lines[1].split()[:5] == ["inspection", "end", "source", "stated", "in"]
    first = next(line for line in lines if line.startswith(ENDS[0]))
    assert first.split()[:4] == [ENDS[0], "own", "report",
                                 f"https://w3id.org/ofsted-kg/id/report/fernley/{ENDS[0]}"]
    assert table.stdout.rstrip().endswith("(3 rows)")
    result = invoke("query", "authority-history", "--param", "authority=fernley", "--store",
                    fernley, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    records = list(csv.reader(io.StringIO(result.stdout)))
    assert records[0] == VARIABLES["authority-history"] and len(records) == 18
    assert [r[1] for r in records[1:]] == [ENDS[0]] * 7 + [ENDS[1]] * 6 + [ENDS[2]] * 4
    result = invoke("query", "authority-history", "--param", "authority=fernley", "--store",
                    fernley, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)["results"]["bindings"]) == 17


def test_history_needs_an_authority(fernley):
    result = invoke("query", "authority-history", "--store", fernley)
    assert result.exit_code == 2 and "needs --param authority=VALUE" in result.stderr


@pytest.fixture(scope="module")
def wandsworth(shared, tmp_path_factory) -> Path:
    folder = shared / "corpus" / "80518-wandsworth"
    if not folder.is_dir():
        pytest.skip(f"corpus folder {folder} not found: the Wandsworth reports are needed")
    out = tmp_path_factory.mktemp("wandsworth") / "store"
    result = invoke("ingest", folder, "--store", out)
    assert result.exit_code == 0, result.stderr
    return out


@pytest.mark.corpus
def test_wandsworth_history_and_what_later_reports_say(wandsworth):
    found = rows(wandsworth, "authority-history", "authority=Wandsworth")
    ends = ["2015-12-17", "2018-05-31", "2022-11-18", "2026-03-06"]
    assert list(dict.fromkeys(r["inspectionEnd"] for r in found)) == ends
    assert len({r["inspection"] for r in found}) == 4
    pairs = [(r["inspection"], r["serviceAreaLabel"]) for r in found]
    assert len(pairs) == len(set(pairs)) and {r["source"] for r in found} == {"own report"}
    overall = {r["inspectionEnd"]: r["gradeLabel"] for r in found
               if r["serviceAreaLabel"] == "Overall effectiveness"}
    assert overall == {"2015-12-17": "Inadequate",
                       "2018-05-31": "Requires improvement to be good",
                       "2022-11-18": "Good",
                       "2026-03-06": "Outstanding"}
    # ILACS reports print no publication date: the PDF's own creation date, saying so
    published = {(r["inspectionEnd"], r["published"], r["publishedFrom"]) for r in found}
    assert ("2018-05-31", "2018-07-20", "printed") in published
    assert ("2022-11-18", "2023-01-12", "PDF created") in published
    assert rows(wandsworth, "authority-history", "authority=80518") == found  # by Ofsted URN
    # the 2018 re-inspection's account of the 2015 inspection agrees with the 2015 report
    assert rows(wandsworth, "previous-inspection-disagreements",
                "authority=Wandsworth") == []
    changes = rows(wandsworth, "grade-changes", "authority=Wandsworth")
    overall = [r for r in changes if r["serviceAreaLabel"] == "Overall effectiveness"]
    assert [r["direction"] for r in overall] == ["improved", "improved", "improved"]
