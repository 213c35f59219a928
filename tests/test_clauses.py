from newsgraph.clauses import is_imperative
from tests.docs import parsed


def _verb(text: str, word: str) -> bool:
    doc = parsed(text)
    return is_imperative(next(token for token in doc if token.text == word))


def test_a_command_has_a_base_form_verb_and_no_subject():
    """dev/html pages and dev/places: instructions to the reader or listener."""
    assert _verb("For appointments, call the Grady Health Center.", "call")
    assert _verb("Note that rsync will create sub-directories for you.", "Note")
    assert _verb("Go, meet him at the station.", "meet")  # joined to a command


def test_a_verb_with_a_subject_auxiliary_or_to_is_no_command():
    assert not _verb("Poroshenko called on the Rada to repeal the requirement.", "called")
    assert not _verb("The ministers will meet in Geneva.", "meet")
    assert not _verb("Ukraine asked NATO to send more weapons.", "send")
