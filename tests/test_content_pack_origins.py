"""Every card, flyer and letter template names the content it comes from, in the models (for
the PDFs), the CLI listings and the GUI; and the highest pack ever applied survives rollback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from content_pack_helpers import REPO, good_pack, new_key, signed, tree
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pytestqt.qtbot import QtBot

from toolkit.cards.content import load_card
from toolkit.cards.flyer_content import load_flyers
from toolkit.cli import run
from toolkit.content_pack import keys, service, store
from toolkit.content_pack.keys import TrustedKey
from toolkit.content_pack.rules import PackError
from toolkit.letters.catalog import get_template

CARD = "assets/cards/es.yaml"
FLYER = "assets/flyers/fr.yaml"
BODY = "templates/letters/blank.en.j2"


def _files() -> dict[str, bytes]:
    card = (REPO / CARD).read_bytes()
    body = (REPO / BODY).read_bytes()
    return {CARD: card, FLYER: (REPO / FLYER).read_bytes(), BODY: body + b"\n"}


def _apply(tmp_path: Path, data_dir: Path) -> tuple[Ed25519PrivateKey, TrustedKey]:
    private, key = new_key()
    pack = signed(tmp_path, private, _files(), apps=("0",), name="content.zip")
    service.apply_file(pack, data_dir, [key])
    return private, key


def test_models_carry_their_origin(tmp_path: Path, data_dir: Path) -> None:
    assert load_card("es").content_pack is None
    assert load_card("es").content_origin() == "Content: bundled"
    _apply(tmp_path, data_dir)
    spanish = load_card("es")
    assert spanish.content_pack == "2026.12.2"
    assert spanish.content_origin() == "Content pack 2026.12.2"
    assert load_card("en").content_pack is None
    assert load_flyers("fr").content_pack == "2026.12.2"
    assert load_flyers("es").content_origin() == "Content: bundled"
    # A template whose letter text alone is in the pack still comes from the pack.
    assert get_template("blank").content_pack == "2026.12.2"
    assert get_template("city-judicial-warrants").content_pack is None


def test_cli_listings_name_the_origin(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _apply(tmp_path, data_dir)
    capsys.readouterr()
    assert run(["cards", "languages"]) == 0
    lines = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert lines["es"].endswith("Content pack 2026.12.2")
    assert lines["en"].endswith("Content: bundled")
    assert run(["cards", "languages", "--json"]) == 0
    rows = {row["code"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["es"]["content_pack"] == "2026.12.2" and rows["en"]["content_pack"] is None
    assert rows["es"]["content_origin"] == "Content pack 2026.12.2"

    assert run(["flyers", "list"]) == 0
    out = capsys.readouterr().out
    assert "Content pack 2026.12.2 (fr)" in out and "Content: bundled (en, es," in out
    assert run(["flyers", "list", "--json"]) == 0
    row = json.loads(capsys.readouterr().out)[0]
    assert row["content_pack"]["fr"] == "2026.12.2" and row["content_pack"]["en"] is None

    assert run(["templates", "list"]) == 0
    lines = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert lines["blank"].endswith("(Content pack 2026.12.2)")
    assert lines["city-judicial-warrants"].endswith("(Content: bundled)")
    assert run(["templates", "list", "--json"]) == 0
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["blank"]["content_pack"] == "2026.12.2"
    assert rows["city-judicial-warrants"]["content_origin"] == "Content: bundled"


def test_gui_shows_the_origin(qtbot: QtBot, tmp_path: Path, data_dir: Path) -> None:
    from toolkit.gui.cards.cards_tab import CardsTab
    from toolkit.gui.cards.flyers_tab import FlyersTab
    from toolkit.gui.context import AppContext
    from toolkit.gui.letters.template_chooser import describe
    from toolkit.settings import Settings

    _apply(tmp_path, data_dir)
    context = AppContext(Settings(), data_dir=data_dir)
    cards = CardsTab(context)
    qtbot.addWidget(cards)
    cards.refresh()
    assert cards.origin.text() == "Content: bundled"  # English only, at first
    cards.spins["es"].setValue(2)
    cards.refresh()
    assert "Content pack 2026.12.2 (Español (Spanish))" in cards.origin.text()
    assert "Content: bundled (English)" in cards.origin.text()

    flyers = FlyersTab(context)
    qtbot.addWidget(flyers)
    flyers.language.setCurrentIndex(flyers.language.findData("fr"))
    flyers.refresh()
    assert flyers.origin.text() == "Content pack 2026.12.2"
    flyers.language.setCurrentIndex(flyers.language.findData("en"))
    flyers.refresh()
    assert flyers.origin.text() == "Content: bundled"

    assert "Content pack 2026.12.2" in describe(get_template("blank"), "en")
    assert "Content: bundled" in describe(get_template("city-judicial-warrants"), "en")


def test_highest_version_survives_rollback(tmp_path: Path, data_dir: Path) -> None:
    private, key = new_key()
    older = good_pack(tmp_path, private, "2026.12.2", "older fix")
    newer = good_pack(tmp_path, private, "2026.12.3", "newer fix")
    service.apply_file(newer, data_dir, [key])
    assert store.rollback(data_dir) is None
    status = store.status(data_dir)
    assert status.current is None and status.highest == "2026.12.3"
    pointer = json.loads((data_dir / "content" / "current.json").read_text())
    assert pointer["highest"] == "2026.12.3"

    # Never applied here: refused even with "again", and nothing changes on disk.
    before = tree(data_dir)
    for again in (False, True):
        with pytest.raises(PackError, match=r"not newer than pack 2026\.12\.3"):
            service.apply_file(older, data_dir, [key], again=again)
    assert tree(data_dir) == before

    # Applied here before: refused unless re-applied on purpose.
    with pytest.raises(store.AppliedBefore, match="on purpose"):
        service.preview(newer, data_dir, [key])
    service.apply_file(newer, data_dir, [key], again=True)
    assert store.status(data_dir).current.version == "2026.12.3"  # type: ignore[union-attr]


def test_cli_apply_again(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    private, _key = new_key()
    public = tmp_path / "k.pub"
    public.write_text(keys.public_line(private.public_key(), "t"))
    keys.trust(public, data_dir)
    pack = good_pack(tmp_path, private, "2026.12.3")
    assert run(["content", "apply", str(pack)]) == 0
    assert run(["content", "rollback"]) == 0
    capsys.readouterr()
    assert run(["content", "apply", str(pack)]) == 2
    err = capsys.readouterr().err
    assert "on purpose" in err and "--again" in err
    assert run(["content", "apply", "--again", str(pack)]) == 0
    assert "Applied: Content pack 2026.12.3" in capsys.readouterr().out


DATA = REPO / "tests" / "data" / "directory"


def _data_pack(tmp_path: Path, private: Ed25519PrivateKey) -> Path:
    files = {
        "data/zccd.csv": (DATA / "zccd.csv").read_bytes(),
        "data/legislators-current.csv": (DATA / "legislators-current.csv").read_bytes(),
    }
    return signed(tmp_path, private, files, apps=("0",), name="data.zip")


def _trust(tmp_path: Path, data_dir: Path) -> Ed25519PrivateKey:
    private, _key = new_key()
    public = tmp_path / "trusted.pub"
    public.write_text(keys.public_line(private.public_key(), "t"))
    keys.trust(public, data_dir)
    return private


def test_cli_offers_then_imports_directory_data(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from toolkit.directory.directory import Directory

    pack = _data_pack(tmp_path, _trust(tmp_path, data_dir))
    assert run(["content", "apply", str(pack)]) == 0
    out = capsys.readouterr().out
    assert "toolkit content import-data" in out
    with Directory(data_dir) as directory:
        assert directory.data_as_of() == []  # offered, not imported behind the person's back
    assert run(["content", "import-data"]) == 0
    out = capsys.readouterr().out
    assert "(zccd) from zccd.csv" in out and "(congress) from legislators-current.csv" in out
    with Directory(data_dir) as directory:
        assert {s.source for s in directory.data_as_of()} == {"zccd", "congress"}
        assert directory.districts_for_zip("60602")


def test_cli_apply_import_data_at_once(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = _data_pack(tmp_path, _trust(tmp_path, data_dir))
    assert run(["content", "apply", "--import-data", str(pack)]) == 0
    assert "records (zccd)" in capsys.readouterr().out


def test_import_data_without_a_pack_says_so(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["content", "import-data"]) == 2
    assert "holds no directory data" in capsys.readouterr().err


def test_settings_offers_the_directory_import(qtbot: QtBot, tmp_path: Path, data_dir: Path) -> None:
    from toolkit.directory.directory import Directory
    from toolkit.gui.content_pack.updates_box import ContentUpdatesBox

    pack = _data_pack(tmp_path, _trust(tmp_path, data_dir))
    box = ContentUpdatesBox(data_dir)
    qtbot.addWidget(box)
    assert box.import_button.isHidden()
    box.preview_file(pack)
    assert "added: data/zccd.csv" in box.changes.toPlainText()
    box.apply_button.click()
    assert not box.import_button.isHidden() and "directory data" in box.message.text()
    box.import_button.click()
    assert "records (zccd)" in box.message.text()
    with Directory(data_dir) as directory:
        assert {s.source for s in directory.data_as_of()} == {"zccd", "congress"}
    box.rollback_button.click()
    assert box.import_button.isHidden()
