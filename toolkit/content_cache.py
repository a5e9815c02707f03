"""Parsed content YAML kept as JSON in the cache folder, so start-up imports no YAML.

Guide front matter and letter template titles are the same on every start, yet parsing them
means importing PyYAML (some 15 ms) and running it before the window can show. The parsed value
is kept under a key made of the text's two checksums and its length, in a folder named for the
app version and this format, so any change (an edit, a content pack, an upgrade) is a miss that
is parsed afresh.

Only JSON-shaped values are kept (text keys; text, numbers, booleans, null, lists and dates);
anything else is parsed every time. The cache is only a copy: a missing, unreadable or corrupt
entry is parsed again, and an entry that cannot be written (a full disk, a read-only stick)
only means the next start parses again. It holds bundled and content-pack text, never anything
a person typed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import zlib
from pathlib import Path
from typing import Any

from toolkit import __version__, paths

FORMAT = 1
_DATE = "$date"
_folder: Path | None = None


class _Unkeepable(Exception):
    """The parsed value has a type JSON cannot carry back exactly."""


def load(text: str) -> Any:
    """``yamlio.load_yaml(text)``, from the cache when this exact text was parsed before.

    Parse errors propagate as ``load_yaml`` raises them and are never cached.
    """
    data = text.encode("utf-8", "surrogatepass")
    entry = _entry(data)
    if entry is not None:
        try:
            return _decode(json.loads(entry.read_bytes()))
        except (OSError, ValueError, KeyError, TypeError):
            pass  # missing or damaged: parse again
    from toolkit.yamlio import load_yaml

    value = load_yaml(text)
    if entry is not None:
        _keep(entry, value)
    return value


def yaml_error() -> type[Exception]:
    """PyYAML's error type, for ``except yaml_error():`` clauses. Python evaluates such a
    clause only when something was raised, so a start served from the cache never imports
    PyYAML."""
    from toolkit.yamlio import YAMLError

    return YAMLError


def key(data: bytes) -> str:
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}-{len(data)}"


def _entry(data: bytes) -> Path | None:
    global _folder
    if _folder is None:
        try:
            _folder = paths.cache_dir() / "content" / f"v{FORMAT}-{__version__}"
        except OSError:
            return None
    return _folder / f"{key(data)}.json"


def _keep(entry: Path, value: Any) -> None:
    try:
        encoded = json.dumps(_encode(value), ensure_ascii=False, allow_nan=False)
    except (_Unkeepable, ValueError):
        return
    from toolkit.atomic import write_atomic
    from toolkit.errors import UserError

    with contextlib.suppress(OSError, UserError):  # a copy that cannot be kept is parsed again
        write_atomic(entry, encoded.encode("utf-8"))


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.datetime):
        raise _Unkeepable  # a datetime is a date too; it would come back without its time
    if isinstance(value, dt.date):
        return {_DATE: value.isoformat()}
    if isinstance(value, list):
        return [_encode(item) for item in value]
    if isinstance(value, dict):
        if _DATE in value or not all(isinstance(name, str) for name in value):
            raise _Unkeepable
        return {name: _encode(item) for name, item in value.items()}
    raise _Unkeepable


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(item) for item in value]
    if isinstance(value, dict):
        if set(value) == {_DATE}:
            return dt.date.fromisoformat(value[_DATE])
        return {name: _decode(item) for name, item in value.items()}
    return value
