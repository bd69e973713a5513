"""Crisis lines: shown at once when a caregiver reports thoughts of self-harm, or when the person
cared for speaks of not wanting to live. Sources: docs/clinical-sources.md#crisis-lines and
#korea-109 (Korea's 109 line since 1 January 2024)."""

from __future__ import annotations

from caretool.core.messages import Message, msg

TITLE = msg("crisis.title", "You do not have to face this alone")
# One line per country, so a household's country setting can pick its own later.
LINES: tuple[Message, ...] = (
    msg("crisis.line.korea", "South Korea: 109 suicide-prevention line (24 hours); emergencies 119 "
        "(ambulance), 112 (police)."),
    msg("crisis.line.us", "United States: call or text 988, Suicide & Crisis Lifeline (24 hours); "
        "emergencies 911."),
    msg("crisis.line.uk", "UK and Ireland: Samaritans 116 123 (24 hours); emergencies 999 or 112."),
    msg("crisis.line.elsewhere", "Elsewhere: your local emergency number."),
)
CHECK_LOCALLY = msg("crisis.check-locally",
                    "Numbers can change: check the number where you live. If anyone is in danger now, "
                    "call emergency services. More help: caretool guide show crisis")
CAREGIVER = msg("crisis.caregiver",
                "If you are thinking about harming yourself, please talk to someone now. These lines "
                "are free and open day and night:")
PERSON = msg("crisis.person",
             "When the person you care for says they do not want to live, take it seriously: stay with "
             "them, listen without arguing, and tell their care team today. If they are in danger now, "
             "call the emergency number. The same crisis lines help them and you:")
SOURCES = ("crisis-lines", "korea-109")
