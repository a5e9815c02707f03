"""A content pack's interface catalog is used for its language; other languages (and the
bundled content, after a rollback) keep the bundled catalogs."""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from content_pack_helpers import new_key, signed

from toolkit import i18n, paths
from toolkit.catalogs import mo_bytes
from toolkit.content_pack import service, store

MO = "assets/locale/es/LC_MESSAGES/toolkit.mo"


def _catalog() -> bytes:
    catalog = Catalog(locale="es", domain="toolkit")
    catalog.add("Content: bundled", "Contenido: corregido en el paquete")
    return mo_bytes(catalog)


def test_pack_catalog_is_used_then_rollback_restores(tmp_path: Path, data_dir: Path) -> None:
    bundled = i18n.translate_in("es", "Content: bundled")
    assert paths.catalog_dir("es") == paths.locale_dir()
    private, key = new_key()
    service.apply_file(signed(tmp_path, private, {MO: _catalog()}, apps=("0",)), data_dir, [key])
    root = paths.active_pack_root()
    assert root is not None and paths.catalog_dir("es") == root / "assets" / "locale"
    assert i18n.translate_in("es", "Content: bundled") == "Contenido: corregido en el paquete"
    try:
        i18n.set_language("es")
        assert i18n._("Content: bundled") == "Contenido: corregido en el paquete"
    finally:
        i18n.set_language("en")
    # A language the pack holds no catalog for reads the bundled one.
    assert paths.catalog_dir("fr") == paths.locale_dir()
    store.rollback(data_dir)
    assert i18n.translate_in("es", "Content: bundled") == bundled
