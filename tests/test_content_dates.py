"""Honest dates: every content file says when its facts were checked, when its wording was
reviewed and when it is due for a new check; past that date the reader, the PDFs and the CLI
say plainly that it may be out of date."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from toolkit import content_dates, paths
from toolkit.__main__ import main
from toolkit.cards.card_face import Branding
from toolkit.cards.card_sheet import cards_pdf
from toolkit.cards.content import CardContentError, read_card_file
from toolkit.cards.flyer_content import read_flyer_file
from toolkit.cards.flyer_pdf import FlyerRequest, render_flyer
from toolkit.content_dates import ContentDates, stale_warning
from toolkit.guides import loader
from toolkit.guides.guide_pdf import guide_pdf, summary_pdf
from toolkit.guides.loader import GuideError, split_front_matter
from toolkit.guides.reader_html import guide_html
from toolkit.guides.text_render import guide_text
from toolkit.letters.catalog import TemplateError, parse_meta
from toolkit.settings import Settings
from toolkit.yamlio import load_yaml

REPO = Path(__file__).resolve().parent.parent
CENTER = Settings(org_name="Eastside Center", hotline="(555) 010-0199")
BEFORE = dt.date(2027, 3, 1)  # the fixture's recheck_by day itself: still current
AFTER = dt.date(2027, 3, 2)
WARNING = "This may be out of date"


def content_files() -> list[Path]:
    found = [
        *sorted((REPO / "assets" / "guides").glob("*/*.md")),
        *sorted((REPO / "assets" / "cards").glob("*.yaml")),
        *sorted((REPO / "assets" / "flyers").glob("*.yaml")),
        *sorted((REPO / "templates" / "letters").glob("*.yaml")),
    ]
    assert len(found) > 40
    return found


def meta_of(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        text = split_front_matter(path, text)[0]
    meta = load_yaml(text)
    assert isinstance(meta, dict)
    return meta


def raise_it(problem: str) -> Exception:
    return ValueError(problem)


@pytest.mark.parametrize("path", content_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_content_file_has_both_dates_a_recheck_date_and_dated_sources(path: Path) -> None:
    meta = meta_of(path)
    assert "reviewed" not in meta, "the old single date is replaced by the two new ones"
    dates = content_dates.read_dates(meta, raise_it)
    assert dates.recheck_by >= dates.facts_checked
    sources = content_dates.read_sources(meta.get("sources"), raise_it)
    assert sources and all(s.url.startswith("https://") and s.read_month() for s in sources)


GUIDE = """---
id: sample
title: A sample
summary: Short.
language: en
topic: safety
facts_checked: 2026-02-10
wording_reviewed: 2026-11-20
recheck_by: 2027-03-01
sources:
  - title: A source
    publisher: Someone
    url: https://example.org/a
    read: 2026-02
related_guides: []
related_tools: []
---
## Heading

Text.
"""


def write_guide(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "en"
    folder.mkdir(exist_ok=True)
    path = folder / "sample.md"
    path.write_text(text, encoding="utf-8")
    return path


def sample_guide(tmp_path: Path) -> Any:
    write_guide(tmp_path, GUIDE)
    return loader.load_library("en", tmp_path).get("sample")


def test_a_good_guide_loads_its_dates_and_sources(tmp_path: Path) -> None:
    guide = sample_guide(tmp_path)
    assert guide.dates == ContentDates(dt.date(2026, 2, 10), dt.date(2026, 11, 20), BEFORE)
    assert guide.sources[0].read == "2026-02"
    assert guide.sources[0].line("en") == (
        "A source (Someone), https://example.org/a, read February 2026"
    )


MALFORMED = [
    ("facts_checked: 2026-02-10\n", "", '"facts_checked" is missing'),
    ("wording_reviewed: 2026-11-20\n", "", '"wording_reviewed" is missing'),
    ("recheck_by: 2027-03-01\n", "", '"recheck_by" is missing'),
    ("facts_checked: 2026-02-10", "facts_checked: early 2026", '"facts_checked" must be a date'),
    ("wording_reviewed: 2026-11-20", "wording_reviewed: 2026-13-01", "not a real calendar date"),
    ("recheck_by: 2027-03-01", "recheck_by: 2026-01-01", "cannot be earlier"),
    ("    url: https://example.org/a\n", "", "https://"),
    ("url: https://example.org/a", "url: http://example.org/a", "https://"),
    ("    read: 2026-02\n", "", '"read"'),
    ("read: 2026-02", "read: February 2026", "YYYY-MM"),
    ("read: 2026-02", "read: 2026-2", "YYYY-MM"),
]


@pytest.mark.parametrize(("old", "new", "message"), MALFORMED)
def test_the_guide_loader_rejects_bad_dates_and_sources(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    assert old in GUIDE
    write_guide(tmp_path, GUIDE.replace(old, new))
    with pytest.raises(GuideError, match=r"sample\.md") as caught:
        loader.load_library("en", tmp_path)
    assert message in str(caught.value)


CARD_FILE = REPO / "assets" / "cards" / "es.yaml"
FLYER_FILE = REPO / "assets" / "flyers" / "es.yaml"


def replaced(path: Path, tmp_path: Path, changes: dict[str, Any]) -> Path:
    """A copy of a real content file with some top-level keys changed (None: removed)."""
    import yaml

    meta = meta_of(path)
    meta.update(changes)
    meta = {key: value for key, value in meta.items() if value is not None}
    out = tmp_path / path.name
    out.write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


BAD_TOP_LEVEL = [
    ({"facts_checked": "soon"}, '"facts_checked" must be a date'),
    ({"recheck_by": None}, '"recheck_by" is missing'),
    ({"recheck_by": "2020-01-01"}, "cannot be earlier"),
    (
        {"sources": [{"title": "T", "publisher": "P", "url": "www.x.org", "read": "2026-11"}]},
        "https://",
    ),
    ({"sources": [{"title": "T", "publisher": "P", "url": "https://x.org"}]}, '"read"'),
]


@pytest.mark.parametrize(("changes", "message"), BAD_TOP_LEVEL)
def test_card_flyer_and_letter_loaders_reject_bad_dates(
    tmp_path: Path, changes: dict[str, Any], message: str
) -> None:
    good = {"facts_checked": "2026-12-01", "wording_reviewed": "2026-12-01"}
    good |= {"recheck_by": "2027-03-01", "reviewed": None}
    good["sources"] = [{"title": "T", "publisher": "P", "url": "https://x.org", "read": "2026-11"}]
    letter = paths.templates_dir() / "letters" / "blank.yaml"
    for path, error, read in (
        (CARD_FILE, CardContentError, read_card_file),
        (FLYER_FILE, CardContentError, lambda p: read_flyer_file(p, "es")),
        (letter, TemplateError, parse_meta),
    ):
        read(replaced(path, tmp_path, good))  # the good version loads
        with pytest.raises(error, match=path.name) as caught:
            read(replaced(path, tmp_path, {**good, **changes}))
        assert message in str(caught.value)


def test_stale_warning_names_the_center_or_a_legal_aid_organization() -> None:
    dates = ContentDates(dt.date(2026, 12, 1), dt.date(2026, 12, 1), BEFORE)
    assert stale_warning(dates, "en", on=BEFORE) == ""
    assert stale_warning(dates, "en", "Eastside Center", "(555) 010-0199", AFTER) == (
        "This may be out of date: it was due for a new check on March 1, 2027. "
        "Ask Eastside Center ((555) 010-0199) before relying on it."
    )
    assert "Ask a legal aid organization before" in stale_warning(dates, "en", on=AFTER)
    spanish = stale_warning(dates, "es", on=AFTER)
    assert "1 de marzo de 2027" in spanish and WARNING not in spanish


def test_the_reader_shows_both_dates_and_warns_only_after_the_recheck_date(
    tmp_path: Path,
) -> None:
    guide = sample_guide(tmp_path)
    current = guide_html(guide, CENTER, today=BEFORE)
    assert "Facts checked: February 2026" in current
    assert "Wording reviewed: November 2026" in current
    assert "https://example.org/a, read February 2026" in current
    assert WARNING not in current
    stale = guide_html(guide, CENTER, today=AFTER)
    assert WARNING in stale and "March 1, 2027" in stale and "Eastside Center" in stale
    # The warning comes before the guide's text, not only at the end.
    assert stale.index(WARNING) < stale.index("Heading")


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_guide_and_summary_pdfs_warn_only_after_the_recheck_date(tmp_path: Path) -> None:
    guide = sample_guide(tmp_path)
    for make in (guide_pdf, summary_pdf):
        current = pdf_text(make(guide, CENTER, "letter", today=BEFORE))
        assert "Facts checked: February 2026" in current, make.__name__
        assert "Wording reviewed: November 2026" in current, make.__name__
        assert WARNING not in current, make.__name__
        stale = pdf_text(make(guide, CENTER, "letter", today=AFTER))
        assert WARNING in stale and "March 1, 2027" in stale, make.__name__
    assert "read February 2026" in pdf_text(guide_pdf(guide, CENTER, today=BEFORE))


def test_guide_text_warns_only_after_the_recheck_date(tmp_path: Path) -> None:
    guide = sample_guide(tmp_path)
    assert WARNING not in guide_text(guide, CENTER, 200, today=BEFORE)
    stale = guide_text(guide, CENTER, 200, today=AFTER)
    assert WARNING in stale and "Facts checked: February 2026" in stale


def move_clock(monkeypatch: pytest.MonkeyPatch, day: dt.date) -> None:
    monkeypatch.setattr(content_dates, "today", lambda: day)


def test_the_cli_warns_about_a_guide_past_its_recheck_date(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    guide = loader.load_library("en").get("rights-at-the-door")
    move_clock(monkeypatch, guide.recheck_by)
    assert main(["guides", "show", "rights-at-the-door"]) == 0
    current = capsys.readouterr().out
    assert "Facts checked:" in current and "Wording reviewed:" in current
    assert WARNING not in current
    move_clock(monkeypatch, guide.recheck_by + dt.timedelta(days=1))
    assert main(["guides", "show", "rights-at-the-door"]) == 0
    stale = " ".join(capsys.readouterr().out.split())
    assert WARNING in stale and "Ask a legal aid organization" in stale


def test_card_sheet_and_flyer_warn_after_the_recheck_date() -> None:
    from toolkit.cards.content import load_card
    from toolkit.cards.flyer_content import load_flyers

    recheck = load_card("en").dates.recheck_by
    branding = Branding("Eastside Center", "555-0100")
    current = cards_pdf(["en"], branding=branding, today=recheck)
    assert WARNING not in pdf_text(current.pdf)
    later = recheck + dt.timedelta(days=1)
    stale = pdf_text(cards_pdf(["en"], branding=branding, today=later).pdf)
    assert WARNING in stale and "Eastside Center" in stale
    flyer_recheck = load_flyers("en").dates.recheck_by
    request = FlyerRequest("rights-at-the-door", "en", today=flyer_recheck)
    assert WARNING not in pdf_text(render_flyer(request).pdf)
    request.today = flyer_recheck + dt.timedelta(days=1)
    assert WARNING in pdf_text(render_flyer(request).pdf)


def test_a_letter_warns_on_stderr_never_in_the_letter(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from toolkit.letters.catalog import get_template

    recheck = get_template("federal-dhs-funding").dates.recheck_by
    move_clock(monkeypatch, recheck + dt.timedelta(days=1))
    sets = ["--set", "sender_name=Ana Ruiz", "--set", "sender_street=1 Main St"]
    sets += ["--set", "sender_city=Chicago", "--set", "sender_state=IL"]
    sets += ["--set", "sender_zip=60601", "--set", "recipient_name=Jan Schakowsky"]
    sets += ["--set", "recipient_title=Representative"]
    sets += ["--set", "recipient_address=2408 Rayburn House Office Building"]
    assert main(["letter", "federal-dhs-funding", *sets, "--text"]) == 0
    captured = capsys.readouterr()
    assert WARNING in captured.err and WARNING not in captured.out
