"""Finding triggers in a parsed sentence and the dictionary pattern each one fits.

Two kinds of pattern share one matcher: Dateline's dependency patterns (particle, preposition, object
and complement conditions read off the parse) and PETRARCH's linear patterns (words before and after
the verb, with gaps allowed except where words are joined).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span as TokSpan
from spacy.tokens import Token

from ...ontology.verbs import PatternWord, VerbLexicon, VerbPattern
from ..words import WordTest
from .lexicon import LIGHT_VERBS

OBJ_DEPS = ("dobj", "obj", "attr", "oprd", "nsubjpass")
NOT_TRIGGERS = frozenset({"DATE", "TIME", "PERSON", "GPE", "LOC", "ORG", "NORP", "FAC", "MONEY", "CARDINAL",
                          "ORDINAL", "QUANTITY", "PERCENT", "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT"})
NOUN_MOD_DEPS = ("compound", "amod", "nmod", "npadvmod", "poss")


@dataclass(slots=True)
class Match:
    token: Token  # the trigger's head word
    pattern: VerbPattern
    pos: str
    words: list[Token] = field(default_factory=list)  # the trigger's words: head, particle, joined object
    obj: Token | None = None  # the object that met the pattern's object condition
    markers: dict[str, Token] = field(default_factory=dict)  # linear patterns: "+" target, "$" source
    compound: bool = False  # a linear pattern with "%" matched a coordinated actor
    surface: bool = False  # found by its surface form, not only its lemma
    names_event: bool = False  # a light verb whose object is the event noun ("launched an attack")

    @property
    def span(self) -> tuple[int, int]:
        if self.names_event and self.obj is not None:
            # "launched a series of attacks", "an inquiry was opened": the noun names the event, the verb
            # only brings it about, so the noun is the word a reader is shown
            return self.obj.idx, self.obj.idx + len(self.obj.text)
        toks = sorted([self.token, *self.words], key=lambda t: t.i)
        first, last = toks[0], toks[-1]
        # the trigger span is contiguous: the head and its particle when adjacent, else the head alone
        if last.i - first.i > 3:
            first = last = self.token
        return first.idx, last.idx + len(last.text)


def pos_of(tok: Token) -> str | None:
    tag = tok.tag_
    if tag.startswith("VB") or tok.pos_ == "VERB":
        return "verb"
    if tag.startswith("NN") or tok.pos_ in ("NOUN", "PROPN"):
        return "noun"
    if tag.startswith("JJ") or tok.pos_ == "ADJ":
        return "adj"
    return None


_starts: dict[int, tuple[VerbLexicon, WordTest]] = {}


def _starters(lexicon: VerbLexicon) -> WordTest:
    """The words a pattern of this lexicon can start on, tested once per distinct word."""
    got = _starts.get(id(lexicon))
    if got is None or got[0] is not lexicon:
        if len(_starts) > 16:
            _starts.clear()
        got = _starts[id(lexicon)] = (lexicon, WordTest(lexicon.knows))
    return got[1]


def find_matches(sent: TokSpan, lexicon: VerbLexicon) -> list[Match]:
    out: list[Match] = []
    doc = sent.doc
    # most words start no pattern: skip them before reading tags and entities
    for i in _starters(lexicon).in_range(doc, sent.start, sent.end):
        tok = doc[i]
        pos = pos_of(tok)
        if pos is None or tok.is_punct or tok.ent_type_ in NOT_TRIGGERS:
            continue  # "March" the month is no march, "Strike Force" no strike
        m = best_match(tok, pos, lexicon, sent)
        if m is not None:
            out.append(m)
    return out


def best_match(tok: Token, pos: str, lexicon: VerbLexicon, sent: TokSpan) -> Match | None:
    cands: list[tuple[VerbPattern, bool, list[Token]]] = []
    surface = lexicon.lookup(tok.lower_, pos)
    for p in surface:
        cands.append((p, True, []))
    lemma = tok.lemma_.lower()
    if lemma != tok.lower_:
        for p in lexicon.lookup(lemma, pos):
            if p not in surface:
                cands.append((p, False, []))
    if pos == "adj" and not cands:  # spaCy tags "ready" ADJ but "prepared" VERB; try both
        cands += [(p, False, []) for p in lexicon.lookup(lemma, "verb")]
    for key in {tok.lower_, lemma}:
        for rest, p in lexicon.multiword(key, pos):
            words = _multiword(tok, rest)
            if words is not None:
                cands.append((p, True, words))
    best: tuple[int, int, Match] | None = None
    for order, (p, surf, extra) in enumerate(cands):
        m = _check(p, tok, pos, extra, lexicon, sent)
        if m is None:
            continue
        m.surface = surf
        # a surface form beats a lemma only at equal specificity ("MET" over "MEET" in PETRARCH files)
        score = (p.specificity, int(surf))
        if best is None or score > best[:2]:
            best = (*score, m)
    if best is None:
        return None
    m = best[2]
    return m if m.pattern.codes_event or m.pattern.comp else None


def _multiword(tok: Token, rest: tuple[str, ...]) -> list[Token] | None:
    doc = tok.doc
    words = []
    j = tok.i + 1
    for w in rest:
        if j >= len(doc) or (doc[j].lower_ != w and doc[j].lemma_.lower() != w):
            return None
        words.append(doc[j])
        j += 1
    return words


# -- dependency conditions -------------------------------------------------------------------------

def _check(p: VerbPattern, tok: Token, pos: str, extra: list[Token], lexicon: VerbLexicon,
           sent: TokSpan) -> Match | None:
    m = Match(token=tok, pattern=p, pos=pos, words=list(extra))
    if p.prt:
        prt = particle(tok, p.prt)
        if prt is None:
            return None
        m.words.append(prt)
    if p.prep and not any(_prep_met(tok, name) for name in p.prep):
        return None
    if p.obj:
        obj = _object_fits(tok, p.obj, pos)
        if obj is None:
            return None
        if obj is not True:
            m.obj = obj
            m.names_event = pos == "verb" and tok.lemma_.lower() in LIGHT_VERBS and obj.pos_ == "NOUN" and \
                bool(lexicon.lookup(obj.lemma_.lower(), "noun"))
    if p.linear and not _linear(p, tok, lexicon, sent, m):
        return None
    return m


def particle(tok: Token, word: str) -> Token | None:
    """The verb's particle ("gave in", "carried out"); a preposition with its own object is no particle
    ("gave [a speech] in Cairo")."""
    for c in tok.children:
        if c.lower_ == word and c.dep_ in ("prt", "advmod", "prep", "compound:prt", "dobj", "acomp") and \
                not _has_object(c):
            return c
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ == word and not _has_object(nxt):
        return nxt
    return None


TIME_ENTS = ("DATE", "TIME")
TIME_PREPS = ("on", "in", "at")  # the prepositions that say when: "on Friday", "in May", "at noon"


def _prep_met(tok: Token, name: str) -> bool:
    """Does the trigger have the preposition ``name``, other than one that only says when? "On Friday, the
    president called ..." is no "call on", nor "met in May" a meeting "in" a place; "called for three days
    of protests" is still a call for something."""
    objs = prep_objects(tok, name)
    if objs and name in TIME_PREPS:
        return any(o.ent_type_ not in TIME_ENTS or any(c.dep_ == "prep" and c.lower_ == "of" for c in o.children)
                   for o in objs)
    return bool(objs) or _prep_child(tok, name)


def _has_object(prep: Token) -> bool:
    return prep.dep_ == "prep" and any(c.dep_ in ("pobj", "pcomp") for c in prep.children)


def _prep_child(tok: Token, name: str) -> bool:
    return any(c.dep_ in ("prep", "agent", "dative") and c.lower_ == name for c in tok.children) or \
        name == "for" and for_to_clause(tok) is not None


def for_to_clause(tok: Token) -> Token | None:
    """ "called for the minister to resign": the parser makes "for" the mark of a clause whose subject is
    the one called on; the pattern's "for" is met by it."""
    return next((c for c in tok.children if c.dep_ in ("advcl", "ccomp") and
                 any(x.dep_ == "mark" and x.lower_ == "for" for x in c.children) and
                 any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)), None)


def prep_objects(tok: Token, name: str) -> list[Token]:
    """Objects of the preposition ``name`` under the token, its particle or its object
    ("imposed sanctions on X", "sit down with X", "arrived in X")."""
    return list(_preps(tok).get(name, ()))


_prep_memo: tuple = (None, {})


def _preps(tok: Token) -> dict[str, list[Token]]:
    """All of a token's prepositions and their objects, read once per token: every pattern of
    every trigger asks about its own preposition."""
    global _prep_memo
    doc, memo = _prep_memo
    if doc is not tok.doc:
        _prep_memo = (tok.doc, {})
        memo = _prep_memo[1]
    got = memo.get(tok.i)
    if got is None:
        got = {}
        hosts = [tok] + [c for c in tok.children if c.dep_ in ("prt", "advmod", "dobj", "acomp", "xcomp")
                         and c.i > tok.i]
        for h in hosts:
            for c in h.children:
                if c.dep_ in ("prep", "agent", "dative"):
                    got.setdefault(c.lower_, []).extend(x for x in c.children if x.dep_ in ("pobj", "pcomp"))
        memo[tok.i] = got
    return got


def objects(tok: Token) -> list[Token]:
    objs = [c for c in tok.children if c.dep_ in OBJ_DEPS]
    return objs + [x for o in objs for x in o.children if x.dep_ == "conj"]


def _object_fits(tok: Token, wanted: tuple[str, ...], pos: str) -> Token | bool | None:
    """The token that meets an ``obj`` condition, True when the condition needs no token, or None."""
    if pos == "noun":
        mods = [c for c in tok.children if c.dep_ in NOUN_MOD_DEPS and c.i < tok.i]
        if tok.i > 0:
            mods.append(tok.doc[tok.i - 1])
        for c in mods:
            if c.lemma_.lower() in wanted or c.lower_ in wanted:
                return c
            if "-" in c.lower_ and any(part in wanted for part in c.lower_.split("-")):
                return c
        return None
    subj_words = {w[5:] for w in wanted if w.startswith("subj:")}
    if subj_words:
        s = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if s is not None and (s.lemma_.lower() in subj_words or s.lower_ in subj_words):
            return True
    cands = objects(tok)
    direct = [c for c in cands if c.dep_ in ("dobj", "obj")]
    for name in ("on", "to", "of", "in", "for", "into"):  # "go on strike", "remain on alert", "state of siege"
        cands += prep_objects(tok, name)
    for c in list(cands):
        cands += [x for x in c.children if x.dep_ == "prep" and x.lower_ == "of"
                  for x in x.children if x.dep_ == "pobj"]
    for w in wanted:
        if w == "*" and direct:
            return direct[0]
        if w.startswith("ent:"):
            hit = next((c for c in direct if c.ent_type_ == w[4:]), None)
            if hit is not None:
                return hit
    for c in cands:
        lemma = c.lemma_.lower()
        if lemma in wanted or c.lower_ in wanted:
            return c
    for c in direct:  # "halt mediation efforts", "suspended aid deliveries": the object's own noun modifier
        for x in c.children:
            if x.dep_ == "compound" and x.i < c.i and (x.lemma_.lower() in wanted or x.lower_ in wanted):
                return c
    for c in cands:
        if any(x.dep_ in ("compound", "amod") and (x.lemma_.lower() in wanted) for x in c.children) and \
                c.lemma_.lower() in ("state", "law"):
            return c
    return None


# -- linear (PETRARCH) patterns -------------------------------------------------------------------

def _linear(p: VerbPattern, tok: Token, lexicon: VerbLexicon, sent: TokSpan, m: Match) -> bool:
    """Match the words after the verb (within the verb's phrase) and before it (within the sentence)."""
    doc = tok.doc
    verb_end = max([tok.i] + [w.i for w in m.words])
    right_edge = max(tok.right_edge.i, verb_end)
    after = [doc[i] for i in range(verb_end + 1, min(right_edge, sent.end - 1) + 1)]
    before = [doc[i] for i in range(sent.start, tok.i)]
    ok_after = _seq(p.after, after, lexicon, m, anchored=True)
    if not ok_after:
        return False
    ok_before = _seq(tuple(reversed(p.before)), list(reversed(before)), lexicon, m, anchored=True, backwards=True)
    return ok_before


def _seq(words: tuple[PatternWord, ...], toks: list[Token], lexicon: VerbLexicon, m: Match, *,
         anchored: bool, backwards: bool = False) -> bool:
    """Match pattern words in order over tokens; a gap is allowed unless the previous word is joined."""
    i = 0
    must_be_next = False
    for k, w in enumerate(words):
        if w.marker == "@":
            must_be_next = True
            continue
        if w.marker in ("+", "$", "%", "^") and not w.text:
            # an actor phrase (or any phrase for "^") at this point: take the next noun
            j = i
            while j < len(toks) and toks[j].pos_ not in ("PROPN", "NOUN", "PRON"):
                if must_be_next:
                    return False
                j += 1
            if j >= len(toks):
                return False
            if w.marker in ("+", "$"):
                m.markers[w.marker] = toks[j]
            if w.marker == "%":
                t = toks[j]
                if not (any(c.dep_ == "conj" for c in t.children) or t.dep_ == "conj" or
                        any(c.dep_ == "conj" for c in t.head.children)):
                    return False  # "%" wants a coordinated actor ("Gondor and Osgiliath")
                m.compound = True
                m.markers["%"] = toks[j]
            # skip to the end of this noun phrase (its head; what hangs after the head is left to match)
            head = toks[j]
            while head.dep_ in ("compound", "amod", "det", "poss", "nmod") and head.head.i != head.i and \
                    head.head.i > head.i:
                head = head.head
            last = head.i if not backwards else min(head.i, head.left_edge.i)
            while j < len(toks) and ((toks[j].i <= last) if not backwards else (toks[j].i >= last)):
                j += 1
            i = j
            must_be_next = _joined(words, k, backwards)
            continue
        seqs = (lexicon.synsets.get(w.text) or lexicon.synsets.get(w.text.rstrip("_") + "_")
                or lexicon.synsets.get(w.text.rstrip("_"), ())) if w.is_synset else ((w.text,),)
        found = None
        j = i
        while j < len(toks):
            for seq in seqs:
                seq = tuple(reversed(seq)) if backwards else seq
                if _words_at(seq, toks, j):
                    found = (j, len(seq))
                    break
            if found or must_be_next:
                break
            j += 1
        if not found:
            return False
        i = found[0] + found[1]
        must_be_next = _joined(words, k, backwards)
    return True


def _joined(words: tuple[PatternWord, ...], k: int, backwards: bool) -> bool:
    """Is the element after k (in matching order) joined to it? In the file the "_" sits on the left word."""
    if backwards:
        return k + 1 < len(words) and words[k + 1].joined
    return words[k].joined


def _words_at(seq: tuple[str, ...], toks: list[Token], j: int) -> bool:
    if j + len(seq) > len(toks):
        return False
    return all(_word_fits(w, toks[j + n]) for n, w in enumerate(seq))


def _word_fits(w: str, tok: Token) -> bool:
    text = tok.text.upper()
    if text == w or tok.lemma_.upper() == w:
        return True
    # dictionary words are stems unless short ("CONTRIBUT" fits "contribute")
    return len(w) >= 5 and text.startswith(w)
