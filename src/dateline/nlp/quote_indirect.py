"""Indirect speech for the quote reader (``quotes._Reader``): a speech verb with a reported clause ("X said
(that) …", "Yonhap reported that …"), "according to X", a parenthetical "X said" inside the clause it
reports, "called it …", a "Name: what they said" line, and quotes with no cue of their own that sit inside
or right after reported speech.

A mixin: it reads the reader's parse and positions (``doc``, ``text``, ``tokens``, ``para``, ``in_quote``,
``furniture``, ``quoted``, ``line_starts``, ``resolver``) and its speaker steps (``_attribute``,
``_set_speaker``).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from .lexicon import SPEECH_VERBS
from .quote_parse import DOUBLE_MARKS, Found, clause_bounds, idiom_said, inherit, named_as
from .quote_runon import narration_tail, run_on_start
from .words import WordTest

NAMING = frozenset({"call", "label", "brand", "dub"})
_CUE_WORDS = WordTest(lambda w: w.lower() in SPEECH_VERBS or w.lower() in NAMING or w.lower() in ("according", "make"))
# "made clear that ...", "made it plain that ...": saying something so no one can miss it
_MADE_PLAIN = frozenset({"clear", "plain"})


def _made_plain(tok: Token) -> Token | None:
    """The clause of "made (it) clear that ...": the parse hangs it on "made" or on "clear". Only a finite
    "made": "failing to make clear that ...", "wants to make clear ..." report no statement made."""
    if tok.tag_ == "VBG" or tok.dep_ in ("xcomp", "pcomp", "acl", "advcl"):
        return None
    word = next((c for c in tok.children if c.lower_ in _MADE_PLAIN and c.dep_ in ("oprd", "ccomp", "acomp")), None)
    if word is None:
        return None
    heads = [c for c in tok.children if c.dep_ == "ccomp" and c.i > word.i]
    heads += [c for c in word.children if c.dep_ in ("ccomp", "advcl") and c.i > word.i]
    return next((c for c in heads if any(k.dep_ == "mark" and k.lower_ == "that" for k in c.children)), None)


# A wire dateline: a place in capitals, an optional date, a dash ("OSLO, May 4 -", "NEW DELHI (Reuters) -").
DATELINE = re.compile(r"[A-Z][A-Z.'’ -]{1,30}[A-Z.](?:\s*\([A-Za-z ]{2,20}\))?,?(?:\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
                      r"\s*[-–—]+\s+")
OPENING_WORDS = 3  # "Perhaps, he said, ...": at most this many words of an opening adverbial are left out


def _after_opening_frame(toks: list[Token], frame: set[int], clause: Token) -> list[Token]:
    """The reported clause after a parenthetical cue that follows only an opening adverbial ("Perhaps, she
    said, the plan will work" gives "the plan will work"), so the cue is not inside what was said; a cue after
    the clause's subject ("The plan, she said, will work") stays inside it."""
    last = max((k for k, t in enumerate(toks) if t.i in frame), default=-1)
    if last < 0:
        return toks
    first = min(k for k, t in enumerate(toks) if t.i in frame)
    subject = {t.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for t in c.subtree}
    if sum(1 for t in toks[:first] if t.is_alpha) > OPENING_WORDS or any(t.i in subject for t in toks[:first]):
        return toks
    rest = toks[last + 1:]
    while rest and rest[0].is_punct and rest[0].text not in "\"“‘":
        rest = rest[1:]
    return rest or toks


class IndirectSpeech:
    def indirect(self, found: list[Found]) -> list[Found]:
        out: list[Found] = []
        spans = [f.content for f in found if f.kind == "direct"]
        doc = self.doc
        for i in _CUE_WORDS.positions(doc):  # the words the rules below can start on
            tok = doc[i]
            if self.in_quote(tok) or idiom_said(tok):
                continue
            content = None
            if tok.lower_ == "according":
                content = self._according_content(tok)
                rule = "according-to"
            elif tok.pos_ in ("VERB", "AUX") and (tok.lemma_.lower() in SPEECH_VERBS or tok.lower_ in SPEECH_VERBS):
                comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
                if comp is not None:
                    content = (comp.left_edge.i, comp.right_edge.i + 1)
                    rule = "complement"
                elif self._parenthetical(tok):
                    content = (tok.head.left_edge.i, tok.head.right_edge.i + 1)  # "The test, Pyongyang said, was…"
                    rule = "parenthetical"
            elif tok.pos_ == "VERB" and tok.lemma_.lower() == "make":
                comp = _made_plain(tok)
                if comp is not None:
                    content = (comp.left_edge.i, comp.right_edge.i + 1)
                    rule = "complement"
            elif tok.pos_ == "VERB" and tok.lemma_.lower() in NAMING:
                content = named_as(tok)  # "Clinton called her vote a mistake"
                rule = "call-object"
            if content is None:
                continue
            frame = {t.i for t in tok.subtree} if rule == "parenthetical" else set()
            if rule == "complement" and (stop := run_on_start(comp)) is not None:
                content = (content[0], stop)  # "said X and predicted Y": Y is a second statement
            toks = [t for t in self.doc[content[0]:content[1]] if not t.is_space]
            # a closing "and" belongs to a second clause the parse hung elsewhere ("is a fraud and warned")
            while toks and (toks[-1].is_punct and toks[-1].text not in "\"”’" or toks[-1].dep_ == "cc"):
                toks.pop()
            while toks and toks[0].is_punct and toks[0].text not in "\"“‘":
                toks.pop(0)
            cut = next((k for k, t in enumerate(toks) if self.furniture(t.idx)), None)
            if cut is not None:  # a clause the parse ran on into a caption or a "Share this" line
                toks = toks[:cut]
                while toks and (toks[-1].is_punct or toks[-1].is_space) and toks[-1].text not in "\"”’":
                    toks.pop()
            if rule in ("complement", "parenthetical") and (tail := narration_tail(toks)) is not None:
                toks = toks[:tail]
                while toks and (toks[-1].is_punct or toks[-1].is_space) and toks[-1].text not in "\"”’":
                    toks.pop()
            if frame:
                toks = _after_opening_frame(toks, frame, tok.head)
            toks = self._after_dateline(toks)
            words = [t for t in toks if (t.is_alpha or t.like_num) and t.i not in frame]
            if len(words) < 2:
                continue
            that = toks[0] if toks[0].lower_ == "that" and toks[0].dep_ == "mark" else None
            a, b = clause_bounds(self.text, toks[0].idx, toks[-1].idx + len(toks[-1]), self.quoted, that=that)
            if self._is_the_quote(words, spans):
                continue
            f = Found(content=(a, b), kind="indirect", para=self.para(a), clause=(a, b))
            self._attribute(f, tok, rule, found + out)
            if tok.lower_ == "according":
                # "according to" as one cue; the parse does not always hang "to" under "according"
                to = next((c for c in tok.children if c.lower_ == "to"), None)
                if to is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
                    to = tok.doc[tok.i + 1]
                f.cue = (tok.idx, (to.idx + len(to)) if to is not None else tok.idx + len(tok))
            out.append(f)
        out.extend(self._headline_colons(found))
        out.extend(self._headline_says(found + out))
        # the direct and partial quotes with the same cue share the clause for date look-ups
        by_cue = {f.cue: f.clause for f in out if f.cue}
        for f in found:
            if f.cue in by_cue and f.clause is None:
                f.clause = by_cue[f.cue]
        return out

    def _after_dateline(self, toks: list[Token]) -> list[Token]:
        """The clause without a wire dateline that opens its paragraph ("OSLO, May 4 - The bank said ...")."""
        if not toks:
            return toks
        line = self.line_starts[self.para(toks[0].idx)]
        if self.text[line:toks[0].idx].strip():
            return toks
        m = DATELINE.match(self.text, toks[0].idx)
        if m is None:
            return toks
        return [t for t in toks if t.idx >= m.end()]

    def _parenthetical(self, tok: Token) -> bool:
        """ "said" set off by commas inside the clause it reports, with nothing of its own to say."""
        if tok.dep_ not in ("parataxis", "ccomp", "advcl", "conj") or tok.head.pos_ not in ("VERB", "AUX"):
            return False
        kids = list(tok.children)
        if not any(c.dep_ == "nsubj" for c in kids) or any(
                c.dep_ not in ("nsubj", "advmod", "npadvmod", "punct", "aux", "prep", "neg") for c in kids):
            return False
        if tok.right_edge.i - tok.left_edge.i > 10:
            return False
        own = [t.i for t in tok.subtree if not t.is_punct]  # its commas hang from it too
        left, right = min(own), max(own)
        doc = self.doc
        before = doc[left - 1].text if left > 0 else ""
        after = doc[right + 1].text if right + 1 < len(doc) else ""
        if before != ",":
            return False
        if after == ",":
            return tok.head.i > right  # "The test, Pyongyang said, was its biggest"
        return after in (".", ";") and tok.head.i < left  # "People like Scott, he said."

    def _headline_colons(self, found: list[Found]) -> list[Found]:
        """ "Okafor: the council must fix the roads first": a name, a colon, what they said."""
        out = []
        for n, start in enumerate(self.line_starts):
            end = self.line_starts[n + 1] - 1 if n + 1 < len(self.line_starts) else len(self.text)
            colon = self.text.find(":", start, min(end, start + 60))
            if colon < 0 or self.in_quote_char(colon):
                continue
            name = [t for t in self.tokens(start, colon) if not t.is_space]
            rest = [t for t in self.tokens(colon + 1, end) if not t.is_space]
            if not name or len(name) > 5 or sum(1 for t in rest if t.is_alpha) < 3 or rest[0].text in DOUBLE_MARKS:
                continue
            head = name[-1]
            if self.resolver.entity_at(head) is None and head.ent_type_ not in ("PERSON", "ORG", "NORP") \
                    and (len(name) > 1 or self.resolver.by_surname(head) is None):
                continue
            while rest and rest[-1].is_punct and rest[-1].text not in DOUBLE_MARKS:
                rest.pop()
            if not rest:
                continue
            f = Found(content=(rest[0].idx, rest[-1].idx + len(rest[-1])), kind="indirect", para=n,
                      cue=(colon, colon + 1), rule="name-colon")
            f.clause = f.content
            self._set_speaker(f, head, found + out)
            out.append(f)
        return out

    def _headline_says(self, found: list[Found]) -> list[Found]:
        """ "Hale Says Council, 'Old Guard' Pose A Risk": a headline in capitals the parse misreads, with a name
        opening it and "Says" after the name; the rest of the line is what the person said."""
        end = self.text.find("\n")
        end = len(self.text) if end < 0 else end
        toks = [t for t in self.tokens(0, end) if not t.is_space]
        says = next((k for k, t in enumerate(toks[:6]) if t.text in ("Says", "Say")), None)
        if not says or any(f.cue and f.cue[0] == toks[says].idx for f in found):
            return []
        name, rest = toks[:says], toks[says + 1:]
        while rest and rest[-1].is_punct and rest[-1].text not in DOUBLE_MARKS:
            rest.pop()
        if not all(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in name) or sum(t.is_alpha for t in rest) < 3:
            return []
        cue = toks[says]
        f = Found(content=(rest[0].idx, rest[-1].idx + len(rest[-1])), kind="indirect", para=0,
                  cue=(cue.idx, cue.idx + len(cue)), rule="headline-says")
        f.clause = f.content
        self._set_speaker(f, name[-1], found)
        return [f]

    def _opens_paragraph_at(self, char: int) -> bool:
        line = self.line_starts[self.para(char)]
        return all(not c.isalnum() for c in self.text[line:char])

    def in_quote_char(self, char: int) -> bool:
        return any(a <= char < b for a, b in self.quoted)

    def _is_the_quote(self, words: list[Token], spans: list[tuple[int, int]]) -> bool:
        """True when the clause is a direct quote already found (all but "that" inside its marks)."""
        rest = [t for t in words if t.lower_ != "that" or t.dep_ != "mark"]
        return bool(rest) and all(any(a <= t.idx < b for a, b in spans) for t in rest)

    def _according_content(self, tok: Token) -> tuple[int, int] | None:
        head = tok.head
        if head.i == tok.i:
            return None
        skip = {t.i for t in tok.subtree}
        idx = [t.i for t in head.subtree if t.i not in skip]
        runs: list[list[int]] = []
        for i in idx:
            if runs and i == runs[-1][-1] + 1:
                runs[-1].append(i)
            else:
                runs.append([i])
        if not runs:
            return None
        best = max(runs, key=len)
        return best[0], best[-1] + 1

    def after_reported(self, found: list[Found]) -> None:
        """ "…, the mayor said. "Then there is the cost…"": a quote with no speaker of its own right after
        reported speech in its paragraph is the same person's, and so is one inside reported speech
        ("Mayor: the council must 'stop the delays'")."""
        for k, f in enumerate(found):
            if f.rule not in ("no-speaker", "partial-no-cue"):
                continue
            around = next((p for p in found if p.kind == "indirect" and p.entity is not None and p is not f
                           and p.content[0] <= f.content[0] and f.content[1] <= p.content[1]), None)
            if around is not None:
                inherit(f, around, cue=True)
                f.rule = "inside-reported"
                continue
            prev = next((p for p in reversed(found[:k]) if p.content[1] <= f.content[0]), None)
            if prev is None or prev.kind != "indirect" or prev.entity is None and not prev.speaker_name:
                continue
            if prev.para == f.para and prev.entity is not None:
                inherit(f, prev, cue=False)
                f.rule = "after-reported"
            elif prev.para == f.para - 1 and f.kind == "direct" and self._opens_paragraph_at(f.content[0]):
                # 'The costs would rise, she said.\n"We cannot wait."': a paragraph that is only a quote goes on
                # with the speaker of the paragraph before
                inherit(f, prev, cue=False)
                f.rule = "next-paragraph"
