"""The one print path prints the PDF at true size, on its own paper, shifted by calibration."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from letters_helpers import SENATOR, SENDER
from PIL import Image, ImageOps
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from toolkit.cards.card_face import Branding
from toolkit.cards.card_sheet import cards_pdf
from toolkit.gui.common.printing import prepare_printer, print_pdf, print_with_dialog
from toolkit.letters.catalog import get_template
from toolkit.letters.compose import compose
from toolkit.letters.mailing import envelopes_pdf, labels_pdf
from toolkit.pdf.calibration import (
    MARK_MM,
    CalibrationError,
    make_calibration_pdf,
    offsets_from_measurement,
)

DPI = 100


def ink_box(pdf: Path, tmp_path: Path, name: str) -> tuple[int, int, int, int]:
    """The box around everything printed on page 1, in pixels at DPI."""
    stem = tmp_path / name
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-f", "1", "-l", "1", "-gray", "-png", str(pdf), str(stem)],
        check=True,
    )
    image = Image.open(next(tmp_path.glob(f"{name}*.png")))
    ink = ImageOps.invert(image.convert("L")).point(lambda v: 255 if v > 96 else 0)
    box = ink.getbbox()
    assert box is not None
    return box


def printed(pdf: bytes, tmp_path: Path, offsets: tuple[float, float] = (0.0, 0.0)) -> Path:
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(150)  # quicker than 1200 dpi; the page is drawn at true size at any dpi
    prepare_printer(printer, pdf, "test")
    assert print_pdf(pdf, printer, offsets) >= 1
    return out


def assert_true_size(source: bytes, tmp_path: Path) -> None:
    original = tmp_path / "original.pdf"
    original.write_bytes(source)
    want = ink_box(original, tmp_path, "want")
    got = ink_box(printed(source, tmp_path), tmp_path, "got")
    width, height = want[2] - want[0], want[3] - want[1]
    assert abs((got[2] - got[0]) / width - 1) <= 0.005, (want, got)
    assert abs((got[3] - got[1]) / height - 1) <= 0.005, (want, got)
    assert abs(got[0] - want[0]) <= 2 and abs(got[1] - want[1]) <= 2, (want, got)


def letters() -> list:
    day = dt.date(2026, 12, 1)
    return [compose(get_template("federal-dhs-funding"), SENDER, SENATOR, "en", day)]


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_card_sheet_prints_at_true_size(qtbot: QtBot, tmp_path: Path, paper: str) -> None:
    sheet = cards_pdf(["en"], paper, "duplex", Branding("Eastside Center", "555-0100")).pdf
    assert_true_size(sheet, tmp_path)


def test_label_sheet_prints_at_true_size(qtbot: QtBot, tmp_path: Path) -> None:
    assert_true_size(labels_pdf(letters() * 30, "letter"), tmp_path)


def test_envelope_prints_at_true_size_on_its_own_paper(qtbot: QtBot, tmp_path: Path) -> None:
    envelope = envelopes_pdf(letters())
    assert_true_size(envelope, tmp_path)
    printer = QPrinter()
    prepare_printer(printer, envelope, "envelope")
    size = printer.pageLayout().fullRect().size()  # a #10 envelope, landscape, in points
    assert (round(size.width()), round(size.height())) == (684, 297)


def test_calibration_offsets_shift_the_print(qtbot: QtBot, tmp_path: Path) -> None:
    page = make_calibration_pdf("letter")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    before = ink_box(printed(page, tmp_path / "a"), tmp_path / "a", "before")
    after = ink_box(printed(page, tmp_path / "b", (2.0, -1.0)), tmp_path / "b", "after")
    assert abs((after[0] - before[0]) - 2.0 / 25.4 * DPI) <= 1.5
    assert abs((after[1] - before[1]) + 1.0 / 25.4 * DPI) <= 1.5


def test_offsets_come_from_what_the_person_measured() -> None:
    assert offsets_from_measurement(MARK_MM - 1.5, MARK_MM + 0.5) == (1.5, -0.5)
    with pytest.raises(CalibrationError):
        offsets_from_measurement(45, 20)  # measured to the wrong mark


def test_cancelled_dialog_prints_nothing(qtbot: QtBot) -> None:
    sheet = cards_pdf(["en"], "letter", "duplex", Branding()).pdf
    seen: list[str] = []

    def cancel(parent: object, printer: QPrinter) -> bool:
        seen.append(printer.docName())
        return False

    assert print_with_dialog(None, sheet, "Rights cards", ask=cancel) is None  # type: ignore[arg-type]
    assert seen == ["Rights cards"]


def to_file(path: Path) -> object:
    """A print dialog stand-in that "chooses" a PDF printer writing to ``path``."""

    def ask(parent: object, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        printer.setResolution(150)
        return True

    return ask


def test_calibration_dialog_saves_offsets_that_later_prints_use(
    qtbot: QtBot, tmp_path: Path, data_dir: Path
) -> None:
    from toolkit.gui.common.calibration_dialog import CalibrationDialog
    from toolkit.gui.context import AppContext
    from toolkit.settings import Settings, load

    context = AppContext(settings=Settings(), data_dir=data_dir)
    dialog = CalibrationDialog(context, ask=to_file(tmp_path / "calibration.pdf"))
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()  # nothing to measure before the page is printed
    dialog.print_button.click()
    assert (tmp_path / "calibration.pdf").stat().st_size > 0
    dialog.from_left.setValue(MARK_MM - 1.5)
    dialog.from_top.setValue(MARK_MM + 0.5)
    dialog.save_button.click()
    name = dialog.printer_name
    assert load(data_dir).settings.offsets_for(name) == (1.5, -0.5)
    assert "1.5 mm right" in dialog.message.text()
    dialog.from_left.setValue(45)  # measured to the wrong place: refused, nothing saved
    dialog.save_button.click()
    assert load(data_dir).settings.offsets_for(name) == (1.5, -0.5)
    assert "Measure again" in dialog.message.text()
