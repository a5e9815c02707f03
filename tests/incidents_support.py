"""Shared helpers for the incident tests: cheap key derivation and a fully filled record."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.incidents import crypto, vault
from toolkit.incidents.record import Detained, Incident, Officer, Vehicle, Witness

CHEAP_N = 2**10
PASS = "correct horse battery"


def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests only: scrypt at n=1024 so each unlock takes milliseconds."""
    monkeypatch.setattr(crypto, "REAL_SCRYPT_N", CHEAP_N)


def new_vault(data_dir: Path, name: str = "default") -> tuple[vault.Vault, str]:
    return vault.create_vault(name, PASS, data_dir=data_dir, kdf_n=CHEAP_N)


def full_record(marker: str = "") -> Incident:
    """A record with every field filled, including accents, markup and newlines."""
    return Incident(
        start_date="2025-06-01",
        start_time="07:15",
        end_date="2025-06-01",
        end_time="08:40",
        place_address=f"123 Main St, Springfield {marker}",
        place_description="Apartment 4B, back door <by the alley> & stairs",
        what_happened=f"Agents knocked.\nThey said «open up». Señora García watched. {marker}",
        agencies=["ICE", "other"],
        agency_other="State task force",
        officer_count=4,
        officers=[Officer("Smith", "4411"), Officer("Nguyễn", "")],
        uniforms="Vests marked POLICE, no names",
        vehicles=[Vehicle("White van", "ABC-1234"), Vehicle("Black SUV", "")],
        papers="administrative_i205",
        papers_signed_by="Supervisory officer",
        papers_name_address="Wrong name; our address",
        what_was_said="“We just want to talk.”",
        force_injuries="Pushed against the wall; bruised arm",
        property_taken="Two phones",
        detained=[Detained("Juan P", "A123456789", "Broadview", "2025-06-01 08:10")],
        witnesses=[Witness("Neighbor Ana", "555-0100", "07:20")],
        told=["lawyer", "hotline", "family"],
        told_notes="Called the hotline at 9:00",
        follow_up="Court date to be set",
        reporter_anonymous=False,
        reporter_name="María",
        reporter_contact="maria@example.org",
        attested_by="Rosa Díaz",
        attested_role="Intake volunteer",
        attested_date="2025-06-02",
        created_stated="2025-06-01T09:00:00+00:00",
    )
