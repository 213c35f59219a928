"""Readings of a clause from the parse that more than one stage needs: whether a verb is a
command. A command to the reader ("call the centre", "Note that ...") is neither news of an
act (the event stage) nor a report of what someone said (the quote stage)."""

from __future__ import annotations

from spacy.tokens import Token


def is_imperative(verb: Token) -> bool:
    """A command with no subject ("For appointments, call the centre", "Go, meet him"): an
    instruction to the reader or listener, not news of an act. A main clause, or what a
    speaker says, whose verb is in its base form (the tagger gives a quoted "Thank you" the
    present's tag) with no subject, auxiliary, "to" or conjunction; a verb joined to one ("go
    and meet") is one too."""
    while True:
        dep = verb.dep_
        if not (verb.tag_ == "VB" or (verb.tag_ == "VBP" and dep in ("ccomp", "advcl"))) or \
                dep not in ("ROOT", "ccomp", "advcl", "conj") or any(
                c.dep_ in _CLAUSE_OPENERS for c in verb.children):
            return False
        if dep != "conj":
            return True
        verb = verb.head


_CLAUSE_OPENERS = frozenset({"nsubj", "nsubjpass", "csubj", "expl", "aux", "auxpass", "mark"})
"""Children a verb has when it is no command: a subject, an auxiliary or "to", a "when" or
"if"."""
