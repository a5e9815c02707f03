"""Split recovery: the recovery code cut into three printed shares, any two of which rebuild it.

Shamir's secret sharing over GF(256) (the AES field, x^8 + x^4 + x^3 + x + 1): each byte of the
code is the constant term of its own random line, and share i holds every line's value at x=i.
One share alone says nothing about the code. A share is typed like the code: ``S1-`` then ten
groups of four base32 characters, ending in a check so a typing mistake is caught.
"""

from __future__ import annotations

import base64
import hashlib
import secrets

from toolkit.i18n import _
from toolkit.incidents import crypto

_EXP = [0] * 512
_LOG = [0] * 256


def _tables() -> None:
    value = 1
    for power in range(255):
        _EXP[power] = value
        _LOG[value] = power
        # Multiply by the generator 3: value * 2 (reduced) xor value.
        doubled = value << 1
        if doubled & 0x100:
            doubled ^= 0x11B
        value = doubled ^ value
    for power in range(255, 512):
        _EXP[power] = _EXP[power - 255]


_tables()


def mul(a: int, b: int) -> int:
    if a == 0 or b == 0:
        return 0
    return _EXP[_LOG[a] + _LOG[b]]


def div(a: int, b: int) -> int:
    if b == 0:
        raise ZeroDivisionError("division by zero in GF(256)")
    if a == 0:
        return 0
    return _EXP[(_LOG[a] - _LOG[b]) % 255]


def split(secret: bytes, needed: int = 2, count: int = 3) -> list[tuple[int, bytes]]:
    """``count`` shares (x, y-bytes), any ``needed`` of which rebuild ``secret``."""
    if not 2 <= needed <= count <= 255:
        raise ValueError("bad share counts")
    shares: list[list[int]] = [[] for _ in range(count)]
    for byte in secret:
        coefficients = [byte] + [secrets.randbelow(256) for _ in range(needed - 1)]
        for index in range(count):
            x, y = index + 1, 0
            for coefficient in reversed(coefficients):  # Horner
                y = mul(y, x) ^ coefficient
            shares[index].append(y)
    return [(index + 1, bytes(values)) for index, values in enumerate(shares)]


def combine(shares: list[tuple[int, bytes]]) -> bytes:
    """Lagrange interpolation at x=0 from shares with distinct x (needs as many as were asked
    for at split; with fewer the result is random bytes, caught by the code's own check)."""
    xs = [x for x, _y in shares]
    if len(set(xs)) != len(xs) or 0 in xs or len({len(y) for _x, y in shares}) != 1:
        raise ValueError("shares do not fit together")
    out = []
    for position in range(len(shares[0][1])):
        total = 0
        for i, (xi, yi) in enumerate(shares):
            weight = 1
            for j, (xj, _yj) in enumerate(shares):
                if i != j:
                    weight = mul(weight, div(xj, xj ^ xi))
            total ^= mul(yi[position], weight)
        out.append(total)
    return bytes(out)


def _check(x: int, y: bytes) -> bytes:
    return hashlib.sha256(b"toolkit/share\x00" + bytes([x]) + y).digest()[:4]


def share_text(x: int, y: bytes) -> str:
    raw = base64.b32encode(bytes([x]) + y + _check(x, y)).decode("ascii").rstrip("=")
    groups = [raw[i : i + 4] for i in range(0, len(raw), 4)]
    return f"S{x}-" + "-".join(groups)


class ShareError(ValueError):
    pass


def parse_share(text: str) -> tuple[int, bytes]:
    cleaned = "".join(c for c in text.upper() if c.isalnum())
    if not cleaned.startswith("S") or len(cleaned) < 3:
        raise ShareError(_("This is not a recovery share (it starts with S1, S2 or S3)."))
    body = cleaned[2:].translate(str.maketrans("018", "OIB"))
    try:
        raw = base64.b32decode(body + "=" * (-len(body) % 8))
    except ValueError:
        raw = b""
    if len(raw) != 1 + crypto.RECOVERY_BYTES + 4:
        raise ShareError(_("This recovery share is incomplete or mistyped."))
    x, y, check = raw[0], raw[1:-4], raw[-4:]
    if check != _check(x, y) or str(x) != cleaned[1]:
        raise ShareError(_("This recovery share is mistyped (its check does not match)."))
    return x, y


def is_share(text: str) -> bool:
    return text.strip().upper().startswith("S") and text.strip()[1:2] in "123"


def split_code(code: str) -> list[str]:
    """Three printed shares of a recovery code; any two rebuild it."""
    return [share_text(x, y) for x, y in split(crypto.parse_recovery_code(code))]


def join_shares(texts: list[str]) -> str:
    """The recovery code from two (or three) typed shares."""
    parsed = [parse_share(t) for t in texts]
    if len(parsed) < 2 or len({x for x, _y in parsed}) < 2:
        raise ShareError(_("Two different recovery shares are needed."))
    raw = combine(parsed[:2])
    code = base64.b32encode(raw).decode("ascii")
    return "-".join(code[i : i + crypto.RECOVERY_GROUP] for i in range(0, len(code), 4))
