"""Quotation-mark spans found on the characters, before any parse: robust to odd input.

News conventions handled: straight and curly double marks (and « », „ “, and the doubled
apostrophes '' and `` of newswire archives), curly single marks
(‘ ’) and straight singles (') as a top-level quote only when they clearly pair within a paragraph
(both are also the apostrophe; a straight pair must hold two words), a single opener closed by a
stray double mark ('…collapse." said X'), and multi-paragraph quotes, where each paragraph of the quote opens with a mark
and only the last one closes. A mark that never closes ends its quote at the end of its
paragraph, or at the end of the article; a closing mark with nothing open is ignored. Nothing
here raises on any string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = frozenset("“„«")
CLOSERS = frozenset("”»")
STRAIGHT = '"'
DOUBLE = OPENERS | CLOSERS | {STRAIGHT, "‟", "〝", "〞", "＂"}
BEFORE_OPEN = frozenset(" \t\n([{—–-/:;,")  # characters after which a straight mark opens
AFTER_CLOSE = frozenset(" \t\n)]}.,;:!?—–-/…'’")  # characters before which a straight mark closes


@dataclass(frozen=True, slots=True)
class MarkSpan:
    """A quoted stretch: ``start``/``end`` inside the marks, ``outer_*`` including them."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    closed: bool = True  # False: the quote never closed (ran to its paragraph's or the article's end)
    paragraphs: int = 1  # how many paragraphs it spans
    single: bool = False  # ‘…’ rather than “…”


SINGLES = frozenset("‘’'")
MARK = re.compile("''|``|[\"“”„«»‟〝〞＂]")


def _role(text: str, i: int, width: int = 1) -> str:
    """'open', 'close' or 'either' for the double mark at ``i`` (``width`` characters long)."""
    c = text[i:i + width]
    if c in OPENERS or c in ("‟", "〝", "``"):
        return "open"
    if c in CLOSERS or c == "〞":
        return "close"
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + width] if i + width < len(text) else "\n"
    if prev in BEFORE_OPEN and nxt not in AFTER_CLOSE:
        return "open"
    if nxt in AFTER_CLOSE and prev not in BEFORE_OPEN:
        return "close"
    return "either"


def find_quotes(text: str) -> list[MarkSpan]:
    """Every quoted stretch in the text, in order."""
    out: list[MarkSpan] = []
    open_at: int | None = None  # index of the opening mark of the quote now open
    open_w = 1
    paras = 1
    pos = 0
    last_end = 0  # where the last line that was not blank ended
    for line in text.split("\n"):
        base = pos
        pos += len(line) + 1
        stripped = line.lstrip()
        if not stripped and open_at is not None:
            continue  # a blank line between paragraphs: the next one says whether the quote goes on
        first = base + len(line) - len(stripped)
        marks = [(m.start(), len(m.group())) for m in MARK.finditer(text, first, base + len(line))]
        if open_at is not None:
            if marks and marks[0][0] == first and _role(text, first, marks[0][1]) != "close":
                marks = marks[1:]  # the quote goes on in this paragraph (news convention)
                paras += 1
            else:  # it never closed: it ends where its last paragraph ended
                end = last_end
                out.append(_span(text, open_at, open_w, end, end, closed=False, paragraphs=paras))
                open_at, paras = None, 1
        orphans: list[tuple[int, int]] = []  # closing double marks with nothing open: '‘…collapse.” said X'
        for i, w in marks:
            role = _role(text, i, w)
            if open_at is None:
                if role != "close":
                    open_at, open_w, paras = i, w, 1
                else:
                    orphans.append((i, w))
            elif role == "open" and _run_in_paragraph(text, i, first):
                paras += 1  # '"A. "B."': a quote's next paragraph where the line breaks were lost
            elif role == "open" and text[i] != STRAIGHT and w == 1 and i + 1 < len(text) \
                    and text[i + 1] not in AFTER_CLOSE:
                # a second opener while one is open: the first never closed
                out.append(_span(text, open_at, open_w, i, i, closed=False, paragraphs=paras))
                open_at, open_w, paras = i, w, 1
            else:
                out.append(_span(text, open_at, open_w, i, i + w, closed=True, paragraphs=paras))
                open_at, paras = None, 1
        if open_at is None and ("‘" in line or "’" in line or "'" in line):
            singles = [(base + k, 1) for k, c in enumerate(line) if c in SINGLES
                       and not (c == "'" and "''" in text[max(base + k - 1, 0):base + k + 2])]
            out.extend(_singles(text, sorted(singles + orphans), out))
        last_end = base + len(line)
    if open_at is not None:
        out.append(_span(text, open_at, open_w, last_end, last_end, closed=False, paragraphs=paras))
    out.sort(key=lambda m: m.outer_start)
    return [m for m in out if m.end > m.start]


def _run_in_paragraph(text: str, i: int, line_start: int) -> bool:
    """An opening mark after a finished sentence while a quote is open: the quote's next paragraph run into
    this line, as archives that lost the line breaks print them ('She said: "We will win. "Then we rest."'),
    not the end of the quote (a closing mark has no space before it)."""
    k = i
    while k > line_start and text[k - 1] in " \t":
        k -= 1
    if k == i:
        return False
    while k > line_start and text[k - 1] in "'’)":
        k -= 1
    return k > line_start and text[k - 1] in ".?!"


def _span(text: str, mark: int, width: int, end: int, outer_end: int, *, closed: bool, paragraphs: int,
          single: bool = False) -> MarkSpan:
    start = mark + width
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return MarkSpan(start, end, mark, outer_end, closed, paragraphs, single)


def _singles(text: str, marks: list[tuple[int, int]], doubles: list[MarkSpan]) -> list[MarkSpan]:
    """Single-mark pairs in one paragraph, outside double quotes: ‘ or ' after a space and before a letter
    opens; ’ or ' after a non-space and before a non-letter closes, and so does a stray closing double mark
    (mixed marks, '‘…collapse.” said'). A straight pair must hold two words, so "the '90s" and "Jones' car"
    are not quotes."""
    out = []
    inside = [(m.outer_start, m.outer_end) for m in doubles]
    open_at = None
    for i, w in marks:
        if any(a <= i < b for a, b in inside):
            continue
        prev = text[i - 1] if i > 0 else "\n"
        nxt = text[i + w] if i + w < len(text) else "\n"
        c = text[i]
        if c in ("‘", "'") and prev in BEFORE_OPEN and (nxt.isalpha() or (c == "‘" and nxt.isalnum())):
            open_at = i
        elif open_at is not None and not nxt.isalnum() and prev != " " and (c in SINGLES or w > 1 or c in DOUBLE):
            straight = text[open_at] == "'" or c == "'"
            if not straight or " " in text[open_at + 1:i].strip():
                out.append(_span(text, open_at, 1, i, i + w, closed=True, paragraphs=1, single=True))
            open_at = None
    return out


# Lines a web page puts around the story, never said by anyone: "Scroll down for video", "Share this
# article", "Click here to ...", "Read more: ...", picture credits ("Photo: Jane Roe/Reuters", "(Image: AFP)").
FURNITURE = re.compile(
    r"^\W{0,3}(?:scroll (?:down|up)\b|share (?:this|on)\b|click here\b|read more\b|related:|advertisement\W*$"
    r"|(?:photo|image|picture|video|credit|photograph)s?(?: credit)?\s*[:|©]|\(?(?:image|photo|picture)s?:|©"
    r"|getty images\W*$|sign up\b|follow us\b|continue reading\b)",
    re.IGNORECASE)


# Captions and credits under a picture: "Image caption The mayor at the opening", "Media caption ...", and a
# short line that ends on an agency's picture credit ("The senator in May. Jane Roe/AFP via Getty Images").
CAPTION = re.compile(r"^\W{0,3}(?:image|media|video|photo|picture) (?:caption|copyright)\b", re.IGNORECASE)
CREDIT_END = re.compile(r"(?:\bgetty images|/\s?(?:afp|reuters|ap|getty|epa)|\bap photo|\bphoto by [^.]{3,40})\W*$",
                        re.IGNORECASE)


def furniture_lines(text: str) -> list[tuple[int, int]]:
    """Character spans of the lines that are page furniture, captions or picture credits."""
    out = []
    pos = 0
    for line in text.split("\n"):
        bare = line.strip()
        if len(line) < 200 and (FURNITURE.match(bare) or CAPTION.match(bare)
                                or len(bare) < 150 and CREDIT_END.search(bare)):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out
