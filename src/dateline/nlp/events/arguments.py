"""Who does what to whom on the dependency parse: the actor and recipient tokens of a trigger."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import RELATIVE_PRONOUNS as RELATIVE
from .lexicon import LIGHT_VERBS
from .phrases import _partitive_of
from .triggers import objects, prep_objects

OBJECT_CONTROL = frozenset({"urge", "ask", "order", "force", "persuade", "allow", "permit", "call", "press",
                            "tell", "invite", "encourage", "pressure", "compel", "require", "help", "instruct"})
# Nouns whose "to" infinitive is done by whoever has them: "the council's decision to expel", "made a bid to
# buy". (Not "an order to leave", "a call to resign": those are done by the one ordered or called on.)
INTENT_NOUNS = frozenset({"decision", "plan", "move", "bid", "attempt", "effort", "promise", "pledge", "vow",
                          "threat", "refusal", "choice", "offer", "intention", "determination", "commitment",
                          "resolve", "readiness", "willingness", "failure", "efforts", "plans", "attempts"})
DEFAULT_RECIPIENT = ("dobj", "dative", "with", "to", "against", "on")
CLAUSAL = ("ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "pcomp")


def is_passive(verb: Token) -> bool:
    """A passive with no agent but a "to" phrase is a state ("is opposed to", "is committed to"), unless the
    participle is one of the acts done to someone that name where they end up ("was sentenced to ten years",
    "was deported to Chad")."""
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return True
    return verb.lemma_.lower() in PASSIVE_ACTS_TO or not any(c.dep_ == "prep" and c.lower_ == "to"
                                                            for c in verb.children)


# Acts done to someone whose "to" phrase says where the person ends up, not a state the subject is in.
PASSIVE_ACTS_TO = frozenset({"sentence", "condemn", "deport", "extradite", "transfer", "hand", "send", "return",
                             "repatriate", "expel", "banish", "exile", "take", "move", "bring", "admit"})


# Verbs of sending someone out of a country: with no "by" phrase, the country they are sent from did it
# ("two inspectors were expelled from Chad": Chad expelled them).
EXPEL_VERBS = frozenset({"expel", "deport", "banish", "extradite", "evict"})


def agent_of(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            pobj = [x for x in c.children if x.dep_ == "pobj"]
            if pobj:
                return pobj[0]
    if verb.lemma_.lower() in EXPEL_VERBS:
        return next((t for t in prep_objects(verb, "from") if t.ent_type_ in ("GPE", "ORG", "NORP")), None)
    for c in verb.children:  # "was booed and jeered by the crowd": the last "by" serves both verbs
        if c.dep_ == "conj" and c.tag_ in ("VBN", "VBD") and any(x.dep_ == "agent" for x in c.children):
            return agent_of(c)
    if any(c.dep_ == "auxpass" for c in verb.children):
        # the parser often hangs a passive's "by" phrase on the object before it: in "voters were promised
        # lower fares by the party", "by the party" is the promiser, not a kind of fare
        for o in verb.children:
            if o.dep_ in ("dobj", "obj"):
                for c in o.children:
                    if c.dep_ == "prep" and c.lower_ == "by":
                        got = next((x for x in c.children if x.dep_ == "pobj"), None)
                        if got is not None and _someone(got):
                            return got
    return None


def _judged_for(verb: Token) -> Token | None:
    """Whom a verb of judging or rewarding judges, where its "for" phrase names what they did: "blamed the
    mayor for closing the bridge", "were fined for dumping waste", "angry at the league for moving the
    final". A thing as the object ("used the grant for buying books") leaves the deed to the subject."""
    for c in verb.children:
        if c.dep_ in ("nsubjpass", "dobj", "obj") and _someone(c):
            return c
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("at", "with"):
            got = next((x for x in c.children if x.dep_ == "pobj"), None)
            if got is not None and _someone(got):
                return got
    return None


def _someone(tok: Token) -> bool:
    """A person, a body, a country or a town, by its entity type, its pronoun or its noun ("the coastguard",
    "the neighbouring state")."""
    if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if tok.pos_ == "PRON":
        return tok.lower_ in ("him", "her", "them", "us", "me", "you")
    from ...ontology.agents import default_agents
    from .parties import is_party_noun
    from .sense import noun_class

    return is_party_noun(tok, default_agents()) or noun_class(tok) in ("person", "place", "unknown")


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The doer of a verb (or of a predicate adjective), climbing through control and coordination."""
    if depth > 6:
        return None
    for c in verb.children:
        if c.dep_ in ("nsubj", "expl") and c.lower_ not in RELATIVE and c.dep_ != "expl":
            return c
        if c.dep_ == "nsubjpass" and not is_passive(verb):
            return c
    if is_passive(verb):
        return agent_of(verb)
    for c in verb.children:
        if c.dep_ == "nsubj" and c.lower_ in RELATIVE:
            return _noun_of_relative(verb)
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ in ("acomp",) or (verb.pos_ == "ADJ" and verb.dep_ != "amod"):
        return subject_of(head, depth + 1)
    if verb.dep_ == "xcomp":
        if head.lemma_.lower() in OBJECT_CONTROL:
            obj = next((c for c in head.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None:
                return obj
        if is_passive(head):  # "is said to have met": the passive subject does the meeting
            return next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        return subject_of(head, depth + 1)
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX", "ADJ"):
        if verb.tag_ == "VBP" and head.tag_ == "VBZ":
            return None  # "it is a fine town, and thank you": a plural or first-person verb has its own doer
        return subject_of(head, depth + 1)
    if verb.dep_ in ("advcl", "pcomp") and verb.tag_ in ("VBG", "VBN"):  # "..., killing 20 people"
        if head.pos_ == "ADP" and head.lower_ == "for":
            judged = _judged_for(head.head)
            if judged is not None:  # "thanked the nurses for staying": the nurses stayed
                return judged
        if head.pos_ == "ADP":  # "guilty of violating": through the preposition to what it hangs on
            head = head.head
        return subject_of(head, depth + 1)
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):  # "a man held by police", "demand to sever"
        if verb.tag_ == "VBN":
            return agent_of(verb)  # the noun is the one acted on; the doer is the "by" phrase, if any
        if verb.tag_ == "VBG" and head.dep_ in ("dobj", "obj") and head.head.pos_ == "VERB":
            return subject_of(head.head, depth + 1)  # "issued a declaration demanding": the issuer
        if verb.tag_ == "VB" and head.lemma_.lower() in INTENT_NOUNS and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            owner = next((c for c in head.children if c.dep_ == "poss"), None)  # "the council's decision to expel"
            if owner is not None:
                return owner
            if head.dep_ in ("dobj", "obj") and head.head.pos_ in ("VERB", "AUX"):
                return subject_of(head.head, depth + 1)  # "the council took the decision to expel": the council
        return None
    if verb.dep_ == "relcl":
        return _noun_of_relative(verb)
    return None


# Nouns of violence named after where they happened: "the Madrid bombing", "the Kabul attack".
PLACE_NAMED_ATTACKS = frozenset({"attack", "attacks", "bombing", "bombings", "blast", "explosion", "shooting",
                                 "massacre", "raid", "siege", "ambush", "shelling", "killings", "riot", "riots"})


def _town_before(mod: Token, noun: Token) -> bool:
    """A town or a region named before an event noun says where it was, not who did it ("a Texas shooting",
    "the Madrid bombing" where the capital is the city, not the government); a country or a people may be
    the doer ("a US strike", "an Israeli raid"), and a capital elsewhere may speak for its government ("a
    Moscow proposal")."""
    from ...ontology.countries import default_countries

    if mod.ent_type_ != "GPE":
        return False
    found = default_countries().find(mod.text)
    return found is None or found[1] == "capital" and noun.lower_ in PLACE_NAMED_ATTACKS


def _noun_of_relative(verb: Token) -> Token | None:
    return verb.head if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON") else None


def passive_recipient(verb: Token) -> Token | None:
    """The passive's subject; a passive verb coordinated after another with no subject of its own
    shares that verb's ("the men were held and later freed by police": the men were freed)."""
    own = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if own is not None or verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX") or \
            any(c.dep_ in ("nsubj", "csubj", "expl") for c in verb.children):
        return own
    return next((c for c in verb.head.children if c.dep_ in ("nsubjpass", "nsubj")), None)


def _passive_partner(verb: Token) -> bool:
    """A verb joined to a passive that the parser read as active because the "by" phrase hangs on it: in
    "was booed and shouted down by the crowd", the one shouted down is the one booed."""
    return verb.dep_ == "conj" and is_passive(verb.head) and any(c.dep_ == "agent" for c in verb.children) \
        and not any(c.dep_ in ("dobj", "obj", "nsubj") for c in verb.children)


def recipient_slots(trigger: Token, slots: tuple[str, ...], *, pos: str, exclude: set[int]) -> list[tuple[str, Token]]:
    """Candidate recipient tokens in slot order, each with the slot it came from."""
    out: list[tuple[str, Token]] = []
    for slot in slots or DEFAULT_RECIPIENT:
        for tok in _slot(trigger, slot, pos):
            # a pattern's "any object" is the receiver in "provided Egypt with aid" (``_given_with``); an
            # object the pattern names that is people or a place ("expelled the diplomats", "banned the party",
            # "hit rebel positions") is the one acted on, where the pattern lists the object among its slots
            free = tok.i not in exclude or slot == "dative" and tok.dep_ in ("dobj", "obj") and tok.head.i == trigger.i \
                or slot == "dobj" and tok.head.i == trigger.i and _aimed_at(tok)
            if free and (tok.pos_ in ("PROPN", "NOUN", "PRON", "NUM", "X") or tok.ent_type_):
                if _deed_or_thing(tok):
                    # "condemned the killing of villagers by the militia": whoever did a deed, not whom it was
                    # done to, is the one its judge aims at; the deed itself stays a candidate after them
                    out += [(f"{slot}, who did the '{tok.text}'", o) for o in doers(tok) if o.i not in exclude]
                out.append((slot, tok))
    return out


def _deed_or_thing(tok: Token) -> bool:
    """A common noun that names no party ("the killing", "the plan"), whose "by" phrase is its doer; a
    party's "by" phrase is most often where it stands ("the guards by the gate")."""
    from ...ontology.agents import default_agents
    from .sense import noun_class

    return tok.pos_ == "NOUN" and not tok.ent_type_ and noun_class(tok, default_agents()) != "person"


def doers(tok: Token) -> list[Token]:
    """Who did a deed, by its "by" phrase: "the killing of villagers by the militia", "the threats made by
    the council"."""
    return _by_phrase(tok) + [x for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN" for x in _by_phrase(c)]


def _by_phrase(tok: Token) -> list[Token]:
    return [x for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
            for x in c.children if x.dep_ == "pobj"]


def _aimed_at(tok: Token) -> bool:
    """Can an object be what an act is aimed at: people or a body (a name, "the diplomats", "the party"),
    or a place, a building or a vehicle ("hit rebel positions", "shelled the base"), not a thing or an idea?"""
    from ...ontology.agents import default_agents
    from .parties import is_party_noun
    from .sense import noun_class

    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or tok.pos_ == "PROPN":
        return True
    if tok.pos_ != "NOUN" or tok.ent_type_ in NOT_PARTIES:
        return False
    return is_party_noun(tok, default_agents()) or noun_class(tok) in ("person", "place", "building", "vehicle")


def _slot(trigger: Token, slot: str, pos: str) -> list[Token]:
    if slot == "dobj":
        if pos == "verb" and (is_passive(trigger) or _passive_partner(trigger)):
            p = passive_recipient(trigger)
            return [p] if p is not None else []
        return [o for o in objects(trigger) if o.dep_ in ("dobj", "obj", "attr")]
    if slot == "dative":
        d = [c for c in trigger.children if c.dep_ == "dative" and c.pos_ != "ADP"]
        return d or _given_with(trigger, pos)
    if slot == "poss":
        if pos == "noun":
            return [c for c in trigger.children if c.dep_ == "poss"]
        objs = [o for o in objects(trigger) if o.dep_ in ("dobj", "obj")]
        return [c for o in objs for c in o.children if c.dep_ == "poss"] + \
            [x for o in objs for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
             for x in p.children if x.dep_ == "pobj"]
    if slot == "subj":
        s = subject_of(trigger)
        return [s] if s is not None else []
    if slot == "label":  # "called Trump a liar" parsed with the name inside the label's phrase
        labels = [c for c in trigger.children if c.dep_ in ("oprd", "attr", "npadvmod")]
        return [x for lab in labels for x in lab.children if x.dep_ in ("nmod", "compound", "poss")
                and x.pos_ in ("PROPN", "PRON")]
    # "lifted on Tuesday a ban imposed on X": a time is never whom an act is aimed at
    direct = [t for t in prep_objects(trigger, slot) if t.ent_type_ not in ("DATE", "TIME")]
    return direct or _head_noun_preps(trigger, slot, pos) or _participle_preps(trigger, slot, pos) or \
        _light_verb_preps(trigger, slot, pos) or _targeting(trigger, slot, pos)


def _targeting(trigger: Token, slot: str, pos: str) -> list[Token]:
    """ "carried out a raid, targeting militant leaders", "struck at dawn, aiming at the depot": a
    participle of aiming after the act names what it is aimed at, where the act's own phrases do not."""
    if slot not in ("against", "on", "at", "dobj"):
        return []
    heads = [trigger] + ([trigger.head] if pos == "noun" and trigger.dep_ in ("dobj", "obj") else [])
    out: list[Token] = []
    for h in heads:
        for c in h.children:
            if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG" and c.i > trigger.i and c.lemma_.lower() in ("target", "aim"):
                out += [x for x in c.children if x.dep_ in ("dobj", "obj")] + prep_objects(c, "at")
    return out


def _light_verb_preps(trigger: Token, slot: str, pos: str) -> list[Token]:
    """ "launched cyber warfare against X", "waged a campaign against X": a noun trigger that is the
    object of a verb that only brings it about may have its phrase hung on that verb by the parse; a
    phrase of what it aims at ("against", "on", "with", "to") is the noun's. "of", "by", "in" and the
    like say whose it is or where, and stay with what they hang on."""
    if pos != "noun" or slot not in ("against", "on", "with", "to", "toward", "towards", "into") or \
            trigger.dep_ not in ("dobj", "obj") or trigger.head.lemma_.lower() not in LIGHT_VERBS:
        return []
    return [t for t in prep_objects(trigger.head, slot) if t.ent_type_ not in ("DATE", "TIME") and t.i > trigger.i]


def _participle_preps(trigger: Token, slot: str, pos: str) -> list[Token]:
    """ "lifted a ban imposed on X", "a blockade placed on X": a participle after the trigger's object (or
    after a noun trigger) that carries the slot's preposition names whom the thing is aimed at."""
    if slot in ("of", "by", "from", "in", "at"):
        return []
    nouns = [trigger] if pos == "noun" else [o for o in objects(trigger) if o.dep_ in ("dobj", "obj")]
    return [x for n in nouns for c in n.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i > n.i
            for x in prep_objects(c, slot)]


def _given_with(trigger: Token, pos: str) -> list[Token]:
    """ "provided Egypt with aid", "supplied the army with tanks": a verb of giving whose "with" phrase
    names what is given has the receiver as its object, where the indirect object would stand in
    "gave Egypt aid"."""
    from ...ontology.agents import default_agents
    from .parties import is_party_noun

    if pos != "verb" or is_passive(trigger) or not any(
            c.dep_ == "prep" and c.lower_ == "with" and any(x.dep_ in ("pobj", "pcomp") for x in c.children)
            for t in (trigger, *objects(trigger)) for c in t.children):
        return []
    # the parse may hang "with" on the object: then only a party is a receiver ("aid with conditions" is not)
    return [o for o in objects(trigger) if o.dep_ in ("dobj", "obj") and (
        o.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") or o.pos_ == "PROPN" or is_party_noun(o, default_agents()))]


def _head_noun_preps(trigger: Token, slot: str, pos: str) -> list[Token]:
    """A noun trigger that modifies another noun ("a mediation effort between A and B", "peace talks
    with X") has its prepositional phrases on the noun it modifies."""
    if pos != "noun" or trigger.dep_ != "compound" or trigger.head.pos_ != "NOUN" or slot in ("of", "by"):
        return []
    return prep_objects(trigger.head, slot)


def noun_actor(noun: Token, recipient_slots_: tuple[str, ...], *, verbal: bool = False,
               meeting: bool = False) -> tuple[list[Token], str]:
    """Who does what an event noun names: "his visit", "the visit of Kim", "an attack by rebels",
    "Israeli invasion", "talks between A and B", for what is said "an apology from the ministry"; else
    the subject of a verb that brings the noun about ("held talks", "launched an attack"), never of one
    that only speaks of it ("condemned the attack", "tried to quell the attacks"). A meeting "with" someone
    is the clause's subject's own ("arrived ahead of talks with the president")."""
    for c in noun.children:
        if c.dep_ == "poss":
            return [c], "possessor"
    by = prep_objects(noun, "by")
    if by:
        return [by[0]], "'by' phrase"
    if verbal:
        source = prep_objects(noun, "from")
        if source and source[0].pos_ in ("PROPN", "NOUN", "PRON"):
            return [source[0]], "'from' phrase"
    between = prep_objects(noun, "between") if meeting or "between" not in recipient_slots_ else []
    if between:  # "talks between A and B"; a mediation's "between" names the sides it goes between
        return [between[0]], "'between' phrase"
    mods = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i
            and c.ent_type_ in ("NORP", "GPE", "PERSON", "ORG") and not _town_before(c, noun)]
    if mods:
        return [mods[0]], "modifier"
    if "of" not in recipient_slots_:
        of = prep_objects(noun, "of")
        if of and (of[0].ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or of[0].pos_ == "PROPN"):
            return [of[0]], "'of' phrase"
    blamed = _blamed_for(noun)
    if blamed is not None:
        return [blamed], f"the one '{noun.head.head.text}' holds to account for it"
    verb = governing_verb(noun)
    for _ in range(3):  # climb past verbs with no subject of their own ("yet to be confirmed")
        if verb is None or _is_subject_chain(noun, verb):
            break
        if verb.lemma_.lower() not in LIGHT_VERBS and verb.pos_ != "AUX" and not _takes_part(noun, verb) and \
                not (meeting and prep_objects(noun, "with")):
            break  # "condemned the attack": who condemns did not attack
        s = subject_of(verb)
        if s is not None and s.i != noun.i:
            return [s], f"subject of '{verb.text}'"
        verb = governing_verb(verb)
    return [], ""


BLAME_VERBS = frozenset({"blame", "accuse", "charge", "convict", "arrest", "sentence", "punish", "indict",
                         "detain", "jail", "prosecute", "try", "fine", "sanction"})


def _blamed_for(noun: Token) -> Token | None:
    """ "blamed the rebels for the bombing", "arrested two men over the attack": the object of a verb of
    blaming or punishing is who did what the noun names (alleged; the status says so)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("for", "of", "over", "in") or prep.head.lemma_.lower() not in BLAME_VERBS:
        return None
    return next((c for c in prep.head.children if c.dep_ in ("dobj", "nsubjpass")), None)


PARTICIPATION_VERBS = frozenset({"converge", "gather", "assemble", "participate", "flock", "come", "go", "travel",
                                 "head", "arrive", "return", "fly", "turn", "march"})


def _takes_part(noun: Token, verb: Token) -> bool:
    """ "gathered for a rally", "flew to the talks", "took part in the strike": the subject is in the event
    (not "came under attack", where the subject is its target); "claimed responsibility for the bombing": the
    one who claims it did it."""
    head = noun.head.head if noun.dep_ == "pobj" else None
    if head is not None and head.lemma_.lower() in ("responsibility", "credit") and head.head.i == verb.i:
        return True
    if verb.lemma_.lower() not in PARTICIPATION_VERBS and not (verb.lemma_.lower() == "take" and
                                                              any(c.lower_ == "part" for c in verb.children)):
        return False
    return noun.dep_ == "pobj" and noun.head.lower_ in ("for", "to", "in", "at", "into")


def _is_subject_chain(noun: Token, verb: Token) -> bool:
    t = noun
    while t.i != verb.i and t.head.i != t.i:
        if t.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return True
        t = t.head
    return False


def governing_verb(tok: Token) -> Token | None:
    """The nearest verb (or predicate) above a token."""
    t = tok
    for _ in range(8):
        if t.head.i == t.i:
            return t if t.pos_ in ("VERB", "AUX") and t.i != tok.i else None
        t = t.head
        if t.pos_ in ("VERB", "AUX") or (t.pos_ == "ADJ" and t.dep_ in ("ROOT", "acomp", "ccomp", "xcomp")):
            return t
    return None


def clause_root(tok: Token) -> Token:
    """The head of the clause a token is in (the token itself when it heads a clause)."""
    t = tok
    for _ in range(12):
        if t.dep_ in CLAUSAL or t.dep_ == "ROOT" or t.head.i == t.i:
            if t.pos_ in ("VERB", "AUX", "ADJ") or t.head.i == t.i:
                return t
        t = t.head
    return t


def complement_tokens(trigger: Token) -> list[Token]:
    """What a verb of agreeing/asking/refusing/threatening governs: the action it is about."""
    out = [c for c in trigger.children if c.dep_ in ("xcomp", "ccomp")]
    out += [c for c in trigger.children if c.dep_ in ("dobj", "obj", "attr")]
    for name in ("to", "for", "on", "upon", "of", "with"):
        out += prep_objects(trigger, name)
    out += [c for c in trigger.children if c.dep_ in ("acl", "advcl") and c.i > trigger.i]
    # "ready to sit with": the infinitive hangs off the adjective
    for o in list(out):
        if o.pos_ in ("NOUN", "PROPN"):
            out += [c for c in o.children if c.dep_ in ("acl", "relcl") and c.i > o.i and c.tag_ == "VB"]
    return out


# Prepositions whose object may be the party an act is aimed at, in the order they are tried; a phrase
# that says where something happened ("in Kabul", "at the embassy") is not one of them.
PARTY_PREPS = ("to", "against", "on", "with", "from", "into", "toward", "towards", "of", "over", "for", "at", "in")
WHERE_PREPS = frozenset({"in", "near", "outside", "inside", "across", "throughout", "around", "within"})
NOT_PARTIES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "EVENT",
                         "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT"})
STOP_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "parataxis", "csubj", "nsubj", "nsubjpass",
                       "agent", "appos"})


def _somewhere(t: Token, agents=None) -> bool:
    """ "at the market", "at Heathrow": a site, not the people fired at ("at the police")."""
    from .sense import noun_class

    if t.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    if t.ent_type_ in ("PERSON", "ORG", "NORP"):
        return False
    return noun_class(t, agents) in ("place", "building") or t.pos_ == "PROPN"


def _scene(t: Token, agents=None) -> bool:
    """Is a word the object of a phrase that says where an act happened ("in the province of Idlib", "at
    the market near the port")? Its own phrases are part of the place. An event or an idea after "in"
    is no place, and may name a party ("in support of the rebels", "in a blow to the army")."""
    if t.dep_ != "pobj" or t.head.lower_ not in WHERE_PREPS and t.head.lower_ != "at":
        return False
    return _somewhere(t, agents)


def dependents(trigger: Token, exclude: set[int], agents=None) -> list[tuple[str, Token]]:
    """Parties among the trigger's own dependents, when its pattern's slots name none: its objects and
    the objects of its prepositions, and of its object's ("imposed a ban on imports from Iran"), inside
    its own clause. A time, a place where it happened and the source of a report ("according to the
    agency") are never a party; nor is a thing or an idea."""
    from .sense import noun_class

    out: list[tuple[str, Token]] = []
    stack = [c for c in trigger.children if c.dep_ not in STOP_DEPS]
    while stack:
        t = stack.pop(0)
        if t.dep_ in STOP_DEPS or t.dep_ == "conj" and t.pos_ in ("VERB", "AUX"):
            continue  # "hit the posts and destroyed them": a verb coordinated with it has its own objects
        if _scene(t, agents):
            continue  # "struck a depot in the province of Idlib": nothing inside where it happened is a party
        stack.extend(c for c in t.children if c.dep_ not in STOP_DEPS)
        if t.i in exclude:
            continue  # the trigger's own object is no party, but what hangs on it may be ("investigations against X")
        if t.ent_type_ in NOT_PARTIES and _partitive_of(t) is None or not (t.dep_ in ("dobj", "dative") or
                                               (t.dep_ == "pobj" and t.head.lower_ in PARTY_PREPS)):
            continue
        prep = t.head if t.dep_ == "pobj" else None
        if prep is not None and (prep.lower_ == "to" and prep.head.lower_ == "according" or
                                 prep.lower_ in WHERE_PREPS or prep.lower_ == "at" and _somewhere(t, agents)):
            continue  # where it happened ("in Lyon", "at the market"), or who reported it
        counted = _partitive_of(t) or t  # "hundreds of banks", "some of the peacekeepers": what is counted
        if noun_class(counted, agents) not in ("person", "place") and \
                t.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE") and counted.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE"):
            continue
        out.append(("a party the trigger governs", t))
    out.sort(key=lambda x: (PARTY_PREPS.index(x[1].head.lower_) if x[1].dep_ == "pobj" else -1, x[1].i))
    return out


# Channels one speaks through: "on his blog", "on its website" is where something was said, not to whom.
MEDIUM_NOUNS = frozenset({"blog", "website", "site", "page", "account", "feed", "channel", "show", "programme",
                          "program", "podcast", "column", "newsletter", "broadcast", "interview", "timeline"})
CONVERSATION_NOUNS = frozenset({"interview", "conversation", "call", "talk", "talks", "meeting", "exchange"})
# Verbs whose to-infinitive has the verb's own subject as its doer ("offered to help X"): the act is aimed
# at whom the infinitive acts on.
# ("agreed to share information on X" is no act on X: an agreement's other side is a "with" phrase.)
SUBJECT_CONTROL = frozenset({"offer", "promise", "pledge", "vow", "threaten"})
# Verbs of sending and giving: their object is what is sent ("offered to send troops"), not whom it is for.
TRANSFER_VERBS = frozenset({"send", "deploy", "give", "provide", "supply", "dispatch", "deliver", "lend", "sell",
                            "ship", "donate", "grant", "contribute", "transfer", "hand"})


def is_setting(tok: Token, trigger: Token) -> bool:
    """Is a candidate recipient only the scene of the act? A prepositional phrase fronted before the
    clause's subject (a channel, an occasion, a document; not a country or region) sets the scene ("On
    his blog, the minister called for ...", "Writing in a newspaper, she urged ..."): in an English
    statement the verb's own arguments follow it. A channel of one's own ("on his blog", "on its
    website") is where it was said, wherever it stands."""
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ in ("on", "in", "via", "through") and tok.lemma_.lower() in MEDIUM_NOUNS and \
            any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
        return True
    if trigger.pos_ not in ("VERB", "AUX") or prep.i > trigger.i:
        return False
    if tok.ent_type_ in ("GPE", "LOC"):
        return False  # "In Colombia, rebels declared a truce": where it happened, which may stand for its side
    if prep.lower_ == "with" and prep.head.lemma_.lower() in CONVERSATION_NOUNS:
        return False  # "In an interview with the paper, he refused ...": the one spoken to is addressed
    subj = subject_of(trigger)
    if subj is None or not prep.i < subj.i < trigger.i:
        return False
    t = prep  # the phrase must hang on the trigger itself, through words that all stand before the subject
    for _ in range(8):
        if t.head.i == trigger.i:
            return True
        if t.head.i == t.i or t.head.i > subj.i:
            return False
        t = t.head
    return False


def infinitive_parties(trigger: Token, exclude: set[int], agents=None) -> list[tuple[str, Token]]:
    """ "offered to help Israel", "threatened to punish the rebels", "pledged to support Kyiv": who the
    promised or threatened action is aimed at is who the offer or threat is aimed at."""
    if trigger.lemma_.lower() not in SUBJECT_CONTROL:
        return []
    out: list[tuple[str, Token]] = []
    for xc in trigger.children:
        if xc.dep_ == "xcomp" and xc.pos_ == "VERB":
            out += [(f"whom '{xc.text}' acts on", t) for _, t in dependents(xc, exclude | {xc.i}, agents)
                    if not (t.dep_ == "dobj" and xc.lemma_.lower() in TRANSFER_VERBS)]
            # "help Israel reach a deal", "make Apple build": the one helped or made to act
            out += [(f"whom '{xc.text}' acts on", t) for c in xc.children if c.dep_ in ("ccomp", "xcomp")
                    for t in c.children if t.dep_ == "nsubj" and t.i not in exclude and
                    (t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or t.pos_ == "PROPN")]
    return out
