"""The pieces of a report that can state quantities: the list items of a SIF report's
"Information about this local authority area" (read from the source lines by its
heading, as the parsers leave that section aside), and the sentences of findings."""

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ...model import Line
from ...parsing.textutil import join_lines
from ...sources import pieces

_HEADING = re.compile(
    r"^Information about (?:this|the) (?:local authority(?: area)?|area)\W*(?:\s\d{1,3}|\d{0,2})$",
    re.I)  # (the eleventh round) also "about the local authority area"
_FIRST_SUBHEADING = re.compile(r"^Children living in this area\W*\d{0,2}$", re.I)
_END = re.compile(
    r"^(?:Recommendations|Inspection judge?ments about the (?:local authority|LSCB)"
    r"|Summary for children and young people|Inspection findings|Executive summary"
    r"|Section \d\b.*|What does the .{2,40} need to improve\??|The inspection team|Contents"
    r"|Key judge?ment.*|Summary of (?:key )?findings|What the inspection judge?ments mean.*)\s*$",
    re.I)
_SUBHEADING = re.compile(
    r"^(?:Children living in this area|Child protection in this area|Children looked after in "
    r"this area|(?:Other|Previous) Ofsted inspections|Local leadership|Other information about "
    r"this area)\W*\d{0,2}$", re.I)
_CONTENTS_ENTRY = re.compile(r"\s\d{1,3}$")  # "Information about this local authority area 5"
_NEAR = 60  # lines
# a footnote's mark at a line's end ("...area.2"), not the decimals of a number the line
# breaks after ("(42.4" / "per 10,000 children)")
_FOOTNOTE_MARK = re.compile(r"(?<=[A-Za-z:;,.)])(?<!\d[.,])\d{1,2}$")
_FOOTNOTE_TEXT = re.compile(
    r"^\d{1,2} (?!(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\b)(?=[A-Z])")
_RULE = re.compile(r"^[-_*]{3,}$")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')]?\s+(?=[A-Z(\"'\d])")


@dataclass
class Item:
    """A list item of the area statistics, with the item its sub-items hang from."""

    level: int  # 0 text outside a list (and footnotes), 1 item, 2 sub-item
    page: int | None
    heading: str | None
    lines: list[str] = field(default_factory=list)
    parent: "Item | None" = None

    @property
    def text(self) -> str:
        return join_lines(self.lines)


def area_items(lines: Sequence[Line]) -> list[Item]:
    """The items of the area statistics section, or none where the report has none."""
    starts = [i for i, line in enumerate(lines) if _HEADING.match(line.text)]
    if not starts:  # no heading rendered: the section's first sub-heading opens it
        first = [i for i, line in enumerate(lines) if _FIRST_SUBHEADING.match(line.text)]
        return list(_items(_section(lines, first[-1]))) if first else []
    start: int | None = starts[-1] + 1
    if _CONTENTS_ENTRY.search(lines[starts[-1]].text):
        start = _after_contents(lines, starts[-1] + 1)  # the heading itself was not rendered
    return [] if start is None else list(_items(_section(lines, start)))


def _after_contents(lines: Sequence[Line], start: int) -> int | None:
    """Where the section starts when only its contents entry names it: at the first list
    item after the contents, provided one of the section's sub-headings follows soon."""
    first = next((i for i in range(start, len(lines)) if lines[i].bullet), None)
    if first is None:
        return None
    near = lines[first:first + _NEAR]
    return first if any(_SUBHEADING.match(line.text) for line in near) else None


def _section(lines: Sequence[Line], start: int) -> list[Line]:
    end = next((i for i in range(start, len(lines)) if _END.match(lines[i].text)), len(lines))
    return list(lines[start:end])


def _items(lines: list[Line]) -> Iterator[Item]:
    heading, current, parent, mark = None, None, None, False
    for line in lines:
        text = _FOOTNOTE_MARK.sub("", line.text).strip()
        if _SUBHEADING.match(line.text):
            heading, current, parent = _FOOTNOTE_MARK.sub("", line.text), None, None
        elif re.fullmatch(r"\d{1,2}", text):
            mark = True  # a footnote's number: its text follows, or the sentence goes on
        elif _RULE.match(text) or not text:
            current = None
        elif line.bullet or current is None or _starts_footnote(line, text, mark):
            footnote = not line.bullet and (mark or bool(_FOOTNOTE_TEXT.match(text)))
            level = 0 if footnote else _level(line.bullet, text, parent)
            current = Item(level, line.page, heading, [_FOOTNOTE_TEXT.sub("", text)],
                           parent if level > 1 else None)
            parent = current if level == 1 else parent
            mark = False
            yield current
        else:
            current.lines.append(text)
            mark = False


def _level(bullet: int, text: str, parent: Item | None) -> int:
    """A list flattened by its rendering: an item starting in lower case or with a number,
    after a lead-in ending in a colon, is one of that lead-in's sub-items."""
    if bullet == 1 and parent is not None and parent.text.endswith(":") \
            and (text[:1].islower() or text[:1].isdigit()):
        return 2
    return bullet


def _starts_footnote(line: Line, text: str, mark: bool) -> bool:
    return not line.bullet and ((mark and text[:1].isupper()) or bool(_FOOTNOTE_TEXT.match(text)))


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``."""
    return pieces(text, _SENTENCE_END)
