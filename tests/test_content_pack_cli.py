"""``toolkit content`` and ``scripts/build_content_pack.py`` end to end, as a center would."""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from content_pack_helpers import CORRECTION, GUIDE, REPO, corrected_content, tree

from toolkit.__main__ import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_content_pack", REPO / "scripts" / "build_content_pack.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def signed_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    script = _script()
    key = tmp_path / "keys" / "center.key"
    key.parent.mkdir()
    assert script.main(["--new-key", str(key), "--name", "Test maintainer"]) == 0
    code, out, _err = run(capsys, "content", "trust", str(key.with_suffix(".pub")))
    assert code == 0 and "Test maintainer" in out and "Fingerprint" in out
    content = corrected_content(tmp_path / "content")
    out_pack = tmp_path / "pack.zip"
    args = ["--content", str(content), "--version", "2026.12.2", "--previous", "2026.12.1"]
    assert script.main([*args, "--key", str(key), "--out", str(out_pack)]) == 0
    capsys.readouterr()
    return out_pack


def test_verify_diff_apply_show_status_rollback(
    signed_pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "content", "verify", str(signed_pack))
    assert code == 0 and "Good" in out and "2026.12.2" in out and "replaces pack 2026.12.1" in out
    code, out, _err = run(capsys, "content", "diff", str(signed_pack))
    assert code == 0 and f"changed: {GUIDE}" in out and "+" + CORRECTION in out
    code, out, _err = run(capsys, "content", "apply", "--dry-run", str(signed_pack))
    assert code == 0 and f"changed: {GUIDE}" in out
    code, out, _err = run(capsys, "guides", "show", "rights-at-the-door")
    assert CORRECTION not in out and "Content: bundled" in out

    code, out, _err = run(capsys, "content", "apply", str(signed_pack))
    assert code == 0 and "Applied: Content pack 2026.12.2" in out
    code, out, _err = run(capsys, "guides", "show", "rights-at-the-door")
    assert CORRECTION in " ".join(out.split()) and "Content pack 2026.12.2" in out
    code, out, _err = run(capsys, "content", "status")
    assert "Content pack 2026.12.2" in out and "Rollback returns to: Content: bundled" in out

    code, out, err = run(capsys, "content", "apply", str(signed_pack))
    assert code == 2 and "not newer" in err and err.count("\n") == 1
    code, out, _err = run(capsys, "content", "rollback")
    assert code == 0 and "Content: bundled" in out
    code, out, _err = run(capsys, "guides", "show", "rights-at-the-door")
    assert CORRECTION not in out


def test_tampered_pack_is_one_clear_line_and_nothing_changes(
    signed_pack: Path, tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(signed_pack) as old, zipfile.ZipFile(tampered, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            new.writestr(
                info, data.replace(b"Corrected", b"Rewritten") if info.filename == GUIDE else data
            )
    before = tree(data_dir)
    code, _out, err = run(capsys, "content", "apply", str(tampered))
    assert code == 2 and "changed after signing" in err and "Traceback" not in err
    assert tree(data_dir) == before


def test_script_refuses_a_file_outside_the_allowed_folders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = _script()
    key = tmp_path / "m.key"
    assert script.main(["--new-key", str(key)]) == 0
    content = tmp_path / "content"
    (content / "toolkit").mkdir(parents=True)
    (content / "toolkit" / "evil.py").write_text("print('x')")
    out = tmp_path / "p.zip"
    code = script.main(
        ["--content", str(content), "--version", "1", "--key", str(key), "--out", str(out)]
    )
    assert code == 2 and not out.exists()
    assert "outside the allowed folders" in capsys.readouterr().err
