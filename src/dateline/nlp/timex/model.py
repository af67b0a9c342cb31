"""What a temporal expression means: a TIMEX3 value with its calendar extent."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

TENSES = ("past", "present", "future")


@dataclass(frozen=True, slots=True)
class Timex:
    """A normalised temporal expression.

    ``value`` is TIMEX3 ("2019-01-08", "2019-W01", "2018-06", "2019-01-07TNI", "P3M", "XXXX-WXX-2",
    "PRESENT_REF") or, for a range, "first/last" ("2019-01-07/2019-01-10"). ``start``/``end`` are
    the first and last calendar days covered, when the expression can be put on a calendar.
    ``rule`` names the pattern and decisions that produced it, and says why when the value is
    unknown ("month-day;invalid:February has no day 30").
    """

    value: str
    type: str = "DATE"  # DATE, TIME, DURATION, SET
    granularity: str = "day"
    start: dt.date | None = None
    end: dt.date | None = None
    rule: str = ""
    anchored: bool = False  # True when the value depends on the reference date
    mod: str = ""  # TIMEX3 mod: EARLY, MID, LATE, START, END, APPROX, LESS_THAN, MORE_THAN…

    @property
    def timex3(self) -> str:
        """The single TIMEX3 value: a range gives its first value (TIMEX3 has no range values)."""
        return self.value.split("/", 1)[0] if "/" in self.value and not self.value.startswith("P") else self.value

    @property
    def resolved(self) -> bool:
        return "X" not in self.value and not self.value.endswith("_REF") or self.type in ("DURATION", "SET")

    def but(self, **changes) -> "Timex":
        return replace(self, **changes)


def unknown(rule: str, *, type: str = "DATE", granularity: str = "unknown", value: str = "XXXX") -> Timex:
    """A mention we keep but cannot put on a calendar; ``rule`` says why."""
    return Timex(value=value, type=type, granularity=granularity, rule=rule)
