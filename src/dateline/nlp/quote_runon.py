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
