"""A contact: {id, name, role, phone, email, hours, note, added}, one dict in household.contacts.

Phones are kept as typed (02-2072-2114, +82 2 2072 2114, (555) 123-4567 ext. 12): a number is what
the family reads aloud to a call handler, so caretool checks it looks like a phone number and
never reformats it. Every field is one line of plain text, so it can be shown safely anywhere.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from caretool.core import dates
from caretool.core.errors import BadInput, NotFound
from caretool.core.messages import Message, msg, render
from caretool.core.text import clean_name, clean_text, name_key, shown

# The roles, in the order the emergency sheet lists them: the people an ambulance crew or a
# family member in a crisis would call first (the breathing team, the specialist nurse who
# coordinates care, the palliative team), then the rest of the team.
ROLES: dict[str, Message] = {
    "respiratory": msg("contact.role.respiratory", "respiratory team"),
    "mnd-nurse": msg("contact.role.mnd-nurse", "ALS/MND specialist nurse"),
    "palliative": msg("contact.role.palliative", "palliative care team"),
    "neurologist": msg("contact.role.neurologist", "neurologist"),
    "gp": msg("contact.role.gp", "family doctor (GP)"),
    "health-centre": msg("contact.role.health-centre", "public health centre"),
    "speech-therapist": msg("contact.role.speech-therapist", "speech and language therapist"),
    "dietitian": msg("contact.role.dietitian", "dietitian"),
    "social-worker": msg("contact.role.social-worker", "social worker"),
    "supplier": msg("contact.role.supplier", "equipment supplier"),
    "other": msg("contact.role.other", "other"),
}
CALL_ORDER = tuple(ROLES)

NAME = msg("field.contact-name", "contact name")
PHONE = msg("field.phone", "phone")
EMAIL = msg("field.email", "email")
HOURS = msg("field.contact-hours", "hours")
NOTE = msg("field.contact-note", "note")
ROLE = msg("field.role", "role")
PHONE_MAX = 40  # the longest international number with an extension fits easily
EMAIL_MAX = 120
HOURS_MAX = 80
NOTE_MAX = 200

ROLE_MISSING = msg("contact.role.missing", "the contact's role is missing")
ROLE_MISSING_HINT = msg("contact.role.missing.hint", "add --role, one of: {roles}")
PHONE_MISSING = msg("contact.phone.missing", "the phone number is missing")
PHONE_MISSING_HINT = msg("contact.phone.missing.hint", "add --phone with the number as you would dial it, "
                         "e.g. --phone 02-2072-2114")
UNKNOWN_ROLE = msg("contact.role.unknown", "{role!r} is not a contact role")
UNKNOWN_ROLE_HINT = msg("contact.role.unknown.hint", "use one of: {roles}")
NOT_A_PHONE = msg("contact.phone.not-a-phone", "{phone!r} does not look like a phone number")
NOT_A_PHONE_HINT = msg("contact.phone.not-a-phone.hint",
                       "type the number with digits and + - ( ) . / or spaces, e.g. 02-2072-2114 or "
                       "+82 2 2072 2114; put anything else in --note")
PHONE_TOO_LONG = msg("contact.phone.too-long", "the phone number is {length} characters long; the limit is "
                     "{limit}")
NOT_AN_EMAIL = msg("contact.email.not-an-email", "{email!r} does not look like an email address")
NOT_AN_EMAIL_HINT = msg("contact.email.not-an-email.hint", "type it as name@example.org, or leave it out")
ONE_LINE = msg("contact.one-line", "the {what} contains control characters or line breaks")
ONE_LINE_HINT = msg("contact.one-line.hint", "type it on one line")
NO_SUCH_CONTACT = msg("contact.unknown", "no contact called {name!r}")
NO_SUCH_CONTACT_HINT = msg("contact.unknown.hint", "contacts: {names}; add one with "
                           "`caretool contact add NAME --role ROLE --phone NUMBER`")
NO_CONTACTS_YET = msg("contact.none-yet", "none yet")
SEVERAL = msg("contact.several", "{name!r} matches several contacts")
SEVERAL_HINT = msg("contact.several.hint", "use the id shown by `caretool contact list`")
SAME_CONTACT = msg("contact.already", "{name} ({role}) is already a contact")
SAME_CONTACT_HINT = msg("contact.already.hint", "change it with `caretool contact edit {id} ...`")

# Digits with the separators people write; an extension after "ext", "x", "#" or 내선.
_PHONE = re.compile(r"\+?[0-9()./ -]*[0-9][0-9()./ -]*(\s*(ext\.?|x|#|내선)\s*[0-9]{1,6})?", re.IGNORECASE)
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
PHONE_DIGITS = (3, 20)  # 119 has three; E.164 allows 15, and an extension adds a few


def role_slug(text: str) -> str:
    """A role by its slug or by its name in the reader's language (any case)."""
    word = " ".join(str(text).strip().lower().replace("_", "-").split())
    if word in ROLES:
        return word
    for slug, label in ROLES.items():
        if word == render(label).lower() or word == label.text.lower():
            return slug
    raise BadInput(UNKNOWN_ROLE(role=shown(text)), UNKNOWN_ROLE_HINT(roles=", ".join(ROLES)))


def one_line(value: Any, what: Message, limit: int) -> str:
    """One line of the family's text: no control characters or line breaks, spaces collapsed."""
    text = clean_text(value, what=what, limit=limit)
    if _CONTROL.search(text):
        raise BadInput(ONE_LINE(what=what), ONE_LINE_HINT)
    return " ".join(text.split())


_line = one_line


def _optional(value: Any, what: Message, limit: int) -> str:
    return _line(value, what, limit) if value not in (None, "") else ""


def phone(text: Any) -> str:
    """A phone number as typed (spaces collapsed), or BadInput: too long, or not a number."""
    if isinstance(text, str) and len(text.strip()) > PHONE_MAX:
        raise BadInput(PHONE_TOO_LONG(length=len(text.strip()), limit=PHONE_MAX), NOT_A_PHONE_HINT)
    value = _line(text, PHONE, PHONE_MAX)
    digits = sum(c.isdigit() and c.isascii() for c in value)
    if not _PHONE.fullmatch(value) or not PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]:
        raise BadInput(NOT_A_PHONE(phone=shown(value)), NOT_A_PHONE_HINT)
    return value


def email(text: Any) -> str:
    value = _optional(text, EMAIL, EMAIL_MAX)
    if value and not _EMAIL.fullmatch(value):
        raise BadInput(NOT_AN_EMAIL(email=shown(value)), NOT_AN_EMAIL_HINT)
    return value


def validate(fields: Mapping[str, Any]) -> dict[str, Any]:
    """User text to the stored fields of a contact (every field checked)."""
    if not str(fields.get("role") or "").strip():
        raise BadInput(ROLE_MISSING, ROLE_MISSING_HINT(roles=", ".join(ROLES)))
    if not str(fields.get("phone") or "").strip():
        raise BadInput(PHONE_MISSING, PHONE_MISSING_HINT)
    return {
        "name": clean_name(fields.get("name", ""), what=NAME),
        "role": role_slug(fields.get("role") or ""),
        "phone": phone(fields.get("phone", "")),
        "email": email(fields.get("email")),
        "hours": _optional(fields.get("hours"), HOURS, HOURS_MAX),
        "note": _optional(fields.get("note"), NOTE, NOTE_MAX),
    }


def new(fields: Mapping[str, Any]) -> dict[str, Any]:
    return {"id": uuid.uuid4().hex, **validate(fields), "added": dates.today().isoformat()}


def in_call_order(contacts: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Contacts in the order to call them: by role (CALL_ORDER), then in the order they were added."""
    rank = {role: i for i, role in enumerate(CALL_ORDER)}
    listed = list(contacts)
    return [dict(c) for _i, c in sorted(enumerate(listed),
                                        key=lambda p: (rank.get(str(p[1].get("role")), len(rank)), p[0]))]


def first_for(contacts: Iterable[Mapping[str, Any]], roles: Iterable[str]) -> dict[str, Any] | None:
    """The first stored contact of the first of `roles` that has one (None: none stored)."""
    listed = list(contacts)
    for role in roles:
        for contact in listed:
            if contact.get("role") == role:
                return dict(contact)
    return None


def find(contacts: list[dict[str, Any]], key: str) -> dict[str, Any]:
    """The contact named by its id (or the id's first 4+ characters) or by its name."""
    word = key.strip()
    by_id = [c for c in contacts if len(word) >= 4 and str(c.get("id", "")).startswith(word.lower())]
    by_name = [c for c in contacts if name_key(str(c.get("name", ""))) == name_key(word)]
    found = by_id or by_name
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise BadInput(SEVERAL(name=shown(word)), SEVERAL_HINT)
    names: Message | str = ", ".join(str(c.get("name")) for c in contacts) or NO_CONTACTS_YET
    raise NotFound(NO_SUCH_CONTACT(name=shown(word)), NO_SUCH_CONTACT_HINT(names=names))


def label(role: str) -> Message | str:
    return ROLES.get(role, role)
