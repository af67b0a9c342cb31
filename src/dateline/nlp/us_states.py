"""American members of Congress named the way American news names them: "Sen. Jo Ray (R-Texas)",
"Rep. Al Poe, D-Calif.", "Congressman Al Poe of Ohio". The party letter with a state, or an office
held "of" a state, says the person is American (and a legislator, with the party tag).
"""

from __future__ import annotations

import re
from typing import Any

from .token_table import token_table

# the fifty states, the District and the territories that send delegates: name, AP abbreviation, postal code
_STATES = """Alabama Ala. AL|Alaska Alaska AK|Arizona Ariz. AZ|Arkansas Ark. AR|California Calif. CA|Colorado Colo. CO|
Connecticut Conn. CT|Delaware Del. DE|Florida Fla. FL|Georgia Ga. GA|Hawaii Hawaii HI|Idaho Idaho ID|Illinois Ill. IL|
Indiana Ind. IN|Iowa Iowa IA|Kansas Kan. KS|Kentucky Ky. KY|Louisiana La. LA|Maine Maine ME|Maryland Md. MD|
Massachusetts Mass. MA|Michigan Mich. MI|Minnesota Minn. MN|Mississippi Miss. MS|Missouri Mo. MO|Montana Mont. MT|
Nebraska Neb. NE|Nevada Nev. NV|New_Hampshire N.H. NH|New_Jersey N.J. NJ|New_Mexico N.M. NM|New_York N.Y. NY|
North_Carolina N.C. NC|North_Dakota N.D. ND|Ohio Ohio OH|Oklahoma Okla. OK|Oregon Ore. OR|Pennsylvania Pa. PA|
Rhode_Island R.I. RI|South_Carolina S.C. SC|South_Dakota S.D. SD|Tennessee Tenn. TN|Texas Texas TX|Utah Utah UT|
Vermont Vt. VT|Virginia Va. VA|Washington Wash. WA|West_Virginia W.Va. WV|Wisconsin Wis. WI|Wyoming Wyo. WY|
District_of_Columbia D.C. DC|Puerto_Rico P.R. PR|Guam Guam GU"""

STATE_FORMS = frozenset(form.replace("_", " ").lower() for row in _STATES.replace("\n", "").split("|")
                        for form in row.split())
# forms that are also a country's or other place's name are state names only in a party tag
FULL_NAMES = frozenset(row.split()[0].replace("_", " ").lower() for row in _STATES.replace("\n", "").split("|"))

# "(R-Texas)", "R-S.C.", "(D-N.Y.)", "I-Vt.": a party letter, a dash, a state
PARTY_TAG = re.compile(r"[(,]\s*([RDI])\s*[-–]\s*([A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)\s*[),]?")
PARTIES = {"R": "Republican", "D": "Democratic", "I": "independent"}


def is_state(text: str) -> bool:
    return text.strip().rstrip(",").lower() in STATE_FORMS or text.strip().lower() in STATE_FORMS


def party_tag_after(doc: Any, end: int) -> tuple[str, str] | None:
    """(party letter, state) when a party tag follows token ``end`` (the name's end): "(R-Texas)"."""
    if end >= len(doc):
        return None
    start_char = doc[end].idx
    m = PARTY_TAG.match(token_table(doc).doc_text, start_char)
    if m is None:
        return None
    state = m.group(2)
    for cand in (state, state.rstrip(".") + "." if not state.endswith(".") else state):
        if is_state(cand):
            return m.group(1), state
    return None


def state_after_of(doc: Any, end: int) -> str | None:
    """ "Congressman Al Poe of South Carolina": the state named right after the name with 'of'."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None
    for size in (3, 2, 1):
        words = doc[end + 1:end + 1 + size]
        if len(words) == size and words.text.lower() in FULL_NAMES and words[-1].ent_type_ in ("GPE", "LOC"):
            return words.text
    return None
