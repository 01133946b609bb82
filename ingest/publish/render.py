"""Pages rendered from ``templates/`` (Jinja2, autoescaped), each written where its IRI's
path leads, with links relative to it so the site opens from a folder as from a host."""

from datetime import date
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from . import pages
from .charts import GRADES, SHORT, stacked_bars
from .ontology import ontology_page
from .pages import SUMMARY_AREAS, Inspection


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("ingest.publish", "templates"),
                      autoescape=select_autoescape(["html"], default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters["grade_class"] = _grade_class
    env.filters["short"] = lambda grade: SHORT.get(str(grade), "")
    env.filters["shown"] = _shown
    return env


def _grade_class(grade: object) -> str:
    return {"Outstanding": "outstanding", "Good": "good",
            "Requires improvement to be good": "ri", "Inadequate": "inadequate"}.get(
        str(grade), "other")


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


class Renderer:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.env = _environment()
        self.count = 0

    def write(self, path: str, template: str, **context: object) -> None:
        depth = path.count("/")
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        html = self.env.get_template(template).render(
            root="../" * depth, path=path, **context)
        target.write_text(html, encoding="utf-8")
        self.count += 1

    def national(self, answers, found: dict[str, Inspection],
                 histories: dict[str, list[Inspection]]) -> None:
        columns, counts = pages.grade_counts(answers.latest)
        charts = {framework: stacked_bars(f"Overall effectiveness by year, {framework}", bars,
                                          GRADES)
                  for framework, bars in pages.overall_by_year(found).items()}
        years = {framework: bars for framework, bars in pages.overall_by_year(found).items()}
        recent = sorted(found.values(), key=lambda i: (str(i.published or i.end), i.iri),
                        reverse=True)
        newest = max((d for d in (i.published or i.end for i in found.values())
                       if isinstance(d, date)), default=None)
        since = date(newest.year - 1, newest.month, min(newest.day, 28)) if newest else None
        summary = answers.summary.dicts()
        send = pages.send_outcomes(answers.latest)
        inspection_of = {i.report: i for i in found.values()}
        self.write("index.html", "national.html", summary=summary, areas=SUMMARY_AREAS,
                   regions=sorted({str(r["region"]) for r in summary if r["region"]}),
                   frameworks=sorted({str(r["framework"]) for r in summary}),
                   send=send, inspection_of=inspection_of,
                   grades=GRADES, count_columns=columns, counts=counts, charts=charts,
                   years=years, recent=recent, since=since, found=found,
                   page_path=pages.page_path, title="Children's services inspections in England",
                   iri="https://w3id.org/ofsted-kg/id/")

    def authority(self, authority: str, history: list[Inspection], chart: Markup,
                  latest: dict, neighbours: list) -> None:
        self.write(pages.page_path(authority), "authority.html", history=history,
                   chart=chart, facts=latest.get(authority), iri=authority,
                   page_path=pages.page_path, neighbours=neighbours, areas=SUMMARY_AREAS,
                   title=f"{history[0].authority_name}: children's services inspections")

    def inspection(self, inspection: Inspection, found: dict[str, Inspection], recommendations,
                   evidence, flagged, problems, follow_through: list | None = None,
                   next_steps: dict | None = None) -> None:
        self.write(inspection.path, "inspection.html", inspection=inspection,
                   next_steps=next_steps,
                   recommendations=recommendations, evidence=evidence, flagged=flagged,
                   problems=problems, iri=inspection.iri, page_path=pages.page_path,
                   follow_through=follow_through or [], status_words=pages.STATUS_WORDS,
                   item_anchor=pages.item_anchor, item_named=pages.item_named,
                   item_number=pages.item_number,
                   title=f"{inspection.authority_name}: inspection ending {inspection.end}")

    def ontology(self) -> None:
        self.write("def/index.html", "ontology.html", **ontology_page(),
                   iri="https://w3id.org/ofsted-kg/def#", title="The ofsted-kg ontology")
