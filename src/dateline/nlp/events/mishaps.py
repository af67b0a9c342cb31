"""Event words used for what no one did to anyone: an accident, advice about a danger, a closed station.

"Two accidental explosions killed seven militants" and "a bomb went off by accident" tell of a mishap, not an
attack, however deadly; "a travel warning" or "a storm warning" tells people of a danger, and threatens
no one; "closed the subway stations" after a blast shuts a place for safety, where "closed the radio
station" silences a broadcaster. The words around the trigger say so.
"""

from __future__ import annotations

from spacy.tokens import Token

from .drafts import Draft

ACCIDENT_WORDS = frozenset({"accidental", "accidentally", "unintended", "unintentional", "unintentionally",
                            "inadvertent", "inadvertently", "premature", "prematurely", "accident"})
# what a warning of this kind is about: a hazard or a place to avoid, not what the warner will do
HAZARD_WORDS = frozenset({"travel", "weather", "storm", "flood", "tsunami", "heat", "health", "fire", "avalanche",
                          "hurricane", "typhoon", "cyclone", "tornado", "frost", "snow", "wind", "gale",
                          "drought", "smog", "pollution", "safety", "security",
                          # a firm's warning of its own results: "a profit warning" tells investors, threatens no one
                          "profit", "profits", "earnings", "sales", "revenue"})


# what a station is when it is no broadcaster: "metro station", "police station", "petrol station"
NON_MEDIA_STATIONS = frozenset({"metro", "subway", "underground", "tube", "train", "railway", "rail", "bus", "tram",
                                "police", "petrol", "gas", "fuel", "filling", "charging", "fire", "power", "pumping",
                                "space", "polling", "weather", "research", "service", "border", "ski", "coach"})


def not_a_broadcaster(obj: Token | None) -> bool:
    """ "the metro stations", "a police station": a station named by what it serves is no media outlet."""
    return obj is not None and obj.lemma_.lower() == "station" and any(
        c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in NON_MEDIA_STATIONS for c in obj.children)


# what can go off as an attack: "the bomb went off", where "the alarm went off" is no event
EXPLOSIVES = frozenset({"bomb", "device", "explosive", "explosives", "ied", "grenade", "mine", "landmine", "charge",
                        "shell", "rocket", "mortar", "vest", "belt", "dynamite", "tnt", "detonator", "booby-trap",
                        "car-bomb", "firebomb"})


# what can hit a place as an attack: "a shell hit the school", where "the storm hit the coast" is no attack
MUNITIONS = EXPLOSIVES | frozenset({"missile", "rocket", "shell", "mortar", "bullet", "round", "projectile",
                                    "airstrike", "drone", "artillery", "strike", "shelling", "barrage", "warplane",
                                    "jet", "helicopter", "gunship"})
# rows that are attacks only when arms do them (see verbs.tsv)
ARMS_ROWS = frozenset({"v.hit.arms", "v.slam.into"})


def not_by_arms(tok: Token) -> bool:
    """ "The storm hit the coast", "a car slammed into a wall": only arms hitting a place is an attack."""
    from .arguments import subject_of

    subj = subject_of(tok)
    return subj is None or not (subj.lemma_.lower() in MUNITIONS or subj.lower_ in MUNITIONS)


def not_a_blast(tok: Token) -> bool:
    """ "The alarm went off", "the lights went off": only an explosive going off is a blast."""
    from .arguments import subject_of

    subj = subject_of(tok)
    return subj is None or not (subj.lemma_.lower() in EXPLOSIVES or subj.lower_ in EXPLOSIVES)


def accidental(tok: Token) -> bool:
    """ "accidental explosions", "the device went off prematurely", "exploded by accident"."""
    for c in tok.children:
        if c.dep_ in ("amod", "advmod") and c.lower_ in ACCIDENT_WORDS:
            return True
        if c.dep_ == "prep" and c.lower_ == "by" and any(x.lower_ == "accident" for x in c.children):
            return True
    return False


def advisory(tok: Token) -> bool:
    """ "a travel warning", "a storm warning": a warning named by the danger it is about."""
    return tok.pos_ == "NOUN" and any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in HAZARD_WORDS
                                      for c in tok.children)


def drop_mishaps(drafts: list[Draft]) -> list[Draft]:
    """The drafts, less violence told as an accident, warnings of a danger and stations closed that are no
    broadcasters."""
    out = []
    for d in drafts:
        t = d.match.token
        if d.code[:2] in ("18", "19", "20") and accidental(t):
            continue
        if d.code[:2] == "13" and d.match.pos == "noun" and advisory(t):
            continue
        if d.code == "1721" and not_a_broadcaster(d.match.obj):
            continue
        if d.match.pattern.id == "v.go.off" and not_a_blast(t):
            continue
        if d.match.pattern.id in ARMS_ROWS and not_by_arms(t):
            continue
        out.append(d)
    return out
