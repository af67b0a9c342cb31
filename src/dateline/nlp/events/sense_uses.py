"""Everyday uses of event words, told apart by what they act on and what stands around them.

Several event words have a common use that is no event at all, and the word itself cannot tell them
apart; what it acts on can:

- "demonstrate" with no object is a protest; "demonstrated his resolve" or "demonstrated that it works"
  is showing something;
- a "rally" of shares or of the euro is a rise in prices; a candidate's "rally with" a running mate is a
  campaign event, not a demonstration against anyone;
- "deploy" troops, ships or missiles is mobilising; "deploy" a phrase, an argument or a strategy is
  using it;
- "beat" or "defeat" a named person with no arms in the sentence is winning a vote or a game;
- "fight" or "battle" inflation, change or cancer is opposing a state of things, not a clash;
- "beg the question" asks nothing of anyone;
- "allow me to explain" is a command in someone's words; "shot himself in the foot" is done to oneself;
  "seized on the remark" takes up a chance; "sat down with the network for an interview" speaks to the
  press.

What the coder reads from here: ``judge_use(code, trigger, lemma, target, kind, actor=, armed=, violence=,
actor_sector=) -> Verdict | None`` (None: this module has nothing to say and ``sense.judge`` goes on).
"""

from __future__ import annotations

from spacy.tokens import Token

from .self_acts import blew_oneself_up
from .lexicon import HEDGE_PASSIVES

# Words of prices and markets: a "rally" among them is a rise ("the yen's rally", "stocks rallied").
MARKET_WORDS = frozenset({
    "dollar", "euro", "yen", "pound", "sterling", "currency", "currencies", "share", "shares", "stock", "stocks",
    "market", "markets", "bond", "bonds", "index", "indices", "price", "prices", "oil", "gold", "equity",
    "equities", "futures", "rouble", "ruble", "yuan", "peso", "franc", "commodity", "commodities", "dow",
    "nasdaq", "ftse", "nikkei", "dax", "traders", "investors"})
# Words that make a rally or a march a protest: who marched and against what.
PROTEST_WORDS = frozenset({
    "protest", "protests", "protester", "protesters", "protestor", "protestors", "demonstrator",
    "demonstrators", "against", "strike", "strikers", "workers", "students", "opposition", "outrage", "anger",
    "demand", "demanding", "police", "riot", "thousands", "hundreds", "crowd", "crowds", "march", "marchers"})
# Modifiers of a rally that say it is a candidate's: "a campaign rally", "an election rally".
CAMPAIGN_WORDS = frozenset({"campaign", "election", "re-election", "reelection", "presidential", "primary",
                            "victory", "fundraising", "fund-raising"})
# Verbs of speaking at an event: one who speaks at a rally or introduces a candidate there holds it.
PLATFORM_VERBS = frozenset({"speak", "address", "introduce", "tell", "appear", "campaign", "headline", "say",
                            "thank", "joke", "promise", "vow", "pledge"})
# What armed forces are mobilised with: people, craft and arms.
MUSTER_KINDS = frozenset({"person", "vehicle", "goods", "place"})
# Verbs of winning that are also verbs of striking: against a named person with no arms, a contest.
WIN_VERBS = frozenset({"beat", "defeat", "trounce", "crush", "thrash", "rout", "topple", "oust", "edge"})
# Verbs of violence that are also everyday words for opposing a state of things.
OPPOSE_VERBS = frozenset({"fight", "battle", "combat", "struggle", "tackle", "attack"})
# Accidents and disasters: deaths they cause are no one's attack ("the crash killed 40", "the storm, which
# killed five", "died in a landslide"), whatever else the sentence speaks of. ("Fire" is left out: sniper
# fire kills on purpose.)
DISASTERS = frozenset({
    "accident", "crash", "collision", "disaster", "loss", "earthquake", "quake", "flood", "flooding", "storm",
    "hurricane", "typhoon", "cyclone", "tornado", "blaze", "avalanche", "landslide", "mudslide", "tsunami",
    "heatwave", "drought", "disease", "virus", "epidemic", "outbreak", "famine", "derailment", "stampede",
    "collapse", "eruption", "overdose", "illness", "cancer"})
# Craft whose deaths are most often a crash, unless the sentence speaks of arms ("a helicopter fired rockets").
CRAFT = frozenset({"flight", "plane", "aircraft", "airliner", "jet", "helicopter", "bus", "train", "car", "truck",
                   "ferry", "boat", "ship", "vehicle"})
HARM_VERBS = frozenset({"kill", "injure", "wound", "hurt", "die"})
# What one "battles" in words: "battled opposition from the press", "fought resistance to the plan".
RESISTANCE_WORDS = frozenset({"opposition", "resistance", "criticism", "scepticism", "skepticism", "hostility",
                              "objection", "doubt"})
# Verbs of hitting back in words, where no arms are named: "shot back in a statement", "fired back at
# critics" (but "troops fired back" returned fire).
RETORT_VERBS = frozenset({"shoot", "fire", "hit", "strike", "lash"})
BUILDING_WORDS = frozenset({"school", "hospital", "university", "college", "hotel", "airport", "stadium",
                            "church", "mosque", "museum", "hall", "centre", "center", "studio", "station",
                            "factory", "plant", "office", "offices", "headquarters", "court", "courthouse"})
SEEING_VERBS = frozenset({"witness", "see", "watch", "give", "provide", "offer", "get"})
APPLAUSE = frozenset({"applaud", "cheer", "clap"})
# Sectors of people in office or politics: their rallies are campaign events.
OFFICE_SECTORS = frozenset({"GOV", "LEG", "ELI", "PTY"})
OPENING_QUOTES = frozenset({"“", '"', "‘", "«"})
REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "myself", "yourself", "ourselves"})
INTERVIEW_WORDS = frozenset({"interview", "podcast", "broadcast", "show", "programme", "program"})
# Fixed phrases whose verb is an event word in another use: (verb, its object). "The delay begs the
# question whether ..." asks nothing of anyone; "thank God" and "thank heavens" are exclamations.
IDIOMS = frozenset({("beg", "question"), ("leave", "door"), ("thank", "god"), ("thank", "goodness"), ("thank", "heaven"),
                    ("thank", "heavens"), ("thank", "lord")})
# What a figure or a result beats or tops: a forecast outdone, not a rival struck ("sales beat estimates").
BENCHMARKS = frozenset({"expectation", "expectations", "forecast", "estimate", "consensus", "prediction",
                        "projection", "target", "record", "guidance", "odds", "benchmark", "index"})
# Verbs of fighting that, between people with no arms named, are a quarrel: "the two ministers clashed over
# the budget" is a row in words (but "protesters clashed with police" is a street fight: police are armed).
QUARREL_VERBS = frozenset({"clash", "spar", "feud", "quarrel", "wrangle", "tussle", "squabble"})
# Acts at law whose participle of accusing says what they allege: "sued the firm, accusing it of fraud".
LEGAL_ACTIONS = frozenset({"sue", "charge", "indict", "prosecute", "fine", "summon", "arrest", "file"})
# What is struck when one makes a bargain: "the deal, struck last week" tells of the deal.
DEAL_NOUNS = frozenset({"deal", "agreement", "bargain", "pact", "accord", "compromise", "truce", "settlement"})
# Words of a poll or a vote count: "supported by 13 percent", "Lane support 31 percent", "won by double
# digits" give a share of voters, not an act of support.
POLL_WORDS = frozenset({"percent", "%", "per", "percentage", "points", "digits", "margin", "poll", "polls",
                        "survey", "surveyed", "respondents"})
SUPPORT_WORDS = frozenset({"support", "back", "favor", "favour", "approve", "approval", "endorse"})
# What one occupies that is a role or a stance, not land: "occupy the centre ground", "occupies a seat".
ROLES = frozenset({"ground", "centre", "center", "middle", "position", "role", "seat", "post", "office", "place",
                   "spot", "space", "niche", "top", "lane", "slot", "chair"})
# Help one comes to: "came to the minister's defence" defends her; "came to their aid" helps them.
HELP_NOUNS = {"support": "051", "defence": "051", "defense": "051", "aid": "070", "rescue": "070",
              "assistance": "070"}
# What is allowed that is no one's freedom: "powers allowing police to close bars" describe a law, and
# "allowing his skills to shine" lets a quality show.
ALLOWED_THINGS = frozenset({"power", "skill", "talent", "ability", "quality", "strength", "gift", "light",
                            "time", "room", "chance", "opportunity"})


def judge_use(code: str, trigger: Token, lemma: str, target: Token | None, kind: str | None, *,
              actor: Token | None, armed: bool, violence, actor_sector: str | None = None) -> "Verdict | None":
    """A verdict when the trigger is in one of the everyday uses above, else None. ``armed``: the actor
    is of an armed sector; ``violence``: the sentence's first word of arms or harm (or None)."""
    from .sense import Verdict

    obj = _direct_object(trigger)
    if _imperative(trigger):
        return Verdict(False, reason=f"'{trigger.text}' is a command in someone's words, not an act")
    if obj is not None and obj.lower_ in REFLEXIVES and code[:2] in ("17", "18", "19", "20") and \
            not blew_oneself_up(trigger):  # a suicide bomber's blast harms others (self_acts)
        return Verdict(False, reason=f"'{trigger.text} {obj.text}': done to oneself, no other party")
    if lemma == "seize" and any(c.dep_ in ("prt", "prep") and c.lower_ in ("on", "upon") and c.i == trigger.i + 1
                                for c in trigger.children):  # "seized on the remark", not "seized it on Friday"
        return Verdict(False, reason=f"'{trigger.text} on': taking up a chance or a remark, not a seizure")
    if code[:2] == "04" and _interview(trigger):
        return Verdict(False, reason=f"'{trigger.text}' in an interview: speaking to the press, not a meeting")
    kind_of = _a_kind(trigger)
    if kind_of:
        return Verdict(False, reason=f"'{trigger.text} {kind_of}': a kind of act, not one that happened")
    if lemma in RETORT_VERBS and violence is None and not armed and \
            any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in trigger.children):
        return Verdict(False, reason=f"'{trigger.text} back': a retort in words")
    if code[:2] == "04" and lemma == "arrive" and _building_reached(trigger):
        return Verdict(False, reason=f"'{trigger.text} at' a building: going somewhere, not a visit to anyone")
    if code[:2] == "07" and lemma == "contribute" and obj is None and not _prep_child(trigger, "to") and \
            not any(c.dep_ in ("nsubjpass", "dative") for c in trigger.children):  # "X contributed from Rome"
        return Verdict(False, reason=f"'{trigger.text}' with nothing given and no one given to: a writer's credit, "
                                     "not aid")
    if code[:2] == "10" and lemma == "ask" and "?" in trigger.sent.text:
        return Verdict(False, reason=f"'{trigger.text}' a question in quoted words, not a demand")
    if code[:2] == "05" and lemma in APPLAUSE and target is None:
        return Verdict(False, reason=f"'{trigger.text}' with no one applauded: an audience's reaction")
    if lemma == "invite" and code[:3] == "036" and _invited_to_act(trigger):
        return Verdict(True, code="100", reason=f"'{trigger.text} ... to' do something other than meet: a request")
    if lemma == "sit" and any(c.dep_ == "advmod" and c.lower_ in FIT_MANNERS for c in trigger.children):
        return Verdict(False, reason=f"'{trigger.text} ... with' how well things fit, not a meeting")
    if code[:2] in ("05", "11", "12") and lemma in OPINION_VERBS and _share_of_people(trigger):
        return Verdict(False, reason=f"'{trigger.text}' by a share of people: a poll's finding, not an act")
    if lemma in HEDGE_PASSIVES and any(c.dep_ == "auxpass" for c in trigger.children) and any(
            c.dep_ == "xcomp" for c in trigger.children):
        return Verdict(False, reason=f"'{trigger.text} to': a hedge on what is told, not an act of its own")
    if code[:2] == "05" and lemma in SUPPORT_WORDS and _poll_share(trigger):
        return Verdict(False, reason=f"'{trigger.text}' with a share of voters: a poll or vote figure, not support")
    if target is not None and target.lower_ in DEITIES and code[:2] not in ("18", "19", "20"):
        return Verdict(False, reason=f"'{trigger.text} ... {target.text}': a prayer, no act towards a party")
    if code[:3] == "171" and lemma in HARMING_VERBS and obj is not None and _quality(obj):
        return Verdict(False, reason=f"'{trigger.text} {obj.text}': harming a quality or a standing, no seizure")
    if code[:2] == "10" and lemma == "order" and _bought(trigger, obj, actor_sector):
        return Verdict(False, reason=f"'{trigger.text} {obj.text}': buying goods or work, not a demand")
    if lemma == "charge" and code[:2] == "17" and any(c.dep_ == "ccomp" for c in trigger.children):
        return Verdict(True, code="112", reason=f"'{trigger.text} that ...': an accusation in words (112)")
    if code[:2] == "08" and lemma in ("allow", "permit") and (
            trigger.dep_ == "acl" or any(t.lemma_.lower() in ALLOWED_THINGS for t in _allowed(trigger, obj))):
        return Verdict(False, reason=f"'{trigger.text}' of a law's powers or a quality: no one's restriction eased")
    if code[:2] == "19" and lemma == "occupy" and obj is not None and obj.lemma_.lower() in ROLES:
        return Verdict(False, reason=f"'{trigger.text} the {obj.text}': holding a role or a stance, not land")
    if obj is not None and obj.lower_ == "way" and any(c.dep_ == "poss" for c in obj.children):
        return Verdict(False, reason=f"'{trigger.text} ... way': making one's way, not an act on anyone")
    helped = _help_come_to(trigger, lemma) if code[:2] == "04" else None
    if helped:
        return Verdict(True, code=HELP_NOUNS[helped.lemma_.lower()],
                       reason=f"'{trigger.text} to ... {helped.text}': helping or defending, not a visit")
    if lemma in ("accuse", "allege", "charge") and trigger.tag_ == "VBG" and trigger.dep_ in ("advcl", "xcomp") \
            and trigger.head.lemma_.lower() in LEGAL_ACTIONS:
        return Verdict(False, reason=f"'{trigger.head.text} ..., {trigger.text}': what the suit or charge says, "
                                     "told with it, not a second act")
    if code[:2] == "03" and lemma == "agree" and _shares_a_view(trigger):
        return Verdict(False, reason=f"'{trigger.text} with' a view or a record: sharing an opinion, not a promise")
    if _poll_answer(trigger):
        return Verdict(False, reason=f"'{trigger.text}': what those polled say they would do, a poll's finding")
    if lemma == "strike" and trigger.dep_ == "acl" and trigger.head.lemma_.lower() in DEAL_NOUNS:
        return Verdict(False, reason=f"'{trigger.head.text} {trigger.text}': a deal made, not a blow")
    idiom = _idiom(trigger, lemma, obj)
    if idiom:
        return Verdict(False, reason=f"'{trigger.text} {obj.text}' is a fixed phrase, not an act")
    if code[:3] == "141":  # a person in office or in a party holding rallies is campaigning
        return _protest(trigger, lemma, obj, politician=(actor_sector or "")[:3] in OFFICE_SECTORS and actor is not None
                        and (actor.ent_type_ == "PERSON" or actor.pos_ == "PRON"))
    if code[:2] == "15" and target is not None and violence is None and not armed and kind not in MUSTER_KINDS:
        return Verdict(False, reason=f"'{trigger.text} {target.text}': using {kind or 'a thing'}, not forces")
    if code[:2] in ("18", "19", "20") and lemma in HARM_VERBS and not armed:
        causes = {w for t in _causes(trigger, actor) for w in (t.lemma_.lower(), t.lower_)}
        if causes & DISASTERS or (causes & CRAFT and violence is None):
            return Verdict(False, reason=f"'{trigger.text}' by an accident or a disaster: no one's attack")
    if code[:2] in ("18", "19", "20") and violence is None and not armed:
        contest = _contest(trigger, lemma, obj)
        if contest:
            return contest
    if code[:2] in ("18", "19") and violence is None and not armed and target is not None:
        if lemma in WIN_VERBS and target.ent_type_ == "PERSON":
            return Verdict(False, reason=f"'{trigger.text} {target.text}' with no arms in the sentence: winning "
                                         "a contest, not an attack")
        if lemma in OPPOSE_VERBS and target.pos_ == "NOUN" and not target.ent_type_ and (
                target.lemma_.lower() in RESISTANCE_WORDS or kind in ("unknown", "idea") and target.tag_ != "NNS"):
            return Verdict(False, reason=f"'{trigger.text} {target.text}': opposing a state of things, not a clash")
    return None


# What one "agrees with" when it is a view, not a party to a deal: "agreed with everything she said".
VIEW_WORDS = frozenset({"everything", "that", "this", "what", "it", "much", "most", "all", "view", "assessment",
                        "analysis", "sentiment", "idea", "point", "verdict", "conclusion", "decision"})
# The people a poll asks: "voters would reject the treaty, a poll says" is a finding, not a rejection.
POLLED = frozenset({"voter", "respondent", "public", "electorate", "american", "briton", "people", "adult",
                    "citizen", "resident", "consumer"})


def _shares_a_view(trigger: Token) -> bool:
    if any(c.dep_ in ("xcomp", "ccomp") for c in trigger.children):
        return False
    said = [x for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with" for x in c.children
            if x.dep_ == "pobj"]
    return any(x.lower_ in VIEW_WORDS or x.lemma_.lower() in VIEW_WORDS for x in said)


def _poll_answer(trigger: Token) -> bool:
    """A verb whose subject is the people a poll asked, in a sentence that names the poll."""
    subj = next((c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lemma_.lower() not in POLLED:
        return False
    return any(t.lemma_.lower() in ("poll", "survey", "opinion") for t in trigger.sent)


def _allowed(trigger: Token, obj: Token | None) -> list[Token]:
    """What is allowed: the object, or the subject of the clause ("allowing his skills to shine")."""
    out = [obj] if obj is not None else []
    return out + [s for c in trigger.children if c.dep_ in ("ccomp", "xcomp")
                  for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]


def _poll_share(trigger: Token) -> bool:
    """A poll's or a vote's figure beside a word of support: its own phrase, or the few words after it."""
    near = list(trigger.subtree) + list(trigger.doc[trigger.i + 1:min(trigger.sent.end, trigger.i + 4)])
    return any(t.lower_ in POLL_WORDS for t in near)


# What one is invited to when an invitation is an offer to meet: "invited her to visit", "to join talks".
MEETING_VERBS = frozenset({"visit", "meet", "attend", "join", "come", "talk", "participate", "speak", "address",
                           "negotiate", "discuss", "dine", "stay", "tour", "go", "travel", "return", "see", "hold"})


def _invited_to_act(trigger: Token) -> bool:
    """ "invited the allies to impose sanctions", "invited hackers to find the emails": asked to do something,
    where "invited the king to visit" or "to join the talks" offers a meeting."""
    return any(c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB" and c.lemma_.lower() not in MEETING_VERBS and
               any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children) for c in trigger.children)


# How one thing "sits with" another: "the plan sits uneasily with its promises" says how well they fit.
FIT_MANNERS = frozenset({"well", "badly", "ill", "uneasily", "easily", "comfortably", "uncomfortably", "awkwardly",
                         "oddly", "strangely", "poorly", "neatly", "nicely", "happily", "unhappily"})
# Verbs of holding a view that polls report: "two in three voters disapprove".
OPINION_VERBS = frozenset({"support", "back", "favor", "favour", "approve", "disapprove", "oppose", "reject",
                           "endorse", "prefer", "dislike", "distrust", "trust"})
# Words for a part of a group: "a majority of voters", "half of Americans".
GROUP_PARTS = frozenset({"majority", "minority", "half", "third", "quarter", "plurality", "fifth", "percent"})


def _share_of_people(trigger: Token) -> bool:
    """ "Three of four voters disapproved", "a majority of Americans oppose the plan": a part of a group
    holding a view is what a poll found, not an act of anyone's."""
    subj = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    if subj is None and trigger.dep_ == "acl":
        subj = trigger.head  # the tagger may hang the verb on "three of four voters" as a modifier
    if subj is None:
        return False
    if any(c.dep_ == "nummod" and any(x.lower_ in ("of", "in") for x in c.subtree) for c in subj.children):
        return True  # "three of four voters", "two in three Americans"
    part = subj.pos_ == "NUM" or subj.lemma_.lower() in GROUP_PARTS
    return part and any(c.dep_ == "prep" and c.lower_ in ("of", "in") for c in subj.children)


def _help_come_to(trigger: Token, lemma: str) -> Token | None:
    """ "Came to the mayor's support", "came to the aid of the villagers": the noun of help, or None."""
    if lemma != "come":
        return None
    for c in trigger.children:
        if c.dep_ == "prep" and c.lower_ == "to":
            got = next((x for x in c.children if x.dep_ == "pobj" and x.lemma_.lower() in HELP_NOUNS), None)
            if got is not None:
                return got
    return None


# Sides that fight in the street when they clash: "protesters clashed with police" is a fight, not a row.
STREET_SIDES = frozenset({"police", "troops", "soldiers", "army", "forces", "rebels", "militants", "protesters",
                          "demonstrators", "fans", "rioters", "gangs", "youths", "crowd", "crowds", "militia",
                          "fighters", "guards", "officers", "students", "workers", "strikers", "settlers"})


def _rival_in_words(trigger: Token) -> bool:
    """A clash with a named person, or over a matter, between sides that do not fight in the street."""
    other = next((x for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with"
                  for x in c.children if x.dep_ == "pobj"), None)
    sides = [t for t in trigger.children if t.dep_ in ("nsubj", "nsubjpass")] + ([other] if other is not None else [])
    if any(t.lemma_.lower() in STREET_SIDES or t.lower_ in STREET_SIDES for t in sides):
        return False
    over = any(c.dep_ == "prep" and c.lower_ == "over" for c in trigger.subtree)  # "over the budget"
    return over or (other is not None and other.ent_type_ == "PERSON")


def _contest(trigger: Token, lemma: str, obj: Token | None) -> "Verdict | None":
    """Fighting words with no arms in the sentence that name a race, a forecast beaten or a quarrel."""
    from .sense import Verdict

    if obj is not None and obj.lemma_.lower() in BENCHMARKS:
        return Verdict(False, reason=f"'{trigger.text} {obj.text}': outdoing a forecast or a record, not an attack")
    if obj is not None and obj.lower_ == "it" and any(c.dep_ == "prt" and c.lower_ == "out" for c in trigger.children):
        return Verdict(False, reason=f"'{trigger.text} it out': a contest to the end, not a clash")
    if lemma in QUARREL_VERBS and _rival_in_words(trigger):
        return Verdict(True, code="111", reason=f"'{trigger.text}' with no arms or harm in the sentence: a "
                                                "quarrel in words (111)")
    return None


def _causes(trigger: Token, actor: Token | None) -> list[Token]:
    """What a harm is said to come from: its subject ("the crash killed"), the noun a relative clause hangs on
    ("two disasters, which killed"), the coder's actor, or the object of "by/in/during" ("died in a fire")."""
    causes = [actor] if actor is not None else []
    causes += [c for c in trigger.children if c.dep_ in ("nsubj", "agent")]
    causes += [x for c in trigger.children if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "in", "during")
               for x in c.children if x.dep_ == "pobj"]
    if trigger.dep_ == "relcl":  # "the loss of the airliner, which killed 40": the noun and what it is of
        t = trigger.head
        for _ in range(4):
            causes.append(t)
            if t.dep_ not in ("pobj", "prep", "appos", "conj", "compound", "nummod") or t.head is t:
                break
            t = t.head
    return causes


def _imperative(trigger: Token) -> bool:
    """ "Allow me to explain", "Stop the bombing": a bare verb opening its clause, with no subject and no
    auxiliary, is a command someone gives in their words. (Not a headline's "to" infinitive: "Minister to
    visit Paris" has its subject.)"""
    if trigger.tag_ != "VB" or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl")
                                   for c in trigger.children):
        return False
    start, quoted = trigger.sent.start, False
    for t in reversed(trigger.doc[trigger.sent.start:trigger.i]):
        if t.text in OPENING_QUOTES:  # 'writing "Allow me to ...': a command opening the quoted words
            start, quoted = t.i + 1, True
            break
    if trigger.dep_ not in ("ROOT", "ccomp", "parataxis") and not (quoted and trigger.dep_ in ("xcomp", "conj")):
        return False
    before = [t for t in trigger.doc[start:trigger.i] if not t.is_punct]
    return not before or all(t.dep_ in ("intj", "discourse", "advmod", "cc", "punct") for t in before)


def _interview(trigger: Token) -> bool:
    """An interview is speaking to the press: "sat down with the network for an interview", "said in an
    interview with the paper"."""
    words = {t.lemma_.lower() for t in trigger.subtree} | {trigger.lemma_.lower()}
    return bool(words & INTERVIEW_WORDS)


def _a_kind(trigger: Token) -> str:
    """ "attacks such as the bombing", "attacks like the one in Madrid": an event noun named as a kind, with
    its instances given after "such as" or "like", is no act of its own (the instance may be)."""
    if trigger.pos_ != "NOUN":
        return ""
    for c in trigger.children:
        if c.dep_ == "prep" and c.lower_ == "like":
            return "like ..."
        if c.dep_ == "prep" and c.lower_ == "as" and any(x.lower_ == "such" for x in trigger.doc[c.i - 1:c.i]):
            return "such as ..."
    return ""


def _building_reached(trigger: Token) -> bool:
    """ "arrived at the school for the recording": a building reached is where one went, not whom one met."""
    for p in trigger.children:
        if p.dep_ == "prep" and p.lower_ == "at":
            for x in p.children:
                if x.dep_ == "pobj" and (x.ent_type_ == "FAC" or x.lower_ in BUILDING_WORDS or any(
                        t.lower_ in BUILDING_WORDS for t in x.subtree if t.i <= x.i)):
                    return True
    return False


def _prep_child(tok: Token, word: str) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == word for c in tok.children)


def _direct_object(trigger: Token) -> Token | None:
    return next((c for c in trigger.children if c.dep_ in ("dobj", "obj")), None)


def _idiom(trigger: Token, lemma: str, obj: Token | None) -> bool:
    if obj is None:
        return False
    return (lemma, obj.lemma_.lower()) in IDIOMS


def _protest(trigger: Token, lemma: str, obj: Token | None, politician: bool = False):
    from .sense import Verdict

    if lemma == "demonstration" and (_prep_child(trigger, "of") or trigger.head.lemma_.lower() in SEEING_VERBS):
        return Verdict(False, reason=f"'{trigger.text}' of something or to be seen: a display, not a protest")
    if lemma in ("demonstrate", "show") and (obj is not None or any(c.dep_ == "ccomp" for c in trigger.children)):
        what = obj.text if obj is not None else "that ..."
        return Verdict(False, reason=f"'{trigger.text} {what}': showing something, not a protest")
    if lemma not in ("rally", "march"):
        return None
    if lemma == "rally" and trigger.pos_ == "VERB" and obj is not None:
        return Verdict(False, reason=f"'{trigger.text} {obj.text}': gathering support, not a protest")
    words = {t.lower_ for t in trigger.sent} | {t.lemma_.lower() for t in trigger.sent}
    if "wall street" in trigger.sent.text.lower():
        words |= {"market"}
    market = _market_owner(trigger) or (words & MARKET_WORDS and not _held_by_people(trigger))
    if market and not words & PROTEST_WORDS:
        return Verdict(False, reason=f"'{trigger.text}' among prices and markets: a rise, not a protest")
    if trigger.pos_ == "NOUN" and not _protest_words_in(trigger) and (_campaign_word(trigger) or _a_persons_setting(trigger)):
        # the protest words are another act's ("railed against the judge at a rally in Ohio")
        return Verdict(False, reason=f"'{trigger.text}': a candidate's campaign event, not a protest")
    if words & PROTEST_WORDS:
        return None
    if any(c.dep_ in ("compound", "amod") and c.lower_ in CAMPAIGN_WORDS for c in trigger.children) or \
            _with_a_person(trigger) or _spoken_at(trigger) or _politician_before(trigger) or politician or \
            _held_by_one_person(trigger):
        return Verdict(False, reason=f"'{trigger.text}': a candidate's campaign event, not a protest")
    return None


# Verbs of handing over whose object may be information: "declined to give an estimate".
GIVING_VERBS = frozenset({"give", "provide", "offer", "release", "publish", "supply", "share", "put", "make"})


def gives_words(verb: Token) -> bool:
    """ "declined to give a figure", "refused to provide details", "would not put a number on it": what is
    held back is information, so declining it is a statement, not the refusal of a demand."""
    from .sense import noun_class

    return verb.lemma_.lower() in GIVING_VERBS and any(
        c.dep_ in ("dobj", "obj") and noun_class(c) == "words" for c in verb.children)


def _protest_words_in(noun: Token) -> bool:
    """ "a rally against the war", "a rally of striking workers": the rally's own phrase says it protests."""
    return any(t.lower_ in PROTEST_WORDS or t.lemma_.lower() in PROTEST_WORDS for t in noun.subtree)


def _campaign_word(noun: Token) -> bool:
    return any(c.dep_ in ("compound", "amod") and c.lower_ in CAMPAIGN_WORDS for c in noun.children)


def _a_persons_setting(noun: Token) -> bool:
    """ "the senator mocked her rival at a rally in Ohio", "he praised the troops during a rally": a rally
    that is where one person did something else is that person's platform, not a protest."""
    prep = noun.head if noun.dep_ == "pobj" else None
    if prep is None or prep.lower_ not in ("at", "during") or prep.head.pos_ not in ("VERB", "AUX"):
        return False
    subj = next((c for c in prep.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or any(c.dep_ == "conj" for c in subj.children):
        return False
    if subj.ent_type_ == "PERSON" or subj.lower_ in ("he", "she") or _known_person(subj):
        return True
    from ...ontology.actors import dateline_actors

    # the tagger may leave a well-known surname untyped, even as a common noun
    return subj.text[:1].isupper() and any(e.type == "PERSON" for e in dateline_actors().lookup(subj.text))


def _market_owner(trigger: Token) -> bool:
    """ "shares rallied", "the euro's rally", "the dollar's failure to extend its rally": a price or a market
    is the rally's subject or owner, on the word or on one of the few words it hangs from."""
    tok = trigger
    for _ in range(3):
        if any(c.dep_ in ("nsubj", "poss", "compound") and c.lemma_.lower() in MARKET_WORDS for c in tok.children):
            return True
        if tok.head is tok:
            break
        tok = tok.head
    return False


def _held_by_people(trigger: Token) -> bool:
    """ "truckers rallied over fuel prices", "the farmers' rally": someone other than a price holds it, so
    prices are its cause."""
    return any(c.dep_ in ("nsubj", "poss", "compound") and c.lemma_.lower() not in MARKET_WORDS and
               c.pos_ in ("NOUN", "PROPN", "PRON") for c in trigger.children)


def _politician_before(noun: Token) -> bool:
    """ "a Trump rally", "the Sanders rally": a rally named after a person our actor table knows is that
    person's own event (the tagger often reads the name as a body there)."""
    from ...ontology.actors import dateline_actors

    return noun.pos_ == "NOUN" and any(
        c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" and
        any(e.type == "PERSON" for e in dateline_actors().lookup(c.text)) for c in noun.children)


# Names of God: asking or thanking God is prayer, no act towards a political party.
DEITIES = frozenset({"god", "allah", "lord", "almighty", "heaven", "jesus"})
# Verbs of harming that take qualities as readily as things: "damaged the bridge", "damaged her standing".
HARMING_VERBS = frozenset({"damage", "harm", "hurt", "ruin", "wreck", "destroy", "undermine", "erode", "weaken"})


def _quality(obj: Token) -> bool:
    """ "damaged the standing of the party", "hurt its credibility": what is harmed is an idea or a quality,
    even where a party owns it."""
    from .sense import noun_class

    return noun_class(obj) == "idea"  # "seized the papers of the party" still seizes: papers are words


def _bought(trigger: Token, obj: Token | None, actor_sector: str | None) -> bool:
    """ "the airline ordered 30 jets", "the firm ordered an upgrade of its network": an order for goods or
    work is a purchase. An order that someone do something ("ordered troops to withdraw", "ordered that the
    camp be closed") or an order of an act ("ordered an inquiry") from a government body is a demand."""
    if obj is None or any(c.dep_ in ("xcomp", "ccomp") for c in trigger.children):
        return False
    from .sense import noun_class

    if noun_class(obj) in ("goods", "vehicle", "building"):
        return True
    return bool(actor_sector) and actor_sector[:3] in ("BUS", "MNC") and obj.ent_type_ not in ("PERSON", "ORG", "GPE")


def _held_by_one_person(noun: Token) -> bool:
    """ "the senator held a rally in Reno", "she will host a rally": one person holding a rally speaks at
    it; a protest is held by many ("students held a rally against the fees")."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in ("hold", "host", "stage", "headline", "address"):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or any(c.dep_ == "conj" for c in subj.children):
        return False
    if _known_person(subj):  # the tagger may read a surname ending in -s as a plural ("Sanders")
        return True
    if subj.tag_ in ("NNS", "NNPS"):
        return False
    # a lone proper name the tagger leaves untyped is most often a person's surname
    return subj.ent_type_ == "PERSON" or subj.lower_ in ("he", "she") or (subj.tag_ == "NNP" and not subj.ent_type_)


def _known_person(tok: Token) -> bool:
    """A capitalised word the article also writes as the last word of a person's name ("Ana Sanders")."""
    return tok.text[:1].isupper() and any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == tok.text
                                          for e in tok.doc.ents)


def _with_a_person(noun: Token) -> bool:
    """ "a rally with her running mate", "a rally for the senator": a rally held for or beside someone."""
    return any(c.dep_ == "prep" and c.lower_ in ("with", "for") and
               any(x.dep_ == "pobj" and x.ent_type_ == "PERSON" for x in c.children) for c in noun.children)


def _spoken_at(noun: Token) -> bool:
    """ "spoke at a rally", "introduced the candidate at rallies": the rally is a platform."""
    from .sense import counted

    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and counted(noun.head.head).i == noun.i:
        noun = noun.head.head  # "at a number of rallies": the rallies are where "at" points
    prep = noun.head if noun.dep_ == "pobj" else None
    if prep is None or prep.lower_ not in ("at", "during"):
        return False
    tok = prep.head  # "said the mayor was a failure at a rally": the saying, above the clause said
    for _ in range(4):
        if tok.lemma_.lower() in PLATFORM_VERBS:
            return True
        if tok.dep_ not in ("ccomp", "attr", "acomp", "xcomp", "conj") or tok.head is tok:
            return False
        tok = tok.head
    return False
