"""What caretool says: an id, an English template and named parameters, rendered through gettext.

Rules, services, the store and errors carry `Message`s, never finished sentences: the views and the
error boundary render them in the chosen language. Stored data keeps ids and parameters only.

    NOT_A_DATE = msg("date.unreadable", "cannot read {text!r} as a date")
    raise BadInput(NOT_A_DATE(text=raw), DATE_HINT)

The id is the gettext context (msgctxt) and the English template the msgid, so translators see
the English sentence and two messages with the same words may still be translated differently.
Templates are whole sentences with named placeholders; `{hours:g}`-style format specs work, and a
parameter that is itself a Message is rendered first. Plural messages (`msgn`) choose their form
by the `count` parameter. Extraction keywords (see caretool/locale/README.md): msg:1c,2,
msgn:1c,2,3, _, n_:1,2.

Views and CLI help use `_()` and `n_()` for their own text.
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"
DOMAIN = "caretool"
LANGUAGES = ("en", "ko")  # English is the source language: it needs no catalogue


@dataclass(frozen=True)
class Message:
    id: str
    text: str
    plural: str = ""
    params: Mapping[str, Any] = field(default_factory=dict)

    def __call__(self, **params: Any) -> Message:
        """The same message with (more) parameters filled in."""
        return replace(self, params={**self.params, **params})

    def __str__(self) -> str:  # so a Message can stand wherever text is printed
        return render(self)

    def to_dict(self) -> dict[str, Any]:
        """The stored or JSON form: the id and plain parameters, no sentence."""
        return {"id": self.id, "params": {k: (v.to_dict() if isinstance(v, Message) else v)
                                          for k, v in self.params.items()}}


def msg(id: str, text: str) -> Message:
    """Declare a message (extracted into the catalogue as context `id`, msgid `text`)."""
    return Message(id, text)


def msgn(id: str, singular: str, plural: str) -> Message:
    """Declare a message with a plural form, chosen by the `count` parameter."""
    return Message(id, singular, plural)


# --- the chosen language ----------------------------------------------------------------------
_state: dict[str, Any] = {"lang": "en", "translations": gettext.NullTranslations()}


def set_language(lang: str) -> None:
    """Use `lang`'s catalogue from now on (English: the templates themselves).

    Typer and Click translate their own words ("Usage:", "Options") through gettext's global
    domain, so that is pointed at caretool's catalogue too (their msgids are listed in
    caretool/locale/external.py so the catalogue carries them).
    """
    if lang == "en" or not (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file():
        translations: gettext.NullTranslations = gettext.NullTranslations()
    else:
        with open(LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as handle:
            translations = gettext.GNUTranslations(handle)
    _state.update(lang=lang, translations=translations)
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN if lang != "en" else "messages")


def language() -> str:
    return str(_state["lang"])


def _translations() -> gettext.NullTranslations:
    translations: gettext.NullTranslations = _state["translations"]
    return translations


def _(text: str) -> str:
    """Translate a view's own sentence (no context)."""
    return _translations().gettext(text)


def n_(singular: str, plural: str, count: int) -> str:
    """Translate a view's own sentence with a plural form."""
    return _translations().ngettext(singular, plural, count)


def N_(text: str) -> str:
    """Mark text for the catalogue where it is declared; translate it later with _()."""
    return text


# --- rendering --------------------------------------------------------------------------------
def template(message: Message) -> str:
    """The message's template in the current language, parameters not yet filled in."""
    t = _translations()
    if message.plural:
        return t.npgettext(message.id, message.text, message.plural, int(message.params.get("count", 1)))
    return t.pgettext(message.id, message.text)


def render(message: Message | str) -> str:
    """The finished sentence in the current language."""
    if isinstance(message, str):
        return message
    params = {k: render(v) if isinstance(v, Message) else v for k, v in message.params.items()}
    text = template(message)
    try:
        return text.format_map(params)
    except (KeyError, IndexError, ValueError):  # a translation that names a parameter wrongly
        return message.text.format_map(params)


def from_dict(data: Mapping[str, Any], known: Mapping[str, Message]) -> Message | None:
    """A stored {"id", "params"} back as a Message, when its id is one of `known`."""
    base = known.get(str(data.get("id")))
    if base is None:
        return None
    params = {k: (from_dict(v, known) or v) if isinstance(v, Mapping) else v
              for k, v in dict(data.get("params") or {}).items()}
    return base(**params)
