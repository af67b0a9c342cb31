"""Pronoun rules of within-article coreference (``nlp.coref``): the speaker's own "I", and "he", "she",
"it" and "they" by number, gender and salience within the sentence and the two before it.

A mixin of ``coref._Builder``: it reads and extends the builder's clusters (``drafts``), its map of
head tokens to clusters (``owner``) and sentences (``sents``, ``sent_of``). When two antecedents fit and
neither is the subject that salience prefers, the pronoun is left unlinked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..model import Quote, Span
from .events.gender import entity_gender, pronoun_gender
from .events.pronouns import REFLEXIVES, clause_subject

WINDOW = 2  # sentences before the mention's own that a pronoun or a role noun may reach back to
# Work caps for odd input (a list of pronouns, a table read as one sentence): pronouns past the first
# MAX_PRONOUNS of an article stay unlinked, and the nouns a pronoun may stand for are looked for among
# the SCAN tokens before it at most. News has a few dozen pronouns an article and short sentences.
MAX_PRONOUNS = 300
SCAN = 150
SINGULAR_THING = frozenset({"it", "its", "itself"})
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
FIRST_PERSON_SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})

if TYPE_CHECKING:
    from .coref import _Draft


class PronounRules:
    # -- 6. the speaker's "I" --------------------------------------------------------------------------
    def speakers(self, quotes: tuple[Quote, ...]) -> None:
        by_id = {d.entity.id: d for d in self.drafts if d.entity is not None}
        for q in quotes:
            d = by_id.get(q.speaker_entity_id or "")
            if d is None or d.type != "PERSON" or q.kind != "direct":
                continue
            span = self.doc.char_span(q.content.start, q.content.end, alignment_mode="expand")
            for tok in span or ():
                if tok.lower_ in FIRST_PERSON_SINGULAR and tok.pos_ == "PRON" and tok.i not in self.owner:
                    self._add(d, self.doc[tok.i:tok.i + 1], "pronoun",
                              f"'{tok.text}' in the words quoted from {d.name}", q.speaker)

    # -- 7. third-person pronouns ----------------------------------------------------------------------
    def pronouns(self) -> None:
        seen = 0
        for tok in self.doc:
            low = tok.lower_
            if tok.i in self.owner or tok.pos_ != "PRON" and tok.tag_ != "PRP$":
                continue
            seen += 1
            if seen > MAX_PRONOUNS:
                self.skipped = f"pronouns after the first {MAX_PRONOUNS} of the article were not resolved"
                return
            if pronoun_gender(tok):
                self._pronoun(tok, "PERSON")
            elif low in SINGULAR_THING and not _expletive(tok):
                self._pronoun(tok, "THING")
            elif low in PLURAL:
                self._groups_before(tok)
                self._pronoun(tok, "GROUP", window=1)

    def _pronoun(self, tok: Token, want: str, window: int = WINDOW) -> None:
        if tok.lower_ in REFLEXIVES:
            subj = clause_subject(tok)
            d = self.owner.get(subj.i) if subj is not None else None
            if d is not None and self._fits(d, tok, want):
                self._add(d, self.doc[tok.i:tok.i + 1], "pronoun", f"reflexive: the subject of its clause, {d.name}",
                          self.heads[subj.i])
            return
        fits = [d for d in self.drafts if self._fits(d, tok, want)]
        found = [(d, s) for d, s in self._in_window(tok, fits, window) if not self._same_verb(tok, d)]
        if not found and want == "PERSON":
            # no one named nearby: a person named by a noun ("the suspect ... he"), the sentence before at most
            self._someone_before(tok)
            window, want = 1, "SOMEONE"
            fits = [d for d in self.drafts if self._fits(d, tok, want)]
            found = [(d, s) for d, s in self._in_window(tok, fits, window) if not self._same_verb(tok, d)]
        if not found:
            return
        if len(found) == 1:
            d, ante = found[0]
            why = f"the only {self._what(want, tok)} named in this sentence or the {window} before"
        else:
            got = self._salient(tok, found)
            if got is None:
                # two fitting antecedents and nothing to choose between them: no link, and a reader of the
                # chains (an event party, a speaker) is told so rather than guessing on its own
                self.unsure[tok.i] = f"'{tok.text}': " + " or ".join(sorted({d.name for d, _ in found})) + \
                    " fit, and neither is the subject that salience prefers"
                return
            d, ante, why = got
        self._add(d, self.doc[tok.i:tok.i + 1], "pronoun", f"'{tok.text}' -> {d.name}: {why}", ante)

    def _fits(self, d: _Draft, tok: Token, want: str) -> bool:
        if want == "PERSON":
            if d.type != "PERSON" or d.entity is None:
                return False
            g = self._gender(d)
            if g is None and len(d.pronoun_genders) == 1:
                g = next(iter(d.pronoun_genders))  # "Ann Lee ... her ... she": the article's own pronouns
            return g is None or g == pronoun_gender(tok)
        if want == "GROUP":
            return d.type == "ORG" and d.entity is not None or d.type == "GROUP"
        if want == "SOMEONE":
            return d.type == "SOMEONE" and d.gender in ("", pronoun_gender(tok))
        return d.type in ("ORG", "GPE") and d.entity is not None

    def _someone_before(self, tok: Token) -> None:
        """Singular nouns of people in the pronoun's sentence and the one before ("a man", "the suspect"),
        each with the gender its noun gives ("woman", "policeman") or none."""
        from .coref import _Draft, _np
        from .events.gender import FEMALE_WORDS, MALE_WORDS
        from .events.sense import noun_class

        first = max(self.sents[max(0, self.sent_of[tok.i] - 1)].start, tok.i - SCAN)
        for t in self.doc[first:tok.i]:
            if t.pos_ != "NOUN" or t.tag_ != "NN" or t.i in self.owner or t.ent_type_ or self._body(t):
                continue
            if t.dep_ in ("compound", "amod", "npadvmod", "nmod") or noun_class(t, self.res.agents) != "person":
                continue
            low = t.lemma_.lower()
            d = _Draft(_np(t).text, "SOMEONE", None)
            d.gender = "f" if low in FEMALE_WORDS else "m" if low in MALE_WORDS else ""
            if self._add(d, _np(t), "nominal", "first mention", None):
                self.drafts.append(d)

    def _groups_before(self, tok: Token) -> None:
        """The groups of people a "they" may stand for: plural nouns of people in its sentence and the one
        before ("protesters", "the police"), each a cluster of its own until a pronoun joins it."""
        from .coref import _Draft, _np
        from .events.sense import noun_class

        first = max(self.sents[max(0, self.sent_of[tok.i] - 1)].start, tok.i - SCAN)
        for t in self.doc[first:tok.i]:
            plural = t.tag_ in ("NNS", "NNPS") and not t.ent_type_  # "Protesters" opening a line is tagged a name
            if t.pos_ not in ("NOUN", "PROPN") or t.i in self.owner or t.dep_ in ("compound", "amod", "npadvmod", "nmod"):
                continue
            # "police", not "her boss" nor "a victim"
            collective = self._body(t) and not any(c.dep_ == "poss" or c.lower_ in ("a", "an", "another", "one")
                                                   for c in t.children)
            none = any(c.lower_ == "no" for c in t.children)  # "no casualties" are no one to stand for
            if (plural or collective and t.pos_ == "NOUN") and not none and noun_class(t, self.res.agents) == "person":
                d = _Draft(_np(t).text, "GROUP", None)
                if self._add(d, _np(t), "nominal", "first mention", None):
                    self.drafts.append(d)

    def _gender(self, d: _Draft) -> str | None:
        if d.gender is None:
            e = d.entity
            d.gender = entity_gender([(m.span.start, m.span.end) for m in e.mentions], e.titles, e.name,
                                     self.doc) or ""
        return d.gender or None

    @staticmethod
    def _what(want: str, tok: Token) -> str:
        if want == "THING":
            return "body or place"
        if want == "GROUP":
            return "group or body"
        if want == "SOMEONE":
            return "person named by a noun"
        return {"m": "man or person of unknown sex", "f": "woman or person of unknown sex"}[pronoun_gender(tok)]

    def _same_verb(self, tok: Token, d: _Draft) -> bool:
        """ "Tom praised him": an object pronoun is not the subject of its own verb."""
        if tok.dep_ not in ("dobj", "dative", "pobj") or tok.tag_ == "PRP$":
            return False
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subj is not None and self.owner.get(subj.i) is d

    def _salient(self, tok: Token, found: list[tuple[_Draft, Span]]) -> tuple[_Draft, Span, str] | None:
        """Of several fitting antecedents, the subject of the pronoun's own sentence named before it, else,
        for a pronoun that is a subject, the subject of the sentence before when no other candidate is named
        in the pronoun's sentence."""
        k = self.sent_of[tok.i]
        sent = self.sents[k]
        here = [(d, s) for d, s in found if any(sent.start <= h < tok.i for h, _ in self._mentions_before(d, tok.i))]
        subj = [(d, s) for d, s in here if self._subject_in(d, sent.start, tok.i)]
        if len(subj) == 1:
            return (*subj[0], "the subject of its sentence")
        if here or k == 0 or tok.dep_ not in ("nsubj", "nsubjpass"):
            return None  # a subject pronoun goes on with the subject before it (centering); others stay open
        prev = self.sents[k - 1]
        subj = [(d, s) for d, s in found if self._subject_in(d, prev.start, prev.end)]
        if len(subj) == 1:
            return (*subj[0], "the subject of the sentence before")
        return None

    def _subject_in(self, d: _Draft, start: int, end: int) -> bool:
        for h, _ in self._mentions_before(d, end):
            if h < start:
                continue
            t = self.doc[h]
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT":
                return True
        return False


def _expletive(tok: Token) -> bool:
    """ "It is likely that ...", "it was raining": an "it" that stands for nothing."""
    if tok.lower_ != "it" or tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = tok.head
    if any(c.dep_ in ("ccomp", "xcomp", "csubj") and c.i > verb.i for c in verb.children) and verb.lemma_ == "be":
        return True
    return verb.lemma_ in ("rain", "snow", "seem", "appear", "take", "matter")
