"""Showing burnout risk, the weekly self-check and the crisis lines."""

from __future__ import annotations

from typing import Any

from caretool.views.output import emit_json, say, tell

LABELS = {
    "hours": "Hours of care",
    "share": "Share of care",
    "nights": "Night care",
    "break": "Breaks",
    "sleep": "Sleep",
    "short-nights": "Short nights",
    "stress": "Stress",
    "stress-trend": "Stress trend",
    "selfcheck": "Self-check",
    "phase": "Phase",
    "breathing": "Breathing",
    "behaviour": "Behaviour",
}
HEADLINES = {
    "low": "low",
    "elevated": "ELEVATED - worth acting on this week",
    "high": "HIGH - please look after yourself and ask for help soon",
}
FOOTER = (
    "These points are caretool's own rules of thumb, added up from what you logged; they are not a\n"
    "clinical test. If you are worried about how you are coping, talk to your own doctor."
)


def crisis() -> None:
    """The crisis lines, in a panel on stderr, so they show even when stdout is redirected."""
    from rich.panel import Panel
    from rich.text import Text

    from caretool.domain.burnout.selfcheck import CRISIS_TEXT
    from caretool.views.output import console

    console(stderr=True).print(Panel(Text(CRISIS_TEXT), title="You do not have to face this alone",
                                     title_align="left", border_style="red", expand=False, width=78))


def _change(result: dict[str, Any]) -> str:
    before, now = result.get("previous_points"), result["points"]
    if before is None:
        return "nothing logged a week earlier to compare with"
    if before == now:
        return f"the same as a week ago ({result['previous_level']})"
    way = "up" if now > before else "down"
    return f"{way} from {before} point{'s' if before != 1 else ''} ({result['previous_level']}) a week ago"


def _points(value: int) -> str:
    return f"+{value}" if value else " 0"


def _one(result: dict[str, Any]) -> None:
    points = result["points"]
    say(f"{result['caregiver']}: burnout risk {HEADLINES.get(result['level'], result['level'])}")
    say(f"  {points} point{'s' if points != 1 else ''}, {_change(result)}")
    missing = set(result["missing"])
    for f in result["factors"]:
        if f["reason"] in missing and not f["points"]:
            continue  # said once below, under "Not logged yet"
        was = f.get("previous_points")
        change = f"  (was {_points(was).strip()})" if was is not None and was != f["points"] else ""
        say(f"  {_points(f['points']):>3}  {LABELS.get(f['factor'], f['factor']):<14} {f['reason']}{change}")
    if result["missing"]:
        say("  Not logged yet (these score 0 until they are):")
        for text in result["missing"]:
            say(f"    - {text}")
    if result["tips"]:
        say("  What might help:")
        for tip in result["tips"]:
            say(f"    - {tip}")
    elif result["level"] == "low" and not points:
        say("  Nothing stands out in what you logged. Keep protecting your breaks and your sleep.")


def show(results: list[dict[str, Any]], *, as_json: bool) -> None:
    if any(r.get("crisis") for r in results):
        crisis()  # first: a self-check asked for help
    if as_json:
        emit_json(results)
        return
    if not results:
        tell("No caregivers are set up. Add one with `caretool caregiver add NAME`.")
        return
    for number, result in enumerate(results):
        if number:
            say("")
        _one(result)
    if any(r["missing"] for r in results):
        tell("Log with `caretool checkin` each day (or `caretool log hours|wellbeing ...`); "
             "the weekly self-check is `caretool selfcheck`.")
    say("")
    for line in FOOTER.splitlines():
        say(line)
    tell("More: caretool guide show burnout")


# --- the self-check --------------------------------------------------------------------------
def questions(*, as_json: bool) -> None:
    from caretool.domain.burnout.selfcheck import ANSWER_WORDS, INTRO, QUESTIONS

    if as_json:
        emit_json({"answers": dict(enumerate(ANSWER_WORDS)),
                   "questions": [{"id": q.id, "text": q.text} for q in QUESTIONS]})
        return
    say(INTRO)
    for number, q in enumerate(QUESTIONS, start=1):
        say(f"  {number}. [{q.id}] {q.text}")


def selfcheck_intro(name: str) -> None:
    from caretool.domain.burnout.selfcheck import QUESTIONS

    tell(f"Weekly self-check for {name}: {len(QUESTIONS)} short questions about the last 7 days.")
    tell("Answer 0 never, 1 sometimes, 2 often, 3 nearly always. Ctrl-C cancels; nothing is saved "
         "until the end.")


def retry(hint: str) -> None:
    tell(f"  Please {hint}.")


def selfcheck_saved(result: dict[str, Any], *, crisis_shown: bool, as_json: bool) -> None:
    if result["crisis"] and not crisis_shown:
        crisis()
    if as_json:
        emit_json(result)
        return
    say(f"Self-check saved for {result['caregiver']}: {result['score']} of {result['max_score']}  "
        f"[id {result['id'][:7]}]")
    if result.get("previous_score") is not None:
        say(f"  Last time ({result['previous_day']}): {result['previous_score']} of {result['max_score']}")
    tell("A higher score means more strain. It is for noticing change over the weeks, not a diagnosis.")
    if result["crisis"]:
        tell("Please use one of the numbers above today, or tell someone you trust.")
    tell("See the whole picture with `caretool burnout`.")
