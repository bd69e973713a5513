"""The message catalogue: every sentence caretool says has an id and an English template, and
every language's compiled catalogue holds all of them, translated."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from caretool.core import messages
from caretool.core.errors import BadInput, CaretoolError
from caretool.core.messages import N_, Message, msg, msgn, render
from caretool.locale import __main__ as catalogue

PACKAGE = Path(__file__).resolve().parents[1] / "caretool"
ERRORS = {"CaretoolError", "BadInput", "NotFound", "DataError", "LockedError"}
# Modules that still raise errors with plain English text, to be moved to the catalogue.
# This list only shrinks; a module that leaves it must not come back.
NOT_YET_IN_THE_CATALOGUE: set[str] = {
}


def test_a_message_renders_its_parameters_and_nested_messages() -> None:
    inner = msg("t.inner", "{n} days")
    outer = msg("t.outer", "weight down {pct:.1f}% in {span}")
    assert render(outer(pct=5.04, span=inner(n=30))) == "weight down 5.0% in 30 days"
    assert outer(pct=1).params == {"pct": 1}


def test_plural_messages_choose_their_form_by_count() -> None:
    doses = msgn("t.doses", "{count} dose", "{count} doses")
    assert render(doses(count=1)) == "1 dose"
    assert render(doses(count=3)) == "3 doses"


def test_a_stored_message_comes_back_from_its_id() -> None:
    known = {"t.gone": msg("t.gone", "{what} is gone")}
    stored = known["t.gone"](what="the tube").to_dict()
    assert stored == {"id": "t.gone", "params": {"what": "the tube"}}
    again = messages.from_dict(stored, known)
    assert again is not None and render(again) == "the tube is gone"
    assert messages.from_dict({"id": "t.unknown", "params": {}}, known) is None


def test_errors_carry_a_code_and_render_in_the_current_language() -> None:
    error = BadInput(msg("t.bad", "{value} is not a number"), msg("t.bad.hint", "type a number"))
    assert error.code == "t.bad" and isinstance(error.message, Message)
    assert error.exit_code == 2 and issubclass(BadInput, CaretoolError)


def test_one_id_means_one_english_sentence() -> None:
    texts: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
    for found in catalogue.extract():
        if found.context:
            texts[found.context].add((found.msgid, found.plural))
    clashes = {k: v for k, v in texts.items() if len(v) > 1}
    assert not clashes, f"one id, several texts: {clashes}"


def test_the_extractor_finds_every_kind_of_marked_text() -> None:
    tree = ast.parse('msg("a.b", "one")\nmsgn("a.c", "x", "xs")\n_("plain")\nn_("s", "p", 2)\nN_("mark")\n')
    found = {(f.context, f.msgid, f.plural) for f in catalogue._calls(tree, "t.py")}
    assert found == {("a.b", "one", None), ("a.c", "x", "xs"), (None, "plain", None),
                     (None, "s", "p"), (None, "mark", None)}


@pytest.mark.parametrize("lang", catalogue.languages() or ["en"])
def test_every_catalogue_is_complete_translated_and_compiled(lang: str) -> None:
    if lang == "en":
        pytest.skip("no catalogue beyond English yet: English is the source language")
    assert catalogue.problems_in(lang) == "", f"run `python -m caretool.locale update` and translate ({lang})"


def _string_errors(path: Path) -> list[int]:
    """Lines where an error is raised with plain text instead of a Message."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            func = node.exc.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name in ERRORS and any(isinstance(a, ast.Constant | ast.JoinedStr) for a in node.exc.args):
                lines.append(node.lineno)
    return lines


def test_errors_are_raised_with_messages_not_text() -> None:
    offenders = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE.parent).as_posix()
        if (lines := _string_errors(path)) and where not in NOT_YET_IN_THE_CATALOGUE:
            offenders[where] = lines
    assert not offenders, f"raise errors with msg(...) Messages: {offenders}"
    moved = sorted(w for w in NOT_YET_IN_THE_CATALOGUE if not _string_errors(PACKAGE.parent / w))
    assert not moved, f"these no longer raise plain text: take them off NOT_YET_IN_THE_CATALOGUE: {moved}"


def test_running_caretool_never_imports_babel() -> None:
    probe = ("import sys\nfrom caretool.cli.root import build_app\nbuild_app()\n"
             "print([m for m in sys.modules if m.split('.')[0] == 'babel'])\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         timeout=60)
    assert out.stdout.strip() == "[]"


# --- languages: the catalogue's Korean, names in every language, dates, Typer's own words --------
@pytest.fixture
def korean() -> Any:
    messages.set_language("ko")
    yield
    messages.set_language("en")


def test_a_message_in_every_language() -> None:
    label = msg("symptom.swallowing", "Difficulty swallowing")
    assert messages.in_every_language(label) == {"en": "Difficulty swallowing", "ko": "삼킴곤란"}


def test_dates_in_messages_name_weekdays_and_months_in_the_language(korean: None) -> None:
    day = msg("t.day", "{day:%A %d %B %Y}, {day:%a %-d %b}")(day=date(2026, 12, 2))
    assert render(day) == "수요일 02 12월 2026, 수 2 12월"
    messages.set_language("en")
    assert render(day) == "Wednesday 02 December 2026, Wed 2 Dec"


def test_a_help_text_with_parameters_is_translated_later(korean: None) -> None:
    messages.set_language("en")
    english = messages.formatted(N_("Set the {field} ({kinds})."), field=msg("field.severity", "severity"),
                                 kinds=[msg("kind.symptom", "symptom")])
    assert english == "Set the severity (symptom)."
    messages.set_language("ko")
    assert messages._(english) == "정도 바꾸기 (증상)."


def test_typer_words_follow_the_chosen_language_not_the_locale(korean: None,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import gettext

    monkeypatch.setenv("LANGUAGE", "en_US")  # what the stdlib's gettext would read
    messages.set_language("ko")
    assert gettext.gettext("Options") == "옵션"
    messages.set_language("en")
    assert gettext.gettext("Options") == "Options"
    assert gettext.dgettext("another-domain", "Options") == "Options"  # other domains are untouched


def test_speaking_korean_never_imports_babel() -> None:
    probe = ("import sys\nfrom caretool.core import messages\nmessages.set_language('ko')\n"
             "print(messages.render(messages.msg('severity.3', 'severe')))\n"
             "print([m for m in sys.modules if m.split('.')[0] == 'babel'])\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         timeout=60)
    assert out.stdout.split() == ["심함", "[]"]
