"""The PySide6 desktop layer: a thin shell over the Qt-free core."""

from toolkit.gui.qt_workarounds import protect_none_refcount

protect_none_refcount()
