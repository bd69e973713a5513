"""Which language caretool speaks, and why.

Order: --lang, else CARETOOL_LANG, else the household's setting (`caretool config set lang ko`),
else the locale (LC_ALL, LC_MESSAGES, LANG: ko_KR.UTF-8 means Korean), else English.
"""

from __future__ import annotations

from collections.abc import Mapping

from caretool.core.errors import BadInput
from caretool.core.messages import LANGUAGES, msg

UNKNOWN = msg("language.unknown", "there is no {lang!r} language in caretool")
UNKNOWN_HINT = msg("language.unknown.hint", "use one of: {available}")
SOURCES = {
    "option": msg("language.from-option", "the --lang option"),
    "env": msg("language.from-env", "the CARETOOL_LANG variable"),
    "household": msg("language.from-household", "the household setting (caretool config set lang)"),
    "locale": msg("language.from-locale", "your computer's language ({variable})"),
    "default": msg("language.from-default", "the default"),
}
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
# Each language by its own name, so a reader finds theirs whatever language the screen is in.
AUTONYMS = {"en": "English", "ko": "한국어"}


def check(code: str) -> str:
    """A language code caretool speaks ('ko', 'en'; 'ko_KR.UTF-8' is 'ko'), or BadInput."""
    lang = code.strip().lower().replace("-", "_").split(".")[0].split("_")[0]
    if lang not in LANGUAGES:
        raise BadInput(UNKNOWN(lang=code.strip()), UNKNOWN_HINT(available=", ".join(LANGUAGES)))
    return lang


def typed(text: str) -> str:
    """A language as a person types it: its code (ko, ko_KR) or its own name (한국어, English)."""
    word = text.strip().casefold()
    for code, name in AUTONYMS.items():
        if word == name.casefold():
            return code
    return check(text)


def _from_locale(env: Mapping[str, str]) -> tuple[str, str] | None:
    for variable in LOCALE_VARIABLES:
        value = env.get(variable, "")
        if value:  # the first one set decides, as in POSIX; C/POSIX mean "no preference"
            lang = value.split(".")[0].split("_")[0].lower()
            return (lang, variable) if lang in LANGUAGES else None
    return None


def resolve(option: str | None, env: Mapping[str, str], saved: str | None) -> tuple[str, str, str]:
    """(language, where it came from, detail): see the module docstring for the order."""
    if option:
        return check(option), "option", ""
    if env.get("CARETOOL_LANG"):
        return check(env["CARETOOL_LANG"]), "env", ""
    if saved and saved in LANGUAGES:
        return saved, "household", ""
    found = _from_locale(env)
    if found:
        return found[0], "locale", found[1]
    return "en", "default", ""
