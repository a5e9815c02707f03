"""Review of translations by the center: status lines, local reviews and corrections, export."""
