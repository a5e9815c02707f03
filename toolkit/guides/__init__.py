"""Know-your-rights guides: loading, the Markdown subset, search, and printable PDFs (no Qt)."""
