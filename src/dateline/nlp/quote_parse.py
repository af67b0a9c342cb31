"""The grammar the quote reader walks: who a cue's subject is, how far a speaker phrase reaches, what a
phrase hangs from. Functions over a spaCy parse, with no state of their own."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from .lexicon import RELATIVE_PRONOUNS
from .speakers import cannot_speak

SUBJECT_DEPS = ("nsubj",)
EXPLETIVES = frozenset({"it", "there"})
DOUBLE_MARKS = frozenset({'"', "“", "”", "''", "``", "„", "«", "»"})

SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "in", "on", "for", "to", "at", "by", "with", "or", "it"})


def is_title(toks: list[Token]) -> bool:
    words = [t for t in toks if t.is_alpha]
    return 0 < len(words) <= 6 and all(t.text[0].isupper() or t.lower_ in SMALL_WORDS for t in words) and \
        words[0].text[0].isupper()


def so_called(tok: Token) -> bool:
    doc = tok.doc
    return tok.lower_ == "called" and tok.i >= 2 and doc[tok.i - 1].text in "-–" and doc[tok.i - 2].lower_ == "so"


def set_fields(f, **kw):
    for k, v in kw.items():
        setattr(f, k, v)
    return f


def inherit(f, prev, *, cue: bool) -> None:
    f.speaker_tok, f.speaker_span, f.entity, f.speaker_name = (prev.speaker_tok, prev.speaker_span, prev.entity,
                                                                prev.speaker_name)
    f.principal, f.coref = prev.principal, prev.coref
    if cue:
        f.cue, f.cue_tok = prev.cue, prev.cue_tok


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Content without surrounding space and the comma news puts inside the closing mark."""
    while b > a and (text[b - 1].isspace() or text[b - 1] == ","):
        b -= 1
    while a < b and text[a].isspace():
        a += 1
    return a, b


def named_as(tok: Token) -> tuple[int, int] | None:
    """ "called X Y": from the object to the end of what it is called."""
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    comp = [c for c in tok.children if c.dep_ in ("oprd", "xcomp", "ccomp") and c.i > tok.i]
    if obj is None or not comp:
        return None
    return obj.left_edge.i, max(c.right_edge.i for c in comp) + 1


def subject(cue: Token) -> Token | None:
    """Who speaks: the cue's subject, through participles, conjuncts and relative clauses."""
    cur = cue
    for _ in range(4):
        if cur.lower_ == "according":
            to = next((c for c in cur.children if c.lower_ == "to"), None)
            return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        subj = next((c for c in cur.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is None:
            agent = next((c for c in cur.children if c.dep_ == "agent"), None)
            if agent is not None:
                return next((c for c in agent.children if c.dep_ == "pobj"), None)
        if subj is not None:
            if subj.lower_ in EXPLETIVES:
                return None
            if subj.lower_ in RELATIVE_PRONOUNS and cur.dep_ == "relcl":
                return cur.head
            return subj
        if cur.dep_ == "relcl" or (cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN")):
            if not cannot_speak(cur.head) and not _set_off_object(cur):
                return cur.head
            # "... on Tuesday, saying": the participle belongs to the clause the time word sits in
            verb = governing_verb(cur.head)
            if verb is None:
                return None
            cur = verb
            continue
        if cur.dep_ in ("advcl", "xcomp", "conj", "pcomp") and cur.head.i != cur.i:
            cur = cur.head
            continue
        return None
    return None


def _set_off_object(participle: Token) -> bool:
    """ "Trump refused to pay an architect, saying ...": a participle after a comma, hanging from an object,
    is said by the clause's subject, not by the object (the parse's attachment is the usual error)."""
    doc = participle.doc
    return (participle.dep_ == "acl" and participle.tag_ == "VBG" and participle.i > 0
            and doc[participle.i - 1].text == "," and participle.head.dep_ in ("dobj", "pobj", "attr"))


def governing_verb(tok: Token) -> Token | None:
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def speaker_tokens(head: Token) -> list[Token]:
    """The speaker phrase: its left edge up to the head noun (no appositives or relative clauses)."""
    if head.pos_ == "PRON":
        return [head]
    doc = head.doc
    start = head.left_edge.i
    toks = [t for t in doc[start:head.i + 1]]
    # a line break or a quote inside the phrase means the parse ran across: keep the head's own words
    cut = max((k + 1 for k, t in enumerate(toks[:-1]) if t.is_space or t.text in "\"“”:;"), default=0)
    toks = toks[cut:]
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks.pop(0)
    end = head.i + 1
    while end < len(doc) and doc[end].dep_ in ("compound", "flat") and doc[end].head.i == head.i:
        toks.append(doc[end])
        end += 1
    return toks


def governed_by(toks: list[Token], cue: Token, *, via_prep: bool = False) -> bool:
    """The phrase modifies the cue: attached to it without passing through another verb or its
    subject ("South Korea's" in the speaker's name is not where the statement was made), and, for
    places, through a preposition ("at the White House")."""
    inside = {t.i for t in toks}
    cur = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[0])
    prep = False
    for _ in range(8):
        if cur.i == cue.i:
            return prep or not via_prep
        if cur.head.i == cur.i or cur.dep_ in ("nsubj", "nsubjpass", "poss") or (via_prep and cur.dep_ == "dobj"):
            return False
        prep = prep or cur.dep_ == "pobj"
        cur = cur.head
        if cur.i != cue.i and cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("aux", "auxpass"):
            return False
    return False


def adjacent_subject(cue: Token, in_quote: Callable[[Token], bool]) -> Token | None:
    """When the parse gave no subject outside the quote: '," said Leslie Wimes' or
    '," Obama's former campaign strategist said'."""
    doc = cue.doc
    before = cue.i - 1
    while before >= 0 and doc[before].is_space:
        before -= 1
    # inverted only right after the quote: '," said X' (not "(D-Md.) said in an interview")
    if before >= 0 and doc[before].text in (",", "?", "!") and before > 0:
        before -= 1
    if before >= 0 and (in_quote(doc[before]) or doc[before].text in DOUBLE_MARKS
                        or doc[before].text in ("”", "'", "’")):
        for t in doc[cue.i + 1:min(cue.i + 6, cue.sent.end)]:
            if in_quote(t) or t.is_punct or (t.head.i == cue.i and t.dep_ in ("dobj", "dative")):
                break  # "calls people “losers”": whom it is said of is not who said it
            if t.pos_ in ("PROPN", "NOUN", "PRON"):
                while t.dep_ in ("compound", "flat") and t.head.i > t.i:
                    t = t.head
                return t
        return None
    if cue.tag_ == "VBG" and cue.lower_ != "according":
        # "Dean went on MSNBC on Tuesday, saying ...": a participle's speaker is its sentence's subject,
        # not the last noun before it
        root = cue.sent.root
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.i < cue.i and not in_quote(subj) and not cannot_speak(subj) \
                and subj.lower_ not in EXPLETIVES:
            return subj
    # the noun phrase right before the cue ('," the strategist said'), past a parenthesis ("Cummings
    # (D-Md.) said") or an adverb ("Ortiz later said"), never a noun further back in the clause
    depth = 0
    for t in reversed(doc[max(cue.sent.start, cue.i - 10):cue.i]):
        if in_quote(t):
            break
        depth += (t.text == ")") - (t.text == "(")
        if depth > 0 or t.text in "()," or t.is_space or t.pos_ in ("ADV", "AUX", "PART"):
            continue  # the comma: '," Flynn, a top surrogate, said' ends on the apposition
        if t.pos_ in ("PROPN", "NOUN", "PRON") and not cannot_speak(t):
            if t.dep_ == "appos" and t.head.i < t.i and t.head.pos_ in ("PROPN", "NOUN"):
                return t.head  # "Flynn, a top Trump surrogate, said": Flynn
            return t
        break
    return None


def one_statement(found: list) -> list:
    """Reported speech holding a few quoted words is one statement: 'The minister said the plan was "deeply
    flawed"' gives one ``partial`` record whose content is the whole reported clause, with the quoted words
    kept in ``quoted``, not an indirect record and a partial one beside it. A quotation is folded into the
    clause only when it lies wholly inside it and hangs from the same cue (same cue start: "according to"
    spans two words, the quotation's cue one)."""
    absorbed: set[int] = set()
    for f in found:
        if f.kind != "indirect" or f.cue is None:
            continue
        inside = [g for g in found if g.kind in ("direct", "partial") and id(g) not in absorbed and g.cue is not None
                  and g.cue[0] == f.cue[0] and f.content[0] <= g.content[0] and g.content[1] <= f.content[1]]
        if not inside:
            continue
        f.kind = "partial"
        f.quoted = [g.content for g in inside]
        if f.speaker_span is None and f.speaker_name is None:
            inherit(f, next((g for g in inside if g.speaker_name), inside[0]), cue=False)
        absorbed.update(id(g) for g in inside)
    return [f for f in found if id(f) not in absorbed]


def clause_bounds(text: str, a: int, b: int, marks: list[tuple[int, int]], *, that: Token | None = None
                  ) -> tuple[int, int]:
    """A reported clause's characters without the complementiser "that" (``that``, its first token when
    the parse marks it so) and with the closing quotation mark of a quotation opened inside it
    ('the city "has done nothing wrong."', where the parse leaves the mark to the main clause)."""
    if that is not None and that.idx == a and that.idx + len(that) < b:
        rest = text[that.idx + len(that):b]
        a = b - len(rest.lstrip())
    for start, end in marks:
        if a <= start < b < end and all(not c.isalnum() for c in text[b:end]) and "\n" not in text[b:end]:
            b = end
    return a, b
