"""Shared builders for the letters tests: a resident, recipients, reading PDFs back."""

from __future__ import annotations

import io

from pypdf import PdfReader

from toolkit.directory.model import (
    CITY_COUNCIL,
    STATE_LOWER,
    US_REPRESENTATIVE,
    US_SENATOR,
    Office,
    Recipient,
)

SENDER = {
    "sender_name": "Ana Ruiz",
    "sender_street": "1200 W Cermak Rd",
    "sender_city": "Chicago",
    "sender_state": "IL",
    "sender_zip": "60608",
    "story": "My neighbor was detained outside the school.",
}

SENATOR = Recipient(
    id="D000563",
    kind=US_SENATOR,
    full_name="Richard J. Durbin",
    last_name="Durbin",
    title="Senator",
    chamber="senate",
    state="IL",
    offices=(
        Office("Washington", ("711 Hart Senate Office Building", "Washington, DC 20510")),
        Office("District office (Chicago)", ("230 S Dearborn St Suite 3892", "Chicago, IL 60604")),
    ),
)
REPRESENTATIVE = Recipient(
    id="G000586",
    kind=US_REPRESENTATIVE,
    full_name="Jesús G. García",
    last_name="García",
    title="Representative",
    chamber="house",
    state="IL",
    district="4",
)
ASSEMBLYMEMBER = Recipient(
    id="ocd-person/x",
    kind=STATE_LOWER,
    full_name="Alex Lee",
    last_name="Lee",
    title="Assemblymember",
    chamber="lower",
    state="CA",
    offices=(Office("Capitol", ("1021 O Street, Suite 5130", "Sacramento, CA 95814")),),
)
COUNCIL = Recipient(
    id="book-1",
    kind=CITY_COUNCIL,
    full_name="",
    last_name="",
    offices=(Office("City Hall", ("121 N LaSalle St, Room 107", "Chicago, IL 60602")),),
)


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def page_sizes(data: bytes) -> list[tuple[float, float]]:
    reader = PdfReader(io.BytesIO(data))
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]
