"""Ofsted's report site as ofsted-kg reads it: every fact about its pages, in one place.

What is known (as public scrapers read the site in 2025-26):

- The listing of local authority children's services providers is a search page,
  ``/search?q=&location=&lat=&lon=&radius=&level_1_types=3&level_2_types%5B%5D=12
  &start=N&rows=100``: at most 100 results a page (since February 2025), about 153
  providers in all. Each result links ``/provider/44/<URN>``; the link's text is the
  authority's name.
- A provider page, ``/provider/44/<URN>``, lists its publications newest first, each an
  ``<a class="publication-link" href="...">`` holding a hidden ``<span class="nonvisual">``
  that reads ``<Type>, PDF - <DD Month YYYY>``: the type of publication and the date it was
  published. Inspection dates are printed in the report, not reliably on the page.
- Files live at ``https://files.ofsted.gov.uk/v1/file/<numeric id>`` (older ones at
  ``files.api.ofsted.gov.uk``). A republished (amended) report gets a new id, so the pair
  (provider URN, file id) identifies a publication, and a file id's bytes never change.
- The site rate-limits: 0.8 s between requests was the shortest delay that survived a
  whole run for one scraper (``client.DEFAULT_DELAY`` is longer).

When a page no longer matches (a listing with no providers, a provider page with no
publication links, a publication whose text has no type and date), ``SiteChanged`` names
the URL: the place to mend is this module.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime
from html.parser import HTMLParser
from urllib.parse import urljoin

DEFAULT_SITE = "https://reports.ofsted.gov.uk"
ROWS = 100  # results a listing page shows at most
LISTING = ("/search?q=&location=&lat=&lon=&radius=&level_1_types=3"
           "&level_2_types%5B%5D=12&start={start}&rows={rows}")
PROVIDER = "/provider/44/{urn}"
_PROVIDER_LINK = re.compile(r"/provider/44/(\d+)/?$")
_FILE_ID = re.compile(r"/file/(\d+)/?$")
# "Children's services inspection, PDF - 19 November 2021"; the JT-39 history writes
# "children's services inspection - 19 november 2021"; older: "... as pdf".
_LISTED = re.compile(r"^\s*(?P<kind>.+?)[\s,]*(?:(?:as\s+)?pdf\s*)?-\s*"
                     r"(?P<date>\d{1,2}\s+[A-Za-z]+\s+\d{4})\s*$", re.I)

# The kinds of publication `ingest` reads (see ingest/parsing), as the site types them,
# matched case-insensitively at the start of the type: the area SEND reports of the 2023
# framework (ingest/parsing/area_send.py) are on the same authority pages.
READABLE_KINDS = (
    "children's services inspection",
    "single inspection",
    "inspection of local authority children's services",
    "review of the local safeguarding children board",
    "area send full inspection",
)


class SiteChanged(Exception):
    """A page that no longer looks as ``site`` expects; the message names the URL."""

    def __init__(self, url: str, problem: str) -> None:
        super().__init__(url, problem)
        self.url = url
        self.problem = problem

    def __str__(self) -> str:
        return f"{self.url}: {self.problem}; the site's pages have changed (ingest/fetch/site.py)"


@dataclass(frozen=True)
class Provider:
    urn: str
    name: str  # as the listing's link shows it
    page: str  # the provider page's URL


@dataclass(frozen=True)
class Publication:
    provider: Provider
    url: str  # the file's URL, absolute
    kind: str  # the type the site lists, as written ("Children's services inspection")
    listed: date | None  # the publication date the site lists
    listed_as: str  # the link's hidden text as the site wrote it

    @property
    def file_id(self) -> str:
        found = _FILE_ID.search(self.url)
        return found.group(1) if found else self.url.rstrip("/").rsplit("/", 1)[-1]


def listing_url(site: str, start: int) -> str:
    return site.rstrip("/") + LISTING.format(start=start, rows=ROWS)


def provider_url(site: str, urn: str) -> str:
    return site.rstrip("/") + PROVIDER.format(urn=urn)


def readable(kind: str) -> bool:
    """Whether ``ingest`` reads publications of this type."""
    return kind.strip().lower().startswith(READABLE_KINDS)


def parse_listed(text: str) -> tuple[str, date | None] | None:
    """A publication's type and listed date from its link text, or None if it has neither."""
    found = _LISTED.match(" ".join(text.split()))
    if found is None:
        return None
    kind = found.group("kind").strip(" ,")
    try:
        listed = datetime.strptime(found.group("date").title(), "%d %B %Y").date()
    except ValueError:
        return None
    return kind[:1].upper() + kind[1:], listed


def providers(html: str, url: str) -> list[Provider]:
    """The providers a listing page links, in its order, each once. A page that links
    none is returned empty: the caller decides whether the listing has ended."""
    found: dict[str, Provider] = {}
    for link in _links(html):
        match = _PROVIDER_LINK.search(link.href.split("?")[0].split("#")[0])
        name = " ".join(link.text.split())
        if match and name and match.group(1) not in found:
            page = urljoin(url, link.href)
            found[match.group(1)] = Provider(match.group(1), name, page)
    return list(found.values())


def publications(html: str, provider: Provider) -> list[Publication]:
    """A provider page's publications, newest first as listed. Raises SiteChanged when
    the page has no publication links, or one whose hidden text has no type and date."""
    items = []
    for link in _links(html):
        if "publication-link" not in link.classes:
            continue
        listed = parse_listed(link.hidden)
        if not link.href or listed is None:
            raise SiteChanged(provider.page, f"a publication link reads {link.hidden!r}, "
                              "not '<type>, PDF - <day month year>'")
        kind, when = listed
        items.append(Publication(provider, urljoin(provider.page, link.href), kind, when,
                                 " ".join(link.hidden.split())))
    if not items:
        raise SiteChanged(provider.page, "no publication links (a.publication-link)")
    return items


@dataclass
class _Link:
    href: str
    classes: tuple[str, ...]
    text: str = ""  # all the link's text
    hidden: str = ""  # the text of its span.nonvisual


class _Links(HTMLParser):
    """Every <a href> of a page with its classes, text and hidden (span.nonvisual) text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[_Link] = []
        self._open: _Link | None = None
        self._hidden = 0  # depth inside a span.nonvisual of the open link

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        classes = tuple(values.get("class", "").split())
        if tag == "a" and "href" in values:
            self._open = _Link(values["href"].strip(), classes)
            self.links.append(self._open)
        elif tag == "span" and self._open is not None and (self._hidden or "nonvisual" in classes):
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._open, self._hidden = None, 0
        elif tag == "span" and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.text += data
            if self._hidden:
                self._open.hidden += data


def _links(html: str) -> list[_Link]:
    parser = _Links()
    parser.feed(html)
    parser.close()
    return parser.links
