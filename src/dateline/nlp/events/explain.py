"""Why an event was coded so: the sentence with its trigger, the rule, how each side was resolved,
where the date and place came from and what set the status. Plain data in, lines of text out."""

from __future__ import annotations

from ...model import ActorRef, Event


def highlight(event: Event, *, left: str = "[[", right: str = "]]") -> str:
    """The sentence with the trigger marked."""
    s, t = event.evidence.sentence, event.evidence.trigger
    a, b = t.start - s.start, t.end - s.start
    text = s.text
    if 0 <= a <= b <= len(text):
        return text[:a] + left + text[a:b] + right + text[b:]
    return text


def _party(role: str, a: ActorRef | None) -> list[str]:
    if a is None:
        return [f"{role}: none"]
    codes = " ".join(x for x in (a.code or "", f"country {a.country}" if a.country else "",
                                 f"sector {a.sector}" if a.sector else "") if x)
    out = [f"{role}: {a.name} ({codes or 'not coded'}) from '{a.text}'"]
    if a.coref:
        out.append(f"    chain: {a.coref}")
    for step in (a.coding or "").split("; "):
        if step:
            out.append(f"    - {step}")
    return out


def _read_as(ev) -> str:
    """What the confidence model read: "(rule score 0.75; named actor, recipient, subordinate clause)"."""
    names = {"actor_known": "named actor", "recipient": "a recipient", "hypothetical": "hypothetical",
             "not_occurred": "not told as done", "noun": "a noun trigger", "subordinate": "a subordinate clause",
             "reported": "inside what someone says", "composed": "a composed reading"}
    said = [label for key, label in names.items() if ev.features.get(key)]
    score = f"rule score {ev.rule_score}" if ev.rule_score is not None else ""
    parts = [p for p in (score, ", ".join(said)) if p]
    return f" ({'; '.join(parts)})" if parts else ""


def explain_lines(event: Event, *, cameo_name: str | None = None) -> list[str]:
    ev = event.evidence
    head = f"{event.type or '?'}" + (f"/{event.mode}" if event.mode else "") + \
        (f"  CAMEO {event.cameo}" + (f" ({cameo_name})" if cameo_name else "") if event.cameo else "")
    lines = [f"event {event.id}: {head}",
             f"status: {event.status}" + (f" (cue: '{ev.status_cue}')" if ev.status_cue else " (no cue: default)"),
             f"confidence: {event.confidence}" + _read_as(ev),
             f"sentence: {highlight(event)}",
             f"trigger: '{ev.trigger.text}' at {ev.trigger.start}-{ev.trigger.end}",
             f"rule: {ev.rule}"]
    for line in (ev.explanation or "").splitlines():
        lines.append(f"    {line}")
    lines += _party("actor", event.actor)
    lines += _party("recipient", event.recipient)
    d = event.date
    if d is not None:
        span = f" ({d.start or '…'} to {d.end or '…'})" if (d.start or d.end) and d.start != d.value else ""
        lines.append(f"date: {d.value}{span}, {d.granularity}{', inferred' if d.inferred else ''}"
                     + (f" — {ev.date_source}" if ev.date_source else ""))
    else:
        lines.append("date: none")
    loc = event.location
    if loc is not None:
        where = f"{loc.name}" + (f", {loc.country}" if loc.country else "") + \
            (f" ({loc.lat:.2f}, {loc.lon:.2f})" if loc.lat is not None and loc.lon is not None else "")
        lines.append(f"place: {where}" + (f" — {ev.place_source}" if ev.place_source else ""))
    else:
        lines.append("place: none named in the clause")
    if event.provenance:
        lines.append(f"coded by: {event.provenance}")
    return lines
