"""The first PDF on a fresh install: a new process with an empty cache and data folder."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

from common import Figure

# What a person makes first: a card sheet (Cards page) and a letter (Letters page).
COMMANDS = {
    "card sheet (English)": ["cards", "--lang", "en"],
    "letter": [
        "letter",
        "blank",
        *("--set", "sender_name=Ana Ruiz", "--set", "sender_street=1200 W Cermak Rd"),
        *("--set", "sender_city=Chicago", "--set", "sender_state=IL", "--set", "sender_zip=60608"),
        *("--set", "body=Please answer my letter.", "--set", "recipient_name=Pat Doe"),
        *("--set", "recipient_address=121 N LaSalle St, Chicago, IL 60602"),
    ],
}


def first_pdf_seconds(args: list[str]) -> float:
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "TOOLKIT_CACHE_DIR": os.path.join(folder, "cache"),
            "TOOLKIT_DATA_DIR": os.path.join(folder, "data"),
        }
        out = os.path.join(folder, "first.pdf")
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "toolkit", *args, "--out", out],
            check=True,
            env=env,
            capture_output=True,
        )
        return time.perf_counter() - started


def figures(repeat: int) -> list[Figure]:
    return [
        Figure(f"first PDF on a fresh install: {name}", first_pdf_seconds(args), "s", "goal: 5 s")
        for name, args in COMMANDS.items()
    ]
