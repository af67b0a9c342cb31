"""Quotes: direct, partial and indirect statements with their cue, speaker, date and place.

How it reads an article:
1. Quotation-mark stretches come from the characters (``quote_marks``), so unbalanced marks or a
   quote running to the end of the article cannot break the parse-based steps.
2. Each stretch is *direct* when it stands as the statement itself (it opens a sentence or
   follows "said," / ":" and ends the sentence or its clause), else *partial* (a fragment inside
   reported speech: ``reported that "a senior official" was aboard``). A short partial quote
   with no cue is a scare quote, not a statement, and is dropped.
3. Its cue is the speech verb the quote hangs from in the dependency parse (walking up from the
   quote), or a speech verb hanging from it (``"A," he said, "B"``), or the verb of a previous
   sentence ending in a colon (``Cruz continued:``), or a speech verb right after the closing mark
   (``"…?" Graham asked``); with none, the quote continues the last one in its paragraph, or,
   opening a paragraph, takes the last quote's speaker, or follows a sentence whose main verb is a
   speech verb with a person as subject. Page furniture ("Scroll down for video", picture credits)
   is never quoted and never a speaker.
4. Indirect speech (``quote_indirect``): a speech verb with a complement clause ("X said (that) …", "Yonhap
   reported that …") or "according to X"; the content is the clause without the complementiser "that",
   with the closing mark of a quotation opened inside it. A reported clause holding quoted words of the
   same cue is one statement: a ``partial`` record whose content is the clause, the quoted words kept
   in ``Quote.quoted`` (``quote_parse.one_statement``).
5. The speaker is the cue's subject (through participles, conjuncts and relative clauses),
   resolved to the article's entity by ``speakers`` (a spokesperson stays the speaker, with the
   principal they speak for); the date and place are the date and
   place phrases attached to the cue outside the content ("Trump said Sunday at the White
   House"); a quote with none, spoken by the same person as the quote before it, shares that
   one's date ("he also warned").

Each quote is attributed on its own: one that fails is kept with its marks only and recorded as
an ItemError in ``ctx.notes["errors"]``; the others are kept.
"""

from __future__ import annotations

import bisect
import re

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from ..model import Quote, Span
from ..model.ids import stable_id
from .lexicon import PLACE_LABELS, SPEECH_VERBS
from .quote_marks import MarkSpan, find_quotes, furniture_lines
from .quote_indirect import DATELINE, IndirectSpeech
from .quote_parse import (DOUBLE_MARKS, Found, adjacent_subject, colon_speaker, governed_by, inherit, is_title,
                          idiom_said, one_statement, passive, said_by, set_fields, so_called, speaker_tokens, subject, trim)
from .quote_bodies import settle_bodies
from .quote_continuity import settle_pronouns
from .speakers import SpeakerResolver, cannot_speak

NAME = "dateline.quotes.v1"

# Every verb a quotation can hang from: the verbs of saying with a reported clause (lexicon.SPEECH_VERBS,
# the cues of indirect speech) and those that introduce only a direct quotation ("called it ...",
# "urged: ...", "the statement read: ...") or a thought ("hope", "feel", "know").
CUE_VERBS = SPEECH_VERBS | frozenset({
    "accuse", "advise", "ask", "begin", "call", "chant", "characterize", "characterise", "charge", "cite",
    "continue", "demand", "describe",
    "echo", "expect", "feel", "go", "hope", "know", "point", "project", "read", "recommend", "tout", "urge",
    "wonder",
})
# Verbs that, with "back", answer someone in words ("shot back", "fired back", "hit back", "snapped back").
RETORT_VERBS = frozenset({"shoot", "fire", "hit", "snap", "strike", "push"})
DATE_LABELS = ("DATE", "TIME")
_NEWLINE = re.compile("\n")
SCARE_WORDS = 4  # a partial quote of at most this many words and no cue is a scare quote


def extract_quotes(ctx) -> tuple[Quote, ...]:
    doc, text = ctx.doc, ctx.article.text
    reader = _Reader(ctx)
    reader.furniture_spans = furniture_lines(text)
    marks = [m for m in find_quotes(text) if not reader.furniture(m.outer_start)]
    reader.quoted = [(m.outer_start, m.outer_end) for m in marks]
    reader.resolver = SpeakerResolver(doc, tuple(ctx.entities), reader.quoted, ctx.coref)
    found: list[Found] = []
    failures: list[str] = []
    for m in marks:
        try:
            f = reader.direct(m, found)
        except Exception as e:  # one odd quote must not lose the others: record it and go on
            failures.append(f"{m.outer_start}-{m.outer_end}: {type(e).__name__}: {e}")
            f = Found(content=(m.start, m.end), kind="direct", rule="marks-only", para=reader.para(m.start))
        if f is not None:
            found.append(f)
    try:
        found.extend(reader.indirect(found))
    except Exception as e:  # indirect speech is a second pass: its failure keeps the direct quotes
        failures.append(f"indirect: {type(e).__name__}: {e}")
    found.sort(key=lambda f: (f.content[0], f.kind != "partial", f.content[1]))
    settle_pronouns(found, reader.resolver, [s.start_char for s in doc.sents])
    settle_bodies(found, tuple(ctx.entities))
    reader.after_reported(found)
    found = one_statement(found, text, reader.quoted)
    reader.dates_and_places(found)
    if failures:
        from ..model import ItemError

        a = ctx.article
        ctx.notes.setdefault("errors", []).extend(
            ItemError(origin=a.origin, stage=f"analyze:{NAME}", code="quote_failed", message=m, article_id=a.id)
            for m in failures)
    return tuple(_record(ctx.article, f) for f in found)


def _record(article, f: Found) -> Quote:
    text = article.text
    a, b = f.content
    content = Span(start=a, end=b, text=text[a:b])
    cue = Span(start=f.cue[0], end=f.cue[1], text=text[f.cue[0]:f.cue[1]]) if f.cue else None
    speaker = (Span(start=f.speaker_span[0], end=f.speaker_span[1], text=text[f.speaker_span[0]:f.speaker_span[1]])
               if f.speaker_span else None)
    return Quote(
        id=stable_id(article.id, a, b, f.kind, prefix="q"),
        content=content, kind=f.kind, cue=cue, speaker=speaker,  # type: ignore[arg-type]
        speaker_entity_id=f.entity.id if f.entity else None, speaker_name=f.speaker_name,
        date=f.date, place=f.place, rule=f.rule, principal=f.principal, coref=f.coref,
        quoted=tuple(Span(start=x, end=y, text=text[x:y]) for x, y in f.quoted or ()),
    )


class _Reader(IndirectSpeech):
    def __init__(self, ctx) -> None:
        self.ctx = ctx
        self.doc: Doc = ctx.doc
        self.text: str = ctx.article.text
        self.starts = self.doc.to_array(IDX).tolist()  # token offsets without making a Token each
        self.line_starts = [0] + [m.end() for m in _NEWLINE.finditer(self.text)]
        self.quoted: list[tuple[int, int]] = []
        self.resolver: SpeakerResolver | None = None
        self.furniture_spans: list[tuple[int, int]] = []

    # -- positions ---------------------------------------------------------------------------

    def para(self, char: int) -> int:
        return bisect.bisect_right(self.line_starts, char) - 1

    def tokens(self, start: int, end: int) -> list[Token]:
        a = max(bisect.bisect_right(self.starts, start) - 1, 0)
        if a < len(self.doc) and self.doc[a].idx + len(self.doc[a]) <= start:
            a += 1
        b = bisect.bisect_left(self.starts, end)
        return [self.doc[i] for i in range(a, min(b, len(self.doc)))]

    def furniture(self, char: int) -> bool:
        return any(a <= char <= b for a, b in self.furniture_spans)

    def in_quote(self, tok: Token) -> bool:
        i = tok.idx
        return any(a <= i < b for a, b in self.quoted)

    # -- direct and partial quotes -----------------------------------------------------------

    def direct(self, m: MarkSpan, found: list[Found]) -> Found | None:
        toks = [t for t in self.tokens(m.start, m.end) if not t.is_space]
        if not toks or not any(t.is_alpha or t.like_num for t in toks):
            return None
        inside = {t.i for t in toks}
        kind = "direct" if self._stands_alone(m) else "partial"
        f = Found(content=trim(self.text, m.start, m.end), kind=kind, para=self.para(m.start))
        if (kind == "partial" or m.single) and is_title(toks):
            return None  # "Fox News Sunday", 'Coal Is Not the Villain.': a name in marks, not a statement
        cue = self._cue_by_parse(toks, inside)
        rule = "parse"
        if cue is None:
            cue, rule = self._cue_by_colon(m, toks), "colon"
        if cue is None:
            cue, rule = self._cue_after(m), "cue-after"
        if cue is not None:
            self._attribute(f, cue, rule, found)
            return f
        if kind == "partial":
            words = sum(1 for t in toks if t.is_alpha)
            return None if words <= SCARE_WORDS else set_fields(f, rule="partial-no-cue")
        dashed = self._dash_name(m)
        if dashed is not None:
            dash, head = dashed
            f.cue, f.rule = (dash.idx, dash.idx + len(dash)), "dash-name"
            self._set_speaker(f, head, found)
            return f
        named = self._named_colon(m)
        if named is not None:
            colon, head = named
            f.cue, f.rule = (colon.idx, colon.idx + 1), "name-colon"
            self._set_speaker(f, head, found)
            return f
        prev = found[-1] if found else None
        if prev is not None and prev.kind != "indirect" and (prev.speaker_span or prev.speaker_name):
            if prev.para == f.para:
                # '"A," he said. "B."' is one statement; '"A," he said, going on to … "B."' two
                between = self.tokens(prev.content[1], m.outer_start)
                other = [t for t in between if t.pos_ == "VERB" and t.lemma_.lower() in CUE_VERBS and not self.in_quote(t)
                         and (prev.cue_tok is None or t.i != prev.cue_tok.i)]
                after = prev.cue_tok.sent.end if prev.cue_tok is not None else self.tokens(*prev.content)[-1].i + 1
                said = self._reported_between([t for t in other if t.i >= after], toks[0])
                if said is not None:  # '"A," she said. Then Ruiz said that … "B."': the latest speaker's
                    self._attribute(f, said, "cue-sentence-before", found)
                    return f
                inherit(f, prev, cue=not other)
                f.rule = "continues"
                return f
            if prev.para == f.para - 1 and self._opens_paragraph(m):
                inherit(f, prev, cue=False)
                f.rule = "next-paragraph"
                return f
        cue = self._cue_sentence_before(m)
        if cue is not None:
            self._attribute(f, cue, "cue-sentence-before", found)
            # a person, or someone of a named person's ("Lee's niece", "the Clinton team")
            if f.entity is not None and f.entity.type == "PERSON" or f.entity is None and self._someones(f):
                return f
            f.speaker_tok = f.speaker_span = f.speaker_name = f.principal = f.cue = f.cue_tok = None
            f.coref = ""
        f.rule = "no-speaker"
        return f

    def _reported_between(self, verbs: list[Token], first: Token) -> Token | None:
        """The last speech verb heading a whole sentence between two quotes, with its own subject outside
        quotation marks: whoever it reports speaks the quote after it."""
        for v in reversed(verbs):
            subj = subject(v)
            if v.dep_ == "ROOT" and v.sent.end <= first.i and subj is not None and not self.in_quote(subj) and not cannot_speak(subj):
                return v
        return None

    def _someones(self, f: Found) -> bool:
        """The speaker phrase is someone of a named person's: "Lee's niece", "the Clinton team"."""
        owner = self.resolver.owner_of(f.speaker_tok) if f.speaker_tok is not None else None
        return owner is not None and owner.type == "PERSON"

    def _stands_alone(self, m: MarkSpan) -> bool:
        line = self.line_starts[self.para(m.outer_start)]
        before = self.text[line:m.outer_start].rstrip()
        start_ok = (not before or before[-1] in ",:—–-(" or before[-1] in ".?!”\"’'"
                    or self._cue_word_before(m.outer_start))
        if not start_ok:
            return False
        if not m.closed:
            return True
        content = self.text[m.start:m.end].rstrip().rstrip("'’")  # 'a quote ending on a quote.\'"'
        end = min([i for i in (self.text.find("\n", m.outer_end),) if i >= 0] or [len(self.text)])
        after = self.text[m.outer_end:end].lstrip()
        if not after or (content and content[-1] in ",.?!—–-…:;"):
            return True
        return after[0] in ".?!,;)" and (len(after) == 1 or after[1:2].isspace() or after[1] in "\"”")

    def _cue_word_before(self, char: int) -> bool:
        toks = self.tokens(max(char - 40, 0), char)
        toks = [t for t in toks if not t.is_space and t.idx + len(t) <= char]
        return (bool(toks) and toks[-1].lemma_.lower() in CUE_VERBS and toks[-1].pos_ in ("VERB", "AUX")
                and not so_called(toks[-1]) and subject(toks[-1]) is not None)

    def _cue_by_parse(self, toks: list[Token], inside: set[int]) -> Token | None:
        # up from the quote: the first speech verb among its ancestors, outside any quote
        best: tuple[int, Token] | None = None
        for t in toks:
            h = t.head
            if h.i in inside or h.i == t.i:
                continue
            step, cur = 0, h
            while step < 6:
                if cur.i not in inside and not self.in_quote(cur) and self._is_cue(cur, direct_child=step == 0 and t):
                    if best is None or step < best[0]:
                        best = (step, cur)
                    break
                if cur.head.i == cur.i:
                    break
                cur, step = cur.head, step + 1
        if best is not None:
            return self._nearer_cue(best[1], toks)
        # down from the quote: "he said" hanging from a word of the quote
        for t in toks:
            for c in t.children:
                if c.i not in inside and not self.in_quote(c) and self._is_cue(c):
                    return c
        # the same sentence: a speech verb with a subject, nearest to the quote
        sent = toks[0].sent
        cands = [t for t in sent if t.i not in inside and not self.in_quote(t) and self._is_cue(t)
                 and subject(t) is not None]
        if cands:
            return min(cands, key=lambda t: min(abs(t.i - toks[0].i), abs(t.i - toks[-1].i)))
        return None

    def _nearer_cue(self, cue: Token, toks: list[Token]) -> Token:
        """ "Ortega said, proposing two changes, including "…"": the speech verb between the
        cue the parse gave and the quote, when there is one, introduces it."""
        first, last = toks[0].i, toks[-1].i
        lo, hi = (cue.i + 1, first) if cue.i < first else (last + 1, cue.i)
        if cue.i < first:
            between = [t for t in self.doc[lo:hi] if t.sent.start == cue.sent.start and not self.in_quote(t)
                       and t.pos_ == "VERB" and t.lemma_.lower() in CUE_VERBS and self._is_cue(t)]
            if between:
                return between[-1]
        return cue

    def _is_cue(self, tok: Token, direct_child: Token | bool = False) -> bool:
        if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
            return True
        if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("amod", "compound") or so_called(tok) or idiom_said(tok):
            return False
        if tok.lemma_.lower() in CUE_VERBS or tok.lower_ in CUE_VERBS:
            return True
        if tok.lemma_.lower() == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children):
            return True  # "as Rosenthal put it, '...'"
        if tok.lemma_.lower() in RETORT_VERBS and any(c.lower_ == "back" and c.dep_ in ("advmod", "prt")
                                                      for c in tok.children):
            return True  # "Ruiz shot back, '...'": an answer in words
        # an uncommon verb the quote is the object or complement of, with its own subject: "he quipped"
        return (isinstance(direct_child, Token) and direct_child.dep_ in ("ccomp", "parataxis")
                and subject(tok) is not None)

    def _cue_by_colon(self, m: MarkSpan, toks: list[Token]) -> Token | None:
        """ "Cruz continued:" ending the sentence or paragraph before the quote."""
        before = self.text[:m.outer_start].rstrip()
        if not before.endswith(":"):
            return None
        colon = self.tokens(len(before) - 1, len(before))
        if not colon:
            return None
        sent = colon[0].sent
        verbs = [t for t in sent if t.pos_ in ("VERB", "AUX") and subject(t) is not None and not self.in_quote(t)]
        speech = [t for t in verbs if t.lemma_.lower() in CUE_VERBS]
        pick = speech or [t for t in verbs if t.dep_ == "ROOT"]
        return pick[-1] if pick else None

    def _cue_sentence_before(self, m: MarkSpan) -> Token | None:
        """ "Her partner called her a master of the deal. “She never gave up.”": a quote opening right after
        a sentence of its paragraph whose main verb is a speech verb (the caller keeps it only when the
        subject is a known person)."""
        before = self.text[self.line_starts[self.para(m.outer_start)]:m.outer_start].rstrip()
        if not before or before[-1] not in ".!?":
            return None
        end = m.outer_start - (len(self.text[:m.outer_start]) - len(self.text[:m.outer_start].rstrip()))
        last = self.tokens(end - 1, end)
        if not last or self.in_quote(last[0]):
            return None
        root = last[0].sent.root
        if root.pos_ != "VERB" or root.lemma_.lower() not in CUE_VERBS or self.in_quote(root):
            return None
        return root if subject(root) is not None else None

    def _cue_after(self, m: MarkSpan) -> Token | None:
        """ '“…?” Graham asked.' or '“…collapse.” said Stephen Harper': a speech verb right after the
        closing mark, before or after a short name, where the parse split the sentence at the mark."""
        if not m.closed:
            return None
        line_end = self.text.find("\n", m.outer_end)
        toks = [t for t in self.tokens(m.outer_end, line_end if line_end >= 0 else len(self.text))
                if not t.is_space][:7]
        for t in toks:
            if self.in_quote(t) or t.text in (".", "!", "?", ";", ":") or t.text in DOUBLE_MARKS:
                break
            if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in CUE_VERBS and not so_called(t):
                return None if self._says_its_own(m, t) else t
            if t.pos_ not in ("PROPN", "NOUN", "PRON", "DET", "ADJ", "ADV", "PUNCT"):
                break
        return self._said_sentence_after(toks)

    def _says_its_own(self, m: MarkSpan, verb: Token) -> bool:
        """ '"We are ready." She said the vote would be close.': a quote that ends its sentence is not the
        statement of a speech verb after it that reports a clause of its own."""
        ends = self.text[m.start:m.end].rstrip().rstrip("'’")
        return bool(ends) and ends[-1] in ".?!" and any(
            c.dep_ == "ccomp" and c.i > verb.i and not self.in_quote(c) for c in verb.children)

    def _said_sentence_after(self, toks: list[Token]) -> Token | None:
        """ '“…!” Lee's niece, state delegate Ann Price, shouted to the crowd.': the sentence after the mark is
        only a speaker (however long) and a speech verb with nothing of its own said."""
        if not toks or not toks[0].is_sent_start and toks[0].i != toks[0].sent.start:
            return None
        root = toks[0].sent.root
        if root.pos_ != "VERB" or root.lemma_.lower() not in CUE_VERBS or self.in_quote(root) or so_called(root):
            return None
        subj = subject(root)
        if subj is None or subj.left_edge.i != toks[0].i or any(
                c.dep_ in ("ccomp", "dobj", "xcomp", "advcl") for c in root.children):
            return None
        return root

    def _named_colon(self, m: MarkSpan) -> tuple[Token, Token] | None:
        """ "Trump: ‘We will win’": a name just before a colon before the quote."""
        before = self.text[:m.outer_start].rstrip()
        if not before.endswith(":"):
            return None
        toks = [t for t in self.tokens(max(len(before) - 60, 0), len(before)) if not t.is_space]
        if len(toks) < 2 or toks[-1].text != ":":
            return None
        name = toks[-2]
        if name.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or self.resolver.entity_at(name) is not None:
            return toks[-1], name
        return None

    def _dash_name(self, m: MarkSpan) -> tuple[Token, Token] | None:
        """ "“…” ― Sonya Herrid": a dash and a name right after the closing mark."""
        line_end = self.text.find("\n", m.outer_end)
        after = self.text[m.outer_end:line_end if line_end >= 0 else len(self.text)]
        stripped = after.lstrip()
        if not stripped or stripped[0] not in "―—–-":
            return None
        dash = m.outer_end + len(after) - len(stripped)
        toks = [t for t in self.tokens(dash, m.outer_end + len(after)) if not t.is_space]
        if len(toks) < 2 or not any(c in "―—–-" for c in toks[0].text):
            return None
        name = [t for t in toks[1:6] if t.pos_ == "PROPN" or t.ent_type_ == "PERSON"]
        if not name or name[0].i != toks[1].i:
            return None
        head = name[0]
        while head.i + 1 < len(self.doc) and self.doc[head.i + 1].pos_ == "PROPN" and not self.in_quote(
                self.doc[head.i + 1]):
            head = self.doc[head.i + 1]
        return toks[0], head

    def _opens_paragraph(self, m: MarkSpan) -> bool:
        line = self.line_starts[self.para(m.outer_start)]
        return not self.text[line:m.outer_start].strip()

    # -- cue → speaker -----------------------------------------------------------------------

    def _attribute(self, f: Found, cue: Token, rule: str, found: list[Found]) -> None:
        f.cue_tok = cue
        f.cue = (cue.idx, cue.idx + len(cue))
        f.rule = rule
        subj = subject(cue)
        if (subj is None or self.in_quote(subj)) and not passive(cue):
            subj = adjacent_subject(cue, self.in_quote)  # "it was announced that": no one is named
        if subj is not None:
            subj = self._past_dateline(subj)
        if subj is not None and (rule == "colon" or cue.lemma_.lower() not in CUE_VERBS):
            subj = colon_speaker(subj, cue)  # no speech verb: "The delay does not worry Ann Lee: '…'"
        if subj is not None:
            self._set_speaker(f, said_by(subj), found)

    def _past_dateline(self, subj: Token) -> Token:
        """ "OSLO, May 4 - Nordic Freight Inc said ...": the parse may take the wire dateline's place as the
        subject and the company after the dash as its apposition; the company speaks."""
        line = self.line_starts[self.para(subj.idx)]
        m = DATELINE.match(self.text, line)
        if m is None or subj.idx >= m.end():
            return subj
        after = [c for c in subj.children if c.dep_ == "appos" and c.idx >= m.end()]
        after += [c for c in subj.head.children if c.dep_ == "nsubj" and c.idx >= m.end()]  # two subjects
        return after[0] if after else subj

    def _set_speaker(self, f: Found, head: Token, found: list[Found]) -> None:
        if cannot_speak(head) or self.furniture(head.idx):
            return  # "Tuesday", "a suicide attack", "Scroll down for video": no one said it
        span = speaker_tokens(head)
        if not span:
            return
        f.speaker_tok = head
        f.speaker_span = (span[0].idx, span[-1].idx + len(span[-1]))
        last = next((x for x in reversed(found) if x.entity is not None), None)
        last_at = last.cue[0] if last is not None and last.cue else (last.content[0] if last else -1)
        r = self.resolver.resolve(head, span, last_speaker=last.entity if last else None, last_speaker_at=last_at)
        f.entity, f.speaker_name, f.principal, f.coref = r.entity, r.name, r.principal, r.coref

    # -- dates and places --------------------------------------------------------------------

    def dates_and_places(self, found: list[Found]) -> None:
        dates = list(self.ctx.dates)
        places = list(self.ctx.places)
        prev: Found | None = None
        for f in found:
            if f.cue_tok is not None:
                f.date = self._attached(f, [(d.span.start, d.span.end, d.value) for d in dates], DATE_LABELS,
                                        use_ents=False)
                spans = [(p.span.start, p.span.end, p.span.text) for p in places]
                f.place = self._attached(f, spans, PLACE_LABELS, use_ents=not places)
            if f.date is None and prev is not None and prev.date and f.entity is not None \
                    and prev.entity is f.entity and f.para - prev.para <= 1:
                f.date = prev.date  # "he also warned": the same occasion as his last statement
            if f.cue != (prev.cue if prev else None):
                prev = f if f.entity is not None else prev
        return None

    def _attached(self, f: Found, spans: list[tuple[int, int, str]], labels: tuple[str, ...], *,
                  use_ents: bool) -> str | None:
        cue = f.cue_tok
        sent = cue.sent
        lo, hi = sent.start_char, sent.end_char
        cands = [(a, b, v) for a, b, v in spans if lo <= a and b <= hi]
        if use_ents:
            cands += [(e.start_char, e.end_char, e.text) for e in sent.ents if e.label_ in labels]
        best = None
        for a, b, value in cands:
            if any(x <= a < y for x, y in self.quoted) or (f.clause and f.clause[0] <= a < f.clause[1]):
                continue
            if f.content[0] <= a < f.content[1]:
                continue
            toks = self.tokens(a, b)
            if not toks or not governed_by(toks, cue, via_prep=labels is PLACE_LABELS):
                continue
            dist = min(abs(toks[0].i - cue.i), abs(toks[-1].i - cue.i))
            if best is None or dist < best[0]:
                best = (dist, value)
        if best is None:
            return None
        value = best[1]
        if labels is PLACE_LABELS and value.lower().startswith("the "):
            value = value[4:]
        return value
