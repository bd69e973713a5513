"""The registry of entry kinds: each kind declares its fields once, and everything else derives
from that declaration (validation, editable fields, CSV columns, the stored-record check, whether
red-flag rules read it, its report section, its one-line description).

A kind is one module in this package that builds a `Kind` and calls `register()`; add its module
name to MODULES. See docs/architecture.md, "Adding an entry kind".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from caretool.core.errors import BadInput, DataError
from caretool.core.messages import Message, msg

# The kinds caretool knows, in the order they are listed to users.
MODULES = ("symptom", "dose", "hours", "weight", "wellbeing", "note", "selfcheck", "assessment")

UNKNOWN_KIND = msg("kind.unknown", "unknown entry kind {kind!r}")
UNKNOWN_KIND_HINT = msg("kind.unknown.hint", "use one of: {kinds}")
STORED_FIELD_WRONG = msg("kind.stored-field-wrong",
                         "entry {id} ({kind}) has a {field!r} that is not {expected}")
STORED_FIELD_MISSING = msg("kind.stored-field-missing", "entry {id} ({kind}) has no {field!r}")
STORED_HINT = msg("kind.stored.hint", "run `caretool doctor`, or restore a backup")
TYPE_WORDS = {int: "a whole number", float: "a number", str: "text", bool: "yes or no",
              dict: "a table", list: "a list"}


@dataclass(frozen=True)
class Field:
    """One field of a kind, as stored."""

    name: str
    types: tuple[type, ...]  # the JSON types a stored value may have (float fields accept ints)
    label: Message
    editable: bool = True  # `caretool edit ID --<name>` may change it
    csv: bool = True  # a column of `caretool export --format csv`
    required: bool = True  # every stored record has it
    nullable: bool = False


@dataclass(frozen=True)
class Kind:
    name: str
    label: Message
    fields: tuple[Field, ...]
    # User input (text from flags or prompts) to the stored fields, or BadInput naming the field.
    validate: Callable[[Mapping[str, Any]], dict[str, Any]]
    # One line a person can read, e.g. "2.5 h of care (feeding, night)".
    describe: Callable[[Mapping[str, Any]], Message | str]
    red_flags: bool = False  # red-flag rules read entries of this kind
    report_section: str | None = None  # the weekly report section that counts them

    @property
    def editable(self) -> frozenset[str]:
        return frozenset(f.name for f in self.fields if f.editable)

    @property
    def csv_columns(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.csv)

    def check_stored(self, record: Mapping[str, Any]) -> None:
        """A stored record's own fields have the declared types (DataError naming the field)."""
        for f in self.fields:
            if f.name not in record:
                if f.required:
                    raise DataError(STORED_FIELD_MISSING(id=str(record.get("id"))[:7], kind=self.name,
                                                         field=f.name), STORED_HINT)
                continue
            value = record[f.name]
            if value is None and f.nullable:
                continue
            if (isinstance(value, bool) and bool not in f.types) or not isinstance(value, f.types):
                raise DataError(STORED_FIELD_WRONG(id=str(record.get("id"))[:7], kind=self.name,
                                                   field=f.name, expected=TYPE_WORDS[f.types[0]]),
                                STORED_HINT)


_REGISTRY: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    if kind.name in _REGISTRY and _REGISTRY[kind.name] is not kind:
        raise ValueError(f"entry kind {kind.name!r} is registered twice")
    _REGISTRY[kind.name] = kind
    return kind


def _load() -> dict[str, Kind]:
    if len(_REGISTRY) < len(MODULES):
        for name in MODULES:
            import_module(f"{__name__}.{name}")
    return _REGISTRY


def names() -> tuple[str, ...]:
    _load()
    return MODULES


def all_kinds() -> tuple[Kind, ...]:
    registry = _load()
    return tuple(registry[name] for name in MODULES)


def get(name: str) -> Kind:
    registry = _load()
    if name not in registry:
        raise BadInput(UNKNOWN_KIND(kind=name), UNKNOWN_KIND_HINT(kinds=", ".join(MODULES)))
    return registry[name]


def red_flag_kinds() -> frozenset[str]:
    return frozenset(k.name for k in all_kinds() if k.red_flags)


def check_stored(record: Mapping[str, Any]) -> None:
    """The store's per-record check: a known kind whose fields have their declared types.

    Unknown kinds (from a newer caretool in an imported file) are left to the schema version check.
    """
    kind = _load().get(str(record.get("kind")))
    if kind is not None:
        kind.check_stored(record)
