"""Work around PySide6 6.12 reference-count bugs that can crash Python 3.11.

In PySide6 6.12, a call that returns an empty QVariant (``QComboBox.currentData()`` with no
data, ``item.data(role)`` for a role never set) gives back ``None`` without adding a reference,
so every such call lowers None's reference count by one. On Python 3.11, where None is not yet
immortal, a long session can drive the count to zero and abort the process ("none_dealloc"),
losing whatever the person was typing. Python 3.12 made None immortal, so the bug is harmless
there. The same was seen for True and False ("bool_dealloc" at exit). On 3.11 we give these
singletons a very large reference count once; they are never freed anyway.
"""

from __future__ import annotations

import ctypes
import sys

# 2**40 leaked references would take centuries of clicks to use up.
_BALLAST = 2**40
_applied = False


def protect_none_refcount() -> None:
    global _applied
    if _applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _BALLAST
    _applied = True
