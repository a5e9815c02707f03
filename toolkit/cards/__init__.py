"""Rights cards and flyers: content, layout and PDF rendering (no Qt)."""
