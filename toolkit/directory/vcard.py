"""vCard (.vcf) files for the address book: read 4.0, 3.0 and 2.1 cards, write 4.0 (RFC 6350).

Only what a letter needs is read: FN (or N), TITLE, ORG, ADR (or LABEL), NOTE as the source, and
X-VERIFIED-ON (or REV) as the day the contact was checked. Other properties are ignored.
"""

from __future__ import annotations

import quopri
import re
from dataclasses import dataclass, field
from datetime import date

from toolkit.directory.addressbook import BookEntry
from toolkit.directory.errors import ImportFileError
from toolkit.i18n import _

FOLD_AT = 75  # octets per line, CRLF not counted (RFC 6350 3.2)
KIND_PROPERTY = "X-TOOLKIT-KIND"
CITY_PROPERTY = "X-TOOLKIT-CITY"
STATE_PROPERTY = "X-TOOLKIT-STATE"
VERIFIED_PROPERTY = "X-VERIFIED-ON"
# "Springfield, IL 62701": the last address line split into ADR's locality, region and code.
_CITY_LINE = re.compile(r"(?P<city>[^,]+), (?P<region>[A-Z]{2}) (?P<code>\d{5}(?:-\d{4})?)")
_REV_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")


@dataclass
class Property:
    name: str
    params: dict[str, str]
    value: str


@dataclass
class Card:
    line: int  # where BEGIN:VCARD is, for messages
    properties: list[Property] = field(default_factory=list)

    def first(self, name: str) -> Property | None:
        return next((p for p in self.properties if p.name == name), None)

    def text(self, name: str) -> str:
        prop = self.first(name)
        return unescape(prop.value) if prop else ""


# Writing


def escape(text: str, separators: str = ",;") -> str:
    out = text.replace("\\", "\\\\")
    for char in separators:
        out = out.replace(char, "\\" + char)
    return out.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """A content line cut into pieces of at most 75 octets, never inside a UTF-8 character."""
    pieces, current, size = [], "", 0
    limit = FOLD_AT
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = "", 0, FOLD_AT - 1  # a continuation starts with a space
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def split_address(lines: list[str]) -> tuple[list[str], str, str, str]:
    """Street lines, locality, region, code; the last line is split only when it fits exactly."""
    if len(lines) >= 2 and (match := _CITY_LINE.fullmatch(lines[-1])):
        return lines[:-1], match["city"], match["region"], match["code"]
    return lines, "", "", ""


def adr_value(address: str) -> str:
    street, city, region, code = split_address([x for x in address.split("\n") if x])
    street_value = ",".join(escape(line) for line in street)
    return ";".join(["", "", street_value, escape(city), escape(region), escape(code), ""])


def card_text(entry: BookEntry) -> str:
    words = entry.name.split()
    family = words[-1] if words else ""
    given = " ".join(words[:-1])
    lines = ["BEGIN:VCARD", "VERSION:4.0", f"FN:{escape(entry.name)}"]
    lines.append(f"N:{escape(family)};{escape(given)};;;")
    if entry.title:
        lines.append(f"TITLE:{escape(entry.title)}")
    if entry.organization:
        lines.append(f"ORG:{escape(entry.organization)}")
    if entry.address:
        label = escape(entry.address.replace("^", "^^").replace('"', "^'"), "")
        # LABEL keeps the lines exactly as typed; the components serve other programs.
        lines.append(f'ADR;TYPE=work;LABEL="{label}":{adr_value(entry.address)}')
    if entry.source:
        lines.append(f"NOTE:{escape(entry.source)}")
    if entry.verified_on:
        lines.append(f"{VERIFIED_PROPERTY}:{entry.verified_on}")
        lines.append(f"REV:{entry.verified_on.replace('-', '')}T000000Z")
    lines.append(f"{KIND_PROPERTY}:{escape(entry.kind)}")
    for name, value in ((CITY_PROPERTY, entry.city), (STATE_PROPERTY, entry.state)):
        if value:
            lines.append(f"{name}:{escape(value)}")
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)


def vcard_text(entries: list[BookEntry]) -> str:
    return "".join(card_text(entry) for entry in entries)


# Reading


def unescape(value: str) -> str:
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            out.append("\n" if following in "nN" and following else following)
        else:
            out.append(char)
    return "".join(out)


def split_unescaped(value: str, separator: str) -> list[str]:
    """``value`` split at each ``separator`` not preceded by a backslash; escapes are kept."""
    parts, current, chars = [], "", iter(value)
    for char in chars:
        if char == "\\":
            current += char + next(chars, "")
        elif char == separator:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return parts


def unfold(text: str) -> list[tuple[int, str]]:
    """Logical lines with the number of the physical line each starts on."""
    logical: list[tuple[int, str]] = []
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        if line[:1] in (" ", "\t") and logical:
            start, previous = logical[-1]
            logical[-1] = (start, previous + line[1:])
        elif logical and logical[-1][1].endswith("=") and _quoted_printable(logical[-1][1]):
            # vCard 2.1 quoted-printable soft line break: the line goes on without a space.
            start, previous = logical[-1]
            logical[-1] = (start, previous[:-1] + line)
        elif line.strip():
            logical.append((number, line))
    return logical


def _quoted_printable(line: str) -> bool:
    head = line.split(":", 1)[0].upper()
    return "QUOTED-PRINTABLE" in head


def parse_property(line: str) -> Property:
    head, value = _split_head(line)
    parts = split_params(head)
    name = parts[0].rsplit(".", 1)[-1].upper()  # "item1.ADR" groups are ignored
    params: dict[str, str] = {}
    for part in parts[1:]:
        key, _sep, raw = part.partition("=")
        if not _sep:  # vCard 2.1: "ADR;WORK;QUOTED-PRINTABLE:..."
            key, raw = ("ENCODING", part) if "PRINTABLE" in part.upper() else ("TYPE", part)
        params[key.strip().upper()] = raw.strip().strip('"')
    if params.get("ENCODING", "").upper() == "QUOTED-PRINTABLE":
        charset = params.get("CHARSET", "utf-8")
        try:
            value = quopri.decodestring(value.encode("latin-1", "replace")).decode(charset)
        except (LookupError, UnicodeDecodeError):
            value = quopri.decodestring(value.encode("latin-1", "replace")).decode("latin-1")
    return Property(name, params, value)


def _split_head(line: str) -> tuple[str, str]:
    """The name and parameters before the first colon outside double quotes, and the value."""
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return line[:index], line[index + 1 :]
    raise ValueError(line)


def split_params(head: str) -> list[str]:
    parts, current, quoted = [], "", False
    for char in head:
        if char == '"':
            quoted = not quoted
        if char == ";" and not quoted:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return parts


def parse_cards(text: str, file_name: str) -> list[Card]:
    cards: list[Card] = []
    current: Card | None = None
    for number, line in unfold(text.lstrip("\ufeff")):
        try:
            prop = parse_property(line)
        except ValueError:
            raise ImportFileError(
                _("{file}, line {line}: not a vCard line.").format(file=file_name, line=number)
            ) from None
        if prop.name == "BEGIN" and prop.value.strip().upper() == "VCARD":
            if current is not None:
                raise _broken(file_name, number)
            current = Card(number)
        elif prop.name == "END" and prop.value.strip().upper() == "VCARD":
            if current is None:
                raise _broken(file_name, number)
            cards.append(current)
            current = None
        elif current is not None:
            current.properties.append(prop)
        else:
            raise _broken(file_name, number)
    if current is not None:
        raise _broken(file_name, current.line)
    return cards


def _broken(file_name: str, line: int) -> ImportFileError:
    return ImportFileError(
        _("{file}, line {line}: a contact starts or ends in the wrong place.").format(
            file=file_name, line=line
        )
    )


def param_value(raw: str) -> str:
    """A parameter value with RFC 6868 escapes (^n, ^', ^^) and backslash escapes undone."""
    decoded = re.sub(r"\^(.)", lambda m: {"n": "\n", "'": '"', "^": "^"}.get(m[1], m[0]), raw)
    return unescape(decoded)


def components(value: str, count: int) -> list[list[str]]:
    """A structured value (ADR, N) as ``count`` components, each a list of its items."""
    parts = [*split_unescaped(value, ";"), *([""] * count)][:count]
    return [[unescape(item).strip() for item in split_unescaped(part, ",")] for part in parts]


def joined(items: list[str], separator: str = " ") -> str:
    return separator.join(item for item in items if item)


def card_address(card: Card) -> tuple[str, str, str]:
    """The address lines, and the locality and region, from LABEL or from ADR's components."""
    adr = card.first("ADR")
    if adr is None:
        # vCard 3.0 may keep only the printed address, as its own LABEL property.
        return card.text("LABEL").strip(), "", ""
    box, extended, street, locality, region, code, country = components(adr.value, 7)
    city, state = joined(locality), joined(region)
    last = joined([city, joined([state, joined(code)])], ", ")
    nation = joined(country)
    lines = [*box, *(x for item in street for x in item.split("\n")), *extended, last]
    if nation.replace(".", "").upper() not in (
        "",
        "US",
        "USA",
        "UNITED STATES",
        "UNITED STATES OF AMERICA",
    ):
        lines.append(nation)
    label = adr.params.get("LABEL", "")
    if label:
        lines = param_value(label).split("\n")
    return "\n".join(line.strip() for line in lines if line.strip()), city, state


def card_date(card: Card) -> str:
    for name in (VERIFIED_PROPERTY, "REV"):
        match = _REV_DATE.match(card.text(name).strip())
        if match:
            try:
                return date(*(int(group) for group in match.groups())).isoformat()
            except ValueError:
                continue
    return ""


def card_name(card: Card) -> str:
    name = card.text("FN").strip()
    n = card.first("N")
    if name or n is None:
        return name
    family, given, additional, prefix, suffix = (joined(part) for part in components(n.value, 5))
    return joined([prefix, given, additional, family, suffix])


def card_entry(card: Card) -> BookEntry:
    org = card.first("ORG")
    # ORG is "organization;unit;unit": one line, as people write it on an envelope.
    units = [unescape(part).strip() for part in split_unescaped(org.value, ";")] if org else []
    organization = joined(units, ", ")
    address, locality, region = card_address(card)
    ours = card.first(KIND_PROPERTY) is not None
    state = card.text(STATE_PROPERTY) if ours else region
    return BookEntry(
        name=card_name(card),
        title=card.text("TITLE"),
        organization=organization,
        address=address,
        kind=card.text(KIND_PROPERTY),
        city=card.text(CITY_PROPERTY) if ours else locality,
        state=state if len(state.strip()) == 2 else "",
        source=card.text("NOTE"),
        verified_on=card_date(card),
    )


def parse_vcard(text: str, file_name: str) -> list[tuple[int, BookEntry]]:
    """Each card as (line where it begins, entry as written); checking is the caller's."""
    return [(card.line, card_entry(card)) for card in parse_cards(text, file_name)]
