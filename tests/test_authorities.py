"""Authorities: the names reports print resolve to one row of the reference table, by URN."""

import csv

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from ingest.authorities import TABLE, authorities, lookup, normalise, resolve
from ingest.rdf.graph import _authority
from ingest.rdf.identity import authority_iri
from ingest.rdf.namespaces import ID, OKG

# Every form of an authority's name that page 1 of a corpus report prints (above the title, or
# inside an ILACS title), and the forms a name split over two lines makes when joined.
PRINTED = {
    "80419": ("Isle of Wight Council", "the Isle of Wight"),
    "80426": ("Barnsley", "Metropolitan Borough of Barnsley Council"),
    "80428": ("Bedford Borough", "Bedford Borough Council"),
    "80430": ("Blackburn with Darwen", "Blackburn with Darwen Borough Council"),
    "80431": ("Blackpool", "Blackpool Borough Council"),
    "80436": ("Bracknell Forest",),
    "80438": ("Brighton and Hove", "Brighton and Hove City Council"),
    "80441": ("Bristol", "Bristol City Council", "Bristol City of", "Bristol, City of"),
    "80442": ("Buckinghamshire Council", "Buckinghamshire County Council"),
    "80443": ("Bury", "Bury Borough Council"),
    "80445": ("Cambridgeshire", "Cambridgeshire County Council"),
    "80446": ("Central Bedfordshire",),
    "80448": ("Cheshire West and Chester",),
    "80451": ("Wakefield", "Wakefield District Metropolitan Council",
              "Wakefield Metropolitan District Council"),
    "80453": ("York", "York City Council"),
    "80456": ("Coventry", "Coventry City Council"),
    "80458": ("Darlington", "Darlington Borough Council"),
    "80459": ("Derby", "Derby City"),
    "80460": ("Derbyshire", "Derbyshire County Council"),
    "80461": ("Devon County Council",),
    "80465": ("Durham", "Durham County Council", "County Durham"),
    "80467": ("East Sussex", "East Sussex County Council"),
    "80468": ("Essex", "Essex County Council"),
    "80469": ("Gateshead", "Gateshead Borough Council"),
    "80470": ("Gloucestershire",),
    "80471": ("Halton", "Halton Borough Council"),
    "80473": ("Hartlepool", "Hartlepool Borough Council"),
    "80474": ("Herefordshire", "Herefordshire Council"),
    "80475": ("Hertfordshire", "Hertfordshire County Council"),
    "80476": ("Kent County Council",),
    "80477": ("Hull", "Kingston Upon Hull City Council", "Kingston upon Hull City Council",
              "Kingston upon Hull"),
    "80478": ("Kirklees", "Kirklees Metropolitan Borough Council"),
    "80480": ("Lancashire", "Lancashire County Council"),
    "80483": ("Leicestershire", "Leicestershire County Council"),
    "80484": ("Lincolnshire", "Lincolnshire County Council"),
    "80485": ("Liverpool", "Liverpool City Council"),
    "80486": ("Barking and Dagenham", "London Borough of Barking and Dagenham"),
    "80487": ("Barnet", "London Borough of Barnet"),
    "80488": ("Bexley", "London Borough of Bexley"),
    "80490": ("Bromley", "London Borough of Bromley"),
    "80491": ("Camden", "London Borough of Camden"),
    "80493": ("London Borough of Ealing", "the London Borough of Ealing"),
    "80494": ("Enfield", "London Borough of Enfield"),
    "80495": ("Royal Borough of Greenwich",),
    "80496": ("Hackney", "London Borough of Hackney"),
    "80497": ("London Borough of Hammersmith & Fulham",
              "London Borough of Hammersmith and Fulham"),
    "80498": ("Haringey", "London Borough of Haringey"),
    "80499": ("Harrow", "London Borough of Harrow"),
    "80500": ("Havering", "London Borough of Havering"),
    "80501": ("Hillingdon", "London Borough of Hillingdon"),
    "80503": ("Hounslow", "London Borough of Hounslow"),
    "80505": ("Islington", "London Borough of Islington"),
    "80508": ("Lewisham", "London Borough of Lewisham"),
    "80510": ("London Borough of Merton Council", "Merton"),
    "80511": ("London Borough of Newham", "Newham"),
    "80513": ("Richmond upon Thames", "London Borough of Richmond upon Thames"),
    "80514": ("London Borough of Southwark", "Southwark"),
    "80515": ("London Borough of Sutton", "Sutton"),
    "80516": ("London Borough of Tower Hamlets", "Tower Hamlets"),
    "80517": ("London Borough of Waltham Forest", "Waltham Forest"),
    "80518": ("London Borough of Wandsworth", "Wandsworth"),
    "80519": ("City of Westminster", "Westminster", "Westminster City Council"),
    "80520": ("Luton", "Luton Borough Council"),
    "80521": ("Manchester", "Manchester City Council"),
    "80522": ("Medway", "Medway Children's Services", "Medway Children\u2019s Services"),
    "80523": ("Middlesbrough", "Middlesbrough Borough Council"),
    "80526": ("North East Lincolnshire", "North East Lincolnshire Council"),
    "80527": ("North Lincolnshire",),
    "80529": ("North Tyneside", "North Tyneside Council"),
    "80532": ("Northumberland County Council",),
    "80533": ("Nottingham City", "Nottingham City Council"),
    "80535": ("Oldham", "Oldham Borough Council", "Oldham Metropolitan Borough Council"),
    "80537": ("Peterborough", "Peterborough City Council"),
    "80538": ("Plymouth City Council",),
    "80539": ("Portsmouth City Council",),
    "80540": ("Reading", "Reading Borough Council"),
    "80542": ("Rochdale", "Rochdale Borough Council"),
    "80543": ("Metropolitan Borough of Rotherham", "Rotherham Metropolitan Borough Council"),
    "80544": ("the Royal Borough of Kensington and Chelsea",
              "Royal Borough of Kensington and Chelsea"),
    "80545": ("Kingston upon Thames", "Royal Borough of Kingston upon Thames",
              "Royal Borough of Kingston upon Thames Council"),
    "80546": ("Windsor and Maidenhead", "the Royal Borough of Windsor and Maidenhead",
              "The Royal Borough of Windsor and Maidenhead"),
    "80547": ("Rutland", "Rutland County Council"),
    "80549": ("Sandwell", "Sandwell Metropolitan Borough Council"),
    "80550": ("Sefton", "Sefton Borough Council"),
    "80551": ("Sheffield", "Sheffield City Council"),
    "80553": ("Slough", "Slough Borough Council"),
    "80554": ("Metropolitan Borough of Solihull", "Solihull",
              "Solihull Metropolitan Borough Council"),
    "80556": ("South Gloucestershire",),
    "80557": ("South Tyneside",),
    "80558": ("Southampton", "Southampton City Council", "Southampton Council"),
    "80559": ("Southend-on-Sea", "Southend-on-Sea Borough Council",
              "Southend-on-Sea city council"),
    "80560": ("St Helens", "St. Helens", "St Helens Metropolitan Borough Council",
              "St. Helens Metropolitan Borough Council"),
    "80562": ("Stockport", "Stockport Metropolitan Borough Council"),
    "80563": ("Stockton-on-Tees", "Stockton-on-Tees Borough Council"),
    "80564": ("Stoke-on-Trent", "Stoke-on-Trent City Council"),
    "80565": ("Suffolk County Council",),
    "80566": ("Sunderland City Council",),
    "80567": ("Surrey", "Surrey County Council", "Surrey Safeguarding Children Board"),
    "80568": ("Swindon", "Swindon Borough Council"),
    "80569": ("Tameside", "Tameside Borough Council", "Tameside metropolitan borough"),
    "80570": ("Telford and Wrekin", "Telford and Wrekin Council", "Telford & Wrekin"),
    "80572": ("Torbay", "Torbay Council"),
    "80573": ("Trafford", "Trafford Metropolitan Borough Council"),
    "80574": ("Walsall", "Walsall Metropolitan Borough Council"),
    "80575": ("Warrington", "Warrington Borough Council"),
    "80577": ("West Berkshire", "West Berkshire Council"),
    "80578": ("West Sussex", "West Sussex County Council"),
    "80579": ("Wigan",),
    "80580": ("Wiltshire Council",),
    "80581": ("Wirral", "Wirral Metropolitan Borough Council"),
    "80584": ("Worcestershire", "Worcestershire County Council"),
    "121939": ("Northamptonshire", "Northamptonshire County Council"),
    "135513": ("Cumbria", "Cumbria County Council"),
    "137316": ("Poole", "Borough of Poole"),
    "2532283": ("Dorset", "Dorset Council"),
    "2532287": ("Bournemouth, Christchurch and Poole", "BCP Council",
                "Bournemouth, Christchurch & Poole"),
    "2637548": ("West Northamptonshire", "West Northamptonshire Council"),
    "2733690": ("Cumberland", "Cumberland Council"),
}


@pytest.mark.parametrize(("urn", "printed"),
                         [(urn, form) for urn, forms in PRINTED.items() for form in forms])
def test_printed_names_resolve_to_their_urn(urn, printed):
    found = lookup(printed)
    assert found is not None and found.urn == urn, printed


@pytest.mark.parametrize("text", [
    "Borough of Fernley", "Fernley", "", "Council", "London Borough of", "Thames", "Chelsea",
    "Northampton", "Bournemouth", "Christchurch", "Cumbria and Cumberland", "Isle of Man",
])
def test_unknown_or_partial_names_give_none(text):
    assert lookup(text) is None


def test_old_and_new_authorities_stay_apart():
    assert lookup("Hull").urn == lookup("Kingston upon Hull City Council").urn == "80477"
    bcp = lookup("Bournemouth, Christchurch and Poole")
    assert bcp.urn == "2532287" and bcp.ons_code == "E06000058"
    assert lookup("Poole").urn == "137316" and lookup("Poole").ons_code is None
    assert lookup("West Northamptonshire").urn == "2637548"
    assert lookup("North Northamptonshire").urn == "2637539"
    assert lookup("Northamptonshire").urn == "121939"
    assert lookup("Cumberland").urn == "2733690"
    assert lookup("Cumbria").urn == "135513"
    assert lookup("Dorset").urn == "2532283" and lookup("Dorset").ons_code == "E06000059"


def test_normalise():
    assert normalise("The Royal Borough of Windsor & Maidenhead") == "windsor and maidenhead"
    assert normalise("St. Helens Council") == normalise("St Helens") == "st helens"
    assert normalise("Medway Children\u2019s Services") == "medway"
    assert normalise("Kingston Upon Hull, City of") == "kingston upon hull"


def test_table_is_complete_and_consistent():
    with TABLE.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == len(authorities()) == 156
    assert [int(r["urn"]) for r in rows] == sorted(int(r["urn"]) for r in rows)
    assert len({normalise(a.name) for a in authorities()}) == 156  # no two names alike
    regions: dict[str, set[str]] = {}
    for authority in authorities():
        assert authority.la_code.isdigit() and len(authority.la_code) == 3, authority
        assert authority.ons_code is None or authority.ons_code[0] == "E", authority
        regions.setdefault(authority.region_code, set()).add(authority.region_name)
    assert len(regions) == 9 and all(len(names) == 1 for names in regions.values())
    wandsworth = lookup("Wandsworth")
    assert (wandsworth.la_code, wandsworth.ons_code, wandsworth.region_code,
            wandsworth.region_name, wandsworth.la_type) == (
        "212", "E09000032", "E12000007", "London", "London Borough")


def test_known_authority_iri_is_its_urn_and_others_keep_a_slug():
    assert authority_iri("London Borough of Wandsworth") == ID["authority/80518"]
    assert authority_iri("Wandsworth") == ID["authority/80518"]
    assert authority_iri("Borough of Fernley") == ID["authority/fernley"]


def test_known_authority_gets_its_codes_in_the_graph():
    graph = Graph()
    node = _authority(graph, "London Borough of Wandsworth")
    assert node == URIRef("https://w3id.org/ofsted-kg/id/authority/80518")
    assert (node, RDF.type, OKG.Authority) in graph
    assert graph.value(node, RDFS.label) == Literal("Wandsworth")
    assert graph.value(node, SKOS.prefLabel) == Literal("Wandsworth")
    assert graph.value(node, SKOS.altLabel) == Literal("London Borough of Wandsworth")
    assert graph.value(node, OKG.ofstedURN) == Literal("80518")
    assert graph.value(node, OKG.laCode) == Literal("212")
    assert graph.value(node, OKG.onsCode) == Literal("E09000032")
    assert graph.value(node, OKG.authorityType) == Literal("London Borough")
    region = graph.value(node, OKG.region)
    assert region == ID["region/E12000007"]
    assert (region, RDF.type, OKG.Region) in graph
    assert graph.value(region, RDFS.label) == Literal("London")


def test_reference_name_as_printed_adds_no_alt_label_and_abolished_has_no_ons_code():
    graph = Graph()
    node = _authority(graph, "Wandsworth")
    assert graph.value(node, SKOS.altLabel) is None
    poole = _authority(graph, "Poole")
    assert poole == ID["authority/137316"] and graph.value(poole, OKG.onsCode) is None
    assert graph.value(poole, OKG.laCode) == Literal("836")


def test_fictional_authority_keeps_its_slug(example_graph):
    node = URIRef("https://w3id.org/ofsted-kg/id/authority/fernley")
    assert (node, RDF.type, OKG.Authority) in example_graph
    assert example_graph.value(node, RDFS.label) == Literal("Fernley")
    assert example_graph.value(node, OKG.ofstedURN) is None
    assert not list(example_graph.subjects(RDF.type, OKG.Region))


def _newest_pdf_per_folder(corpus):
    newest = {}
    with open(corpus / "MANIFEST.csv", encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            if row["content"] == "pdf":
                folder, name = row["path"].split("/")
                newest[folder] = max(newest.get(folder, name), name)
    return sorted(corpus / folder / name for folder, name in newest.items())


@pytest.mark.corpus
def test_every_corpus_folder_resolves_to_its_urn(shared):
    from ingest.parsing import parse_report
    from ingest.sources import read_source

    corpus = shared / "corpus"
    if not (corpus / "MANIFEST.csv").is_file():
        pytest.skip(f"no corpus manifest under {corpus}")
    wrong = []
    for path in _newest_pdf_per_folder(corpus):
        urn = path.parent.name.split("-", 1)[0]
        printed = parse_report(read_source(path)).authority
        found = lookup(printed)
        if found is None or found.urn != urn:
            wrong.append((path.parent.name, printed, found and found.urn))
    assert not wrong
    assert len(_newest_pdf_per_folder(corpus)) == len({p.name for p in corpus.iterdir()
                                                       if p.is_dir()})


@pytest.mark.parametrize(("printed", "urn"), [
    ("Newcastle", "80525"), ("East Riding", "80466"), ("Leeds City", "80481"),
    ("Somerset Council", "80555"), ("Kent County Council", "80476"),
    ("Darlington Borough Council", "80458"), ("Portsmouth City", "80539"),
    ("Herefordshire Unitary Authority", "80474"), ("City of Bristol", "80441"),
    ("Saint Helens", "80560"), ("Windsor & Maidenhead", "80546"),
])
def test_short_and_council_type_forms_resolve_uniquely(printed, urn):
    found = lookup(printed)
    assert found is not None and found.urn == urn, printed


@pytest.mark.parametrize("text", ["North", "Kingston", "Kingston upon", "East"])
def test_a_form_that_several_names_begin_with_gives_none(text):
    assert lookup(text) is None


def test_a_parsed_report_carries_its_resolved_authority(example):
    from ingest.parsing import parse_report
    from ingest.sources import read_source

    report = parse_report(read_source(example))
    assert report.authority_ref == resolve(report.authority)
    assert (report.authority_ref.key, report.authority_ref.urn) == ("fernley", None)


def test_an_unresolved_authority_is_a_warning_and_said_in_the_summary(example):
    from ingest.batch import read_all
    from ingest.pipeline import ingest_file
    from ingest.validate import validate

    outcome = validate(ingest_file(example))
    warnings = [p.message for p in outcome.problems if p.severity == "Warning"]
    assert outcome.conforms and any("reference table" in m for m in warnings)
    assert "1 with an authority not in the reference table (Borough of Fernley)" in (
        read_all([example]).summary())
