"""Reading YAML content files safely and fast (libyaml's C loader when PyYAML has it)."""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
YAMLError = yaml.YAMLError


def load_yaml(text: str) -> Any:
    """Parse ``text`` with a safe loader: plain data only, never Python objects."""
    return yaml.load(text, Loader=_LOADER)
