"""A parsed claim checked against the store: the occurrences of what it counts in its period, from
``query.occurrences`` (the one read model that groups reports into occurrences), and a verdict.

The number claimed is compared with the occurrences found: as many is **supported**; more is
**contradicted** (the store holds more distinct occurrences than the claim allows); fewer is **not enough
data** (the store may lack the reports of the others). A supported count whose period starts before the
store's first article is not enough data too: occurrences before that could not be seen.

A visit is counted as its visits; the same days' meetings of the two sides and the host's side of the
visit ("Xi hosted Kim") are listed with it as further reports of it, never counted on their own."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .parse import Claim, ClaimError

SUPPORTED, CONTRADICTED, NOT_ENOUGH = "supported", "contradicted", "not enough data"
MAKE_VISIT, HOST_VISIT = "042", "043"  # CAMEO: make a visit, host a visit


def window(claim: Claim, as_of: dt.date, since: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The days the claim counts in; ClaimError when it names no period (and ``since`` gives none) or the
    period starts after ``as_of``."""
    if claim.period is not None:
        lo, hi = claim.period.window(as_of, after_anchor=claim.first_since)
        what = repr(claim.period.text)
    elif since is not None:
        lo, hi, what = since, as_of, f"--since {since}"
    else:
        n = {"ordinal": f"'the {claim.number}{_suffix(claim.number)} {claim.event}'",
             "count": f"'{claim.number} {claim.event}(s)'"}[claim.kind]
        raise ClaimError(f"{n} has no period to count in: say one in the claim ('in a year', 'this year', "
                         "'since March 2018') or give a start (--since)")
    if lo > hi:
        raise ClaimError(f"the period ({what}) starts on {lo}, after the claim's date {as_of}: nothing to count")
    return lo, hi


def check(store, claim: Claim, as_of: dt.date, *, since: dt.date | None = None,
          min_confidence: float | None = None) -> dict[str, Any]:
    """The verdict on ``claim`` as of ``as_of`` with the occurrences and every report behind them."""
    from .. import query
    from ..timeline import event_facts

    lo, hi = window(claim, as_of, since)
    actor, resolved = _resolve_actor(store, claim.actor)
    recipient, _ = _resolve_actor(store, claim.recipient, required=False)
    wanted = {"actor": actor, "recipient": recipient, "type": claim.type,
              "mode": claim.mode if claim.mode in _strict() else None, "cameo": None, "since": str(lo),
              "until": str(hi), "min_confidence": min_confidence}
    if claim.mode == "visit":  # the visitor's side (CAMEO 042); the host's (043) is listed with it
        wanted.update(mode=None, cameo=MAKE_VISIT)
    meeting = claim.type == "CONSULT" and claim.mode in (None, "phone") and bool(actor)
    facts: dict[str, dict[str, Any]] = {}  # what each report read is, from the rows its report came in
    if meeting:  # a meeting has no direction: "Berg met Lindqvist" and "Lindqvist met Berg" count alike
        found = query.occurrences_of(store, actor, other=recipient, type=claim.type, mode=wanted["mode"],
                                     since=wanted["since"], until=wanted["until"], min_confidence=min_confidence,
                                     facts=facts)
    elif claim.mode == "visit":  # the visits, and what may be said of them otherwise
        found, others = _visits(store, wanted, facts)
    else:
        found = query.occurrences(store, **wanted, unplaced=False, facts=facts)["occurrences"]
    # the first days of every occurrence a listed report joined bound where any fact not read yet is read
    starts = [o["start"] for o in found] + (_add_related(found, others) if claim.mode == "visit" else [])
    missing = [r["event"] for o in found for r in o["reports"] if r["event"] not in facts]
    if missing:
        facts.update(event_facts(store, missing, starts))
    if meeting and claim.mode is None:  # a meeting is not a phone call, nor the visit it took place in
        found = [o for o in found if _mode(o, facts) not in ("phone", "visit")]
    if claim.place and not (claim.mode == "visit" and claim.place_country == claim.recipient):
        found = [o for o in found if _at_place(o, facts, claim)]
    count = len(found)
    # the store's first day matters only to a count found as claimed (a query saved on every other answer)
    verdict, reason = _verdict(claim.number, count, claim, lo, _first_day(store) if count == claim.number else None)
    return {"claim": claim.text, "as_of": str(as_of), "parsed": claim.as_dict(), "actor": resolved,
            "window": {"since": str(lo), "until": str(hi)}, "filters": wanted,
            "verdict": verdict, "reason": reason, "claimed": claim.number, "count": count,
            "occurrences": [_occurrence(i, o, facts) for i, o in enumerate(found, 1)]}


def _strict() -> frozenset[str]:
    from .words import STRICT_MODES

    return STRICT_MODES


def _suffix(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _resolve_actor(store, who: str | None, *, required: bool = True) -> tuple[str | None, dict[str, Any] | None]:
    """The actor filter to count with, and how it was read. A short name several stored names contain
    ("Kim") stands for the one stored articles name far most often ("Kim Jong Un"), as a reader takes it;
    ClaimError when no stored article names it (a country code is always known)."""
    from .. import query
    from ..ontology.countries import default_countries

    if not who or (len(who) == 3 and who.isupper() and who in default_countries()):
        return who, None
    names = _entity_names(store, who)
    if required and not names and not query.events(store, actor=who, limit=1, min_confidence=0):
        raise ClaimError(f"no stored article names {who!r}: there is nothing to count for it")
    per_name: dict[str, int] = {}
    for r in names:
        per_name[r["name"]] = per_name.get(r["name"], 0) + r["articles"]
    ranked = sorted(per_name.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or ranked[0][0].lower() == who.lower():
        return who, {"as_written": who, "counted_as": who}
    if len(ranked) == 1:
        return ranked[0][0], {"as_written": who, "counted_as": ranked[0][0]}
    note = {"as_written": who, "counted_as": who, "names": [n for n, _ in ranked[:5]]}
    if ranked[0][1] >= 2 * ranked[1][1]:
        note["counted_as"] = ranked[0][0]
    return note["counted_as"], note


ACTOR_TYPES = ("PERSON", "ORG", "NORP")


def _entity_names(store, who: str) -> list[dict[str, Any]]:
    """The entities (PERSON, ORG, NORP) whose names contain ``who``, with the articles naming each. Where
    one stored name alone contains it (store/names.py) its count decides nothing, so it is not counted:
    counting the articles of a busy name reads all its mentions, most of a claim's time in a large store."""
    from .. import query
    from ..store.names import matching

    found = matching(store, who, most=1)
    if found is not None:
        return [{"name": n, "articles": 0} for n in found if query.entity_named(store, n, ACTOR_TYPES)]
    return [r for r in query.entities(store, name=who, limit=50) if r["type"] in ACTOR_TYPES]


def _sides(filters: dict[str, Any]) -> dict[str, Any]:
    """What the events are and who took part, without the days and the floor (``query.occurrence_sets``)."""
    return {k: filters[k] for k in ("actor", "recipient", "type", "mode", "cameo")}


def _related(wanted: dict[str, Any]) -> list[dict[str, Any]]:
    """The filters of the reports that say a visit another way: the two sides meeting (any mode) and,
    where the visitor is known, whoever hosted the visitor (the host is often named without a country)."""
    wider = [_sides(dict(wanted, cameo=None))]
    if wanted["actor"]:
        wider.append(_sides(dict(wanted, actor=None, recipient=wanted["actor"], cameo=HOST_VISIT)))
    return wider


def _visits(store, wanted: dict[str, Any], facts: dict[str, dict[str, Any]] | None = None
            ) -> tuple[list[dict], list[list[dict]]]:
    """The visits ``wanted`` counts and, for each of ``_related``'s filters, the occurrences that may join
    one of them (``_add_related``), with their reports: all are found in one pass, and reports are read only
    for the visits and the others whose days overlap exactly one visit, the only others ever listed (a
    year of a busy visitor's meetings and hosts: reading all their reports was most of a claim's time)."""
    from .. import query

    visits, *others = query.occurrence_sets(store, [_sides(wanted), *_related(wanted)], since=wanted["since"],
                                            until=wanted["until"], min_confidence=wanted["min_confidence"])
    days = [(str(v["start_date"]), str(v["end_date"])) for v in visits]

    def joins_one(o: dict) -> bool:
        start, end = str(o["start_date"]), str(o["end_date"])
        return sum(1 for s, e in days if s <= end and start <= e) == 1

    others = [[o for o in occ if joins_one(o)] for occ in others]
    rows = {o["id"]: o for o in [*visits, *(o for occ in others for o in occ)]}
    read = {o["id"]: o for o in query.with_reports(store, list(rows.values()), wanted["min_confidence"], facts)}

    def own(o: dict) -> dict:  # each list its own copy: _add_related extends the visits' reports
        return dict(read[o["id"]], reports=list(read[o["id"]]["reports"]))

    return [own(v) for v in visits], [[own(o) for o in occ] for occ in others]


def _add_related(found: list[dict], others: list[list[dict]]) -> list[str]:
    """Lists the occurrences of ``others`` (``_related``'s, in its order) with the visits of ``found``: each
    one's reports join the one counted visit whose days it overlaps, never counted. Returns the first days
    of the occurrences whose reports were added."""
    starts: list[str] = []
    if not found:
        return starts
    for occurrences in others:
        for other in occurrences:
            hits = [o for o in found if o["start"] <= other["end"] and other["start"] <= o["end"]]
            if len(hits) != 1:
                continue
            seen = {r["event"] for r in hits[0]["reports"]}
            hits[0]["reports"] += [dict(r, related=True) for r in other["reports"] if r["event"] not in seen]
            starts.append(other["start"])
    return starts


def _mode(o: dict, facts: dict[str, dict]) -> str | None:
    """An occurrence's mode: its own where the read model gives one, else its reports' commonest."""
    if "mode" in o:
        return o["mode"]
    modes = [facts.get(r["event"], {}).get("mode") for r in o["reports"]]
    return max(set(modes), key=modes.count) if modes else None


def _at_place(o: dict, facts: dict[str, dict], claim: Claim) -> bool:
    place = (claim.place or "").lower()
    for r in o["reports"]:
        f = facts.get(r["event"], {})
        if place and place in (f.get("location") or "").lower():
            return True
        if claim.place_country and f.get("location_country") == claim.place_country:
            return True
    return any(place and place in (loc or "").lower() for loc in o.get("locations", []))


def _first_day(store) -> dt.date | None:
    rows = store.query("SELECT min(published_date) AS first FROM articles")
    v = rows[0]["first"] if rows else None
    return v if v is None or isinstance(v, dt.date) else dt.date.fromisoformat(str(v)[:10])


def _verdict(claimed: int, count: int, claim: Claim, lo: dt.date, first: dt.date | None) -> tuple[str, str]:
    what = f"{claim.event} occurrence(s)"
    if count > claimed:
        return CONTRADICTED, f"the store holds {count} distinct {what} in the period, more than the {claimed} claimed"
    if count < claimed:
        return NOT_ENOUGH, (f"the store holds {count} distinct {what} in the period, fewer than the {claimed} "
                            "claimed: reports of the others may be missing")
    if first is None or lo < first:
        return NOT_ENOUGH, (f"{count} found as claimed, but the period starts on {lo}, before the store's first "
                            f"article ({first or 'none stored'}): earlier occurrences could not be seen")
    return SUPPORTED, f"the store holds {count} distinct {what} in the period, as claimed"


def _occurrence(n: int, o: dict, facts: dict[str, dict]) -> dict[str, Any]:
    reports = []
    for r in o["reports"]:
        f = facts.get(r["event"], {})
        reports.append({**r, "type": f.get("type"), "mode": f.get("mode"), "actor": f.get("actor"),
                        "recipient": f.get("recipient"), "location": f.get("location"),
                        "related": bool(r.get("related"))})
    reports.sort(key=lambda r: (str(r.get("published") or ""), r["event"]))
    arts = sorted({r["article"] for r in reports})
    return {**{k: v for k, v in o.items() if k != "reports"}, "n": n, "articles": len(arts), "article_ids": arts,
            "sources": sorted({r.get("source") or "?" for r in reports}), "reports": reports}
