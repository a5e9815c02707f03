"""Signed content packs: new guides, card and flyer texts, letter templates, catalogs and
directory data in one file, verified with Ed25519 before anything in it is read or applied."""
