"""Material for the fetch tests: the Fernley reports as PDFs, and a replica of the report
site holding them (and, where ../shared is present, a few real reports under their real
file ids), with enough other providers that its listing takes two pages."""

import csv
from datetime import date
from functools import cache
from pathlib import Path

from replica import Replica

DATA = Path(__file__).resolve().parent / "data"
FERNLEY_URN = "9990001"  # fictional: no real provider has it
FERNLEY = (  # year, file id, the site's listed date (the date each report prints, if any)
    (2014, "70000014", date(2014, 6, 17)),
    (2017, "70000017", date(2017, 5, 12)),
    (2021, "70000021", date(2021, 12, 10)),
)
INSPECTION = "Children's services inspection"
FOCUSED_VISIT = "Children's services focused visit"
AREA_SEND = "Area SEND full inspection"
AREA_SEND_LISTED = date(2024, 7, 19)  # Fernley's area SEND report: listed after its visit


def pdf_of_lines(lines: list[str]) -> bytes:
    """A PDF whose text layer is ``lines``, one line each (fpdf2)."""
    from datetime import datetime

    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_creation_date(datetime(2022, 1, 1))
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    for line in lines:
        text = line.replace("\t", "    ").replace("\u2019", "'")
        text = text.encode("latin-1", "replace").decode("latin-1") or " "
        pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@cache
def fernley_pdf(year: int) -> bytes:
    return pdf_of_lines((DATA / f"fernley-{year}.md").read_text(encoding="utf-8").splitlines())


@cache
def area_send_pdf() -> bytes:
    return pdf_of_lines((DATA / "area-send" / "fernley-2024.md").read_text(
        encoding="utf-8").splitlines())


@cache
def focused_visit_pdf() -> bytes:
    return pdf_of_lines([
        "Director of Children's Services, Borough of Fernley", "1 March 2019",
        "Dear Director,", "Focused visit to Fernley local authority children's services",
        "This fictional letter exists to test ofsted-kg: a focused visit is a letter, not a",
        "report that ingest reads.", "Yours sincerely,", "A. Quill, Her Majesty's Inspector"])


def corpus_sample(shared: Path | None, providers: int = 2) -> list[dict[str, str]]:
    """The publications list's rows of the first ``providers`` authorities whose files
    are all in the corpus (none without ../shared)."""
    if shared is None:
        return []
    listing = shared / "reference" / "ofsted-publications.csv"
    if not listing.is_file():
        return []
    with listing.open(encoding="utf-8", newline="") as stream:
        rows = [r for r in csv.DictReader(stream) if _is_pdf(shared / "corpus" / r["path"])]
    urns = sorted({r["provider_urn"] for r in rows})[:providers]
    return [r for r in rows if r["provider_urn"] in urns]


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return stream.read(5) == b"%PDF-"
    except OSError:
        return False


def build(replica: Replica, shared: Path | None, fillers: int = 101,
          area_send: bool = False) -> list[tuple[str, bytes]]:
    """Fill ``replica`` (with Fernley's area SEND report too if ``area_send``); returns each
    inspection report served, as (the path fetch gives it in the download folder, its
    bytes)."""
    served = []
    for year, file_id, listed in FERNLEY:
        replica.add(FERNLEY_URN, "Fernley", file_id, INSPECTION, listed, fernley_pdf(year))
        served.append((f"{FERNLEY_URN}-fernley/{listed.isoformat()}.pdf", fernley_pdf(year)))
    replica.add(FERNLEY_URN, "Fernley", "70000019", FOCUSED_VISIT, date(2019, 3, 1),
                focused_visit_pdf())
    if area_send:
        replica.add(FERNLEY_URN, "Fernley", "70000024", AREA_SEND, AREA_SEND_LISTED,
                    area_send_pdf())
        served.append((f"{FERNLEY_URN}-fernley/{AREA_SEND_LISTED.isoformat()}.pdf",
                       area_send_pdf()))
    for row in corpus_sample(shared):
        from ingest.authorities import by_urn, slug

        known = by_urn(row["provider_urn"])
        name = known.name if known else row["provider_urn"]
        data = (shared / "corpus" / row["path"]).read_bytes()  # type: ignore[operator]
        listed = date.fromisoformat(row["published_as_listed"])
        replica.add(row["provider_urn"], name, row["file_url"].rsplit("/", 1)[-1], INSPECTION,
                    listed, data)
        served.append((f"{row['provider_urn']}-{slug(name)}/{listed.isoformat()}.pdf", data))
    for number in range(fillers):  # providers whose only publication is a focused visit
        replica.add(f"99{number:05d}", f"Testshire {number:03d}", f"80{number:06d}",
                    FOCUSED_VISIT, date(2024, 1, 1), focused_visit_pdf())
    return served
