"""US states and territories: names, and what each legislature calls its chambers and members."""

from __future__ import annotations

STATE_NAMES: dict[str, str] = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "DC": "District of Columbia",
    "PR": "Puerto Rico",
    "GU": "Guam",
    "VI": "U.S. Virgin Islands",
    "AS": "American Samoa",
    "MP": "Northern Mariana Islands",
}

# Members of the lower chamber are not "Representative" everywhere.
LOWER_TITLES = {
    "CA": "Assemblymember",
    "NY": "Assemblymember",
    "NV": "Assemblymember",
    "NJ": "Assemblymember",
    "MD": "Delegate",
    "VA": "Delegate",
    "WV": "Delegate",
}
LOWER_CHAMBERS = {
    "CA": "California State Assembly",
    "NY": "New York State Assembly",
    "NV": "Nevada Assembly",
    "NJ": "New Jersey General Assembly",
    "WI": "Wisconsin State Assembly",
    "MD": "Maryland House of Delegates",
    "VA": "Virginia House of Delegates",
    "WV": "West Virginia House of Delegates",
}
UPPER_CHAMBERS = {
    "CA": "California State Senate",
    "NY": "New York State Senate",
    "NE": "Nebraska Legislature",
}

# House members from these places are non-voting: a delegate, or Puerto Rico's commissioner.
HOUSE_TITLES = {
    "DC": "Delegate",
    "GU": "Delegate",
    "VI": "Delegate",
    "AS": "Delegate",
    "MP": "Delegate",
    "PR": "Resident Commissioner",
}


def state_name(code: str) -> str:
    return STATE_NAMES.get(code.upper(), code.upper())


def is_state_code(code: str) -> bool:
    return code.upper() in STATE_NAMES


def house_title(state: str) -> str:
    return HOUSE_TITLES.get(state.upper(), "Representative")


def state_title(state: str, chamber: str) -> str:
    """The title of a state legislator: "Senator", "Representative", "Assemblymember", ..."""
    if chamber == "lower":
        return LOWER_TITLES.get(state.upper(), "Representative")
    return "Senator"


def state_chamber_name(state: str, chamber: str) -> str:
    code = state.upper()
    if chamber == "lower":
        return LOWER_CHAMBERS.get(code, f"{state_name(code)} House of Representatives")
    return UPPER_CHAMBERS.get(code, f"{state_name(code)} Senate")
