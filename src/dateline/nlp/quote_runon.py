"""Where a reported clause ends: the parse often hangs the reporter's next act on the reported clause
("She said the plan would fail and predicted a recount": "predicted" is hers, not part of what she said).

A verb conjoined to the clause's head with no subject of its own is cut off, with its "and"/"but", when
- it is itself a verb of saying or of answering ("and promised", "but declined to say", "and questioning"):
  the reporter goes on to a second statement, which is read on its own;
- or its tense cannot be the clause's: a past or -ing verb after a clause in the present or with a modal
  ("there will be no tax and rejected calls for ...") continues the reporting sentence, since reported
  speech keeps one time frame across its own conjuncts.
A conjunct with its own subject ("prices rose and wages fell") is still what was said.
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import SPEECH_VERBS

# Verbs that report a further act of speech or of refusing to speak, beyond lexicon.SPEECH_VERBS.
_REPORTING = SPEECH_VERBS | frozenset({
    "accuse", "ask", "decline", "dismiss", "question", "refuse", "reject", "urge", "call", "describe",
    "praise", "criticise", "criticize", "condemn", "welcome",
})
_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")
_OBJECTS = ("attr", "dobj", "acomp")
_PRESENT = ("VBZ", "VBP")
_CARRIED = ("VBD", "VBG")
# a bare verb after "would ... and" is still under the modal ("would consider it and report back")
_FINITE = ("VBD", "VBZ", "VBG")


def run_on_start(head: Token) -> int | None:
    """The token index where the reported clause headed by ``head`` stops, or None when it runs whole."""
    for c in head.children:
        if _adding(head, c):
            return c.i - 1  # "..., adding that": the participle and its comma are the reporter's
        # the parse may hang the verb on the clause's object or complement ("is a fraud and questioning")
        on = head if c.dep_ == "conj" else c if c.dep_ in _OBJECTS and c.i > head.i else None
        for v in ([c] if on is head else [k for k in c.children if k.dep_ == "conj"] if on is not None else []):
            if v.i < on.i or v.pos_ not in ("VERB", "AUX") or any(k.dep_ in _SUBJECTS for k in v.children):
                continue
            if v.tag_ in _FINITE and v.lemma_.lower() in _REPORTING or _other_frame(head, v):
                joins = [k.i for k in on.children if k.dep_ in ("cc", "punct") and on.i < k.i < v.i]
                return min([v.left_edge.i] + [j for j in joins if j > _last_before(on, v)])
    return None


def _adding(head: Token, c: Token) -> bool:
    """ "said the plan would work, adding that ...": a participle of saying set off by a comma after the
    reported clause goes with the reporter, wherever the parse hung it."""
    return (c.dep_ == "advcl" and c.i > head.i + 1 and c.tag_ == "VBG" and c.lemma_.lower() in _REPORTING
            and c.doc[c.i - 1].text == "," and not any(k.dep_ in _SUBJECTS for k in c.children))


def reporter_of(cue: Token) -> Token | None:
    """The verb of saying whose reported clause ``cue`` was cut from ("She said he lied and questioned ...":
    "questioned" is hers), so the cue's speaker is that verb's subject, not the reported clause's."""
    clause = cue.head.head if cue.head.dep_ in _OBJECTS else cue.head
    if cue.dep_ not in ("conj", "advcl") or clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in SPEECH_VERBS:
        return None
    stop = run_on_start(clause)
    return clause.head if stop is not None and stop <= cue.i else None


def _last_before(head: Token, c: Token) -> int:
    """The last index of the clause before the conjunct (its "and"/"," come after it)."""
    before = [k.right_edge.i for k in head.children if k.i < c.i and k.dep_ not in ("cc", "punct")]
    return max(before + [head.i])


def _other_frame(head: Token, c: Token) -> bool:
    if c.tag_ not in _CARRIED:
        return False
    modal = any(k.tag_ == "MD" for k in head.children if k.dep_ == "aux")
    return modal or head.tag_ in _PRESENT


# Quotation marks, straight and curly, as the tokenizer splits them.
_CLOSING = frozenset({'"', "”", "''"})
_OPENING = frozenset({'"', "“", "``"})
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
# Prepositions that name the occasion of a statement ("on Sunday's broadcast", "during Friday's debate").
_OCCASION_PREPS = frozenset({"on", "during"})
_BROADCASTS = frozenset({"show", "program", "programme", "broadcast", "interview", "edition", "episode", "podcast",
                         "newscast"})


def narration_tail(toks: list[Token]) -> int | None:
    """Where a reported clause gives way to the reporter's narration the parse hung inside it, as a position
    in ``toks`` (the clause's tokens), or None:
    - after a quotation closed with a comma, an adverbial of a participle with no subject goes with the one
      who spoke, not with what was said ('she said taxes were "too high," while trying to sell her plan');
    - a closing "on Tuesday's “Evening Show”" names the programme or day the words were said on."""
    for k in range(2, len(toks)):
        t = toks[k]
        verb = t.head if t.dep_ == "mark" else t
        if t.dep_ == "prep":  # "after meeting the mayor": the parse may make the participle a preposition's
            verb = next((c for c in t.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), t)
        elif verb.dep_ != "advcl" or verb.left_edge.i != t.i:
            continue
        if verb.tag_ != "VBG" or any(c.dep_ in _SUBJECTS for c in verb.children):
            continue
        a, b = toks[k - 2].text, toks[k - 1].text
        if a == "," and b in _CLOSING:
            return k
        if a in _CLOSING and b == ",":
            return k - 1
    words = [t for t in toks if not t.is_punct]
    if not words:
        return None
    last = words[-1].i
    for k, t in enumerate(toks):
        if t.lower_ in _OCCASION_PREPS and t.dep_ == "prep" and t.right_edge.i >= last and k > 0 and _occasion(t):
            return k
    return None


def _occasion(prep: Token) -> bool:
    """ "on Sunday's “Evening Desk”", "during Tuesday's show": a programme's title in quotation marks, or a
    weekday's broadcast ("during Friday's meeting" may be part of what was said, and stays)."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return False
    weekday = obj.lemma_.lower() in _BROADCASTS and any(c.dep_ == "poss" and c.lower_ in _WEEKDAYS for c in obj.children)
    titled = obj.pos_ == "PROPN" and any(c.text in _OPENING for c in obj.subtree)
    return weekday or titled
