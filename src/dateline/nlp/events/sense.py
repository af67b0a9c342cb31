"""Is a trigger used in its event sense here? General tests on what the verb acts on and who acts.

Many event verbs have an everyday sense that is no event: "the senator attacked the plan" (criticism, not
violence), "she seized the moment", "the ministry released its figures" (a statement, not freeing
people), "he provided details", "the report warns that prices will rise" (a forecast, not a threat), "I
agreed" (an opinion, not a promise), "she asked whether..." (a question, not a demand). The tests here read
the kind of thing the verb acts on (``noun_class``: a person, a place, a building, a vehicle, goods,
words or an idea) and whether the sentence speaks of arms or casualties, and either let the event stand,
recode it (a verbal attack on a person is criticism, ACCUSE 111), or drop it with the reason.

What the coder reads from here: ``judge(draft_view) -> Verdict``; the tables are ``ontology/data/
noun_classes.tsv`` (common nouns by kind) and the word sets below.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Token

from ...ontology._text import read_tsv
from ..token_table import token_table
from .sense_giving import GIVE_ROOTS, judge_giving
from .sense_uses import gives_words, judge_use

ANIMATE_PRONOUNS = frozenset({"his", "their", "he", "him", "she", "her", "they", "them", "we", "us", "i", "me", "you", "who",
                             "whom", "himself", "herself", "themselves", "someone", "somebody", "anyone",
                             "everyone", "nobody"})
ENTITY_CLASSES = {"PERSON": "person", "NORP": "person", "ORG": "person", "GPE": "place", "LOC": "place",
                  "FAC": "building"}
# Suffixes of nouns that name doctrines and qualities: "racism", "weakness". (Not "-tion" or "-ment":
# "the administration", "the government" are actors.)
ABSTRACT_SUFFIXES = ("ism", "ness")
LITERAL_KINDS = frozenset({"person", "place", "building", "vehicle", "goods"})
INANIMATE = frozenset({"words", "idea", "goods", "vehicle", "building"})  # what cannot act, only be used

# Words that put arms or bodily harm in a sentence: with one, "fighting", "clashes" or an "attack" with no
# object named is violence; without one, it may be a debate, a campaign or a lawsuit.
VIOLENCE_CUES = frozenset({
    "kill", "killed", "killing", "dead", "death", "die", "died", "wound", "wounded", "injure", "injured",
    "injury", "casualty", "casualties", "bomb", "bombing", "bomber", "rocket", "missile", "mortar", "artillery",
    "shell", "shelling", "gun", "gunfire", "gunman", "gunmen", "rifle", "bullet", "shot", "shoot", "shooting",
    "grenade", "explosive", "explosion", "blast", "airstrike", "air", "troops", "soldier", "soldiers", "army",
    "militant", "militants", "rebel", "rebels", "insurgent", "insurgents", "fighter", "fighters", "militia",
    "tank", "tanks", "weapon", "weapons", "armed", "military", "police", "forces", "war", "knife", "stabbed",
    "hostage", "hostages", "militiamen", "warplane", "warplanes", "drone", "drones", "jet", "jets", "sniper",
    "battle", "battlefield", "frontline", "front", "offensive", "raid", "ambush", "terrorist", "terrorists",
})
# Sectors of armed actors: an attack by one of them needs no other cue.
ARMED_SECTORS = frozenset({"MIL", "REB", "COP", "SPY", "UAF", "INS", "SEP", "RAD"})
# Verbs of violence whose plain sense is always violence: no figure of speech needs them.
ALWAYS_VIOLENT = frozenset({"kill", "murder", "shoot", "stab", "behead", "massacre", "rape", "torture",
                            "kidnap", "abduct", "assassinate", "bomb", "shell", "bombard", "lynch", "wound",
                            "injure", "gun", "hijack", "explode", "detonate", "airstrike", "bombing", "shelling",
                            "massacre", "kidnapping", "abduction", "assassination", "explosion", "killing"})
# Violence nouns and verbs that are also everyday words for a contest or an argument: with no target named
# and no arms in the sentence they are not coded ("the party's in-fighting", "she kept fighting").
FIGURATIVE_PRONE = frozenset({"fight", "fighting", "battle", "attack", "strike", "war", "clash", "hit", "target",
                              "fire", "struggle", "combat", "assault", "infighting", "in-fighting", "offensive",
                              "blitz", "onslaught", "crusade", "storm", "beat", "defeat", "crush", "destroy"})
# Verbs of violence that are also everyday words for criticism: aimed at a person or body with no arms in
# the sentence, they are criticism ("the governor attacked her rival" is ACCUSE, not ASSAULT).
CRITICISM_SENSE = frozenset({"attack", "hit", "slam", "blast", "target", "strike", "assail", "bash", "fire",
                             "lash", "savage", "hammer", "batter", "pummel", "shoot", "assault", "attack"})
# Contests that are not fights: "beat her rival in the primary", "defeated the bill".
CONTEST_WORDS = frozenset({"election", "primary", "primaries", "vote", "poll", "polls", "race", "contest",
                           "ballot", "caucus", "caucuses", "match", "game", "final", "tournament", "league",
                           "cup", "championship", "season", "bill", "motion", "amendment", "referendum",
                           "nomination", "debate", "court", "lawsuit", "suit", "case", "trial", "appeal"})
# Those who demonstrate: violence they do in the street is a riot.
PROTESTER_NOUNS = frozenset({"protester", "protestor", "demonstrator", "rioter", "marcher", "picketer"})
# CAMEO codes whose verbs act on a physical target, and what they need it to be.
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
AGREEMENT_BREACH = ("196",)  # violating a ceasefire acts on an agreement, and is still the event
# Heads that only count or group what follows "of": "a number of websites", "dozens of villages".
COUNT_HEADS = frozenset({"number", "group", "dozen", "dozens", "score", "scores", "hundred", "hundreds", "thousand",
                         "thousands", "series", "lot", "lots", "couple", "handful", "host", "string", "wave", "spate",
                         "range", "variety", "majority", "some", "many", "most", "all", "several", "one", "two",
                         "three", "part", "rest", "half", "each", "none", "any", "both"})
SEIZE_CODES = ("171", "1711", "192")  # seize, confiscate, occupy: property, territory, people
DETAIN_CODES = ("173", "174", "181", "0841")  # arrest, deport, abduct, release: people
RELEASE_PEOPLE = "0841"  # releasing persons: a video, a report or a ship released is no release of people


@functools.cache
def noun_table() -> dict[str, str]:
    text = (resources.files("dateline.ontology") / "data" / "noun_classes.tsv").read_text(encoding="utf-8")
    return {row["noun"].lower(): row["class"] for row in read_tsv("noun_classes.tsv", text, required=("noun", "class"))}


def noun_class(tok: Token, agents=None) -> str:
    """person, place, building, vehicle, goods, words, idea, or unknown, for the head of a noun phrase."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    if tok.pos_ == "PRON" or low in ANIMATE_PRONOUNS:
        return "person" if low in ANIMATE_PRONOUNS else "unknown"
    if tok.ent_type_ in ENTITY_CLASSES:
        return ENTITY_CLASSES[tok.ent_type_]
    table = noun_table()
    agent = agents.get(low) or agents.get(lemma) if agents is not None else None
    if agent is not None and not (table.get(lemma) == "vehicle" and "MIL" not in agent.sector):
        # an agent noun first: "the court ruled", "the ministry said" speak of bodies; warships act for a
        # navy, but an airliner that flies somewhere is a craft (the agent list codes its passengers)
        return "person"
    for word in (lemma, low):
        if word in table:
            return table[word]
    if tok.pos_ == "PROPN":
        return "person"  # a name the tagger left untyped: most often a person or a body
    if tok.pos_ == "NUM":
        return "person"  # "killed 12", "freed three": a count stands for people
    if len(lemma) > 5 and lemma.endswith(ABSTRACT_SUFFIXES):
        return "idea"
    return "unknown"


@dataclass(frozen=True, slots=True)
class Verdict:
    keep: bool = True
    code: str = ""  # a new code when the sense changes the event ("attacked her rival" -> 111)
    reason: str = ""


KEEP = Verdict()


def violence_in(sent, *, skip: int = -1) -> Token | None:
    """The first word of the sentence, other than the trigger, that speaks of arms or bodily harm."""
    for t in sent:
        if t.i != skip and (t.lower_ in VIOLENCE_CUES or t.lemma_.lower() in VIOLENCE_CUES):
            return t
    return None


def judge(code: str, trigger: Token, target: Token | None, actor: Token | None, *, actor_sector: str | None,
          agents=None) -> Verdict:
    """Keep, recode or drop an event of ``code`` at ``trigger`` acting on ``target`` (the object or the
    recipient's head, None when the text names none), done by ``actor`` (its head, or None)."""
    if not code:
        return KEEP
    if trigger.dep_ == "compound" and trigger.head.pos_ in ("NOUN", "PROPN") and \
            noun_class(trigger.head, agents) in ("person", "words", "goods", "vehicle"):
        # "sentencing experts", "attack ads", "protest songs" (but "mediation efforts" is the mediation)
        return Verdict(False, reason=f"'{trigger.text} {trigger.head.text}': the event word only describes a noun")
    if _a_name_given(trigger):
        # "called the explosion an attack", "condemned the raid as a massacre": a name for an act told
        # elsewhere, and the one who gives it is no party to it
        return Verdict(False, reason=f"'{trigger.text}' is what '{trigger.head.text}' names something, not an act")
    if trigger.dep_ == "amod" and trigger.tag_ in ("VBN", "VBD", "VBG", "JJ"):
        # "a damaged cause", "the attacking side": a participle describing a noun tells no act
        return Verdict(False, reason=f"'{trigger.text} {trigger.head.text}': the event word only describes a noun")
    if _generic(trigger) or _generic_subject(trigger):
        return Verdict(False, reason=f"'{trigger.text}' says what someone of a kind does, not what happened")
    target = counted(target)
    kind = noun_class(target, agents) if target is not None else None
    lemma = trigger.lemma_.lower()
    cue = violence_in(trigger.sent, skip=trigger.i)  # read once: the everyday uses and the violence tests need it
    use = judge_use(code, trigger, lemma, target, kind, actor=actor, violence=cue, actor_sector=actor_sector,
                    armed=bool(actor_sector and actor_sector[:3] in ARMED_SECTORS))
    if use is not None:
        return use
    if code[:2] in ("18", "19") and actor is not None and (actor.lemma_.lower() in PROTESTER_NOUNS or
                                                          actor.lower_.removesuffix("s") in PROTESTER_NOUNS):
        # "protesters clashed with police", "rioters attacked a station": a demonstration turned violent is
        # a riot (CAMEO 145, PLOVER PROTEST riot), not armed combat
        return Verdict(True, code="145", reason=f"'{actor.text}' {trigger.text}: a violent protest, a riot")
    if code[:2] in VIOLENT_ROOTS:
        return _violence(code, trigger, lemma, target, kind, actor, actor_sector, agents, cue)
    if code.startswith("173") and lemma == "charge" and _priced(trigger):
        return Verdict(False, reason=f"'{trigger.text}' a price or a fee: charging money, not a legal charge")
    if code.startswith("112") and target is not None and (kind in ("words", "idea") or (
            kind == "unknown" and target.pos_ == "NOUN" and not target.ent_type_)):
        return Verdict(False, reason=f"'{trigger.text} {target.text}': blaming a thing or a circumstance, no party")
    if code.startswith("042") and target is not None and kind == "person" and target.pos_ == "NOUN" and \
            not target.ent_type_ and lemma in ("go", "come", "head", "turn"):
        return Verdict(False, reason=f"'{trigger.text} to {target.text}': going to people is no visit")
    if code.startswith(RELEASE_PEOPLE) and target is None:
        return Verdict(False, reason=f"'{trigger.text}' with no one named as released")
    if code.startswith(RELEASE_PEOPLE) and target is not None and kind not in ("person",):
        return Verdict(False, reason=f"'{trigger.text} ... {target.text}': releasing what is not people")
    if code.startswith(SEIZE_CODES + DETAIN_CODES) and kind in ("words", "idea"):
        return Verdict(False, reason=f"'{trigger.text} ... {target.text}': acting on {kind}, not on people, "
                                     "property or land")
    if code.startswith("0874") and cue is None:
        return Verdict(False, reason=f"'{trigger.text}' with no troops or arms in the sentence: not a military "
                                     "withdrawal")
    if code[:2] in GIVE_ROOTS:
        given = judge_giving(trigger, target, kind, actor_sector)
        if given is not None:
            return given
    if code[:3] == "141" and lemma in ("rally", "march") and _owned_by_person(trigger):
        return Verdict(False, reason=f"'{trigger.text}' held by one person: a campaign rally, not a protest")
    return KEEP


# Verbs that give something a name or a description: "called it an attack", "described the vote as a coup".
NAMING_VERBS = frozenset({"call", "term", "dub", "label", "brand", "deem", "name", "declare", "describe",
                          "characterize", "characterise", "portray", "regard", "view", "see", "condemn",
                          "denounce", "decry", "classify", "treat", "consider", "hail"})


def _a_name_given(trigger: Token) -> bool:
    """Is the event noun the name a verb of naming gives ("called it an attack": the object's complement) or
    the description after its "as" ("described the shooting as an assassination")?"""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    if trigger.dep_ == "oprd":
        return trigger.head.lemma_.lower() in NAMING_VERBS
    head = trigger.head
    return trigger.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in NAMING_VERBS


def _priced(trigger: Token) -> bool:
    """ "charged students $9,000", "charging them for parking": money, not a charge in law."""
    return any(t.ent_type_ == "MONEY" or t.lemma_.lower() in ("fee", "price", "rent", "tuition", "interest",
                                                             "fare", "toll", "rate", "premium", "commission", "cost",
                                                             "surcharge", "levy")
               for t in trigger.subtree if t.i != trigger.i)


def _owned_by_person(noun: Token) -> bool:
    """ "Trump's rally", "a Sanders rally", "her rally in Iowa": a politician's own event."""
    return any(c.dep_ in ("poss", "compound") and (c.ent_type_ == "PERSON" or c.lower_ in ANIMATE_PRONOUNS)
               for c in noun.children)


def _generic(trigger: Token) -> bool:
    """ "a husband who beats his wife", "anyone who attacks a nurse": a relative clause in the simple present
    on an indefinite noun or a bare plural describes a kind of person, not an act that took place."""
    if trigger.dep_ != "relcl" or trigger.tag_ not in ("VBZ", "VBP"):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in trigger.children):
        return False
    head = trigger.head
    det = next((c for c in head.children if c.dep_ == "det"), None)
    bare_plural = head.tag_ in ("NNS", "NNPS") and not any(c.dep_ in ("det", "poss", "nummod") for c in head.children)
    # "companies that back piracy", "rebels who attack convoys": a bare plural is the whole kind
    return bare_plural or head.lower_ in ("anyone", "anybody", "someone", "somebody", "everyone", "whoever",
                                          "those") or (det is not None and det.lower_ in ("a", "an", "any", "every", "each"))


def _generic_subject(trigger: Token) -> bool:
    """ "gunmen kill people in mass shootings", "farmers burn stubble": the simple present with a bare plural
    subject says what such people do. A headline's present tells a past act, so its first sentence is left."""
    text = token_table(trigger.doc).doc_text  # spaCy's doc.text joins a Token object per word on each call
    title_end = text.find("\n")
    if trigger.idx < (title_end if title_end >= 0 else len(text)):
        return False
    if trigger.tag_ == "VB" and trigger.head.lemma_.lower() in DIRECTIVE_VERBS | SUBJUNCTIVE_HEADS:
        return False  # "demanded that troops withdraw": a demand, read with its complement
    if trigger.tag_ not in ("VBP", "VB") or any(c.dep_ in ("aux", "auxpass", "neg")
                                                              for c in trigger.children):
        return False
    subj = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.tag_ in ("NNS", "NNPS") and not subj.ent_type_ and not any(
        c.dep_ in ("det", "poss", "nummod") for c in subj.children)


def _untensed(trigger: Token) -> bool:
    """ "has done little to fight smugglers", "help in battling pirates": an infinitive or a gerund after a
    preposition has no tense of its own, so it says what is aimed at, not what took place."""
    if trigger.tag_ == "VB":
        return any(c.dep_ == "aux" and c.tag_ == "TO" for c in trigger.children)
    return trigger.tag_ == "VBG" and trigger.dep_ == "pcomp" and \
        not any(c.dep_ in ("aux", "auxpass") for c in trigger.children)


def _a_whole_class(target: Token | None) -> bool:
    """A bare plural of people with nothing that picks some out: "smugglers", "armed groups" (not "the
    smugglers", "two smugglers", "Somali pirates", "pirates who seized the ship", "pirates on Tuesday")."""
    if target is None or target.tag_ != "NNS" or target.ent_type_:
        return False
    return not any(c.dep_ in ("det", "nummod", "poss", "relcl", "acl", "appos") or
                   (c.dep_ in ("compound", "amod") and (c.ent_type_ or c.pos_ == "PROPN")) or
                   c.ent_type_ in ("DATE", "TIME") for c in target.children)


SUBJUNCTIVE_HEADS = frozenset({"insist", "propose", "suggest", "recommend", "require", "ensure", "agree",
                               "stipulate", "decree", "rule", "vote", "move", "advise", "prefer"})
MEASURE_NOUNS = frozenset({"level", "scale", "extent", "size", "depth", "strength", "intensity", "amount", "degree",
                           "pace", "speed", "number", "range", "volume"})


def _abstract_agent(trigger: Token, agents) -> Token | None:
    """The head of a passive's "by" phrase when it names an idea or a state of things, not a party or a weapon."""
    for c in trigger.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and any(x.dep_ == "auxpass"
                                                                           for x in trigger.children)):
            pobj = counted(next((x for x in c.children if x.dep_ == "pobj"), None))
            if pobj is None or pobj.ent_type_ or noun_class(pobj, agents) in LITERAL_KINDS:
                continue
            # "the level of anger", "the scale of the losses": the measure of a state of things
            of = [x for p in pobj.children if p.dep_ == "prep" and p.lower_ == "of" for x in p.children
                  if x.dep_ == "pobj"]
            if pobj.lemma_.lower() in MEASURE_NOUNS or any(noun_class(n, agents) in ("idea", "words")
                                                           for n in (pobj, *of)):
                return pobj
    return None


def _place_in(trigger: Token) -> bool:
    """A named place hanging on the trigger by "in/at/near": "an attack in Kandahar", "fighting near Goma"."""
    return any(c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "outside", "inside") and
               any(x.dep_ == "pobj" and x.ent_type_ in ("GPE", "LOC", "FAC") for x in c.children)
               for c in trigger.children)


def counted(tok: Token | None) -> Token | None:
    """The noun a counting head stands for: "a number of websites" -> websites."""
    for _ in range(3):
        if tok is None or tok.lemma_.lower() not in COUNT_HEADS:
            return tok
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is None:
            return tok
        tok = pobj
    return tok


def _violence(code: str, trigger: Token, lemma: str, target: Token | None, kind: str | None, actor: Token | None,
              actor_sector: str | None, agents, cue: Token | None) -> Verdict:
    """``cue``: the sentence's first word of arms or harm other than the trigger (``violence_in``)."""
    sent = trigger.sent
    armed = bool(actor_sector and actor_sector[:3] in ARMED_SECTORS) or \
        (actor is not None and noun_class(actor, agents) == "person" and actor.lower_ in VIOLENCE_CUES)
    contest = next((t for t in sent if t.lemma_.lower() in CONTEST_WORDS and t.i != trigger.i), None)
    if kind in ("words", "idea") and not code.startswith(AGREEMENT_BREACH):
        return Verdict(False, reason=f"'{trigger.text} {target.text}': acting on {kind} is a figure of speech")
    by = _abstract_agent(trigger, agents)
    if by is not None and lemma in FIGURATIVE_PRONE | CRITICISM_SENSE:
        # "struck by the scale of the anger", "hit by falling prices": what strikes is no one's blow
        return Verdict(False, reason=f"'{trigger.text} by {by.text}': struck by a state of things, a figure of speech")
    if _untensed(trigger) and _a_whole_class(target) and not _place_in(trigger):
        return Verdict(False, reason=f"'{trigger.text} {target.text}': fighting a whole kind of people, with no "
                                     "tense, place or time of its own, is an aim or a policy, not a clash")
    if lemma in ALWAYS_VIOLENT:
        return KEEP
    if cue is None and not armed and lemma in CRITICISM_SENSE and kind == "person" and target is not None:
        # "attacked her rival in a debate": words aimed at a person, with no arms in the sentence
        return Verdict(True, code="111", reason=f"'{trigger.text} {target.text}' with no arms or harm in the "
                                                 "sentence: criticism, ACCUSE 111")
    if contest is not None and cue is None and not armed:
        return Verdict(False, reason=f"'{trigger.text}' in a contest ('{contest.text}'), not a fight")
    if cue is not None or armed:
        return KEEP
    if _place_in(trigger):
        return KEEP  # "the attack in Kandahar": where it happened says it happened
    if lemma in CRITICISM_SENSE and target is not None and kind not in ("building", "vehicle", "place", "goods"):
        # "the senator attacked her rival", "the plan was attacked by the opposition": words, not arms
        return Verdict(True, code="111", reason=f"'{trigger.text}' with no arms or harm in the sentence and no "
                                                 "physical target: criticism, ACCUSE 111")
    if target is not None or lemma not in FIGURATIVE_PRONE:
        return KEEP
    return Verdict(False, reason=f"'{trigger.text}' with no target, arms or harm in the sentence: not violence")


# -- verbs of agreeing, asking, refusing and threatening ---------------------------------------------------

# What one can agree to, offer or promise that is itself cooperation ("agreed a ceasefire", "offered aid").
COOPERATIVE_OBJECTS = frozenset({
    "deal", "agreement", "accord", "pact", "treaty", "plan", "proposal", "framework", "compromise", "settlement",
    "ceasefire", "cease-fire", "truce", "armistice", "talks", "negotiation", "dialogue", "meeting", "summit",
    "terms", "condition", "concession", "aid", "help", "assistance", "support", "loan", "money", "fund", "funding",
    "troop", "peacekeeper", "cooperation", "access", "protection", "asylum", "compensation", "exchange", "swap",
    "release", "withdrawal", "visit", "resolution", "package", "bailout", "guarantee", "mediation", "reform",
    "election", "referendum", "inspection", "investigation", "inquiry", "sanction", "embargo"})
# Things done with words when refused or turned away: refusing them is declining to comment or denying a
# charge, a statement and not a refusal of someone's request.
SPEECH_ACTS = frozenset({"comment", "answer", "say", "speak", "discuss", "elaborate", "speculate", "respond",
                         "confirm", "deny", "identify", "disclose", "reveal", "name", "specify", "explain",
                         "detail", "address", "reply", "testify"})
# Nouns of forceful action: "warned of retaliation" is a threat, "warned of a recession" a forecast.
THREAT_OBJECTS = frozenset({"retaliation", "consequence", "reprisal", "action", "measure", "response", "sanction",
                            "war", "attack", "strike", "force", "punishment", "revenge", "countermeasure",
                            "escalation", "step", "embargo", "boycott", "expulsion", "violence"})
FIRST_PERSON = frozenset({"we", "i", "us"})
# Verbs whose "that" clause is always what is asked for ("demanded that he resign"), however it is parsed.
DIRECTIVE_VERBS = frozenset({"demand", "urge", "request", "ask", "call", "order", "appeal", "press", "push",
                             "plead", "petition", "instruct", "direct", "command", "require"})
THREAT_MODALS = frozenset({"will", "would", "'ll", "’ll", "could", "may", "might", "shall", "can", "wo"})
QUESTION_WORDS = frozenset({"if", "whether", "what", "why", "how", "when", "where", "who", "which", "whom"})
# Modals of obligation used in "X says Y must do Z"; what follows them may also be a guess ("must have been").
# Verbs of speaking itself: "he needs to say", "you must speak up" oblige no one to act.
SAYING_LEMMAS = frozenset({"say", "tell", "speak", "talk", "comment", "state", "add", "mention", "explain",
                           "answer", "reply", "respond", "argue"})
EPISTEMIC_LEMMAS = frozenset({"be", "seem", "appear", "have", "know", "feel", "think", "believe"})
GENERIC_SUBJECTS = frozenset({"you", "we", "i", "one", "it", "there", "this", "that", "everyone", "anyone",
                              "someone", "everybody", "anybody", "somebody", "nobody", "people"})


def judge_family(family: str, trigger: Token, complement: Token | None, code: str, agents=None) -> Verdict:
    """A verb of agreeing, asking, refusing or threatening is an event only with what it is about: "agreed
    to withdraw", "urged talks", "refused the request", "threatened to strike". Alone ("she agreed", "he
    asked", "they refused") or about words ("asked whether", "refused to comment", "warned that prices may
    rise") it is an opinion, a question or a forecast."""
    coded_complement = complement is not None  # the action proposed or refused is itself a coded event
    complement = complement if complement is not None else _verbal_complement(trigger)
    question = _question(trigger) if family == "REQUEST" else None
    if question is not None:  # "asked whether he would attack": a question
        return Verdict(False, reason=f"'{trigger.text} {question.text}': a question, not a demand")
    if family == "REQUEST" and trigger.lemma_.lower() == "tell" and not any(
            c.dep_ == "xcomp" and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children) for c in trigger.children):
        return Verdict(False, reason=f"'{trigger.text}' with no 'to' of what to do: speech, not a directive")
    if family == "AGREE" and complement is not None and trigger.lemma_.lower() in OWN_PROPOSALS and \
            not coded_complement and not _addressed(trigger):
        # "ministers proposed scrapping the title": a step of their own put to no one, a policy idea
        return Verdict(False, reason=f"'{trigger.text} {complement.text}': a policy put to no one, not an offer")
    if complement is not None:
        if family == "REJECT" and complement.pos_ in ("VERB", "AUX") and (
                complement.lemma_.lower() in SPEECH_ACTS or gives_words(complement)):
            return Verdict(False, reason=f"'{trigger.text} to {complement.text}': declining to speak, a statement")
        if family == "REQUEST" and complement.dep_ == "ccomp" and trigger.lemma_.lower() not in DIRECTIVE_VERBS \
                and _asserted(complement):
            return Verdict(False, reason=f"'{trigger.text} that ... {complement.text}': an assertion, not a demand")
        return KEEP
    objs = _objects(trigger)
    words = {o.lemma_.lower() for o in objs}
    if family == "AGREE":
        if words & COOPERATIVE_OBJECTS or _goods_for_someone(trigger, objs):
            return KEEP
        return Verdict(False, reason=f"'{trigger.text}' with nothing agreed, offered or promised: an opinion")
    if family == "REQUEST":
        return _request(trigger, objs)
    if family == "REJECT":
        kinds = {noun_class(o) for o in objs}
        if objs and kinds <= {"words"}:
            return Verdict(False, reason=f"'{trigger.text}' of words (a claim or a charge): a denial, not a refusal")
        if not objs:
            return Verdict(False, reason=f"'{trigger.text}' with nothing refused named")
        return KEEP
    if family == "THREATEN":
        return _threat(trigger, objs, agents)
    return KEEP


# Verbs of offering whose goods, promised to someone, are an offer to provide them.
OFFER_VERBS = frozenset({"promise", "offer", "pledge", "guarantee"})
# What is offered in words or feeling, not provided: "offered his condolences", "promised an answer".
GIFTS_OF_WORDS = frozenset({"condolence", "sympathy", "apology", "thanks", "congratulation", "prayer", "praise",
                            "tribute", "regret", "greeting", "wish", "view", "thought", "answer", "reply",
                            "glimpse", "hint", "explanation", "comment", "word", "detail", "fight", "battle"})


def _goods_for_someone(trigger: Token, objs: list[Token]) -> bool:
    """ "Promised pensioners fuel vouchers", "students would be offered free travel": things promised to
    people are an offer to provide them, as a party's pledge to voters is; "offered no explanation" or
    "promised a fight" gives nothing."""
    if trigger.lemma_.lower() not in OFFER_VERBS:
        return False
    given = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
    whom = [c for c in trigger.children if c.dep_ in ("dative", "nsubjpass")] + \
        [x for c in trigger.children if c.dep_ == "prep" and c.lower_ == "to" for x in c.children if x.dep_ == "pobj"]
    if not given or not whom or not any(noun_class(w) == "person" for w in whom):
        return False
    return all(g.lemma_.lower() not in GIFTS_OF_WORDS and noun_class(g) not in ("words", "idea", "person")
               and not any(d.lower_ in ("no", "nothing") for d in g.children) for g in given)


# Verbs of putting forward an idea: an offer only when the idea is an act toward someone or is put to someone.
OWN_PROPOSALS = frozenset({"propose", "suggest", "recommend"})


def _addressed(trigger: Token) -> bool:
    """Is the proposal put to someone: "proposed to the unions", "offered them"."""
    return any(c.dep_ == "dative" or c.dep_ == "prep" and c.lower_ == "to" and
               any(x.dep_ == "pobj" for x in c.children) for c in trigger.children)


def _verbal_complement(trigger: Token) -> Token | None:
    """The action a family verb governs even when it codes no event of its own: "agreed to resign",
    "refused to comply", "rejected holding talks", "committed to opening markets"."""
    for c in trigger.children:
        if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"):
            return c
        if c.dep_ == "prep" and c.lower_ in ("to", "on"):
            got = next((x for x in c.children if x.dep_ == "pcomp" and x.tag_ == "VBG"), None)
            if got is not None:
                return got
    from .triggers import for_to_clause

    return for_to_clause(trigger)  # "called for the minister to resign"


def _objects(trigger: Token) -> list[Token]:
    """Direct objects and the objects of "to/on/upon/for/of/with" under the trigger (not its subject)."""
    out = []
    for c in trigger.children:
        if c.dep_ in ("dobj", "obj", "dative"):
            out.append(c)
        elif c.dep_ in ("prep", "prt") and c.lower_ in ("to", "on", "upon", "for", "of", "with", "against"):
            out += [x for x in c.children if x.dep_ == "pobj"]
    return out


def _question(trigger: Token) -> Token | None:
    """The clause of a question the verb governs: "asked whether ...", "asked what ..."."""
    return next((c for c in trigger.children if c.dep_ in ("ccomp", "advcl") and any(
        x.lower_ in QUESTION_WORDS and x.dep_ in ("mark", "advmod", "nsubj", "dobj", "attr") and
        not (c.dep_ == "advcl" and x.lower_ in ("if", "when")) for x in c.children)), None)  # "..., if ...": a condition


def _request(trigger: Token, objs: list[Token]) -> Verdict:
    lemma = trigger.lemma_.lower()
    for c in trigger.children:
        if c.dep_ == "ccomp":
            if lemma not in DIRECTIVE_VERBS and _asserted(c):  # "insisted his concerns had been met": a claim
                return Verdict(False, reason=f"'{trigger.text} that ... {c.text}': an assertion, not a demand")
            return KEEP  # "demanded that the army withdraw", "urged that talks should resume"
    if lemma == "plead" and any(c.lower_ in ("guilty", "innocent", "not") for c in trigger.children):
        return Verdict(False, reason=f"'{trigger.text}' guilty or not: a plea in court, not a request")
    if lemma in ("ask", "insist", "plead", "press", "push", "appeal"):
        # "asked tough questions" is questioning, not asking for something
        objs = [counted(o) for o in objs]  # "asked a series of questions": questions
        things = [o for o in objs if noun_class(o) not in ("person", "words") or o.lower_ in COOPERATIVE_OBJECTS]
        if not things:
            return Verdict(False, reason=f"'{trigger.text}' with nothing asked for: a question or an assertion")
    if not objs:
        return Verdict(False, reason=f"'{trigger.text}' with nothing asked for")
    return KEEP


def _asserted(clause: Token) -> bool:
    """A finite clause with no modal of obligation states a fact ("said the troops had left") rather than
    asks for one ("demanded that the troops leave", "said they should leave")."""
    aux = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("should", "must", "would", "ought", "shall", "to") for a in aux):
        return False
    if clause.tag_ == "VB" and not aux:
        return False  # the subjunctive: "demanded that he resign"
    return clause.tag_ in ("VBD", "VBZ", "VBP", "VBN") or any(a.lemma_ in ("have", "be") for a in aux)


# Sectors that carry out what a government or an armed group threatens: "police will act", "troops will".
ENFORCING_SECTORS = ARMED_SECTORS | {"GOV", "JUD"}


def _forces(subj: Token, agents) -> bool:
    """Is the clause's subject an armed force ("troops", "the army")?"""
    entry = agents.get(subj.lower_) or agents.get(subj.lemma_) if agents is not None else None
    return entry is not None and bool(entry.sector) and entry.sector[:3] in ARMED_SECTORS


def _own_side(subj: Token, trigger: Token, agents) -> bool:
    """Is the noun subject of a warning's clause the warner's own side? Forces and officials act for whoever
    warns ("the minister warned that police will not tolerate ..."); others only for their own kind ("the
    union warned that workers will strike", but not "the minister warned that firms could be hurt")."""
    if agents is None:
        return False
    entry = agents.get(subj.lower_) or agents.get(subj.lemma_)
    if entry is None or not entry.sector:
        return False
    if entry.sector[:3] in ENFORCING_SECTORS:
        return True
    warner = next((s for s in trigger.children if s.dep_ == "nsubj"), None)
    mine = (agents.get(warner.lower_) or agents.get(warner.lemma_)) if warner is not None else None
    return mine is not None and mine.sector[:3] == entry.sector[:3]


def _threat(trigger: Token, objs: list[Token], agents=None) -> Verdict:
    for c in trigger.children:
        if c.dep_ == "xcomp":
            return KEEP  # "warned them not to cross the line"
        if c.dep_ == "ccomp":
            subj = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")), None)
            # the warner's own side carries out the threat: "we", "it", the warner again, or its forces
            # ("the minister warned that police will not tolerate ...")
            own = subj is not None and (subj.lower_ in FIRST_PERSON or subj.lower_ == "it" or
                                        any(s.lower_ == subj.lower_ for s in trigger.children if s.dep_ == "nsubj")
                                        or (subj.pos_ == "NOUN" and _own_side(subj, trigger, agents)))
            conditional = any(x.dep_ == "mark" and x.lower_ in ("if", "unless") for x in c.subtree)
            future = any(x.dep_ == "aux" and x.lower_ in THREAT_MODALS for x in c.children) or \
                any(x.lower_ == "going" for x in c.children)
            if own and (conditional or future):
                return KEEP
            if conditional and subj is not None and _forces(subj, agents):
                return KEEP  # "warned that if the talks fail, troops will move": force is threatened
            if conditional:  # "warned that if bars open late, police would have to ...": a forecast
                return Verdict(False, reason=f"'{trigger.text} that if ...' of what others will do: a forecast")
            if own:  # "the firm warned that it was short of cash": news about itself, not a threat
                return Verdict(False, reason=f"'{trigger.text} that {c.text}' with nothing it will do: not a threat")
            return Verdict(False, reason=f"'{trigger.text} that ...' about what others will do: a forecast")
    if any(o.lemma_.lower() in THREAT_OBJECTS for o in objs):
        return KEEP
    preps = [o for o in objs if o.head.lower_ in ("of", "about")]
    if preps:
        return Verdict(False, reason=f"'{trigger.text} of {preps[0].text}': a forecast, not a threat")
    if not objs:  # "prices will rise, the bank warned" (the parse may join the clause as a conjunct)
        return Verdict(False, reason=f"'{trigger.text}' with no one warned and nothing threatened: a statement")
    return KEEP
