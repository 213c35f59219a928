"""Every word list is data: read from the files of `newsgraph/data/` once, each defined once."""

from __future__ import annotations

import ast
import gzip
import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest
from spacy.glossary import GLOSSARY

from newsgraph import lexicons
from newsgraph.stages import quotes, times
from newsgraph.stages.events import lexicon as event_lexicon
from newsgraph.stages.events.rules import VERB_LEXICON

SRC = Path(__file__).resolve().parents[1] / "src" / "newsgraph"
DATA = SRC / "data"
MAX_INLINE_WORDS = 8
"""A rule may name a few words of its own ('asylum refuge'); a longer list is a lexicon."""

# What each lexicon file holds, by its columns, and so what it may define only once.
FORMATS = {
    "lexicons/speech.tsv": "word lists",
    "lexicons/entities.tsv": "word lists",
    "lexicons/quotes.tsv": "word lists",
    "lexicons/places.tsv": "word lists",
    "lexicons/times.tsv": "phrase tables",
    "lexicons/verb_prepositions.tsv": "pairs",
    "events/lexicons.tsv": "word lists",
    "events/verbs.tsv": "lemmas",
    "events/nouns.tsv": "lemmas",
    "events/noun_modifiers.tsv": "pairs",
    "events/roles.tsv": "lemmas",
    "events/numbers.tsv": "words",
    "events/agents.tsv": "words",
    "events/actors.tsv.gz": "words",
    "events/harmless_causes.tsv": "patterns",
}
WORD_LIST_FILES = sorted(path for path, kind in FORMATS.items() if kind == "word lists")
SHARED_FILES = sorted(path for path in FORMATS if path.startswith("lexicons/"))
# The modules whose word lists must be data, and the two that expose the data under its names.
STAGE_MODULES = sorted([*(SRC / "stages").rglob("*.py"), SRC / "places.py"])
EXPOSING_MODULES = {SRC / "lexicons.py", SRC / "stages" / "events" / "lexicon.py"}
LABELS = frozenset(GLOSSARY) | {kind for kind, _ in times.GRAMMAR}
"""Collections of these are labels, not words: spaCy's labels, tags and dependencies, and the
names of the time grammar's rules."""


def read_data(path: str) -> str:
    """A data file's text (the large derived tables are gzipped)."""
    data = (DATA / path).read_bytes()
    return (gzip.decompress(data) if path.endswith(".gz") else data).decode("utf-8")


def data_rows(path: str) -> list[list[str]]:
    """A data file's rows, read here without the loader so that the test checks the files."""
    lines = read_data(path).splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def defined_keys(path: str) -> list[object]:
    """What each row of a file defines, in the file's own terms: list names, (table, phrase)
    and (head, word) pairs, lemmas, words, whole rows of patterns."""
    kind, keys = FORMATS[path], []
    for fields in data_rows(path):
        if kind == "word lists" or kind == "words":
            keys.append(fields[0])
        elif kind == "phrase tables":
            keys.append((fields[0], fields[1]))
        elif kind == "pairs":
            keys += [(fields[0], word) for word in fields[1].split()]
        elif kind == "patterns":
            keys.append(tuple(fields))
        else:
            keys += fields[-1].split()
    return keys


def defined_names(path: str) -> set[str]:
    """The names of the word lists or tables a file defines."""
    if FORMATS[path] in ("word lists", "phrase tables"):
        return {fields[0] for fields in data_rows(path)}
    return set()


def test_every_lexicon_file_is_known():
    on_disk = {f"{path.parent.name}/{path.name}" for folder in ("lexicons", "events")
               for path in (DATA / folder).iterdir()}
    assert on_disk == set(FORMATS)


@pytest.mark.parametrize("path", sorted(FORMATS))
def test_each_file_says_where_its_words_come_from(path):
    header = read_data(path).split("\n\n")[0].splitlines()
    comments = [line for line in header if line.startswith("#")]
    assert comments and header[0].startswith("#")
    assert any("Source:" in line for line in comments)
    assert any("Licence:" in line for line in comments)


@pytest.mark.parametrize("path", sorted(FORMATS))
def test_nothing_is_defined_twice_in_a_file(path):
    repeated = {key for key, count in Counter(defined_keys(path)).items() if count > 1}
    assert not repeated, f"{path} defines {sorted(map(str, repeated))} more than once"
    if FORMATS[path] == "word lists":
        for name, words, _note in data_rows(path):
            assert len(words.split()) == len(set(words.split())), f"{name} repeats a word"


def test_no_name_is_defined_in_two_files():
    defined_in: dict[str, str] = {}
    for path in sorted(FORMATS):
        for name in defined_names(path):
            assert name not in defined_in, f"{name} is in {defined_in[name]} and {path}"
            defined_in[name] = path


def test_every_shared_file_is_exposed_under_its_names():
    for path in SHARED_FILES:
        if FORMATS[path] == "word lists":
            for name, words in lexicons.word_lists(path).items():
                assert getattr(lexicons, name) is words, name
        elif FORMATS[path] == "phrase tables":
            for name, phrases in lexicons.phrase_tables(path).items():
                exposed = getattr(lexicons, name)
                assert list(exposed) == list(phrases), name  # in file order
    pairs = lexicons.word_pairs("lexicons/verb_prepositions.tsv")
    assert pairs is lexicons.VERB_PREPOSITIONS and ("talk", "to") in pairs


def test_tables_keep_their_values_and_order():
    assert list(lexicons.MONTHS)[:2] == ["january", "february"] and lexicons.MONTHS["sept"] == 9
    assert lexicons.NUMBERS["a couple of"] == 2 and lexicons.UNITS["decade"] == "DE"
    assert lexicons.VAGUE_NUMBERS[:2] == ("several", "a few")
    assert lexicons.REFERENCES["the near future"] == "FUTURE_REF"


def test_every_month_abbreviation_is_a_month():
    """The publication-date stage reads a month by its first three letters."""
    assert all(lexicons.MONTHS[month[:3]] == number for month, number in lexicons.MONTHS.items())


def test_the_files_are_read_once_per_process(monkeypatch):
    loaders = [
        *(lambda path=path: lexicons.word_lists(path) for path in WORD_LIST_FILES),
        lambda: lexicons.phrase_tables("lexicons/times.tsv"),
        lambda: lexicons.word_pairs("lexicons/verb_prepositions.tsv"),
        event_lexicon.verb_senses, event_lexicon.noun_senses, event_lexicon.noun_modifiers,
        event_lexicon.role_classes, event_lexicon.number_words,
    ]
    reads: list[str] = []
    monkeypatch.setattr(lexicons, "_read_text", lambda path: reads.append(path) or "")
    for load in loaders:
        assert load()
    assert reads == []  # every table came from the first load
    assert lexicons.word_lists("lexicons/quotes.tsv") is lexicons.word_lists("lexicons/quotes.tsv")


def test_a_list_may_take_in_an_earlier_one():
    assert lexicons.PERSON_TITLES > lexicons.HONORIFICS
    assert lexicons.PERSON_NOUNS > lexicons.MALE_NOUNS | lexicons.FEMALE_NOUNS


@pytest.mark.parametrize(("load", "text", "complaint"), [
    ("word_lists", "A\tx y\tnote\nA\tz\tnote\n", "'A' is already defined at"),
    ("word_lists", "A\t+B x\tnote\n", "+B names no lexicon defined above"),
    ("word_lists", "A\tx y\n", "want name, words, note; found 2 fields"),
    ("phrase_tables", "T\ta few\t-\nT\ta few\t3\n", "('T', 'a few') is already defined at"),
    ("word_pairs", "talk\twith to\ntalk\tto\n", "('talk', 'to') is already defined at"),
])
def test_a_second_or_broken_definition_is_refused(monkeypatch, load, text, complaint):
    monkeypatch.setattr(lexicons, "_read_text", lambda path: f"# header\n{text}")
    with pytest.raises(lexicons.LexiconError, match=re.escape(complaint)) as error:
        getattr(lexicons, load).__wrapped__("test/broken.tsv")  # past the cache
    assert "test/broken.tsv:" in str(error.value)  # says where


def test_a_table_of_phrases_without_values_refuses_one():
    with pytest.raises(lexicons.LexiconError, match="have a value"):
        lexicons._valueless({"several": "-", "a dozen": "12"})


# -- the speech verbs: one definition for the quote and the event stage

def test_the_speech_verbs_are_one_lexicon():
    parts = (lexicons.SPEECH_VERBS, lexicons.EVENT_CUE_VERBS, lexicons.OTHER_CUE_VERBS)
    union = frozenset().union(*parts)
    assert union == lexicons.SPEECH_CUE_VERBS
    assert sum(map(len, parts)) == len(lexicons.SPEECH_CUE_VERBS)  # no verb in two parts
    assert event_lexicon.SPEECH_VERBS is lexicons.SPEECH_VERBS  # the event stage's
    assert quotes.SPEECH_CUE_VERBS is lexicons.SPEECH_CUE_VERBS  # the quote stage's


def test_the_event_cue_verbs_are_events_and_the_others_not():
    """What speech.tsv says of its lists, kept true as the event rules change."""
    no_events = sorted(lexicons.EVENT_CUE_VERBS - set(VERB_LEXICON))
    assert not no_events, f"{no_events} are no events: move them to OTHER_CUE_VERBS"
    events = sorted(lexicons.OTHER_CUE_VERBS & set(VERB_LEXICON))
    assert not events, f"{events} are events: move them to EVENT_CUE_VERBS"


# -- no word list in code

def _string_items(node: ast.Set | ast.List | ast.Tuple | ast.Dict) -> list[str]:
    """The strings of a literal collection; a dict's keys when it maps words to values (a
    table like NUMBERS), not when its values are code or records."""
    if isinstance(node, ast.Dict):
        if not all(isinstance(value, ast.Constant) for value in node.values):
            return []
        elements = node.keys
    else:
        elements = node.elts
    return [e.value for e in elements if isinstance(e, ast.Constant) and isinstance(e.value, str)]


def _split_words(node: ast.Call) -> list[str] | None:
    """The words of a call that builds a word list from one string: word_set('a b'),
    frozenset('a b'.split()), 'a b'.split()."""
    func, args = node.func, node.args
    if isinstance(func, ast.Attribute) and func.attr == "split" and not args \
            and isinstance(func.value, ast.Constant) and isinstance(func.value.value, str):
        return func.value.value.split()
    if args and isinstance(args[0], ast.Constant) and isinstance(args[0].value, str) \
            and getattr(func, "id", "") in ("word_set", "_words", "_word_set", "obj_words",
                                            "obj_compound", "frozenset", "set"):
        return args[0].value.split()
    return None


def _inline_word_lists(tree: ast.AST) -> list[tuple[int, int]]:
    """(line, words) of each word list written in code: a call that builds a word set from a
    string, or a literal collection of strings; labels ('relcl', 'GPE') are grammar."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and (words := _split_words(node)) is not None:
            pass
        elif isinstance(node, ast.Set | ast.List | ast.Tuple | ast.Dict):
            words = _string_items(node)
            if words and all(word in LABELS for word in words):
                continue
        else:
            continue
        if len(words) > MAX_INLINE_WORDS:
            found.append((node.lineno, len(words)))
    return found


def _data_names() -> set[str]:
    return set().union(*(defined_names(path) for path in FORMATS))


@pytest.mark.parametrize("path", STAGE_MODULES, ids=lambda path: str(path.relative_to(SRC)))
def test_no_module_defines_a_word_list_inline(path):
    tree = ast.parse(path.read_text("utf-8"))
    assert _inline_word_lists(tree) == [], f"{path.name}: move these lists to data/lexicons/"
    if path in EXPOSING_MODULES:
        return  # it exposes the data lexicons under their names
    redefined = [target.id for node in tree.body if isinstance(node, ast.Assign | ast.AnnAssign)
                 for target in getattr(node, "targets", [getattr(node, "target", None)])
                 if isinstance(target, ast.Name) and target.id in _data_names()]
    assert redefined == [], f"{path.name} defines data lexicons again"


def test_the_inline_check_finds_a_long_list():
    assert _inline_word_lists(ast.parse('X = word_set("a b c d e f g h i")')) == [(1, 9)]
    assert _inline_word_lists(ast.parse('X = _word_set("""a b c d e f g h i""")')) == [(1, 9)]
    assert _inline_word_lists(ast.parse('X = frozenset("a b c d e f g h i".split())'))
    assert _inline_word_lists(ast.parse('X = ("a", "b", "c", "d", "e", "f", "g", "h", "i")'))
    assert _inline_word_lists(ast.parse('X = {"one": 1, "two": 2, "three": 3, "four": 4, '
                                        '"five": 5, "six": 6, "seven": 7, "eight": 8, '
                                        '"nine": 9}'))
    assert _inline_word_lists(ast.parse('X = word_set("asylum refuge")')) == []
    assert _inline_word_lists(ast.parse('X = {"nsubj", "nsubjpass", "csubj", "dobj", "iobj", '
                                        '"pobj", "attr", "ccomp", "xcomp"}')) == []


def test_the_package_ships_every_data_file():
    """pyproject's package-data globs (one folder deep each) cover every data folder."""
    config = tomllib.loads((SRC.parents[1] / "pyproject.toml").read_text("utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["newsgraph"]
    shipped = {path for pattern in globs for path in SRC.glob(pattern) if path.is_file()}
    data = {path for path in DATA.rglob("*") if path.is_file()}
    assert data - shipped == set()
