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

# Census FIPS codes, the first two digits of every district GEOID.
STATE_FIPS: dict[str, str] = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT",
    "10": "DE", "11": "DC", "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL",
    "18": "IN", "19": "IA", "20": "KS", "21": "KY", "22": "LA", "23": "ME", "24": "MD",
    "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT", "31": "NE",
    "32": "NV", "33": "NH", "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND",
    "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD",
    "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA", "54": "WV",
    "55": "WI", "56": "WY", "60": "AS", "66": "GU", "69": "MP", "72": "PR", "78": "VI",
}  # fmt: skip

# Members of the lower chamber are not "Representative" everywhere: the one table the importers
# and the greetings share ("Dear Assembly Member Lee:"). Nebraska has one chamber of senators.
LOWER_TITLES = {
    **dict.fromkeys(("CA", "NV", "NY", "WI", "NJ"), "Assembly Member"),
    **dict.fromkeys(("MD", "VA", "WV"), "Delegate"),
    "NE": "Senator",
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
    """The title of a state legislator: "Senator", "Representative", "Assembly Member", ..."""
    if chamber == "lower":
        return LOWER_TITLES.get(state.upper(), "Representative")
    return "Senator"


def state_chamber_name(state: str, chamber: str) -> str:
    code = state.upper()
    if chamber == "lower":
        return LOWER_CHAMBERS.get(code, f"{state_name(code)} House of Representatives")
    return UPPER_CHAMBERS.get(code, f"{state_name(code)} Senate")
