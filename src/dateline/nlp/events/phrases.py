"""Phrase structure for actor arguments: the words of a noun phrase, its coordinated parts, counting and
pairing nouns ("scores of refugees", "the two leaders"). Read by :mod:`.actors`."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span as TokSpan
from spacy.tokens import Token

from ...model import ActorRef

PAIR_NOUNS = frozenset({"leader", "side", "country", "nation", "government", "state", "party", "neighbor",
                        "neighbour", "foe", "rival", "adversary", "ally", "capital"})
# phrases after the head that still belong to an actor: "the government of Gondor", "officials in Fornost"
ATTACHED_PREPS = frozenset({"of", "in", "from"})
# nouns whose "for" phrase names whom they speak or act for: "a spokesman for the party"
SPEAKS_FOR = frozenset({"spokesman", "spokeswoman", "spokesperson", "lawyer", "attorney", "counsel", "solicitor",
                        "barrister", "representative", "agent"})


# -- phrase structure -------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Part:
    head: Token
    span: TokSpan


def split_coordination(head: Token, agents=None, is_trigger=None) -> list[Part]:
    """ "the United States and Jordan" -> two parts; "Hungarian and Romanian officials" -> two parts
    sharing the head noun (each with one of the modifiers); "the ambassadors of Arnor, Osgiliath and
    Gondor", "lawmakers and officials in Fornost and Gondor" -> one part per agent and place."""
    heads = [head] + [c for c in _conjuncts(head) if c.pos_ in ("PROPN", "PRON") or (
        c.pos_ == "NOUN" and (_actor_like(c, agents) or not (is_trigger and is_trigger(c))))]
    shared = None
    for h in heads:
        if h.pos_ == "NOUN" and _actor_like(h, agents):
            shared = shared or _places_after(h)
    parts: list[Part] = []
    for h in heads:
        places = _places_after(h) or (shared if h.pos_ == "NOUN" and _actor_like(h, agents) else None)
        if places and len(places[1]) > 1 or (places and not _places_after(h)):
            prep, objs = places
            left = min([h.i] + [c.left_edge.i for c in h.children if c.i < h.i and c.dep_ not in
                                ("cc", "conj", "punct", "prep", "relcl", "acl", "advcl", "appos")])
            for o in objs:
                o_left = min([o.i] + [c.left_edge.i for c in o.children if c.i < o.i and c.dep_ in
                                      ("compound", "amod", "det", "poss")])
                idx = list(range(left, h.i + 1)) + [prep.i] + list(range(o_left, o.i + 1))
                parts.append(Part(h, _Sparse(h.doc, idx)))  # type: ignore[arg-type]
            continue
        span = np_span(h, head_of_coordination=(h.i == head.i and len(heads) > 1), agents=agents)
        mods = [c for c in h.children if c.dep_ in ("amod", "compound") and c.i < h.i]
        split = None
        for m in mods:
            conj = [c for c in _conjuncts(m) if c.i < h.i]
            if conj and (m.ent_type_ in ("NORP", "GPE") or any(c.ent_type_ in ("NORP", "GPE") for c in conj)):
                split = [m, *conj]
                break
        if split:
            for m in split:
                left = m.left_edge.i if m.i == split[0].i else m.i
                sub = h.doc[left:m.i + 1]
                parts.append(Part(h, _with_head(sub, h)))
        else:
            parts.append(Part(h, span))
    return parts


def _alternatives(a: ActorRef) -> list[ActorRef]:
    """A dictionary code listing alternatives ("FRO/BIL/SAM") stands for each of them."""
    if not a.code or "/" not in a.code:
        return [a]
    out = []
    for code in a.code.split("/"):
        out.append(replace(a, country=code[:3], code=code, coding=f"{a.coding}; one of the alternatives {a.code}"))
    return out


def _attached(h: Token, prep: Token) -> bool:
    """Does the prepositional phrase say whose the person or body is? "officials in Fornost", and "a
    spokesman for the party" (not "an envoy for Syria", who is not Syria's)."""
    return prep.lower_ in ATTACHED_PREPS or (prep.lower_ == "for" and h.lemma_.lower() in SPEAKS_FOR)


def _places_after(h: Token) -> tuple[Token, list[Token]] | None:
    """The "of/in/from" phrase after an agent noun and its coordinated objects."""
    for c in h.children:
        if c.i > h.i and c.dep_ == "prep" and _attached(h, c):
            pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
            if pobj is not None and (pobj.pos_ == "PROPN" or pobj.ent_type_ in ("GPE", "NORP", "ORG")):
                objs = [pobj] + [x for x in _conjuncts(pobj) if x.pos_ == "PROPN" or x.ent_type_]
                return c, objs
    return None


def _actor_like(noun: Token, agents=None) -> bool:
    """A coordinated common noun is another actor only when it names people or a body
    ("and officials", not "and the Singapore summit")."""
    if agents is None:
        from ...ontology.agents import default_agents

        agents = default_agents()
    if agents.get(noun.text) is not None or agents.get(noun.lemma_) is not None:
        return True
    words = [c.text for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i] + [noun.text]
    return agents.entry_for(" ".join(words)) is not None


def _with_head(mod_span: TokSpan, head: Token) -> TokSpan:
    """A modifier span joined with the words from the last modifier to the head: "Romanian officials"."""
    doc = head.doc
    # keep the modifier's own tokens and the head's tokens after the coordinated modifiers
    tail_start = max(c.i for c in head.children if c.dep_ in ("amod", "compound") and c.i < head.i) + 1
    tokens = list(range(mod_span.start, mod_span.end)) + list(range(tail_start, head.i + 1))
    return _Sparse(doc, tokens)  # type: ignore[return-value]


class _Sparse:
    """A non-contiguous token list that behaves enough like a Span for the resolver."""

    def __init__(self, doc, indices: list[int]) -> None:
        self.doc = doc
        self._idx = indices

    def __iter__(self):
        return (self.doc[i] for i in self._idx)

    def __len__(self) -> int:
        return len(self._idx)

    def __getitem__(self, k):
        return self.doc[self._idx[k]]

    def __reversed__(self):
        return (self.doc[i] for i in reversed(self._idx))

    @property
    def start_char(self) -> int:
        return self.doc[self._idx[0]].idx

    @property
    def end_char(self) -> int:
        t = self.doc[self._idx[-1]]
        return t.idx + len(t.text)

    @property
    def text(self) -> str:
        return " ".join(self.doc[i].text for i in self._idx)


def _conjuncts(tok: Token) -> list[Token]:
    """The phrases coordinated with ``tok``; also those the parse hangs on a name set right after it
    ("the shipping firm Sepahan and the research centre": the centre is the firm's conjunct)."""
    named = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.left_edge.i == tok.i + 1]
    out, stack = [], [c for c in [tok, *named] for c in c.children if c.dep_ == "conj"]
    while stack:
        c = stack.pop(0)
        out.append(c)
        stack.extend(x for x in c.children if x.dep_ == "conj")
    return out


def np_span(head: Token, *, head_of_coordination: bool = False, agents=None) -> TokSpan:
    """The words of the noun phrase an actor is read from: modifiers, possessors, and an attached
    "of/in/from" phrase for agent nouns ("the government of Gondor", "lawmakers in Fornost")."""
    doc = head.doc
    left = head.i
    for c in head.children:
        if c.i < head.i and c.dep_ not in ("cc", "conj", "punct", "prep", "relcl", "acl", "advcl", "appos"):
            left = min(left, c.left_edge.i)
    right = head.i
    for c in head.children:
        if c.i > head.i and c.dep_ in ("compound", "flat", "nmod") and not head_of_coordination:
            right = max(right, c.right_edge.i)
        elif c.i > head.i and c.dep_ == "prep" and c.lower_ == "of" and head.pos_ == "PROPN" and head.is_title:
            pobj = [x for x in c.children if x.dep_ == "pobj"]
            if pobj and pobj[0].pos_ == "PROPN":  # "the Prince of Dol Amroth", "the Ministry of Magic"
                right = max(right, pobj[0].i)
        elif c.i > head.i and c.dep_ == "prep" and _attached(head, c) and head.pos_ == "NOUN" and \
                _actor_like(head, agents):
            pobj = [x for x in c.children if x.dep_ == "pobj"]
            if pobj and (pobj[0].pos_ == "PROPN" or pobj[0].ent_type_ in ("GPE", "NORP", "ORG")):
                right = max(right, pobj[0].i if head_of_coordination else pobj[0].right_edge.i)
                for x in pobj[0].children:  # not past a coordination
                    if x.dep_ in ("cc", "conj") and x.i <= right:
                        right = max(pobj[0].i, min(right, x.i - 1))
    # a name the parse cut ("South | Korean troops") is taken whole
    start = head.sent.start
    while left > start and doc[left].ent_iob_ == "I":
        left -= 1
    dash = dateline_end(head)
    if dash >= 0 and head.i > dash:
        left = max(left, dash + 1)  # "ROME - Bernie Sanders": the dateline is no part of the name
    return doc[left:right + 1]


# -- the phrase as a reader marks it ----------------------------------------------------------------

# a phrase after the head that sets the time or the circumstances of the clause, not which one is meant
CLAUSE_PREPS = frozenset({"during", "since", "after", "before", "until", "till", "amid", "amidst", "despite",
                          "following", "ahead", "because", "due", "like", "than", "per", "via", "including"})
# what follows the head and still tells which one is meant: "the embassy in Rome", "Ana Ruiz, the mayor",
# "the Relief Fund (RF)", "rebels loyal to the general"
RESTRICTING = frozenset({"prep", "appos", "compound", "flat", "nmod", "nummod", "amod", "acl"})
# clauses inside a phrase end it: "farmers who stormed the court", "said the rebels would talk"
CLAUSES = frozenset({"relcl", "advcl", "ccomp", "parataxis", "mark", "aux", "auxpass", "nsubj", "nsubjpass",
                     "csubj", "expl", "dep"})
# where a named person is is where the clause happens: "met the envoy Ana Ruiz in Dale"
LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "on"})
TIMES = frozenset({"DATE", "TIME"})
PLACES = frozenset({"GPE", "LOC", "FAC"})
PAIRING = frozenset({"both", "either", "neither"})  # of a coordination, not of its first part


def whole_phrase(part: Part) -> TokSpan:
    """The argument's noun phrase as a reader would mark it: the words the actor is read from
    (``np_span``) and, after the head, what restricts it: prepositional phrases ("the government of
    Gondor", "positions in the hills and the valley", "hundreds of herders"), a participle phrase
    ("rebels backed by Arnor", "a convoy carrying aid"), an apposition ("Ana Ruiz, the mayor") and a
    short name in brackets. A relative clause, an infinitive, the head's own coordinated phrases, a time
    or a circumstance of the clause ("on Monday", "after the vote"), a place after a person's name, and
    all that follows one of them, are left out. A description in apposition that the parse took as the
    argument is marked with its name ("Ana Ruiz, the mayor"); a phrase with gaps ("Hungarian ...
    officials") keeps its own words."""
    doc = part.head.doc
    toks = list(part.span)
    first, last = toks[0].i, toks[-1].i
    h = part.head
    dash = dateline_end(h)
    if 0 <= h.i < dash:
        return part.span  # a dateline is no phrase: its actor is read after the dash
    if isinstance(part.span, _Sparse):
        det = first - 1
        if det >= 0 and doc[det].head.i == h.i and doc[det].dep_ in ("det", "predet"):
            first = det  # "the" of "the Hungarian and Romanian officials" goes with the first part
        return doc[first:last + 1]
    last = _run_on_subject(h, max(last, _extent(h, top=True)))
    if h.dep_ == "appos" and h.head.pos_ in ("PROPN", "NOUN") and dash < h.head.i < h.i and \
            not any(c.dep_ == "conj" for c in h.head.children):  # not "Arnor and Gondor, the allies"
        h = h.head
        first = min(first, np_span(h).start)
        last = max(last, _extent(h, top=True))
    while first < h.i and (doc[first].ent_type_ in TIMES or doc[first].dep_ == "preconj" or
                           doc[first].lower_ in PAIRING and any(c.dep_ == "conj" for c in h.children)):
        first += 1  # a date the parse gave the phrase is the clause's; "both" goes with "and"
    while last > first and (doc[last].is_punct and doc[last].text not in (")", "]") or doc[last].dep_ == "cc"):
        last -= 1
    words = doc[first:last + 1]
    if sum(t.text == "(" for t in words) > sum(t.text == ")" for t in words) and last + 1 < len(doc) \
            and doc[last + 1].text == ")":
        last += 1
    return doc[first:last + 1]


def _run_on_subject(h: Token, last: int) -> int:
    """The parse may cut one subject into several ("The rebel | Free Syrian Army threatened", "Prime
    Minister | Ana | - | Ruiz said"): subjects of one verb that follow each other with nothing between
    them are one phrase."""
    if h.dep_ not in ("nsubj", "nsubjpass"):
        return last
    for c in sorted((c for c in h.head.children if c.dep_ == h.dep_ and c.i > h.i), key=lambda c: c.i):
        if c.left_edge.i != last + 1:
            break
        last = max(c.i, _extent(c, top=True))
    return last


def _extent(tok: Token, *, top: bool = False, own: bool = False) -> int:
    """The last word the phrase of ``tok`` keeps of its dependents on the right (``whole_phrase``).
    ``top``: ``tok`` heads the argument; ``own``: ``tok`` stands for the argument itself (its head, an
    apposition to it, what a counting noun counts), so that its coordination joins other parties
    ("dozens of herders and the Rohan farmers" are two) and ends the phrase."""
    last = tok.i
    own = own or top
    person = top and tok.ent_type_ == "PERSON"
    for c in sorted((c for c in tok.children if c.i > tok.i), key=lambda c: c.i):
        if c.is_punct:
            continue  # a comma or a bracket belongs to the phrase only when what it opens does
        if own and c.dep_ in ("cc", "conj", "preconj") or not _keeps(c, top=top):
            break
        if person and (c.dep_ == "prep" and c.lower_ in LOCATIVE or c.dep_ == "acl" and c.nbor(-1).text != ","):
            break  # "met Ana Ruiz in Dale", "Ana Ruiz called the envoy": the clause's, not the name's
        if c.dep_ == "prep" and c.nbor(-1).text == ",":
            break  # set off by a comma, it is the clause's: "met Ana Ruiz, the mayor, in Dale"
        if top and c.dep_ == "appos" and tok.ent_type_ in PLACES and c.left_edge.nbor(-1).text == ",":
            break  # a place's name says which it is: "a truce in Dale, a port on the coast" marks Dale
        if c.dep_ == "appos" and c.left_edge.nbor(-1).text == "," and _comments(c):
            break  # "killed ten guards at the depot, an attack that ...": a remark on the clause, no party
        person = person or top and c.dep_ == "appos" and c.ent_type_ == "PERSON"
        same = own and (c.dep_ == "appos" or tok.dep_ == "prep" and c.dep_ == "pobj" or
                        c.dep_ == "prep" and c.lower_ == "of" and _partitive_of(tok) is not None)
        end = _extent(c, own=same)
        if c.dep_ == "acl" and end == c.i:
            break  # a bare participle restricts nothing: "the offer proposed on Monday"
        last = max(last, end)
    return last


def _comments(appos: Token) -> bool:
    """Does an apposition set off by a comma name an act, a thing or an idea ("an attack that shocked
    the town", "a pooled fund run by the agency"), not people, a body or a place? Such a phrase remarks
    on the clause or the thing; it does not say which party is meant."""
    from ...ontology.agents import default_agents
    from .parties import is_party_noun
    from .sense import noun_class

    if appos.pos_ != "NOUN" or appos.ent_type_:
        return False
    return noun_class(appos) not in ("person", "place", "building", "vehicle") and \
        not is_party_noun(appos, default_agents())


def _keeps(c: Token, *, top: bool) -> bool:
    """Does a dependent on the right still tell which one is meant?"""
    if c.dep_ in CLAUSES or c.ent_type_ in TIMES and c.dep_ in ("npadvmod", "pobj", "appos", "nmod"):
        return False
    if c.dep_ == "acl":  # a participle, not an infinitive: "troops stationed in the north"
        return c.tag_ in ("VBN", "VBG") and not any(x.dep_ in CLAUSES for x in c.children)
    if c.dep_ == "prep":
        pobj = [x for x in c.children if x.dep_ in ("pobj", "pcomp")]
        if pobj and all(x.tag_ == "VBG" for x in pobj):
            return False  # "accused the firm of hiding losses": a gerund after a party is the charge, not which one
        if c.lower_ == "of" and _after_charging_verb(c) and pobj and all(
                not x.is_title and not x.ent_type_ and (x.lower_.endswith("ing") or not any(
                    d.dep_ in ("det", "poss") for d in x.children)) for x in pobj):
            # "accused the minister of lying", "suspected the clerk of fraud": a bare noun or a gerund the
            # tagger read as a noun is the charge ("the leader of the opposition" keeps its "of")
            return False
        return bool(pobj) and c.lower_ not in CLAUSE_PREPS and not any(x.ent_type_ in TIMES for x in pobj)
    return c.dep_ in RESTRICTING or not top


def _after_charging_verb(prep: Token) -> bool:
    """Does the phrase the preposition hangs on belong to the object of "accuse", "suspect" ...?"""
    t = prep.head
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX"):
            return t.lemma_.lower() in CHARGING_VERBS
        if t.head.i == t.i:
            return False
        t = t.head
    return False


CHARGING_VERBS = frozenset({"accuse", "suspect", "convict", "acquit", "clear"})  # "... X of doing": the charge
DATELINE_DASHES = frozenset({"-", "—", "–", "--"})
DATELINE_MAX = 14  # words before the dash: "WASHINGTON, D.C., March 3 (Reuters) -"


def dateline_end(tok: Token) -> int:
    """The index of the dash that closes a dateline at the start of the token's sentence ("OSLO, May 4 -",
    "ROME -", "LONDON (Agency) -"), or -1. A dateline is a place in capitals, then only a date, commas
    and an agency's name in brackets before the dash."""
    sent = tok.sent
    words = [t for t in sent[:DATELINE_MAX + 1] if not t.is_space]
    if not words or not (words[0].is_upper and words[0].is_alpha and len(words[0]) > 1):
        return -1
    depth = 0
    for t in words[1:]:
        if t.text in DATELINE_DASHES:
            spaced = bool(t.whitespace_) and bool(t.doc[t.i - 1].whitespace_)  # not "US-China"
            return t.i if spaced else -1
        depth += (t.text == "(") - (t.text == ")")
        fits = t.is_punct or t.is_upper or t.like_num or t.ent_type_ in ("DATE", "TIME") or (depth > 0 and t.is_title)
        if not fits:
            return -1
    return -1


PARTITIVES = frozenset({"score", "hundred", "thousand", "dozen", "million", "ten", "group", "number", "member",
                        "part", "some", "many", "most", "all", "majority", "minority", "handful", "several", "few",
                        "one", "two", "three", "dozens", "scores", "hundreds", "thousands", "millions", "members",
                        "band", "crowd", "batch", "patch", "team", "contingent", "unit", "delegation", "rest",
                        "deployment", "convoy", "column", "wave", "squad"})


def _partitive_of(h: Token) -> Token | None:
    """The noun after "of" when the head only counts or groups it."""
    if h.lemma_.lower() not in PARTITIVES and h.lower_ not in PARTITIVES and h.pos_ != "NUM":
        return None
    for c in h.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _is_the_country(part: Part) -> bool:
    h = part.head
    words = [t.lower_ for t in part.span]
    return h.lemma_.lower() in ("country", "nation") and h.tag_ == "NN" and words[:1] == ["the"] and len(words) == 2


def _is_pair(part: Part) -> bool:
    h = part.head
    if h.lemma_.lower() not in PAIR_NOUNS or h.tag_ not in ("NNS", "NNPS"):
        return False
    words = {t.lower_ for t in part.span}
    return bool(words & {"two", "both"})


def _agent_phrase(span, head: Token) -> str:
    """The words of the phrase up to its head, without determiners, possessors or names."""
    words = []
    for t in span:
        if t.i > head.i:
            break
        if t.dep_ in ("det", "poss", "case") or t.ent_type_ in ("GPE", "NORP", "PERSON") or t.pos_ == "PROPN":
            words = []
            continue
        if t.is_punct:
            continue
        words.append(t.text)
    return " ".join(words)
