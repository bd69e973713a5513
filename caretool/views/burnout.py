"""Showing burnout risk, the weekly self-check and the crisis lines."""

from __future__ import annotations

from typing import Any

from caretool.core.messages import N_, _, n_, render
from caretool.core.text import pad
from caretool.domain.guidance import guides
from caretool.views.output import emit_json, say, tell

LABELS = {
    "hours": N_("Hours of care"),
    "share": N_("Share of care"),
    "nights": N_("Night care"),
    "break": N_("Breaks"),
    "sleep": N_("Sleep"),
    "short-nights": N_("Short nights"),
    "stress": N_("Stress"),
    "stress-trend": N_("Stress trend"),
    "selfcheck": N_("Self-check"),
    "phase": N_("Phase"),
    "behaviour": N_("Behaviour"),
}
HEADLINES = {
    "not-enough-data": N_("not enough data yet - log a few days to see it"),
    "low": N_("low"),
    "elevated": N_("ELEVATED - worth acting on this week"),
    "high": N_("HIGH - please look after yourself and ask for help soon"),
}
LEVEL_WORDS = {
    "not-enough-data": N_("not enough data"),
    "low": N_("low"),
    "elevated": N_("elevated"),
    "high": N_("high"),
}
FOOTER = N_("These points are caretool's own rules of thumb, added up from what you logged; they are not a\n"
            "clinical test. If you are worried about how you are coping, talk to your own doctor.")


def level_word(level: str | None) -> str:
    """A level id (low, elevated, ...) in the reader's language."""
    return _(LEVEL_WORDS[level]) if level in LEVEL_WORDS else str(level or "-")


def tip_text(tip: str) -> str:
    """A guide bullet with its links to other guides turned into the command that opens them."""
    return guides.links_as_commands(tip)


def crisis() -> None:
    """The crisis lines, in a panel on stderr, so they show even when stdout is redirected."""
    from caretool.domain.care import crisis as lines
    from caretool.views.warnings import crisis_panel

    crisis_panel(lines.TITLE, (lines.CAREGIVER, *lines.LINES, lines.CHECK_LOCALLY))


def _change(result: dict[str, Any]) -> str:
    before, now = result.get("previous_points"), result["points"]
    if before is None:
        return _("nothing logged a week earlier to compare with")
    was = level_word(result["previous_level"])
    if before == now:
        return _("the same as a week ago ({level})").format(level=was)
    if now > before:
        return n_("up from {count} point ({level}) a week ago", "up from {count} points ({level}) a week ago",
                  before).format(count=before, level=was)
    return n_("down from {count} point ({level}) a week ago", "down from {count} points ({level}) a week ago",
              before).format(count=before, level=was)


def _points(value: int) -> str:
    return f"+{value}" if value else " 0"


def _factor_line(f: dict[str, Any]) -> str:
    was = f.get("previous_points")
    change = ("  " + _("(was {points})").format(points=_points(was).strip())
              if was is not None and was != f["points"] else "")
    label = _(LABELS[f["factor"]]) if f["factor"] in LABELS else f["factor"]
    return f"  {_points(f['points']):>3}  {pad(label, 14)} {render(f['reason'])}{change}"


def _one(result: dict[str, Any]) -> None:
    points = result["points"]
    headline = _(HEADLINES[result["level"]]) if result["level"] in HEADLINES else result["level"]
    say(_("{name}: burnout risk {level}").format(name=result["caregiver"], level=headline))
    say("  " + n_("{count} point, {change}", "{count} points, {change}", points).format(
        count=points, change=_change(result)))
    for f in result["factors"]:
        if f.get("missing") and not f["points"]:
            continue  # said once below, under "Not logged yet"
        say(_factor_line(f))
    if result.get("raised_by_selfcheck"):
        say("  " + _("Your own self-check answers make the risk at least {level}, whatever the logs say.")
            .format(level=level_word(result["floor"])))
    if result["missing"]:
        say("  " + _("Not logged yet (these score 0 until they are):"))
        for text in result["missing"]:
            say(f"    - {render(text)}")
    if result["tips"]:
        say("  " + _("What might help:"))
        for tip in result["tips"]:
            say(f"    - {tip_text(tip)}")
    elif result["level"] == "low" and not points:
        say("  " + _("Nothing stands out in what you logged. Keep protecting your breaks and your sleep."))


def as_data(result: dict[str, Any]) -> dict[str, Any]:
    """One assessment as plain JSON data: reasons as text next to their ids and parameters."""
    return {
        **result,
        "factors": [{**f, "reason": render(f["reason"])} for f in result["factors"]],
        "missing": [render(m) for m in result["missing"]],
        "tips": [tip_text(t) for t in result["tips"]],
    }


def show(results: list[dict[str, Any]], *, as_json: bool) -> None:
    if any(r.get("crisis") for r in results):
        crisis()  # first: a self-check asked for help
    if as_json:
        emit_json([as_data(r) for r in results])
        return
    if not results:
        tell(_("No caregivers are set up. Add one with `caretool caregiver add NAME`."))
        return
    for number, result in enumerate(results):
        if number:
            say("")
        _one(result)
    if any(r["missing"] for r in results):
        tell(_("Log with `caretool checkin` each day (or `caretool log hours|wellbeing ...`); "
               "the weekly self-check is `caretool selfcheck`."))
    say("")
    for line in _(FOOTER).splitlines():
        say(line)
    tell(_("More: caretool guide show burnout"))


def checkin_line(result: dict[str, Any]) -> str:
    """One line for the end of a check-in: the level and the reasons that scored."""
    scored = sorted((f for f in result.get("factors", []) if f.get("points")), key=lambda f: -f["points"])
    reasons = "; ".join(render(f["reason"]) for f in scored[:CHECKIN_REASONS])  # whole sentences, never cut
    if len(scored) > CHECKIN_REASONS:
        more = len(scored) - CHECKIN_REASONS
        reasons += " " + n_("(and {count} more reason)", "(and {count} more reasons)",
                            more).format(count=more)
    return _("Your burnout risk is {level}: {reasons}").format(
        level=level_word(result["level"]).upper(), reasons=reasons)


CHECKIN_REASONS = 3  # the rest are one command away: `caretool burnout`


# --- the self-check --------------------------------------------------------------------------
def questions(*, as_json: bool) -> None:
    from caretool.domain.burnout.selfcheck import ANSWER_WORDS, INTRO, QUESTIONS

    if as_json:
        emit_json({"answers": {str(i): render(word) for i, word in enumerate(ANSWER_WORDS)},
                   "questions": [{"id": q.id, "text": render(q.text)} for q in QUESTIONS]})
        return
    say(render(INTRO))
    for number, q in enumerate(QUESTIONS, start=1):
        say(f"  {number}. [{q.id}] {render(q.text)}")


def selfcheck_intro(name: str, count: int) -> None:
    tell(n_("Weekly self-check for {name}: {count} short question about the last 7 days.",
            "Weekly self-check for {name}: {count} short questions about the last 7 days.",
            count).format(name=name, count=count))
    tell(_("Answer 0 never, 1 sometimes, 2 often, 3 nearly always. Ctrl-C cancels; nothing is saved "
           "until the end."))


def selfcheck_saved(result: dict[str, Any], *, crisis_shown: bool, as_json: bool) -> None:
    if result["crisis"] and not crisis_shown:
        crisis()
    if as_json:
        emit_json(result)
        return
    say(_("Self-check saved for {name}: {score} of {max_score}  [id {id}]").format(
        name=result["caregiver"], score=result["score"], max_score=result["max_score"], id=result["id"][:7]))
    if result.get("previous_score") is not None:
        say("  " + _("Last time ({day}): {score} of {max_score}").format(
            day=result["previous_day"], score=result["previous_score"], max_score=result["max_score"]))
    tell(_("A higher score means more strain. It is for noticing change over the weeks, not a diagnosis."))
    if result["crisis"]:
        tell(_("Please use one of the numbers above today, or tell someone you trust."))
    tell(_("See the whole picture with `caretool burnout`."))
