"""Choosing the language: --lang, CARETOOL_LANG, the household setting, the locale, English."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from caretool.core import language
from caretool.core.errors import BadInput


@pytest.mark.parametrize(("option", "env", "saved", "wanted"), [
    ("ko", {"CARETOOL_LANG": "en", "LANG": "en_US.UTF-8"}, "en", ("ko", "option")),
    (None, {"CARETOOL_LANG": "ko", "LANG": "en_US.UTF-8"}, "en", ("ko", "env")),
    (None, {"LANG": "en_US.UTF-8"}, "ko", ("ko", "household")),
    (None, {"LANG": "ko_KR.UTF-8"}, None, ("ko", "locale")),
    (None, {"LC_ALL": "ko_KR.UTF-8", "LANG": "en_US.UTF-8"}, None, ("ko", "locale")),
    (None, {"LC_ALL": "C", "LANG": "ko_KR.UTF-8"}, None, ("en", "default")),  # LC_ALL=C decides
    (None, {}, None, ("en", "default")),
    ("ko-KR", {}, None, ("ko", "option")),
])
def test_the_language_comes_from_the_first_place_that_names_one(
    option: str | None, env: dict[str, str], saved: str | None, wanted: tuple[str, str]
) -> None:
    assert language.resolve(option, env, saved)[:2] == wanted


@pytest.mark.parametrize("code", ["fr", "xx", "", "korean"])
def test_an_unknown_language_is_refused_naming_the_available_ones(code: str) -> None:
    with pytest.raises(BadInput) as caught:
        language.check(code)
    assert "en, ko" in str(caught.value.hint)


def test_an_unknown_lang_option_exits_2_with_one_line(run: Any) -> None:
    result = run("--lang", "fr", "paths", code=2)
    assert result.stderr.count("\n") == 1 and "en, ko" in result.stderr


def test_config_shows_the_language_and_where_it_came_from(
    run: Any, household: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    household()
    monkeypatch.delenv("CARETOOL_LANG", raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert run.json("config", "show")["language"]["source"] == "locale"
    run("config", "set", "lang", "en")
    info = run.json("config", "show")
    assert info["settings"]["lang"] == "en" and info["language"]["source"] == "household"
    assert run.json("--lang", "en", "config", "show")["language"]["source"] == "option"
    run("undo")
    assert run.json("config", "show")["settings"]["lang"] is None


def test_config_set_refuses_an_unknown_setting_or_value(run: Any, household: Callable[..., Any]) -> None:
    household()
    assert "settings: lang" in run("config", "set", "colour", "red", code=2).stderr
    assert "en, ko" in run("config", "set", "lang", "fr", code=2).stderr
