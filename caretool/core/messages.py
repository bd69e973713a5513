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

Views and CLI help use `_()` and `n_()` for their own text; `formatted()` marks a help text that
is filled in with parameters before the language is known. `in_every_language()` gives a message in
every language caretool speaks, for input: a symptom or a task typed by its Korean name is understood
whatever language the screens are in. Dates inside messages ({day:%a %d %b}) are written with the
weekday and month names of the current language.
"""

from __future__ import annotations

import gettext
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
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
_CATALOGUES: dict[str, gettext.NullTranslations] = {}


def catalogue(lang: str) -> gettext.NullTranslations:
    """`lang`'s compiled catalogue, read once (English, or a language without one: the templates)."""
    if lang not in _CATALOGUES:
        path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
        if lang == "en" or not path.is_file():
            _CATALOGUES[lang] = gettext.NullTranslations()
        else:
            with open(path, "rb") as handle:
                _CATALOGUES[lang] = gettext.GNUTranslations(handle)
    return _CATALOGUES[lang]


def set_language(lang: str) -> None:
    """Use `lang`'s catalogue from now on (English: the templates themselves).

    Typer translates its own words ("Options", "Commands", "[required]") with gettext's global
    functions; those are pointed at caretool's catalogue in the chosen language (the msgids are
    listed in caretool/locale/external.py so the catalogue carries them). What Typer writes in fixed
    English (the usage line, the help option) cli/root.py replaces.
    """
    _state.update(lang=lang, translations=catalogue(lang))
    _route_global_gettext()


def _route_global_gettext() -> None:
    """gettext.gettext() asks dgettext() for the current domain, and the stdlib's dgettext picks the
    catalogue from the LANGUAGE/LC_*/LANG variables, not from --lang. So the global domain is
    caretool's and its lookups are answered by the chosen catalogue; other domains are untouched."""
    if getattr(gettext.dgettext, "_caretool", False):
        return
    stdlib_d, stdlib_dn = gettext.dgettext, gettext.dngettext

    def dgettext(domain: str, message: str) -> str:
        return _translations().gettext(message) if domain == DOMAIN else stdlib_d(domain, message)

    def dngettext(domain: str, msgid1: str, msgid2: str, n: int) -> str:
        if domain == DOMAIN:
            return _translations().ngettext(msgid1, msgid2, n)
        return stdlib_dn(domain, msgid1, msgid2, n)

    dgettext._caretool = True  # type: ignore[attr-defined]
    gettext.dgettext, gettext.dngettext = dgettext, dngettext
    gettext.textdomain(DOMAIN)


def language() -> str:
    return str(_state["lang"])


def _translations() -> gettext.NullTranslations:
    translations: gettext.NullTranslations = _state["translations"]
    return translations


def _(text: str) -> str:
    """Translate a view's own sentence (no context)."""
    if text in _FORMATTED:
        return _fill(*_FORMATTED[text], translated=True)
    return _translations().gettext(text)


# Help texts with parameters, filled in before the language is known: English text -> its parts.
_FORMATTED: dict[str, tuple[str, Mapping[str, Any]]] = {}


def formatted(template: str, **params: Any) -> str:
    """`template` (mark it with N_) filled in, in English. _() of the result later gives the same
    text in the current language: for help texts built with parameters when the command tree is
    built, before --lang is read. A parameter may be a Message or a list of them (joined by ", ")."""
    english = _fill(template, params, translated=False)
    _FORMATTED[english] = (template, params)
    return english


def _fill(template: str, params: Mapping[str, Any], *, translated: bool) -> str:
    def text(value: Any) -> str:
        if isinstance(value, Message):
            return render(value) if translated else value.text.format_map(value.params)
        if isinstance(value, list | tuple):
            return ", ".join(text(v) for v in value)
        return str(value)

    done = {k: text(v) for k, v in params.items()}
    if translated:
        try:
            return _translations().gettext(template).format_map(done)
        except (KeyError, IndexError, ValueError):
            pass
    return template.format_map(done)


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
        return _format(text, params)
    except (KeyError, IndexError, ValueError):  # a translation that names a parameter wrongly
        return _format(message.text, params)


# --- dates inside messages: {day:%a %d %b} with the names in the current language -------------
WEEKDAY_NAMES = (N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
                 N_("Saturday"), N_("Sunday"))
WEEKDAY_ABBREVIATIONS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
MONTH_NAMES = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
               N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"))
MONTH_ABBREVIATIONS = (N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"), N_("Jul"),
                       N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"))
_STRFTIME = re.compile(r"%(-?.)")


def strftime(value: date, spec: str) -> str:
    """`value.strftime(spec)` with weekday and month names in the current language (strftime
    itself follows the C locale, always English), and %-d / %-m (no leading zero) everywhere."""
    def one(found: re.Match[str]) -> str:
        code = found.group(1)
        names = {"A": WEEKDAY_NAMES, "a": WEEKDAY_ABBREVIATIONS, "B": MONTH_NAMES, "b": MONTH_ABBREVIATIONS}
        if code in names:
            index = value.weekday() if code in "Aa" else value.month - 1
            return _(names[code][index]).replace("%", "%%")
        if code in ("-d", "-m"):
            return str(value.day if code == "-d" else value.month)
        return found.group(0)

    return value.strftime(_STRFTIME.sub(one, spec))


class _Formatter(string.Formatter):
    def format_field(self, value: Any, format_spec: str) -> Any:
        if "%" in format_spec and isinstance(value, date):
            return strftime(value, format_spec)
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()


def _format(text: str, params: Mapping[str, Any]) -> str:
    if "%" not in text:  # the usual case, at str.format's speed
        return text.format_map(params)
    return _FORMATTER.vformat(text, (), params)


def in_every_language(message: Message) -> dict[str, str]:
    """The message in every language caretool speaks, {"en": ..., "ko": ...}: what a user may type
    for a name (a symptom, a task) whatever language the screens are in."""
    out = {}
    for lang in LANGUAGES:
        t = catalogue(lang)
        text = (t.npgettext(message.id, message.text, message.plural, int(message.params.get("count", 1)))
                if message.plural else t.pgettext(message.id, message.text))
        try:
            out[lang] = text.format_map(dict(message.params))
        except (KeyError, IndexError, ValueError):
            out[lang] = message.text.format_map(dict(message.params))
    return out


def from_dict(data: Mapping[str, Any], known: Mapping[str, Message]) -> Message | None:
    """A stored {"id", "params"} back as a Message, when its id is one of `known`."""
    base = known.get(str(data.get("id")))
    if base is None:
        return None
    params = {k: (from_dict(v, known) or v) if isinstance(v, Mapping) else v
              for k, v in dict(data.get("params") or {}).items()}
    return base(**params)
