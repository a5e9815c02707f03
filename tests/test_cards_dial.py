"""The card's QR code dials the hotline as people write it, or the card says it cannot."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from toolkit.cards.dial import DialError, tel_uri


@pytest.mark.parametrize(
    ("hotline", "uri"),
    [
        ("(555) 010-0199", "tel:+15550100199"),
        ("555.010.0199", "tel:+15550100199"),
        ("1-800-RIGHTS-1", "tel:+18007444871"),  # letters as on a phone's keypad
        ("1-800-rights-1", "tel:+18007444871"),
        ("555.010.0199 x12", "tel:+15550100199;ext=12"),
        ("(312) 555-0100 ext. 7", "tel:+13125550100;ext=7"),
        ("+1 (555) 010-0199 x12345", "tel:+15550100199;ext=12345"),
        ("+52 55 1234 5678", "tel:+525512345678"),
        ("988", "tel:988"),
        ("211", "tel:211"),
        ("(٥٥٥) ٠١٠-٠١٩٩", "tel:+15550100199"),
        ("۵۵۵-۰۱۰-۰۱۹۹", "tel:+15550100199"),
    ],
)
def test_hotline_becomes_a_dialable_tel_uri(hotline: str, uri: str) -> None:
    assert tel_uri(hotline) == uri


@pytest.mark.parametrize(
    "hotline", ["555-0100", "12345", "call us", "1-800-RIGHTS-NOW-PLEASE", "0123456789", "+1"]
)
def test_undialable_hotline_is_refused_with_a_plain_message(hotline: str) -> None:
    with pytest.raises(DialError, match="cannot be made into a number a phone can dial"):
        tel_uri(hotline)


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize(
    ("hotline", "uri"),
    [
        ("(555) 010-0199", "tel:+15550100199"),
        ("1-800-RIGHTS-1", "tel:+18007444871"),
        ("+1 (555) 010-0199 x12345", "tel:+15550100199;ext=12345"),
    ],
)
def test_card_qr_decodes_from_a_72_dpi_render(
    tmp_path: Path, paper: str, hotline: str, uri: str
) -> None:
    from toolkit.cards.card_face import Branding
    from toolkit.cards.card_sheet import cards_pdf

    sheet = cards_pdf(["en"], paper, "duplex", Branding("Eastside Center", hotline, qr=True))
    pdf = tmp_path / "cards.pdf"
    pdf.write_bytes(sheet.pdf)
    subprocess.run(
        ["pdftoppm", "-r", "72", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "p")],
        check=True,
    )
    image = next(tmp_path.glob("p*.png"))
    found = subprocess.run(["zbarimg", "-q", str(image)], capture_output=True, text=True)
    assert f"QR-Code:{uri}" in found.stdout.splitlines()
