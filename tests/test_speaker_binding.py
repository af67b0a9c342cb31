"""Who a speaker phrase binds to: pronouns to people only, documents as sources with their issuer as principal,
places that modify a people noun, participles after a relative clause, relative "who", headline surnames,
and continuation quotes across paragraphs. Sentences are our own."""

from __future__ import annotations

from dateline.evals.quotes import canonical, read_ann
from test_quotes import HEAD, find, quotes_of


def _speaker(q) -> str:
    return (q.speaker_name or "") + " | " + (q.speaker.text if q.speaker else "")


# -- people, not places or bodies -------------------------------------------------------------------

def test_a_participle_after_a_relative_clause_is_the_main_subject(nlp):
    text = HEAD + ("Mayor Lena Ortiz refused to pay a builder who said he was owed money for a bridge, "
                   "saying, “The work was never finished.”")
    q = find(quotes_of(nlp, text), "The work was never")
    assert "Ortiz" in _speaker(q), _speaker(q)


def test_who_after_a_place_is_the_people_before_it(nlp):
    text = HEAD + ("The plan is likely to calm worried farmers in Nebraska, who have argued that grain "
                   "prices are too low to live on.")
    q = find(quotes_of(nlp, text), "grain prices")
    assert q.speaker is not None and "farmers" in q.speaker.text and "Nebraska" not in (q.speaker_name or "")


def test_a_place_before_a_role_noun_is_not_the_speaker(nlp):
    text = HEAD + ("Senator Stephen Harlow spoke in the capital on Monday.\n"
                   "The Vermont senator said the farm bill was dead for this year.")
    q = find(quotes_of(nlp, text), "the farm bill")
    assert q.speaker_name and "Vermont" not in q.speaker_name and "Harlow" in q.speaker_name, _speaker(q)


def test_a_run_of_the_same_pronoun_goes_back_to_who_started_it(nlp):
    text = HEAD + ("Ann Lee opened the debate hard, painting Tom Hale as a friend of Mary Cole.\n"
                   "She started with wages. She then turned to taxes and to his record.\n"
                   "“Why won’t he pay what he owes?” she said.")
    q = find(quotes_of(nlp, text), "Why won")
    assert q.speaker_name == "Ann Lee", _speaker(q)


def test_said_then_going_on_to_say_is_the_same_speaker(nlp):
    text = HEAD + ("“We will win this seat,” Harlow said, going on to say that the race was closer than the "
                   "polls showed.")
    q = find(quotes_of(nlp, text), "the race was closer")
    assert "Harlow" in _speaker(q), _speaker(q)


def test_a_headline_surname_with_a_colon_is_the_person(nlp):
    text = ("Harlow: the bridge must be rebuilt before the winter\n"
            "Senator Stephen Harlow spoke to farmers in Dover on Monday about the old river crossing.")
    q = find(quotes_of(nlp, text), "the bridge must")
    assert q.speaker_name == "Stephen Harlow", _speaker(q)


# -- documents speak for who issued them: the issuer is the speaker's entity and the principal ------------------

def test_a_statement_issued_by_a_body_is_said_by_the_body(nlp):
    text = HEAD + "On Friday the Harbour Board put out a statement calling the strike “a reckless act by a few.”"
    q = find(quotes_of(nlp, text), "the strike")
    assert q.speaker is not None and "Board" in q.speaker.text, _speaker(q)


def test_a_statement_is_a_source_with_its_issuer_as_principal(nlp):
    text = HEAD + ("Officials at the Health Ministry met on Monday.\n"
                   "“Prices for medicine will fall next year,” a statement from the Health Ministry said.")
    q = find(quotes_of(nlp, text), "Prices for medicine")
    assert q.speaker is not None and q.speaker.text == "a statement", _speaker(q)
    # the words stay the document's, and the one who speaks through it is the body that issued it (57c8199)
    assert q.speaker_entity_id is not None and "Health Ministry" in (q.coref or ""), _speaker(q)
    assert q.principal and "Health Ministry" in q.principal, q.principal


def test_a_report_speaks_under_its_own_name(nlp):
    text = HEAD + "Jane Roe chairs the panel. The panel's report said the river had flooded twice since May."
    q = find(quotes_of(nlp, text), "the river had flooded")
    assert q.speaker_name and "report" in q.speaker_name and q.speaker_entity_id is None, _speaker(q)


# -- the gold reader keeps offsets through Unicode normalisation -----------------------------------

def test_gold_offsets_survive_a_decomposed_accent_and_crlf(tmp_path):
    raw = "Cafe\u0301 owners met.\r\nThe mayor said the cafe\u0301 stays open."
    text, where = canonical(raw)
    assert text == "Café owners met.\nThe mayor said the café stays open."
    start = raw.index("The mayor")
    end = start + len("The mayor")
    assert text[where[start]:where[end]] == "The mayor"
    ann = tmp_path / "a_x.ann"
    ann.write_text(f"T1\tSource {start} {end}\tThe mayor\nT2\tContent 0 4\tCafe\nE1\tAttribution:T2 "
                   f"Content:T2 Source:T1\n", encoding="utf-8")
    ((content, source, _),) = read_ann(ann)
    assert text[where[source[0][0]]:where[source[0][1]]] == "The mayor"


# -- someone of a person's speaks, not the person ---------------------------------------------------

def test_a_party_before_a_surname_is_not_the_speaker(nlp):
    text = HEAD + ("Ken Hollis, the mayor, spoke to reporters on Monday.\n"
                   "Labour's Mr Hollis said the new tram line would open in June.")
    q = find(quotes_of(nlp, text), "the new tram line")
    assert q.speaker_name == "Ken Hollis", _speaker(q)


def test_a_relative_of_a_person_speaks_for_no_one(nlp):
    text = HEAD + "Tom Hale was not at the hearing.\nHale's son said the family would appeal the ruling."
    q = find(quotes_of(nlp, text), "the family would")
    assert q.speaker_entity_id is None and "son" in (q.speaker_name or ""), _speaker(q)
    assert q.principal is None


def test_a_campaign_speaks_for_its_candidate(nlp):
    text = HEAD + "Ann Lee toured three towns on Monday.\nThe Lee campaign said the tour would go on all week."
    q = find(quotes_of(nlp, text), "the tour would")
    assert q.speaker_entity_id is None and "campaign" in (q.speaker_name or ""), _speaker(q)
    assert q.principal == "Ann Lee", q.principal


def test_a_speech_verb_sentence_right_after_the_quote_is_its_cue(nlp):
    text = HEAD + ("Stephen Harlow held his yearly picnic on Saturday.\n"
                   "“This will be our best year yet!” Harlow's niece, state delegate Ann Price of Dover, shouted "
                   "to the crowd.")
    q = find(quotes_of(nlp, text), "This will be our best")
    assert q.cue is not None and q.cue.text == "shouted", (q.rule, _speaker(q))


def test_captions_and_picture_credits_are_furniture():
    from dateline.nlp.quote_marks import furniture_lines

    text = ("Image caption The mayor said little at the opening\n"
            "The mayor opened the bridge on Monday.\n"
            "The senator at a rally in May. Jane Roe/AFP via Getty Images\n"
            "She said the bridge was safe.")
    lines = [text[a:b] for a, b in furniture_lines(text)]
    assert lines == ["Image caption The mayor said little at the opening",
                     "The senator at a rally in May. Jane Roe/AFP via Getty Images"]


def test_he_is_never_a_person_with_a_womans_given_name(nlp):
    text = HEAD + ("After his suspension, Jessica Moreno replaced Carl Dunn on the Sunday broadcast. He was later "
                   "moved to Monday games.\n"
                   "Last month, he said the league had been unfair to him.")
    q = find(quotes_of(nlp, text), "the league had been")
    assert q.speaker_name != "Jessica Moreno", _speaker(q)


def test_a_relative_pronoun_source_is_matched_by_its_antecedent():
    from dateline.evals.quotes import GoldAttribution, Predicted, _speaker_right, tokens

    text = "They paid a builder who said he was owed money, and a man in the crowd who said nothing."
    builder = text.index("a builder")
    who = text.index("who")
    gold = GoldAttribution(content=((text.index("he was"), text.index(", and")),), source=((who, who + 3),))

    def pred(a: int, b: int) -> Predicted:
        return Predicted(frozenset(), tokens(text, ((a, b),)), frozenset(), True, [])

    assert _speaker_right(pred(builder, builder + len("a builder")), gold, text)
    crowd = text.index("the crowd")
    assert not _speaker_right(pred(crowd, crowd + len("the crowd")), gold, text)  # not right before "who"
    man = text.index("a man")
    second = text.index("who said nothing")
    other = GoldAttribution(content=gold.content, source=((second, second + 3),))
    assert not _speaker_right(pred(man, man + len("a man")), other, text)  # "in the crowd" lies between
