"""Dateline's versioned extractors and its eval tasks, registered in one place.

This module sits above what it registers: it imports the extractors (inside ``extractors()``, so that
``dateline --help`` loads no spaCy) and nothing below imports it, except the pipeline asking for its
defaults. spaCy components register themselves in ``nlp/components.py``, where ``build_nlp`` needs them.
"""

from __future__ import annotations

from .extractor import Extractor


def extractors() -> tuple[Extractor, ...]:
    """The extractors ``analyze`` runs, in order. ``requires`` names the slots each reads (grep ``ctx.``);
    ``analyze`` checks that an earlier extractor writes each of them."""
    from .nlp.coref_chains import build_chains
    from .nlp.dates import extract_dates
    from .nlp.entities import extract_entities
    from .nlp.events import extract_events
    from .nlp.learned.classes import classify_sentences
    from .nlp.places import extract_places
    from .nlp.quotes import extract_quotes
    from .nlp.summary import summarize

    return (
        Extractor("dateline.entities.v1", "entities", extract_entities),
        Extractor("dateline.dates.v1", "dates", extract_dates),
        Extractor("dateline.places.v1", "places", extract_places),
        # the chains of "he", "Kim", "the president" to the named entities, built when first asked
        Extractor("dateline.coref.v1", "coref", build_chains, requires=("entities",)),
        # speakers are entities (a pronoun or role noun through its chain); a statement's date and place
        # are the dates and places near its cue
        Extractor("dateline.quotes.v1", "quotes", extract_quotes, requires=("entities", "dates", "places", "coref")),
        # actors are entities (or a quote's speaker, or an entity through its chain); anchors are the
        # clause's dates and places
        Extractor("dateline.events.v1", "events", extract_events,
                  requires=("entities", "dates", "places", "coref", "quotes")),
        Extractor("dateline.summary.v1", "summary", summarize),
        # a sentence's quad class is its main event's, or the learned classifier's where the coder has none
        Extractor("dateline.classes.v1", "sentence_classes", classify_sentences, requires=("events",)),
    )


def eval_tasks() -> dict[str, tuple[str, str]]:
    """Task name -> ("module:function", description)."""
    return {
        "seed": ("dateline.evals.seed:run", "the founding article against its expected reading"),
        "ner": ("dateline.evals.ner:run", "CoNLL-2003 entity micro-F1 (PER/ORG/LOC/MISC)"),
        "time": ("dateline.evals.time:run", "TimeML TIMEX3 with DCTs (TempEval-3 Task A): extent, value, type F1"),
        "quotes": ("dateline.evals.quotes:run", "PolNeAR attribution contents and speakers (BRAT standoff)"),
        "summaries": ("dateline.evals.summaries:run", "BBC News Summary: ROUGE-1/2/L F1 of our 3 sentences and of lead-3"),
        "geo": ("dateline.evals.geo:run", "toponyms found and resolved within 161 km (LGL/GeoVirus/TR-News XML)"),
        "events-plover": ("dateline.evals.events:run_plover",
                          "PLOVER gold records: event type accuracy/macro-F1, actor/recipient country F1"),
        "events-petrarch": ("dateline.evals.events:run_petrarch",
                            "PETRARCH validation records with their dictionaries (--set dictionaries=builtin: "
                            "ours): (source, target, code) F1"),
        "events-quad": ("dateline.evals.conflibert:run_quad",
                        "ConfliBERT cameo_class: quad class (0-4) of each sentence's main event: accuracy, macro-F1"),
        "events-args": ("dateline.evals.conflibert:run_args",
                        "ConfliBERT cameo_ner: source/target/reciprocal argument spans, exact span F1"),
        "events-wikievents": ("dateline.evals.wikievents:run",
                              "WikiEvents articles, KAIROS types read as PLOVER: trigger F1, agent/target F1"),
        "xdoc": ("dateline.evals.xdoc:run",
                 "ECB+ cross-document event coreference (MUC, B3, CEAF-e, CoNLL F1): gold mentions, lemma "
                 "baseline, end to end"),
        "coref": ("dateline.evals.coref:run",
                  "WikiEvents coreference clusters: MUC, B3, CEAF-e and CoNLL F1, all and named+nominal mentions"),
    }
