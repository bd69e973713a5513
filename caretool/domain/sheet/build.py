"""The emergency sheet as plain data: what an ambulance crew or an emergency department must learn in
a minute. The views (views/sheet_*.py) render it as text, Markdown or one printed A4 page.

Every field is there even when nothing is recorded (its value is None, and the views say "not
recorded"): a blank that disappears reads as "nothing to know". Each fact that comes from a source
(the oxygen caution, aspiration, a feeding tube that comes out, what to tell the call handler)
carries the anchors of docs/clinical-sources.md it rests on; the sheet's footer lists them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from caretool.core import dates
from caretool.core.messages import Message, msg
from caretool.domain.care import sources
from caretool.domain.care.flags import CALL_HANDLER, CALL_HANDLER_SOURCE, OXYGEN_SOURCE
from caretool.domain.contacts.model import in_call_order
from caretool.domain.contacts.model import label as role_label
from caretool.domain.decisions.model import FIELDS as DECISION_FIELDS
from caretool.domain.entries import service as entries
from caretool.domain.equipment.model import BREATHING, TYPES, in_use
from caretool.domain.equipment.model import label as equipment_label
from caretool.domain.household.model import PHASE_TITLES, Household

FORMAT = "caretool-sheet"
VERSION = 1

DIAGNOSIS = msg("sheet.diagnosis", "ALS (amyotrophic lateral sclerosis), also called MND (motor neurone "
                "disease)")
EMERGENCY = msg("sheet.emergency-number", "Emergency number: 119 in Korea, 911 in the US, 999 or 112 in "
                "the UK and Ireland.")
RISK_OXYGEN = msg("sheet.risk.oxygen",
                  "Oxygen only with caution and close monitoring (blood gases): in ALS/MND, oxygen can slow "
                  "breathing and let carbon dioxide build up (CO2 retention).")
RISK_NIV = msg("sheet.risk.niv",
               "Uses a breathing machine (NIV or ventilator): bring the machine, its mask and its power "
               "lead. NIV blows air under pressure, not oxygen.")
RISK_ASPIRATION = msg("sheet.risk.aspiration",
                      "Aspiration: swallowing can be weak, so food, drink or saliva can go into the lungs "
                      "and cause a chest infection.")
FEEDING: dict[str, Message] = {
    "tube-only": msg("sheet.feeding.tube-only", "Fed by tube only."),
    "tube-and-mouth": msg("sheet.feeding.tube-and-mouth", "Eats by mouth and is also fed by tube."),
    "mouth": msg("sheet.feeding.mouth", "Eats and drinks by mouth."),
}
RISK_TUBE = msg("sheet.risk.tube",
                "Feeding tube: if it comes out, the opening can close within hours. Cover it with a clean "
                "dressing and have it replaced the same day; bring the spare tube.")
RISK_COMMUNICATION = msg("sheet.risk.communication", "When speech is gone: {method}")
RISK_COMMUNICATION_AID = msg("sheet.risk.communication-aid", "uses a communication aid ({aid})")
NOT_RECORDED = msg("sheet.not-recorded", "not recorded")

# Where the footer points a reader (the anchors' entries in docs/clinical-sources.md hold the rest).
SOURCE_URLS = {
    "mnda-oxygen": "mybreathing.mymnd.org.uk/choices/oxygen-therapy",
    "niv4mnd": "www.niv4mnd.co.uk",
    "mnd-australia-dysphagia": "mndaustralia.org.au",
    "nhs-gastrostomy-tube-out": "kentcht.nhs.uk (leaflet 01178)",
    "mnd-scotland-choking": "mndscotland.org.uk/what-is-mnd/living-with-mnd/choking",
    "korea-lst": "lst.go.kr",
}


def _risk(key: str, text: Message, *cited: str, detail: Message | str | None = None) -> dict[str, Any]:
    return {"id": key, "text": text, "detail": detail, "sources": list(cited)}


def _communication(household: Household, equipment: list[dict[str, Any]]) -> Message | str | None:
    said = household.person.get("communication")
    if said:
        return str(said)
    aids = ["; ".join(p for p in (i.get("model"), i.get("settings")) if p) or equipment_label(i["type"])
            for i in equipment if i.get("type") == "communication-aid"]
    return RISK_COMMUNICATION_AID(aid=", ".join(str(a) for a in aids)) if aids else None


def _risks(household: Household, equipment: list[dict[str, Any]]) -> list[dict[str, Any]]:
    types = {str(i.get("type")) for i in equipment}
    feeding = household.settings.get("feeding")
    risks = [_risk("oxygen", RISK_OXYGEN, OXYGEN_SOURCE)]
    if types & set(BREATHING):
        risks.append(_risk("niv", RISK_NIV, OXYGEN_SOURCE, "niv4mnd"))
    risks.append(_risk("aspiration", RISK_ASPIRATION, "mnd-australia-dysphagia",
                       detail=FEEDING.get(str(feeding)) if feeding else None))
    if "peg" in types or feeding in ("tube-only", "tube-and-mouth"):
        risks.append(_risk("tube", RISK_TUBE, "nhs-gastrostomy-tube-out"))
    method = _communication(household, equipment)
    risks.append(_risk("communication", RISK_COMMUNICATION(method=method or NOT_RECORDED), detail=method))
    risks.append(_risk("call-handler", CALL_HANDLER, CALL_HANDLER_SOURCE))
    return risks


def _medications(household: Household, today: date) -> list[dict[str, Any]]:
    from caretool.domain.meds import service as meds

    out = []
    for med in household.medications:
        if meds.status(med, today) != "active":
            continue
        out.append({"name": str(med.get("name", "")), "dose": str(med.get("dose") or "") or None,
                    "schedule": meds.describe(med),
                    "as_needed": bool(med.get("as_needed"))})
    return out


def _equipment(items: list[dict[str, Any]], contacts: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The items in use, breathing machines first (the order of equipment.TYPES)."""
    order = list(TYPES)
    out = []
    for item in sorted(items, key=lambda i: order.index(i["type"]) if i.get("type") in order else len(order)):
        supplier = contacts.get(str(item.get("supplier")))
        out.append({"type": item["type"], "label": equipment_label(str(item["type"])),
                    "model": item.get("model") or None, "settings": item.get("settings") or None,
                    "since": item.get("since"),
                    "supplier": {"name": supplier["name"], "phone": supplier["phone"]} if supplier else None})
    return out


def _contacts(household: Household) -> list[dict[str, Any]]:
    return [{"role": c.get("role"), "role_label": role_label(str(c.get("role"))), "name": c.get("name"),
             "phone": c.get("phone"), "hours": c.get("hours") or None, "email": c.get("email") or None,
             "note": c.get("note") or None} for c in in_call_order(household.contacts)]


def sheet(household: Household, today: date | None = None) -> dict[str, Any]:
    """The sheet's data for `household` as it is on `today` (default: today)."""
    today = today or dates.today()
    equipment = in_use(household.equipment, today)
    risks = _risks(household, equipment)
    decisions = {field: household.decisions.get(field) for field in DECISION_FIELDS}
    cited = list(dict.fromkeys(a for r in risks for a in r["sources"]))
    if decisions.get("lst_registered") is not None:
        cited.append("korea-lst")
    phase = household.phase
    person = household.person
    return {
        "format": FORMAT,
        "version": VERSION,
        "printed": today.isoformat(),
        "person": {
            "name": household.name if person.get("name") else None,
            "born": person.get("born") or None,
            "diagnosis": DIAGNOSIS,
            "diagnosed": person.get("diagnosed") or None,
            "onset": person.get("onset") or None,
            "phase": phase,
            "phase_title": PHASE_TITLES.get(phase or 0),
            "allergies": household.allergies,
        },
        "emergency": EMERGENCY,
        "risks": risks,
        "medications": _medications(household, today),
        "equipment": _equipment(equipment, {c["id"]: c for c in household.contacts}),
        "decisions": decisions,
        "contacts": _contacts(household),
        "sources": [{"anchor": a, "title": sources.title(a), "where": SOURCE_URLS.get(a, "")} for a in cited],
    }


def for_store(store: entries.StoreLike) -> dict[str, Any]:
    """The sheet of the household in `store` (NotSetUp when there is none)."""
    return sheet(entries.load(store))
