"""From a matched pattern to a TIMEX3 value: one resolver per rule, given the reference date and tense.

``Ref.anchor`` is the article's published date (None: only absolute expressions get a value);
``Ref.tense`` the tense of the governing verb ("past", "present", "future" or None), which decides
which way a bare "Tuesday" or "June" points; ``Ref.ref`` a narrative reference day for "the next
day", "that week", "two days later" (defaults to the anchor).
"""

from __future__ import annotations

from . import absolute as a
from . import relative as rel
from . import spans as sp
from .values import Ref, Resolver

__all__ = ["RESOLVERS", "Ref"]

RESOLVERS: dict[str, Resolver] = {
    "iso": a.r_iso, "numeric": a.r_numeric, "numeric-ymd": a.r_numeric_ymd, "month-day-range": a.r_month_day_range,
    "day-month-range": a.r_day_month_range, "month-range": a.r_month_range, "year-range": a.r_year_range,
    "month-day": a.r_month_day, "day-month": a.r_month_day, "month-year": a.r_month_year, "month": a.r_month,
    "decade": a.r_decade, "century": a.r_century, "quarter": a.r_quarter, "quarter-code": a.r_quarter_code,
    "quarter-code-year": a.r_quarter_code, "season": a.r_season, "year": a.r_year, "year-words": a.r_year_words,
    "relative-day": rel.r_relative_day, "this-pod": rel.r_this_pod, "weekday": rel.r_weekday,
    "weekday-plural": sp.r_weekday_plural, "holiday": rel.r_holiday, "non-gregorian": a.r_non_gregorian,
    "era-year": a.r_era_year, "era-year-suffix": a.r_era_year, "relative-unit": rel.r_relative_unit,
    "edge-the-unit": rel.r_edge_the_unit, "year-end": rel.r_year_end, "the-unit": rel.r_the_unit, "ago": rel.r_ago,
    "in-duration": rel.r_in_duration, "duration": sp.r_duration, "vague-duration": sp.r_vague_duration,
    "bare-plural-unit": sp.r_bare_plural_unit, "ref": rel.r_ref, "clock": sp.r_clock, "clock-24": sp.r_clock24,
    "clock-colon": sp.r_clock24, "clock-word": sp.r_clock_word, "oclock": sp.r_oclock, "part-of-day": sp.r_part_of_day,
    "set": sp.r_set, "set-adverb": sp.r_set_adverb, "set-frequency": sp.r_set_frequency, "set-rate": sp.r_set_rate,
    "fin-period": rel.r_fin_period, "clock-pod": sp.r_clock_pod,
}
