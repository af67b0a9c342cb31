"""Words of time: months, weekdays, numbers, units, seasons, parts of day, holidays.

Plain tables; the grammar builds its patterns from them and the resolver reads values from them.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
}
# Abbreviations are only trusted with a period or a following day number: "Mar" and "Jun" are also words
# and name parts ("Kim Jong Jun").
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}

WEEKDAYS: dict[str, int] = {  # ISO weekday numbers
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
}
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
}

NUMBERS: dict[str, int] = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a thousand": 1000, "one thousand": 1000,
    "two thousand": 2000, "a dozen": 12, "dozen": 12, "half a": 0.5, "a half": 0.5, "one and a half": 1.5,
    "a couple of": 2, "a couple": 2, "couple of": 2,
}
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
UNITS_1_9 = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# Quantities that say "more than one" without a number: TIMEX writes them as X (PXY, "years").
VAGUE_NUMBERS = frozenset({
    "several", "few", "a few", "many", "some", "numerous", "dozens of", "hundreds of", "thousands of",
    "a number of", "the next few", "countless", "multiple", "a couple more",
})

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21, "twenty-second": 22, "twenty-third": 23, "twenty-fourth": 24,
    "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29,
    "thirtieth": 30, "thirty-first": 31, "last": -1, "final": -1, "latter": -1,
}

# unit word -> (TIMEX duration letter, granularity); the letter goes after P (date units) or PT (clock)
UNITS: dict[str, tuple[str, str]] = {
    "second": ("S", "time"), "minute": ("M", "time"), "hour": ("H", "time"),
    "day": ("D", "day"), "night": ("D", "day"), "week": ("W", "week"), "fortnight": ("2W", "week"),
    "weekend": ("WE", "day"), "month": ("M", "month"), "quarter": ("Q", "quarter"), "year": ("Y", "year"),
    "decade": ("DE", "decade"), "century": ("CE", "century"), "millennium": ("ML", "century"),
}
CLOCK_UNITS = frozenset({"second", "minute", "hour"})
UNIT_PLURALS: dict[str, str] = {
    "seconds": "second", "minutes": "minute", "hours": "hour", "days": "day", "nights": "night",
    "weeks": "week", "fortnights": "fortnight", "weekends": "weekend", "months": "month", "quarters": "quarter",
    "years": "year", "decades": "decade", "centuries": "century", "millennia": "millennium",
    "secs": "second", "mins": "minute", "hrs": "hour", "yrs": "year",
}

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# The first month of each season (northern meteorological seasons), for start/end days.
SEASON_MONTHS: dict[str, tuple[int, int]] = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "mornings": "MO", "afternoon": "AF", "afternoons": "AF", "evening": "EV", "evenings": "EV",
    "night": "NI", "nights": "NI", "overnight": "NI", "daytime": "DT", "midday": "MI", "dawn": "MO",
    "daybreak": "MO", "dusk": "EV", "nightfall": "EV", "lunchtime": "MI",
}

# Fixed-date holidays: name -> (month, day)
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new years day": (1, 1), "new year's eve": (12, 31), "new years eve": (12, 31),
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
    "valentine's day": (2, 14), "valentines day": (2, 14), "st. patrick's day": (3, 17),
    "saint patrick's day": (3, 17), "independence day": (7, 4), "the fourth of july": (7, 4),
    "fourth of july": (7, 4), "july fourth": (7, 4), "july 4th": (7, 4), "halloween": (10, 31),
    "veterans day": (11, 11), "veterans' day": (11, 11), "armistice day": (11, 11),
    "remembrance day": (11, 11), "bastille day": (7, 14), "labour day": (5, 1),
    "international women's day": (3, 8), "all saints' day": (11, 1), "guy fawkes night": (11, 5),
    "epiphany": (1, 6),
    # not here: "National Day", "Victory Day", "Liberation Day" fall on different days in different countries
}
# Holidays on the n-th weekday of a month: name -> (month, ISO weekday, n); n = -1 is the last one.
NTH_WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 4, 4), "thanksgiving day": (11, 4, 4), "labor day": (9, 1, 1),
    "memorial day": (5, 1, -1), "martin luther king day": (1, 1, 3), "martin luther king jr. day": (1, 1, 3),
    "presidents day": (2, 1, 3), "presidents' day": (2, 1, 3), "columbus day": (10, 1, 2),
    "mother's day": (5, 7, 2), "father's day": (6, 7, 3),
}
EASTER_HOLIDAYS: dict[str, int] = {  # days from Easter Sunday
    "easter": 0, "easter sunday": 0, "easter monday": 1, "good friday": -2, "palm sunday": -7,
    "ash wednesday": -46, "pentecost": 49, "whit sunday": 49, "maundy thursday": -3,
}
# Named days that follow a lunar or lunisolar calendar: kept as mentions, never put on a Gregorian day.
NON_GREGORIAN: dict[str, str] = {
    "ramadan": "Islamic lunar calendar", "eid": "Islamic lunar calendar", "eid al-fitr": "Islamic lunar calendar",
    "eid al-adha": "Islamic lunar calendar", "eid ul-fitr": "Islamic lunar calendar",
    "muharram": "Islamic lunar calendar", "ashura": "Islamic lunar calendar",
    "lunar new year": "Chinese lunisolar calendar", "chinese new year": "Chinese lunisolar calendar",
    "spring festival": "Chinese lunisolar calendar", "seollal": "Korean lunisolar calendar",
    "chuseok": "Korean lunisolar calendar", "tet": "Vietnamese lunisolar calendar",
    "mid-autumn festival": "Chinese lunisolar calendar", "rosh hashanah": "Hebrew calendar",
    "yom kippur": "Hebrew calendar", "passover": "Hebrew calendar", "hanukkah": "Hebrew calendar",
    "sukkot": "Hebrew calendar", "purim": "Hebrew calendar", "diwali": "Hindu lunisolar calendar",
    "holi": "Hindu lunisolar calendar", "vesak": "Buddhist lunisolar calendar",
}
# Era years that map exactly onto Gregorian years: name -> (offset added, note).
ERAS: dict[str, tuple[int, str]] = {
    "juche": (1911, "Juche 1 is 1912"), "minguo": (1911, "Minguo 1 is 1912"),
    "reiwa": (2018, "Reiwa 1 is 2019"), "heisei": (1988, "Heisei 1 is 1989"), "showa": (1925, "Showa 1 is 1926"),
    "b.e.": (-543, "Buddhist Era year minus 543"), "be": (-543, "Buddhist Era year minus 543"),
    "buddhist era": (-543, "Buddhist Era year minus 543"),
}

TIMEZONES = (
    "GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "ET", "CT", "PT", "BST", "CET", "CEST",
    "KST", "JST", "HKT", "IST", "AEST", "AEDT", "SGT", "MSK", "WIB",
)


def _number_words() -> list[str]:
    words = set(NUMBERS) - {"a", "an"}
    for t in TENS:
        for u in UNITS_1_9:
            words.add(f"{t}-{u}")
            words.add(f"{t} {u}")
    return sorted(words, key=len, reverse=True)


NUMBER_WORDS: tuple[str, ...] = tuple(_number_words())


def number_value(text: str) -> float | None:
    """The value of a number written in digits or words; None when it is not one we know."""
    t = " ".join(text.lower().replace(",", "").split())
    if not t:
        return None
    try:
        return float(t)
    except ValueError:
        pass
    if t in NUMBERS:
        return float(NUMBERS[t])
    m = re.fullmatch(r"(\w+)[- ](\w+)", t)
    if m and m[1] in TENS and m[2] in UNITS_1_9:
        return float(NUMBERS[m[1]] + NUMBERS[m[2]])
    return None
