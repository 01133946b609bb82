"""The report site's pages as ingest/fetch/site.py reads them, and the choices a run
makes from them (authorities by name or code, kinds), without a server."""

import csv
from datetime import date

import pytest

from ingest.authorities import by_urn
from ingest.fetch import site
from ingest.fetch.run import FetchStop, chosen
from ingest.fetch.site import Provider, SiteChanged

PROVIDER = Provider("80518", "Wandsworth", "https://reports.ofsted.gov.uk/provider/44/80518")


@pytest.mark.parametrize("text,kind,listed", [
    ("Children's services inspection, PDF - 13 July 2018", "Children's services inspection",
     date(2018, 7, 13)),
    ("children's services inspection - 19 november 2021", "Children's services inspection",
     date(2021, 11, 19)),
    ("children's services inspection,  pdf - 09 may 2025", "Children's services inspection",
     date(2025, 5, 9)),
    ("single inspection of la children's services as pdf - 01 march 2016",
     "Single inspection of la children's services", date(2016, 3, 1)),
    ("Area SEND full inspection, PDF - 2 February 2026", "Area SEND full inspection",
     date(2026, 2, 2)),
])
def test_a_publication_link_gives_its_type_and_date(text, kind, listed):
    assert site.parse_listed(text) == (kind, listed)


@pytest.mark.parametrize("text", ["Children's services inspection", "PDF - 31 June 2018",
                                  "Children's services inspection, PDF - 31 June 2018"])
def test_text_without_a_type_and_a_real_date_is_not_read(text):
    assert site.parse_listed(text) is None


def test_every_link_text_of_the_publications_list_is_read(shared):
    listing = shared / "reference" / "ofsted-publications.csv"
    if not listing.is_file():
        pytest.skip(f"{listing} is absent")
    with listing.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert rows
    for row in rows:
        kind, listed = site.parse_listed(row["listed_as"]) or ("", None)
        assert site.readable(kind), row["listed_as"]
        assert listed == date.fromisoformat(row["published_as_listed"]), row["listed_as"]


def test_publications_are_read_from_their_links_and_hidden_text():
    html = """<ul><li><a class="publication-link" href="/v1/file/2">Focused visit
      <span class="nonvisual">Children&#39;s services focused visit, PDF - 1 March 2020</span>
      </a></li><li><a class="x publication-link" href="https://files.example/v1/file/1">
      <span class="nonvisual">Children's services inspection, PDF - 13 July 2018</span></a>
      </li><li><a href="/about">About</a></li></ul>"""
    found = site.publications(html, PROVIDER)
    assert [(p.url, p.kind, p.listed, p.file_id) for p in found] == [
        ("https://reports.ofsted.gov.uk/v1/file/2", "Children's services focused visit",
         date(2020, 3, 1), "2"),
        ("https://files.example/v1/file/1", "Children's services inspection",
         date(2018, 7, 13), "1")]
    assert [site.readable(p.kind) for p in found] == [False, True]


def test_a_publication_link_without_its_date_is_a_changed_site():
    html = '<a class="publication-link" href="/v1/file/1"><span class="nonvisual">Report</span></a>'
    with pytest.raises(SiteChanged) as raised:
        site.publications(html, PROVIDER)
    assert str(raised.value).startswith(f"{PROVIDER.page}: a publication link reads 'Report'")


def test_providers_each_once_with_their_names():
    html = ('<a href="/provider/44/80518">Wandsworth</a><a href="/provider/44/80518">more</a>'
            '<a href="/provider/44/2532283?x=1">Dorset</a><a href="/provider/16/1">School</a>')
    found = site.providers(html, "https://reports.ofsted.gov.uk/search?start=0")
    assert [(p.urn, p.name, p.page) for p in found] == [
        ("80518", "Wandsworth", "https://reports.ofsted.gov.uk/provider/44/80518"),
        ("2532283", "Dorset", "https://reports.ofsted.gov.uk/provider/44/2532283?x=1")]


def test_authorities_are_chosen_by_the_names_and_codes_queries_take():
    known = by_urn("80518")
    assert known is not None and known.ons_code
    other = Provider("2532283", "Dorset", "https://reports.ofsted.gov.uk/provider/44/2532283")
    for value in ("Wandsworth", "london borough of wandsworth", "80518", known.la_code,
                  known.ons_code, known.ons_code.lower()):
        assert chosen([PROVIDER, other], (value,)) == [PROVIDER], value
    with pytest.raises(FetchStop) as raised:
        chosen([PROVIDER, other], ("Northamptonshire",))
    assert raised.value.code == 2
