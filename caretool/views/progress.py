"""`caretool progress` in the terminal, a stored rating or breathing test, and the sentences the
report's Progression section shares (so every format says the same thing in the same words).

Plain lines, no Rich: the charts are text (views/charts.py) and read the same with NO_COLOR.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from caretool.core.messages import N_, _, n_, render
from caretool.core.text import safe, width
from caretool.views import charts
from caretool.views.output import emit_json, say, tell

SPANS = (("1", N_("Over 1 month: {change}")), ("3", N_("Over 3 months: {change}")),
         ("6", N_("Over 6 months: {change}")))
BANDS = {
    "slower": N_("In one study (Labra et al. 2016, ΔFS at the first visit), below {slower} points a "
                 "month was the slower group and above {faster} the faster one: this figure is in the "
                 "slower range."),
    "intermediate": N_("In one study (Labra et al. 2016, ΔFS at the first visit), below {slower} points a "
                       "month was the slower group and above {faster} the faster one: this figure is in "
                       "between."),
    "faster": N_("In one study (Labra et al. 2016, ΔFS at the first visit), below {slower} points a "
                 "month was the slower group and above {faster} the faster one: this figure is in the "
                 "faster range."),
}
POSITIONS = {"sitting": N_("sitting"), "lying": N_("lying")}
FVC_LINES = ((80.0, "80%"), (50.0, "50%"))


def text(value: Any) -> str:
    return safe(render(value)) if not isinstance(value, str) else safe(value)


# --- sentences shared with the report ------------------------------------------------------------
def rating_lines(data: dict[str, Any]) -> list[str]:
    """The latest rating: total, ΔFS, the trend, both stages with their rules (first line first)."""
    latest = data["latest"]
    if latest is None:
        return [_("No functional rating yet. After a clinic visit, record the care team's rating: "
                  "caretool rating add")]
    if latest["gastrostomy"]:
        lines = [_("Latest rating, {day}: {total} of 48 (item 5 on its gastrostomy form)").format(**latest)]
    else:
        lines = [_("Latest rating, {day}: {total} of 48").format(**latest)]
    lines += [*dfs_lines(data), slope_line(data)]
    return lines


def compact_line(data: dict[str, Any] | None) -> str:
    """The latest rating, ΔFS and both stages in one line (the report's clinic summary)."""
    if not data or data["latest"] is None:
        return ""
    latest = data["latest"]
    stages = {"day": latest["day"], "total": latest["total"], "kings": latest["kings"]["stage"],
              "mitos": latest["mitos"]["stage"]}
    if latest["delta_fs"] is None:
        return _("{total} of 48 on {day}; King's stage {kings} (estimated), MiToS {mitos}").format(**stages)
    return _("{total} of 48 on {day}; ΔFS {dfs:.2f} a month (an estimate); King's stage {kings} "
             "(estimated), MiToS {mitos}").format(dfs=latest["delta_fs"], **stages)


def dfs_lines(data: dict[str, Any]) -> list[str]:
    latest = data["latest"]
    if not data["onset"]:
        return [_("ΔFS needs the date the first symptoms began: caretool init --onset YYYY-MM-DD")]
    if latest["delta_fs"] is None:
        return [_("ΔFS: too soon after the first symptoms to estimate.")]
    lines = [_("ΔFS since the first symptoms: {value:.2f} points a month over {months:g} months. An "
               "estimate: it assumes 48 at onset and a steady fall.").format(
        value=latest["delta_fs"], months=latest["months_from_onset"])]
    band = latest.get("delta_fs_band")
    if band in BANDS:
        lines.append(_(BANDS[band]).format(slower=data["labra"]["slower_below"],
                                           faster=data["labra"]["faster_above"]))
    return lines


def slope_line(data: dict[str, Any]) -> str:
    found = data["slope"]
    if found is None:
        return _("Trend between ratings: needs 3 ratings within 6 months.")
    return n_("Trend over the last 6 months: {value:+.2f} points a month ({count} rating, {first} to "
              "{last}).",
              "Trend over the last 6 months: {value:+.2f} points a month ({count} ratings, {first} to "
              "{last}).", found["ratings"]).format(value=found["per_month"], count=found["ratings"],
                                                   first=found["from"], last=found["to"])


def stage_lines(data: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """(headline, the rules that produced it) for King's and MiToS."""
    latest = data["latest"]
    if latest is None:
        return []
    kings, mitos = latest["kings"], latest["mitos"]
    return [(_("King's stage (estimated from the items): {stage}").format(stage=kings["stage"]),
             [text(r) for r in kings["reasons"]]),
            (_("MiToS stage: {stage}").format(stage=mitos["stage"]), [text(r) for r in mitos["reasons"]])]


def timeline_lines(data: dict[str, Any]) -> list[str]:
    """One line per rating at which either stage changed."""
    rows = data["ratings"]
    out, before = [], None
    for row in rows:
        now = (row["kings"]["stage"], row["mitos"]["stage"])
        if now != before:
            out.append(_("{day}: King's {kings}, MiToS {mitos} (total {total})").format(
                day=row["day"], kings=now[0], mitos=now[1], total=row["total"]))
        before = now
    return out


def change_text(change: dict[str, Any] | None, *, since: bool = True) -> str:
    if not change:
        return _("not enough weights to tell")
    if since:
        return _("{kg:+.1f} kg ({percent:+.1f}%) since {day}").format(
            kg=change["kg"], percent=change["percent"], day=change["from"]["day"])
    return _("{kg:+.1f} kg ({percent:+.1f}%)").format(kg=change["kg"], percent=change["percent"])


def weight_lines(data: dict[str, Any]) -> list[str]:
    w = data["weight"]
    if w["latest"] is None:
        return [_("No weight logged in this period. Log one with: caretool log weight 68.4")]
    lines = [_("Latest weight: {kg:g} kg on {day}").format(**w["latest"])]
    if w["bmi"] is not None:
        lines.append(_("BMI: {bmi:.1f} (height {height:g} cm)").format(bmi=w["bmi"], height=w["height_cm"]))
    else:
        lines.append(_("BMI: give the height to see it: caretool config set height_cm 170"))
    base, change = w["baseline"], w["from_baseline"]
    if base and change:
        if base["basis"] == "diagnosis":
            lines.append(_("Since the weight at diagnosis ({kg:g} kg): {change}").format(
                kg=base["kg"], change=change_text(change, since=False)))
        else:
            lines.append(_("Since the first weight logged ({kg:g} kg on {day}): {change}").format(
                kg=base["kg"], day=base["day"], change=change_text(change, since=False)))
    lines += [_(label).format(change=change_text(w["over"][key])) for key, label in SPANS]
    return lines


def breathing_lines(data: dict[str, Any]) -> list[str]:
    b = data["breathing"]
    latest = b["latest"]
    if latest is None:
        return [_("No breathing test yet. Record one from the clinic with: caretool log breathing --fvc 72")]
    if latest["position"] in POSITIONS:
        lines = [_("Latest FVC: {fvc:g}% of predicted ({position}) on {day}").format(
            fvc=latest["fvc"], position=_(POSITIONS[latest["position"]]), day=latest["day"])]
    else:
        lines = [_("Latest FVC: {fvc:g}% of predicted on {day}").format(**latest)]
    if b["change"] is not None:
        lines.append(_("Since the test before ({day}): {change:+.1f} points").format(
            day=b["previous"]["day"], change=b["change"]))
    if b["latest_snip"] is not None:
        lines.append(_("Latest SNIP: {snip:g} cmH2O on {day}").format(**b["latest_snip"]))
    trend = b["trend"]
    if trend is not None:
        lines.append(n_("FVC trend over 6 months: {value:+.1f} points a month ({count} result).",
                        "FVC trend over 6 months: {value:+.1f} points a month ({count} results).",
                        trend["results"]).format(value=trend["per_month"], count=trend["results"]))
    return lines


def _reason(found: dict[str, Any]) -> str:
    """A reason, with the day it was first met when that is not the day of the figures shown."""
    if found.get("earliest"):
        return _("{reason} (since {day} or before)").format(reason=text(found["text"]), day=found["day"])
    if found["day"] != (found["now"] or found["params"]).get("day", found["day"]):
        return _("{reason} (since {day})").format(reason=text(found["text"]), day=found["day"])
    return text(found["text"])


def prompt_blocks(found: list[dict[str, Any]]) -> list[tuple[str, list[str], str, str]]:
    """(title, reasons, action, sources) for each decision prompt."""
    out = []
    for p in found:
        title = _("{title} (new)").format(title=text(p["title"])) if p.get("new") else text(p["title"])
        reasons = [_reason(r) for r in p["reasons"]]
        sources = _("Sources: {titles}").format(titles="; ".join(text(t) for t in p["source_titles"]))
        out.append((title, reasons, text(p["action"]), sources))
    return out


# --- charts ----------------------------------------------------------------------------------------
def _day(iso: str) -> date:
    return date.fromisoformat(iso)


def total_points(data: dict[str, Any]) -> list[tuple[date, float]]:
    return [(_day(r["day"]), float(r["total"])) for r in data["ratings"]]


def weight_points(data: dict[str, Any]) -> list[tuple[date, float]]:
    return [(_day(p["day"]), p["kg"]) for p in data["weight"]["points"]]


def fvc_points(data: dict[str, Any], *, lying: bool) -> list[tuple[date, float]]:
    return [(_day(p["day"]), p["fvc"]) for p in data["breathing"]["points"]
            if (p["position"] == "lying") == lying]


def weight_lines_drawn(data: dict[str, Any]) -> list[tuple[float, str]]:
    """The weight 10% below the baseline, as a reference line (progas-2015)."""
    base = data["weight"]["baseline"]
    return [(round(base["kg"] * 0.9, 1), "-10%")] if base else []


def text_charts(data: dict[str, Any], width: int = charts.WIDTH) -> list[str]:
    out: list[str] = []
    totals = total_points(data)
    if totals:
        low, high = charts.value_range([v for _d, v in totals], pad=2, floor=0, ceiling=48)
        out += ["", _("Functional rating (ALSFRS-R total, 0-48)"),
                *charts.text_chart([charts.Series("*", totals)], low=low, high=high, width=width)]
    weights = weight_points(data)
    if weights:
        refs = weight_lines_drawn(data)
        low, high = charts.value_range([v for _d, v in weights], pad=1, floor=0, ceiling=400,
                                       include=[v for v, _t in refs])
        out += ["", _("Weight (kg)"),
                *charts.text_chart([charts.Series("*", weights)], low=low, high=high, width=width,
                                   lines=refs)]
    sitting, lying = fvc_points(data, lying=False), fvc_points(data, lying=True)
    if sitting or lying:
        low, high = charts.value_range([v for _d, v in sitting + lying], pad=5, floor=0, ceiling=150,
                                       include=[50, 80])
        out += ["", _("FVC (% of predicted): * sitting or not given, o lying"),
                *charts.text_chart([charts.Series("*", sitting), charts.Series("o", lying)], low=low,
                                   high=high, width=width, lines=FVC_LINES)]
    return out


# --- the command ----------------------------------------------------------------------------------
def _section(title: str) -> None:
    say("")
    say(title)
    say("-" * min(78, max(width(title), 20)))


def show(data: dict[str, Any], *, as_json: bool) -> None:
    if as_json:
        emit_json(data)
        return
    say(_("Progression for {name}. The scores are the care team's ALSFRS-R rating; caretool does not "
          "rate.").format(name=data["person"]))
    window = data["window"]
    say(_("Shown: {start} to {end}.").format(start=window["start"], end=window["end"]))
    _section(_("Functional rating"))
    for line in rating_lines(data):
        say("  " + line)
    for headline, reasons in stage_lines(data):
        say("  " + headline)
        for reason in reasons:
            say("    - " + reason)
    changes = timeline_lines(data)
    if len(changes) > 1:
        say("  " + _("Stages over time:"))
        for line in changes:
            say("    " + line)
    _section(_("Weight"))
    for line in weight_lines(data):
        say("  " + line)
    _section(_("Breathing tests"))
    for line in breathing_lines(data):
        say("  " + line)
    drawn = text_charts(data)
    if drawn:
        _section(_("Over time"))
        for line in drawn:
            say(line)
    _section(_("To discuss at the next visit"))
    blocks = prompt_blocks(data["prompts"])
    if not blocks:
        say("  " + _("Nothing from these numbers needs a decision yet."))
    for title, reasons, action, sources in blocks:
        say("  " + title)
        for reason in reasons:
            say("    - " + reason)
        say("    " + action)
        say("    " + sources)
    say("")
    say(text(data["note"]))


def stored(record: dict[str, Any], *, as_json: bool) -> None:
    """A stored rating or breathing test, then (once, on stderr) the prompts it has crossed into."""
    from caretool.views import entries

    entries.stored(record, as_json=as_json)
    if as_json:
        return
    for title, reasons, action, sources in prompt_blocks(record.get("prompts") or []):
        tell(_("To discuss at the next visit: {title}").format(title=title))
        for reason in reasons:
            tell("  - " + reason)
        tell("  " + action)
        tell("  " + sources)
