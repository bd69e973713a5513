"""What `caretool config` prints."""

from __future__ import annotations

from typing import Any

from caretool.core.language import SOURCES
from caretool.core.messages import _, msg
from caretool.views.output import emit_json, say, tell

LANGUAGE_LINE = msg("config.language-line", "Language in use: {lang} (from {source})")
SETTING_LINE = msg("config.setting-line", "{key} = {value}")
CHANGED = msg("config.changed", "Set {key} to {value}. `caretool undo` puts the old value back.")


def show(settings: dict[str, Any], language: tuple[str, str, str], *, as_json: bool) -> None:
    lang, source, detail = language
    if as_json:
        emit_json({"settings": settings, "language": {"lang": lang, "source": source, "detail": detail}})
        return
    say(LANGUAGE_LINE(lang=lang, source=SOURCES[source](variable=detail)))
    for key, value in settings.items():
        say(SETTING_LINE(key=key, value=_("(not set)") if value is None else value))


def changed(key: str, value: Any, *, as_json: bool) -> None:
    if as_json:
        emit_json({key: value})
    else:
        tell(CHANGED(key=key, value=value))
