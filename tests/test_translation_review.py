"""Review status of translations: shown in guides, recorded by a center, exported."""

from __future__ import annotations

import json
from pathlib import Path

from toolkit.guides.loader import load_library
from toolkit.guides.notice import notice_for
from toolkit.guides.text_render import guide_text
from toolkit.i18n import translate_in
from toolkit.translations import reviews
from toolkit.translations.status import UNREVIEWED, status_line


def test_translated_guides_say_they_are_not_reviewed_and_english_says_nothing() -> None:
    english = load_library("en").get("if-detained")
    assert notice_for(english, None).review == ""
    for language in ("es", "zh-Hans", "vi", "ar", "ko"):
        guide = load_library(language).get("if-detained")
        assert not guide.review.reviewed
        line = notice_for(guide, None).review
        assert line == translate_in(language, UNREVIEWED), language
        assert line in guide_text(guide)


def test_a_review_recorded_here_changes_the_status_line(data_dir: Path) -> None:
    guide = load_library("vi").get("if-detained")
    reviews.add_record(
        reviews.Record("guide", "vi", "if-detained", "reviewed", "Lan N.", "2026-12-01")
    )
    line = status_line("guide", "vi", "if-detained", guide.review)
    assert "Lan N." in line and "2026-12-01" in line
    assert notice_for(guide, None).review == line
    # Another guide stays unreviewed; the bundled file is untouched.
    other = load_library("vi").get("street-car-work")
    assert notice_for(other, None).review == translate_in("vi", UNREVIEWED)
    assert guide.path is not None and "status: unreviewed" in guide.path.read_text("utf-8")
    assert (data_dir / reviews.FILE_NAME).is_file()


def test_a_review_dated_in_persian_digits_is_kept_as_that_date(data_dir: Path) -> None:
    persian = "۲۰۲۶-۱۲-۰۱"
    reviews.add_record(reviews.Record("guide", "fa", "if-detained", "reviewed", "Sara", persian))
    assert [r.date for r in reviews.load_records()] == ["2026-12-01"]


def test_export_holds_the_records(tmp_path: Path) -> None:
    reviews.add_record(
        reviews.Record("card", "ko", "card", "correction", "Min", "2026-12-01", "새 문구", "line 2")
    )
    out = tmp_path / "reviews.json"
    assert (
        reviews.export_file(out, [{"kind": "card", "language": "ko", "status": "unreviewed"}]) == 1
    )
    data = json.loads(out.read_text("utf-8"))
    assert data["format"] == reviews.FORMAT
    assert data["records"][0]["text"] == "새 문구"
    assert data["items"][0]["language"] == "ko"


def test_the_reader_marks_a_guide_reviewed(qtbot: object, data_dir: Path) -> None:
    from toolkit.gui.guides.reader import GuideReader
    from toolkit.settings import Settings

    reader = GuideReader(lambda: Settings())
    reader.open_guide("if-detained", "zh-Hans")
    assert reader.status_note.text() == translate_in("zh-Hans", UNREVIEWED)
    reader.open_review("reviewed")
    dialog = reader.review_dialog
    dialog.save()  # no name yet: refused, nothing stored
    assert dialog.error.text() and not (data_dir / reviews.FILE_NAME).exists()
    dialog.name.setText("王芳")
    dialog.save()
    assert "王芳" in reader.status_note.text()
    reader.open_review("correction")
    reader.review_dialog.name.setText("王芳")
    reader.review_dialog.text.setPlainText("更好的说法")
    reader.review_dialog.save()
    assert reviews.corrections("guide", "zh-Hans", "if-detained")[0].text == "更好的说法"


def test_cli_review_and_export(tmp_path: Path, capsys: object) -> None:
    from toolkit.cli import run as main

    assert main(["translations", "review", "card", "vi", "card", "--name", "Lan"]) == 0
    out = tmp_path / "out.json"
    assert main(["translations", "export", "--out", str(out)]) == 0
    data = json.loads(out.read_text("utf-8"))
    assert data["records"][0]["name"] == "Lan"
    kinds = {row["kind"] for row in data["items"]}
    assert kinds == {"guide", "card", "flyer", "interface"}
    card = next(r for r in data["items"] if (r["kind"], r["language"]) == ("card", "vi"))
    assert card["reviewed_here"] == "yes"
