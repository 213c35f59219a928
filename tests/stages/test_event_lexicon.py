"""The event stage's word lists: read from its data files once, each defined in one place."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest
from spacy.glossary import GLOSSARY

from newsgraph.stages.events import lexicon

SRC = Path(__file__).resolve().parents[2] / "src" / "newsgraph"
DATA = SRC / "data" / "events"
PACKAGE = SRC / "stages" / "events"
MAX_INLINE_WORDS = 8
"""A rule may name a few words of its own ('asylum refuge'); a longer list is a lexicon."""

# The tables' key columns: what each file may define only once.
KEYS = {"lexicons.tsv": "name", "verbs.tsv": "lemmas", "nouns.tsv": "lemmas",
        "noun_modifiers.tsv": "noun modifiers", "roles.tsv": "words", "numbers.tsv": "word"}
LOADERS = (lexicon.lexicons, lexicon.verb_senses, lexicon.noun_senses, lexicon.noun_modifiers,
           lexicon.role_classes, lexicon.number_words)


def data_rows(name: str) -> list[list[str]]:
    """A data file's rows, read here without the loader so that the test checks the files."""
    lines = (DATA / name).read_text("utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def test_every_data_file_is_read_by_the_lexicon():
    assert sorted(p.name for p in DATA.iterdir()) == sorted(lexicon.LEXICON_FILES) == \
        sorted(KEYS)


@pytest.mark.parametrize("name", sorted(KEYS))
def test_each_file_says_where_its_words_come_from(name):
    header = (DATA / name).read_text("utf-8").split("\n\n")[0].splitlines()
    comments = [line for line in header if line.startswith("#")]
    assert comments and header[0].startswith("#")
    assert any("Source:" in line for line in comments)
    assert any("Licence:" in line for line in comments)


@pytest.mark.parametrize("name", sorted(KEYS))
def test_no_name_lemma_or_pair_is_defined_twice(name):
    defined: list[object] = []
    for fields in data_rows(name):
        if name == "lexicons.tsv":
            defined.append(fields[0])
            words = fields[1].split()
            assert len(words) == len(set(words)), f"{fields[0]} repeats a word"
        elif name == "noun_modifiers.tsv":
            defined += [(fields[0], modifier) for modifier in fields[1].split()]
        elif name == "numbers.tsv":
            defined.append(fields[0])
        else:
            defined += fields[-1].split()
    repeated = {key for key in defined if defined.count(key) > 1}
    assert not repeated, f"{name} defines {sorted(map(str, repeated))} more than once"


def test_every_table_loads():
    for load in LOADERS:
        assert load()
    assert lexicon.VERB_SENSES["blow up"] == ("ASSAULT", None)
    assert lexicon.NOUN_MODIFIERS["strike", "hunger"] == ("PROTEST", "strike-hun")
    assert lexicon.ROLE_CLASSES["head"] == "leader" and lexicon.NUMBER_WORDS["dozen"] == 12


def test_the_files_are_read_once_per_process(monkeypatch):
    reads: list[str] = []
    monkeypatch.setattr(lexicon, "_read_text", lambda name: reads.append(name) or "")
    for load in LOADERS:
        load()
    assert reads == []  # every table came from the first load
    assert lexicon.lexicons() is lexicon.lexicons()


def test_every_lexicon_is_exposed_under_its_own_name():
    loaded = lexicon.lexicons()
    for name, words in loaded.items():
        assert getattr(lexicon, name) is words, name
    exposed = {name for name, value in vars(lexicon).items()
               if name.isupper() and isinstance(value, frozenset)}
    assert exposed == set(loaded)


def test_a_lexicon_may_take_in_an_earlier_one():
    assert lexicon.OWNED_NOUNS > lexicon.ABSTRACT_TARGETS | lexicon.COMMUNICATION_NOUNS
    assert "initiative" in lexicon.OWNED_NOUNS and "+ABSTRACT_TARGETS" not in lexicon.OWNED_NOUNS


@pytest.mark.parametrize(("loader", "name", "text", "complaint"), [
    ("lexicons", "lexicons.tsv", "A\tx y\tnote\nA\tz\tnote\n", "'A' is already defined at"),
    ("lexicons", "lexicons.tsv", "A\t+B x\tnote\n", "+B names no lexicon defined above"),
    ("lexicons", "lexicons.tsv", "A\tx y\n", "want name, words, note; found 2 fields"),
    ("verb_senses", "verbs.tsv", "ASSAULT\t-\tkill\nCOERCE\tarrest\tkill\n", "already defined"),
    ("verb_senses", "verbs.tsv", "FIGHT\t-\tbrawl\n", "not a PLOVER event type"),
    ("noun_senses", "nouns.tsv", "AID\t-\taid\nAID\tmilitary\taid\n", "already defined"),
    ("noun_modifiers", "noun_modifiers.tsv", "strike\tair air\tASSAULT\t-\n", "already defined"),
    ("role_classes", "roles.tsv", "leader\thead\nchief\thead\n", "already defined"),
    ("number_words", "numbers.tsv", "one\t1\none\t2\n", "already defined"),
])
def test_a_second_or_broken_definition_is_refused(monkeypatch, loader, name, text, complaint):
    monkeypatch.setattr(lexicon, "_read_text", lambda wanted: f"# header\n{text}")
    load = getattr(lexicon, loader).__wrapped__  # past the cache: read the text given here
    with pytest.raises(lexicon.LexiconError, match=complaint.replace("+", r"\+")) as error:
        load()
    assert f"{name}:" in str(error.value)  # says where


def _string_items(node: ast.Set | ast.List | ast.Tuple | ast.Dict) -> list[str]:
    """The strings of a literal collection; a dict's keys when it maps words to values (a
    table like NUMBER_WORDS), not when its values are code or records."""
    if isinstance(node, ast.Dict):
        if not all(isinstance(value, ast.Constant) for value in node.values):
            return []
        elements = node.keys
    else:
        elements = node.elts
    return [e.value for e in elements if isinstance(e, ast.Constant) and isinstance(e.value, str)]


def _inline_word_lists(tree: ast.AST) -> list[tuple[int, int]]:
    """(line, words) of each word list written in code: a call that builds a word set from a
    string, or a literal collection of strings; parser labels ('relcl', 'GPE') are grammar."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str) and getattr(node.func, "id", "") in (
                    "word_set", "_words", "obj_words", "obj_compound", "frozenset", "set"):
            words = node.args[0].value.split()
        elif isinstance(node, ast.Set | ast.List | ast.Tuple | ast.Dict):
            words = _string_items(node)
            if words and all(word in GLOSSARY for word in words):
                continue
        else:
            continue
        if len(words) > MAX_INLINE_WORDS:
            found.append((node.lineno, len(words)))
    return found


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda path: path.name)
def test_no_module_defines_a_word_list_inline(path):
    tree = ast.parse(path.read_text("utf-8"))
    assert _inline_word_lists(tree) == [], f"{path.name}: move these lists to data/events/"
    if path.name == "lexicon.py":
        return  # it exposes the data lexicons under their names
    names = set(lexicon.lexicons())
    redefined = [target.id for node in tree.body if isinstance(node, ast.Assign | ast.AnnAssign)
                 for target in getattr(node, "targets", [getattr(node, "target", None)])
                 if isinstance(target, ast.Name) and target.id in names]
    assert redefined == [], f"{path.name} defines data lexicons again"


def test_the_inline_check_finds_a_long_list():
    assert _inline_word_lists(ast.parse('X = word_set("a b c d e f g h i")')) == [(1, 9)]
    assert _inline_word_lists(ast.parse('X = ("a", "b", "c", "d", "e", "f", "g", "h", "i")'))
    assert _inline_word_lists(ast.parse('X = {"one": 1, "two": 2, "three": 3, "four": 4, '
                                        '"five": 5, "six": 6, "seven": 7, "eight": 8, '
                                        '"nine": 9}'))
    assert _inline_word_lists(ast.parse('X = word_set("asylum refuge")')) == []


def test_the_package_ships_every_data_file():
    """pyproject's package-data globs (one folder deep each) cover data/events/ too."""
    config = tomllib.loads((SRC.parents[1] / "pyproject.toml").read_text("utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["newsgraph"]
    shipped = {path for pattern in globs for path in SRC.glob(pattern) if path.is_file()}
    data = {path for path in (SRC / "data").rglob("*") if path.is_file()}
    assert data - shipped == set()
