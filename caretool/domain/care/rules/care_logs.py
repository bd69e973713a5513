"""The machines of late-stage care: NIV needed in the daytime, NIV for more than 8 hours a day, and a
day without feeds for someone fed only by tube. (A feeding tube that came out, logged with `log
tube-change --came-out`, raises the `tube-out` rule in swallowing.py.)

Sources (docs/clinical-sources.md): mnda-niv-more (as breathing weakens NIV is needed in the day as
well, often up to 24 hours; a spare machine then), niv4mnd (more than 8 hours a day is dependence
on NIV: a machine with a battery; take the equipment along when leaving home), leeds-gastrostomy
and mnd-australia-dysphagia (a blocked tube is a same-day problem; missed food and fluid lead to
dehydration and malnutrition).
"""

from __future__ import annotations

from datetime import timedelta

from caretool.core.messages import msg
from caretool.domain.care.flags import (
    BREATHING_TEAM,
    FEEDING_TEAM,
    QUIET_DAYS,
    TODAY,
    DayFacts,
    Facts,
    Finding,
    Flag,
    FlagText,
    Record,
    Rule,
    entry_key,
)

# --- NIV in the daytime ---------------------------------------------------------------------------
DAYTIME_TITLE = msg("flag.niv-daytime.title", "NIV needed during the day")
DAYTIME_WHY = msg("flag.niv-daytime.why",
                  "{hours:g} h on NIV in the daytime. Needing the machine during the day as well as at "
                  "night usually means the breathing muscles are weaker. The breathing team can adjust the "
                  "settings and masks, and provides a spare machine when NIV is used most of the day.")
DAYTIME_ACTION = msg("flag.niv-daytime.action",
                     "Contact the care team today (the breathing or respiratory team), and ask whether the "
                     "settings or the plan should change.")


def _daytime(f: Facts) -> Finding | None:
    r = f.record
    if r.get("kind") != "niv" or r.get("night") or not float(r.get("hours") or 0):
        return None
    lo = (f.day - timedelta(days=QUIET_DAYS)).isoformat()
    me = entry_key(r)
    # Daytime use logged in the weeks before has been reported: only the first time warns.
    earlier = [x for x in f.history.logs("niv", lo, r["day"])
               if not x.get("night") and float(x.get("hours") or 0) and entry_key(x) < me
               and x.get("id") != r.get("id")]
    return None if earlier else (TODAY, {"hours": float(r["hours"])})


NIV_DAYTIME = Rule("niv-daytime", ("mnda-niv-more", "niv4mnd"), _daytime,
                   lambda flag: FlagText(DAYTIME_TITLE, DAYTIME_WHY(hours=float(flag.params.get("hours", 0))),
                                         DAYTIME_ACTION),
                   breathing=True, contacts=BREATHING_TEAM)

# --- NIV for more than 8 hours a day --------------------------------------------------------------
DEPENDENT_HOURS = 8.0  # niv4mnd: "dependent on NIV, ie using NIV for more than eight hours per day"
DEPENDENT_TITLE = msg("flag.niv-dependent.title", "NIV for more than 8 hours a day")
DEPENDENT_WHY = msg("flag.niv-dependent.why",
                    "{hours:g} h on NIV on {day}. More than 8 hours a day means depending on the machine: it "
                    "should have a battery, and there should be a plan for a power cut or a breakdown.")
DEPENDENT_ACTION = msg("flag.niv-dependent.action",
                       "Contact the care team today (the breathing or respiratory team). Take the machine "
                       "and its mask whenever you leave home.")


def _day_total(rows: list[Record]) -> float:
    return sum(float(x.get("hours") or 0) for x in rows)


def _dependent(f: Facts) -> Finding | None:
    r = f.record
    if r.get("kind") != "niv" or not float(r.get("hours") or 0):
        return None
    day = r["day"]
    me = entry_key(r)
    others = [x for x in f.history.logs("niv", (f.day - timedelta(days=QUIET_DAYS)).isoformat(), day)
              if x.get("id") != r.get("id")]
    before_me = _day_total([x for x in others if x["day"] == day and entry_key(x) < me])
    total = before_me + float(r["hours"])
    if total <= DEPENDENT_HOURS or before_me > DEPENDENT_HOURS:
        return None  # not over the line, or the day went over it with an earlier entry
    by_day: dict[str, float] = {}
    for x in others:
        if x["day"] < day:
            by_day[x["day"]] = by_day.get(x["day"], 0.0) + float(x.get("hours") or 0)
    if any(hours > DEPENDENT_HOURS for hours in by_day.values()):
        return None  # already over 8 hours on a day in the weeks before: reported then
    return TODAY, {"hours": round(total, 2)}


def _dependent_text(flag: Flag) -> FlagText:
    why = DEPENDENT_WHY(hours=float(flag.params.get("hours", 0)), day=flag.day)
    return FlagText(DEPENDENT_TITLE, why, DEPENDENT_ACTION)


NIV_DEPENDENT = Rule("niv-dependent", ("niv4mnd",), _dependent, _dependent_text, breathing=True,
                     contacts=BREATHING_TEAM)

# --- no feeds for a day, when feeding is by tube only ----------------------------------------------
TUBE_ONLY = "tube-only"  # the `feeding` setting (caretool config set feeding tube-only)
# Only a family that logs feeds can miss a day: feeds logged in this many days before count as the
# habit (a judgement, not a clinical threshold).
HABIT_DAYS = 7
NO_FEEDS_TITLE = msg("flag.no-feeds.title", "No feed logged for a whole day")
NO_FEEDS_WHY = msg("flag.no-feeds.why",
                   "Feeding is by tube only, and no feed was logged on {day}. If there really was none, food "
                   "and fluid were missed that day; a blocked tube or being unwell needs the care team the "
                   "same day.")
NO_FEEDS_ACTION = msg("flag.no-feeds.action",
                      "If feeds were given, log them (caretool log feed ML --at DATE). If not, contact "
                      "the care team today (the dietitian or nutrition nurse), and sooner if the tube is "
                      "blocked.")


def _no_feeds(f: DayFacts) -> Finding | None:
    if f.settings.get("feeding") != TUBE_ONLY:
        return None
    day = f.day.isoformat()
    if f.history.logs("feed", day, day):
        return None
    habit = f.history.logs("feed", (f.day - timedelta(days=HABIT_DAYS)).isoformat(),
                           (f.day - timedelta(days=1)).isoformat())
    return (TODAY, {"day": day}) if habit else None


def _never(f: Facts) -> Finding | None:
    return None  # judged per day, never per entry


NO_FEEDS = Rule("no-feeds", ("leeds-gastrostomy", "mnd-australia-dysphagia"), _never,
                lambda flag: FlagText(NO_FEEDS_TITLE, NO_FEEDS_WHY(day=flag.day), NO_FEEDS_ACTION),
                contacts=FEEDING_TEAM, day_check=_no_feeds, judges_days=True)

RULES = (NIV_DAYTIME, NIV_DEPENDENT, NO_FEEDS)
