"""Stage 2c: evidence, the quantities a report states, each kept with its exact text
and where it stands (page, section, finding).

Two kinds: the statistics of a SIF report's "Information about this local authority
area" (one evidence node per list item, read from the source lines), and the sentences
of findings that state numbers (SIF and ILACS alike). Each number becomes a typed
quantity: value, unit, role (current, previous or national), the measure it counts
where the words say so, and the date or period it refers to.
"""

import re
from dataclasses import replace

from ...model import Evidence, Finding, Quantity, Report, SourceText
from .dates import date_spans
from .reading import earlier_values, parts_dated, read_quantities, sentence_date
from .text import Item, area_items, sentences

AREA, FINDINGS = "area-information", "findings"
# An item that goes on from the one before: "Of this number, ...", "32 live in ...".
_FRAGMENT = re.compile(r"^(?:[a-z\d]|None\b|Of (?:this number|these|them|the \d))")


def add_evidence(report: Report, text: SourceText) -> Report:
    """The report with its ``evidence`` filled in from its findings and source lines."""
    return replace(report, evidence=area_evidence(text) + finding_evidence(report.findings))


def area_evidence(text: SourceText) -> list[Evidence]:
    found: list[Evidence] = []
    before: tuple[str | None, str | None] = (None, None)  # heading and date of the item before
    for item in area_items(text.lines):
        lead = item.parent.text if item.parent else ""
        lead_date = _lead_date(item.parent)
        if lead_date is None and _FRAGMENT.match(item.text) and before[0] == item.heading:
            lead_date = before[1]  # "Of this number, 188 ...", "32 live in ..."
        quantities = read_quantities(item.text, lead, lead_date)
        before = (item.heading, _lead_date(item) or lead_date)
        if quantities:
            found.append(Evidence(f"area-{len(found) + 1}", item.text, item.page, AREA,
                                  item.heading, None, "local-authority", quantities))
    return found


def _lead_date(parent: Item | None) -> str | None:
    """The date a list's lead-in gives its items: "In the last 12 months:", or the date
    of the statement the list breaks down ("At 31 March 2018, 306 children ... Of this
    number:")."""
    if parent is None:
        return None
    spans = date_spans(parent.text)
    return spans[0].key if spans else None


def finding_evidence(findings: list[Finding]) -> list[Evidence]:
    found: list[Evidence] = []
    for finding in findings:
        count, before = 0, None
        group: tuple[Quantity, ...] = ()  # the quantities of the sentence before
        told = ["", ""]  # the two sentences before
        for start, end in sentences(finding.text):
            sentence = finding.text[start:end]
            quantities = parts_dated(read_quantities(sentence, prose=True, before=before), group,
                                     sentence)
            earlier = earlier_values(group, told[1], quantities, sentence, told[0])
            if earlier != group and found and found[-1].text == told[1]:
                found[-1] = replace(found[-1], quantities=earlier)
            before, group = sentence_date(sentence, quantities, before), quantities
            told = [told[1], sentence]
            if not quantities:
                continue
            count += 1
            prefix = "" if finding.body == "local-authority" else f"{finding.body}-"
            found.append(Evidence(f"{prefix}{finding.number}-{count}", sentence, finding.page,
                                  FINDINGS, None, finding.number, finding.body, quantities))
    return found
