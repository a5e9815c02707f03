from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import toolkit
from toolkit.__main__ import main


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "toolkit", *args], capture_output=True, text=True, timeout=120
    )


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"toolkit {toolkit.__version__}"


def test_help_lists_commands() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert "selftest" in result.stdout


def test_unknown_command_is_one_line_without_traceback() -> None:
    result = run_cli("frobnicate")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_settings_set_and_show(capsys: object, data_dir: Path) -> None:
    assert main(["settings", "set", "org_name=Casa Unida", "paper=a4", "large_text=yes"]) == 0
    assert main(["settings", "show"]) == 0
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    shown = json.loads(out[out.index("{") :])
    assert shown["org_name"] == "Casa Unida" and shown["paper"] == "a4"
    assert shown["large_text"] is True


def test_bad_setting_value_is_a_clear_error(capsys: object) -> None:
    assert main(["settings", "set", "paper=tabloid"]) == 2
    err = capsys.readouterr().err  # type: ignore[attr-defined]
    assert err.startswith("toolkit: error: Paper size must be")
    assert main(["settings", "set", "nonsense=1"]) == 2


def test_spanish_interface_in_cli_messages(capsys: object) -> None:
    assert main(["settings", "set", "language=es"]) == 0
    assert main(["settings", "set", "paper=tabloid"]) == 2
    err = capsys.readouterr().err  # type: ignore[attr-defined]
    assert "El tamaño del papel" in err
