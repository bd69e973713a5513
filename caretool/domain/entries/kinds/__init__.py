"""The registry of entry kinds: each kind declares its fields once, and everything else derives
from that declaration (validation, editable fields, CSV columns, the stored-record check, whether
red-flag rules read it, its report section, its one-line description).

A kind is one module in this package that builds a `Kind` (as its KIND) and calls `register()`; add
its module name to MODULES (the kinds caretool ships, in the order users see them; a kind registered
from elsewhere comes after them; a kind named with a hyphen, cough-assist, lives in
cough_assist.py). Nothing else changes: `caretool edit ID --FIELD` gets an option for each editable
field, `history --kind` accepts it, export writes its CSV columns and import checks its records with
its validator. See docs/architecture.md, "Adding an entry kind".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import import_module
from operator import itemgetter, methodcaller
from typing import Any

from caretool.core.errors import BadInput, DataError
from caretool.core.messages import Message, msg
from caretool.core.text import shown

# Fields every entry has (model.COMMON) and `caretool edit`'s own options: no kind may use them.
COMMON_FIELDS = ("id", "kind", "at", "day", "caregiver", "created", "source", "warnings")
RESERVED_OPTIONS = ("at", "caregiver", "json", "help", "id")
# The kinds caretool knows, in the order they are listed to users.
MODULES = ("symptom", "dose", "hours", "weight", "wellbeing", "note", "selfcheck", "assessment", "rating",
           "breathing", "niv", "cough_assist", "suction", "feed", "tube_change")

UNKNOWN_KIND = msg("kind.unknown", "unknown entry kind {kind!r}")
UNKNOWN_KIND_HINT = msg("kind.unknown.hint", "use one of: {kinds}")
STORED_FIELD_WRONG = msg("kind.stored-field-wrong",
                         "entry {id} ({kind}) has a {field!r} that is not {expected}")
STORED_FIELD_MISSING = msg("kind.stored-field-missing", "entry {id} ({kind}) has no {field!r}")
STORED_HINT = msg("kind.stored.hint", "run `caretool doctor`, or restore a backup")
TYPE_WORDS: dict[type, Message] = {
    int: msg("kind.type-int", "a whole number"), float: msg("kind.type-float", "a number"),
    str: msg("kind.type-str", "text"), bool: msg("kind.type-bool", "yes or no"),
    dict: msg("kind.type-dict", "a table"), list: msg("kind.type-list", "a list"),
}


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
    flag: str = ""  # the option that sets it (`--sleep`); default: the name, with - for _
    off_flag: str = ""  # a yes-or-no field's "no" option (`--day` for `--night`); default --no-FLAG

    @property
    def option(self) -> str:
        return self.flag or self.name.replace("_", "-")

    @property
    def is_bool(self) -> bool:
        return self.types == (bool,)


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
        """A stored record's own fields have the declared types (DataError naming the field).

        Every entry of every month read goes through this (export reads them all), so the usual
        case is one exact-type test per field; subclasses, None and bool take the careful path."""
        for f in self.fields:
            value = record.get(f.name, _ABSENT)
            if type(value) in f.types:
                continue
            if value is _ABSENT:
                if f.required:
                    raise DataError(STORED_FIELD_MISSING(id=str(record.get("id"))[:7], kind=self.name,
                                                         field=f.name), STORED_HINT)
                continue
            if value is None and f.nullable:
                continue
            if (isinstance(value, bool) and bool not in f.types) or not isinstance(value, f.types):
                raise DataError(STORED_FIELD_WRONG(id=str(record.get("id"))[:7], kind=self.name,
                                                   field=f.name, expected=TYPE_WORDS[f.types[0]]),
                                STORED_HINT)


_ABSENT = object()


_REGISTRY: dict[str, Kind] = {}
_LOADED: list[bool] = []
_SHIPPED: list[str] = []  # the kinds MODULES register, in their order


def register(kind: Kind) -> Kind:
    """Add a kind. Its options must not clash with another kind's (one `--note` means one field)
    nor with the fields every entry has or `edit`'s own options."""
    if kind.name in _REGISTRY and _REGISTRY[kind.name] is not kind:
        raise ValueError(f"entry kind {kind.name!r} is registered twice")
    for mine in kind.fields:
        if mine.name in COMMON_FIELDS or mine.option in RESERVED_OPTIONS:
            raise ValueError(f"{kind.name!r} cannot have a field {mine.name!r} (--{mine.option}): "
                             "every entry has it, or `edit` uses that option")
    for other in _REGISTRY.values():
        for mine in kind.fields:
            for theirs in other.fields:
                if mine.option == theirs.option and (mine.name, mine.is_bool, mine.off_flag) != (
                        theirs.name, theirs.is_bool, theirs.off_flag):
                    raise ValueError(f"--{mine.option} of {kind.name!r} is already {other.name!r}'s "
                                     f"{theirs.name!r}; give the field another flag")
    _REGISTRY[kind.name] = kind
    return kind


def unregister(name: str) -> None:
    """Take away a kind registered from outside this package (the kinds caretool ships stay)."""
    _load()
    if name in MODULES or name in _SHIPPED:
        raise ValueError(f"entry kind {name!r} ships with caretool and cannot be removed")
    _REGISTRY.pop(name, None)


def _load() -> dict[str, Kind]:
    if not _LOADED:
        for name in MODULES:
            _SHIPPED.append(import_module(f"{__name__}.{name}").KIND.name)
        _LOADED.append(True)
    return _REGISTRY


def names() -> tuple[str, ...]:
    registry = _load()
    return (*_SHIPPED, *(name for name in registry if name not in _SHIPPED))


def all_kinds() -> tuple[Kind, ...]:
    registry = _load()
    return tuple(registry[name] for name in names())


def get(name: str) -> Kind:
    registry = _load()
    if name not in registry:
        raise BadInput(UNKNOWN_KIND(kind=shown(name)), UNKNOWN_KIND_HINT(kinds=", ".join(names())))
    return registry[name]


def editable_fields() -> list[tuple[Field, tuple[Kind, ...]]]:
    """Every editable field once, with the kinds that have it: `caretool edit`'s options."""
    found: dict[str, tuple[Field, list[Kind]]] = {}
    for kind in all_kinds():
        for f in kind.fields:
            if f.editable:
                found.setdefault(f.option, (f, []))[1].append(kind)
    return [(f, tuple(owners)) for f, owners in found.values()]


def csv_columns() -> tuple[str, ...]:
    """The kinds' own CSV columns, each once, in the order the kinds and their fields come."""
    return tuple(dict.fromkeys(c for kind in all_kinds() for c in kind.csv_columns))


def red_flag_kinds() -> frozenset[str]:
    return frozenset(k.name for k in all_kinds() if k.red_flags)


def all_stored_sound(records: Sequence[Mapping[str, Any]]) -> bool:
    """check_stored() for a whole month at once, as a yes or no (the store then finds and names the
    bad entry with check_stored). Export reads every month, so each field of each kind is checked
    as a column with C-level loops instead of entry by entry."""
    registry = _REGISTRY if _LOADED else _load()
    groups: dict[Any, list[Mapping[str, Any]]] = {}
    for record in records:
        groups.setdefault(record.get("kind"), []).append(record)
    for name, group in groups.items():
        kind = registry.get(str(name))
        if kind is None:
            continue
        for f in kind.fields:
            allowed = {*f.types, type(None)} if f.nullable else set(f.types)
            if f.required:
                try:
                    found = set(map(type, map(itemgetter(f.name), group)))
                except (KeyError, TypeError):
                    return False
            else:
                found = set(map(type, map(methodcaller("get", f.name, _ABSENT), group))) - _ABSENT_TYPE
            if not found <= allowed:
                return False
    return True


_ABSENT_TYPE = {type(_ABSENT)}


def check_stored(record: Mapping[str, Any]) -> None:
    """The store's per-record check: a known kind whose fields have their declared types.

    Unknown kinds (from a newer caretool in an imported file) are left to the schema version check.
    """
    kind = (_REGISTRY if _LOADED else _load()).get(str(record.get("kind")))
    if kind is not None:
        kind.check_stored(record)
