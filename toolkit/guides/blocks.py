"""The Markdown subset guides are written in, parsed into blocks of styled text runs.

Supported: ``## `` and ``### `` headings, paragraphs, ``- `` bullets, ``1. `` numbered lists,
``**bold**``, ``*italic*`` and links ``[text](guide:ID)`` / ``[text](app:PAGE[/TARGET])``.
One parse feeds every renderer: HTML for the reader, ReportLab markup for PDFs, plain text for
the terminal and the search index.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

HEADING = "heading"
PARAGRAPH = "paragraph"
BULLETS = "bullets"
NUMBERS = "numbers"

_HEADING = re.compile(r"^(#{2,3})\s+(.*)$")
_BULLET = re.compile(r"^-\s+(.*)$")
_NUMBER = re.compile(r"^(\d+)\.\s+(.*)$")
_INLINE = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)|\*\*|\*")


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    link: str = ""


Runs = tuple[Run, ...]


@dataclass(frozen=True)
class Block:
    kind: str
    runs: Runs = ()
    level: int = 0  # headings: 2 or 3
    items: tuple[Runs, ...] = ()  # lists: one run sequence per item
    start: int = 1  # numbered lists: the first number


@dataclass
class _Open:
    kind: str
    lines: list[str] = field(default_factory=list)
    items: list[list[str]] = field(default_factory=list)
    start: int = 1


def plain(runs: Runs) -> str:
    return "".join(run.text for run in runs)


def _has_closing(text: str, marker: str, start: int) -> bool:
    index = text.find(marker, start)
    # A single "*" must not be taken for one half of a later "**".
    while marker == "*" and index != -1 and text.startswith("**", index):
        index = text.find(marker, index + 2)
    return index != -1


def _toggles(text: str, start: int, end: int, is_open: bool) -> bool:
    """Whether the marker at ``text[start:end]`` opens or closes emphasis (as in CommonMark,
    an opening marker is followed by a non-space, a closing one preceded by a non-space)."""
    marker = text[start:end]
    if is_open:
        return start > 0 and not text[start - 1].isspace()
    following = text[end : end + 1]
    return bool(following) and not following.isspace() and _has_closing(text, marker, end)


def parse_inline(text: str, bold: bool = False, italic: bool = False) -> Runs:
    """Split one line of text into runs; unmatched markers stay as literal characters."""
    runs: list[Run] = []
    buffer = ""
    position = 0

    def flush() -> None:
        nonlocal buffer
        if buffer:
            runs.append(Run(buffer, bold, italic))
            buffer = ""

    for match in _INLINE.finditer(text):
        buffer += text[position : match.start()]
        position = match.end()
        token = match.group(0)
        if match.group(1) is not None:
            flush()
            for run in parse_inline(match.group(1), bold, italic):
                runs.append(Run(run.text, run.bold, run.italic, match.group(2)))
        elif _toggles(text, match.start(), position, bold if token == "**" else italic):
            flush()
            if token == "**":
                bold = not bold
            else:
                italic = not italic
        else:
            buffer += token
    buffer += text[position:]
    flush()
    return tuple(runs)


def _close(block: _Open | None) -> Block | None:
    if block is None:
        return None
    if block.kind == PARAGRAPH:
        return Block(PARAGRAPH, parse_inline(" ".join(block.lines)))
    items = tuple(parse_inline(" ".join(lines)) for lines in block.items)
    return Block(block.kind, items=items, start=block.start)


def parse(text: str) -> list[Block]:
    """Parse a guide body into blocks."""
    blocks: list[Block] = []
    current: _Open | None = None

    def finish() -> None:
        nonlocal current
        closed = _close(current)
        if closed is not None:
            blocks.append(closed)
        current = None

    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line:
            finish()
            continue
        heading = _HEADING.match(line)
        item = _BULLET.match(line) or _NUMBER.match(line)
        if heading:
            finish()
            blocks.append(
                Block(HEADING, parse_inline(heading.group(2)), level=len(heading.group(1)))
            )
        elif item:
            kind = BULLETS if item.re is _BULLET else NUMBERS
            if current is None or current.kind != kind:
                finish()
                current = _Open(kind, start=int(item.group(1)) if kind == NUMBERS else 1)
            current.items.append([item.group(item.lastindex or 1)])
        elif current is not None and current.kind != PARAGRAPH:
            current.items[-1].append(line)  # a wrapped list item
        else:
            if current is None:
                current = _Open(PARAGRAPH)
            current.lines.append(line)
    finish()
    return blocks


def iter_links(blocks: list[Block]) -> Iterator[tuple[str, str]]:
    """Every (link text, target) in the blocks, in order."""
    for block in blocks:
        for runs in (block.runs, *block.items):
            for run in runs:
                if run.link:
                    yield run.text, run.link


def sections(blocks: list[Block]) -> list[tuple[str, list[Block]]]:
    """The ``## `` sections: (heading text, blocks under it); text before the first is ""."""
    result: list[tuple[str, list[Block]]] = [("", [])]
    for block in blocks:
        if block.kind == HEADING and block.level == 2:
            result.append((plain(block.runs), []))
        else:
            result[-1][1].append(block)
    return [section for section in result if section[0] or section[1]]
