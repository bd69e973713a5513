"""`caretool report`: a known fortnight, its numbers checked by hand in every format."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from caretool.core.errors import BadInput
from caretool.domain.entries import service as entries
from caretool.domain.report import build
from caretool.domain.report.service import resolve_period
from caretool.store import Store

NOW = "2026-11-23T10:00:00+00:00"  # a Monday: the last complete week is 2026-W47 (16-22 Nov)
SECTIONS = ("Overview", "Warnings", "Symptoms", "Weight", "Progression", "Medications",
            "Breathing and feeding care", "Care hours", "Caregivers", "Notes", "Questions for the care team")
TRICKY_NOTE = "Walked to the <b>park</b> [see](http://example.com/x) & back <img src=http://e.com/i.png>"


@pytest.fixture(autouse=True)
def utc(clock: Callable[..., None]) -> None:
    clock(NOW)


def at(day: str, hhmm: str = "20:00") -> datetime:
    return datetime.fromisoformat(f"{day}T{hhmm}:00").replace(tzinfo=UTC)


# Symptoms (day, name, severity, source); check-ins by Ji-woo at 20:00.
SYMPTOMS = [
    ("2026-11-09", "cramps", 1, "checkin"), ("2026-11-09", "leg-weakness", 1, "checkin"),
    ("2026-11-10", "twitching", 1, "checkin"), ("2026-11-10", "grip", 2, "checkin"),
    ("2026-11-11", "cramps", 1, "checkin"), ("2026-11-12", "leg-weakness", 1, "checkin"),
    ("2026-11-13", "cramps", 1, "checkin"), ("2026-11-13", "grip", 1, "checkin"),
    ("2026-11-14", "twitching", 2, "checkin"),
    # the report week
    ("2026-11-16", "cramps", 2, "checkin"), ("2026-11-16", "twitching", 0, "checkin"),
    ("2026-11-17", "leg-weakness", 1, "checkin"), ("2026-11-17", "grip", 1, "checkin"),
    ("2026-11-18", "cramps", 1, "checkin"), ("2026-11-18", "choking", 1, "checkin"),
    ("2026-11-19", "grip", 1, "log"),
    ("2026-11-20", "leg-weakness", 1, "checkin"),
    ("2026-11-21", "fatigue", 1, "checkin"),
]
# Hours (day, caregiver, hours, night, source)
HOURS = [
    ("2026-11-10", "Ji-woo", 5, False, "log"),  # the week before: not in the table
    ("2026-11-16", "Ji-woo", 8, False, "checkin"), ("2026-11-16", "Ji-woo", 2, True, "log"),
    ("2026-11-17", "Ji-woo", 6, False, "checkin"), ("2026-11-18", "Ji-woo", 10, False, "checkin"),
    ("2026-11-19", "Ji-woo", 4, False, "log"), ("2026-11-21", "Ji-woo", 5, False, "checkin"),
    ("2026-11-21", "Ji-woo", 3, True, "log"), ("2026-11-22", "Ji-woo", 7, False, "checkin"),
    ("2026-11-16", "Sam", 2, False, "log"), ("2026-11-18", "Sam", 3, False, "log"),
    ("2026-11-20", "Sam", 6, False, "checkin"), ("2026-11-22", "Sam", 4, False, "checkin"),
]
WELLBEING = [  # (day, caregiver, sleep, stress, break)
    ("2026-11-16", "Ji-woo", 5, 8, False), ("2026-11-17", "Ji-woo", 4, 9, False),
    ("2026-11-18", "Ji-woo", 6, 7, True), ("2026-11-21", "Ji-woo", 5, 8, False),
    ("2026-11-20", "Sam", 7, 3, True), ("2026-11-22", "Sam", 8, 4, True),
]
WEIGHTS = [("2026-10-10", 74.0), ("2026-11-01", 72.0), ("2026-11-14", 71.5), ("2026-11-21", 70.0)]


@pytest.fixture
def fortnight(run: Any, household: Any, home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Min-jun, cared for by Ji-woo and Sam; phase 2 from 1 Oct, phase 3 from 19 Nov 2026."""
    from caretool.domain.meds import service as meds

    monkeypatch.setenv("CARETOOL_NOW", "2026-10-01T09:00:00+00:00")
    household("Ji-woo", "Sam", phase=2)
    monkeypatch.setenv("CARETOOL_NOW", NOW)
    run("phase", "set", "3", "--at", "2026-11-19")
    with Store(home, write=True) as store:
        meds.add(store, name=None, dose=None, flags=meds.ScheduleFlags(preset="riluzole"),
                 start="2026-11-16")
        hh = entries.load(store)

        def add(kind: str, when: datetime, who: str | None, source: str, **fields: Any) -> None:
            entry = entries.make_entry(store, hh, kind, fields, caregiver=who, source=source, moment=when)
            entries.add_entries(store, hh, [entry], f"fixture {kind}")

        for day, kg in WEIGHTS:
            add("weight", at(day, "08:00"), "Ji-woo", "log", kg=kg)
        for day, name, severity, source in SYMPTOMS:
            add("symptom", at(day), "Ji-woo", source, name=name, severity=severity)
        add("symptom", at("2026-11-21", "14:00"), "Ji-woo", "log", name="fatigue", severity=2)
        for day, who, hours, night, source in HOURS:
            add("hours", at(day, "06:30" if night else "20:00"), who, source, hours=hours,
                task="night-care" if night else "personal-care", night=night)
        for day, who, sleep, stress, took in WELLBEING:
            add("wellbeing", at(day, "20:05"), who, "checkin", sleep_hours=sleep, stress=stress,
                took_break=took)
        add("note", at("2026-11-12"), "Ji-woo", "checkin", text="An old note from the week before.")
        add("note", at("2026-11-17", "20:10"), "Ji-woo", "checkin", text="Physio visit: new exercises.")
        add("note", at("2026-11-20", "18:00"), "Sam", "log", text=TRICKY_NOTE)
        for day in range(16, 23):
            for hour in (8, 20):
                slot = f"2026-11-{day}"
                if (day, hour) == (20, 8):
                    continue  # missed
                status = "skipped" if (day, hour) == (18, 20) else "taken"
                entry = meds.record_dose(store, hh, "Riluzole", status, at=at(slot, f"{hour:02d}:10"),
                                         reason="asleep" if status == "skipped" else "", caregiver="Ji-woo")
                entries.add_entries(store, hh, [entry], "fixture dose")
    return home


def by_name(items: list[dict[str, Any]], key: str = "name") -> dict[str, dict[str, Any]]:
    return {item[key]: item for item in items}


# --- the numbers ----------------------------------------------------------------------------
def test_default_period_is_last_complete_week_with_hand_computed_numbers(run: Any, fortnight: Path) -> None:
    data = run.json("report")
    assert data["period"] == {"start": "2026-11-16", "end": "2026-11-22", "label": "2026-W47", "days": 7,
                              "partial": False, "previous": {"start": "2026-11-09", "end": "2026-11-15"}}
    o = data["overview"]
    assert (o["person"], o["phase"], o["checkin_days"], o["days"]) == ("Min-jun", 3, 6, 7)
    assert o["phase_changes"] == [{"day": "2026-11-19", "from": 2, "to": 3,
                                   "title": "Daily functioning affected"}]
    assert "2026-11-19" not in o["checked_in"]


def test_care_hours_per_caregiver_per_day_totals_and_shares(run: Any, fortnight: Path) -> None:
    hours = run.json("report", "--week", "2026-W47")["care_hours"]
    people = by_name(hours["caregivers"])
    assert list(people) == ["Ji-woo", "Sam"]
    assert people["Ji-woo"]["daily"] == [10, 6, 10, 4, 0, 8, 7]
    assert people["Ji-woo"]["night_daily"] == [2, 0, 0, 0, 0, 3, 0]
    assert (people["Ji-woo"]["total"], people["Ji-woo"]["night"], people["Ji-woo"]["share"]) == (45, 5, 75.0)
    assert people["Sam"]["daily"] == [2, 0, 3, 0, 6, 0, 4]
    assert (people["Sam"]["total"], people["Sam"]["night"], people["Sam"]["share"]) == (15, 0, 25.0)
    assert hours["daily_totals"] == [12, 6, 13, 4, 6, 8, 11]
    assert (hours["total"], hours["night_total"]) == (60, 5)


def test_only_the_night_part_of_a_shift_counts_as_night(run: Any, household: Any) -> None:
    """6.5 hours of which 2 at night is 2 night hours in the report, not 6.5; an old entry logged
    with only --night still counts whole."""
    household()
    run("log", "hours", "6.5", "--night-hours", "2", "--at", "2026-11-17 20:00")
    run("log", "hours", "3", "--night", "--at", "2026-11-18 23:00")
    hours = run.json("report", "--week", "2026-W47")["care_hours"]
    (row,) = hours["caregivers"]
    assert row["night_daily"][1:3] == [2, 3] and row["night"] == 5 and row["day"] == 4.5
    assert hours["night_total"] == 5
    assert "6.5 (night 6.5)" not in run("report", "--week", "2026-W47").stdout


def test_a_week_before_the_medicines_started_does_not_say_none_are_set_up(run: Any, household: Any,
                                                                          tmp_path: Path) -> None:
    household()
    run("med", "add", "--preset", "riluzole", "--start", "2026-11-25")
    run("log", "note", "a quiet day", "--at", "2026-11-17 10:00")
    for fmt in ("text", "md", "html"):
        out = tmp_path / f"week.{fmt}"
        run("report", "--week", "2026-W47", "--format", fmt, "--output", str(out))
        shown = out.read_text(encoding="utf-8")
        assert "No medicine doses were due or given in this period." in shown, fmt
        assert "No medications are set up" not in shown, fmt
    assert run.json("report", "--week", "2026-W47")["medications"] == {"items": [], "set_up": 1}


def test_symptom_trends_against_the_week_before(run: Any, fortnight: Path) -> None:
    symptoms = run.json("report")["symptoms"]
    items = by_name(symptoms["items"])
    assert {name: s["trend"] for name, s in items.items()} == {
        "fatigue": "new", "choking": "new", "cramps": "worse", "leg-weakness": "unchanged",
        "grip": "better", "twitching": "gone"}
    assert [s["name"] for s in symptoms["items"]] == [
        "fatigue", "choking", "cramps", "leg-weakness", "grip", "twitching"]
    assert items["cramps"]["daily"] == [2, None, 1, None, None, None, None]
    assert (items["cramps"]["peak"], items["cramps"]["mean"]) == (2, 1.5)
    assert (items["cramps"]["previous_peak"], items["cramps"]["previous_mean"]) == (1, 1.0)
    assert items["fatigue"]["daily"][5] == 2  # the worst of the day's two entries
    assert (items["twitching"]["peak"], items["twitching"]["previous_peak"]) == (0, 2)


def test_weight_changes_in_kg_and_percent(run: Any, fortnight: Path) -> None:
    weight = run.json("report")["weight"]
    assert weight["values"] == [{"day": "2026-11-21", "kg": 70.0}]
    assert weight["period_change"] == {"from": {"day": "2026-11-14", "kg": 71.5},
                                       "to": {"day": "2026-11-21", "kg": 70.0}, "kg": -1.5, "percent": -2.1}
    assert (weight["month_change"]["from"]["day"], weight["month_change"]["kg"],
            weight["month_change"]["percent"]) == ("2026-11-01", -2.0, -2.8)
    assert (weight["since_first"]["from"]["day"], weight["since_first"]["kg"],
            weight["since_first"]["percent"]) == ("2026-10-10", -4.0, -5.4)


def test_medication_adherence_and_missed_doses(run: Any, fortnight: Path) -> None:
    meds = run.json("report")["medications"]
    riluzole = by_name(meds["items"])["Riluzole"]
    assert riluzole["dose"] == "50 mg tablet"
    assert riluzole["schedule"] == "every day at 08:00 and 20:00"
    counts = (riluzole["scheduled"], riluzole["taken"], riluzole["skipped"], riluzole["missed"])
    assert counts == (14, 12, 1, 1)
    assert riluzole["percent"] == 86
    assert [d[:16] for d in riluzole["missed_doses"]] == ["2026-11-20T08:00"]


def test_warnings_caregivers_notes_and_questions(run: Any, fortnight: Path) -> None:
    data = run.json("report")
    # 70 kg on 21 Nov is 5.4% below 74 kg six weeks before: MUST's 5% in 3-6 months (issue 11)
    assert [(w["rule"], w["count"], w["days"]) for w in data["warnings"]] == [
        ("weight-loss", 1, ["2026-11-21"]), ("choking", 1, ["2026-11-18"])]
    assert "swallowing review" in data["warnings"][1]["action"]
    people = by_name(data["caregivers"]["items"])
    ji = people["Ji-woo"]
    assert (ji["entries"], ji["sleep_mean"], ji["sleep_min"], ji["stress_mean"], ji["stress_max"],
            ji["breaks"]) == (4, 5.0, 4.0, 8.0, 9, 1)
    sam = people["Sam"]
    assert (sam["sleep_mean"], sam["sleep_min"], sam["stress_mean"], sam["stress_max"], sam["breaks"]) == (
        7.5, 7.0, 3.5, 4, 2)
    assert ji["burnout"]["level"] in ("low", "elevated", "high")
    assert [n["text"] for n in data["notes"]] == ["Physio visit: new exercises.", TRICKY_NOTE]
    questions = [(q["why"], q["text"]) for q in data["questions"]]
    assert questions[:6] == [
        ("warning", "Weight down 5.4% since 2026-10-10 (2026-11-21): what does it mean, and what should we "
                    "do if it happens again?"),
        ("warning", "Choking (2026-11-18): what does it mean, and what should we do if it happens again?"),
        ("new-symptom", "Tiredness is new this period (at worst moderate). What could be causing it, "
                        "and what should we do?"),
        ("worse-symptom", "Muscle cramps got worse (at worst mild before, moderate now). "
                          "Does anything need to change?"),
        ("missed-doses", "Riluzole: 1 missed dose this period. What should we do when a dose is missed, "
                         "and does the timing still suit us?"),
        ("weight", "Weight went from 72 kg to 70 kg in the last month (-2.8%). Should we see a dietitian?"),
    ]
    # for other programs, each question is also its message id with parameters
    weight = data["questions"][5]
    assert weight["id"] == "report.question.weight-month"
    assert weight["params"] == {"start": 72.0, "end": 70.0, "percent": -2.8}
    assert data["questions"][4]["params"] == {"name": "Riluzole", "count": 1}
    from caretool.domain.guidance import guides
    assert [text for why, text in questions[6:]] == guides.questions_for(3)
    assert all(q["why"] == "phase-guide" and q["id"] is None for q in data["questions"][6:])


def test_text_report_shows_the_same_numbers(run: Any, fortnight: Path) -> None:
    out = run("report").stdout
    for title in SECTIONS:
        assert title in out
    assert "Week 2026-W47, 16 to 22 Nov 2026" in out
    assert "Days checked in: 6 of 7 days" in out
    assert "changed from phase 2 to phase 3 on 2026-11-19" in out
    lines = out.splitlines()

    def line(*words: str) -> str:
        found = [text for text in lines if all(w in text for w in words)]
        assert found, f"no line with {words}"
        return found[0]

    assert line("Muscle cramps", "▅·▃····", "moderate", "mild", "worse")
    assert line("Muscle twitching", "gone")
    assert line("Mon 16 Nov", "10 (2 night)", "2", "12 (2 night)")
    assert line("Total", "45", "15", "60")
    assert line("of which night", "5", "0")
    assert line("Share", "75%", "25%", "100%")
    assert line("Riluzole", "50 mg tablet", "14", "12", "1", "86%")
    assert line("Missed Riluzole: 2026-11-20 08:00")
    assert line("Change over the period: -1.50 kg, -2.1% (from 71.5 kg on 2026-11-14)")
    assert line("Change over the last month: -2.00 kg, -2.8%")
    assert line("Change since the first weight: -4.00 kg, -5.4%")
    assert line("Ji-woo", "avg 5 h, min 4 h", "avg 8, max 9", "1 of 4 days")
    assert line("Sam", "avg 7.5 h, min 7 h", "avg 3.5, max 4", "2 of 2 days")
    assert line("☐ Choking (2026-11-18)")
    assert "old note" not in out


# --- the other formats ------------------------------------------------------------------------
class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str | None]] = []
        self.headings: list[str] = []
        self._in_heading = False
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(tag, name, value) for name, value in attrs]
        self._in_heading = tag == "h2"

    def handle_endtag(self, tag: str) -> None:
        self._in_heading = False

    def handle_data(self, data: str) -> None:
        self.text += data
        if self._in_heading:
            self.headings.append(data.strip())


def test_markdown_has_every_section_and_escapes_typed_text(run: Any, fortnight: Path) -> None:
    md = run("report", "--format", "md").stdout
    for title in SECTIONS:
        assert f"\n## {title}\n" in md
    assert "| Riluzole | 50 mg tablet, every day at 08:00 and 20:00 | 14 | 12 | 1 | 1 | 86% |" in md
    assert "- [ ] Choking (2026-11-18)" in md
    # typed text cannot become markup or a link: its special characters are escaped
    assert r"Walked to the \<b\>park\</b\> \[see\](http://example.com/x) \& back" in md


def test_html_is_one_self_contained_page_with_a_clinic_summary_first(
        run: Any, fortnight: Path, tmp_path: Path) -> None:
    target = tmp_path / "week.html"
    result = run("report", "--format", "html", "--output", str(target))
    assert result.stdout == ""
    assert str(target) in result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    page_text = target.read_text(encoding="utf-8")
    page = Page()
    page.feed(page_text)
    page.close()
    assert page.headings == ["Clinic summary", *SECTIONS]
    assert ("html", "lang", "en") in page.attrs
    assert "style" in page.tags and "@media print" in page_text
    assert "link" not in page.tags and "img" not in page.tags and "iframe" not in page.tags
    assert not [a for a in page.attrs if a[0] == "script" and a[1] == "src"]
    assert not [a for a in page.attrs if a[1] in ("src", "href") and a[2] and "http" in a[2]]
    assert "script" not in page.tags and "url(" not in page_text and "@import" not in page_text
    assert "Walked to the <b>park</b>" in page.text  # shown as typed, not as markup
    assert "86%" in page.text and "Muscle cramps" in page.text


def test_json_format_and_output_file(run: Any, fortnight: Path, tmp_path: Path) -> None:
    assert json.loads(run("report", "--format", "json").stdout) == run.json("report")  # same data
    target = tmp_path / "week.json"
    assert run.json("report", "--format", "json", "--output", str(target)) == {"path": str(target)}
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["format"] == "caretool-report" and data["care_hours"]["total"] == 60
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_text_report_to_a_file_is_plain(run: Any, fortnight: Path, tmp_path: Path) -> None:
    target = tmp_path / "week.txt"
    run("report", "--output", str(target))
    text = target.read_text(encoding="utf-8")
    assert "\x1b[" not in text and "Questions for the care team" in text


# --- periods and reading ------------------------------------------------------------------------
def test_periods() -> None:
    monday = date(2026, 11, 23)
    assert (resolve_period(today=monday).start, resolve_period(today=monday).end) == (
        date(2026, 11, 16), date(2026, 11, 22))
    sunday = date(2026, 11, 22)
    assert resolve_period(today=sunday).label == "2026-W46"
    this = resolve_period(this_week=True, today=date(2026, 11, 25))
    assert (this.start, this.end, this.partial, this.days) == (
        date(2026, 11, 23), date(2026, 11, 25), True, 3)
    assert this.previous == (date(2026, 11, 20), date(2026, 11, 22))
    custom = resolve_period(start="2026-11-01", end="2026-11-14", today=monday)
    assert (custom.days, custom.label, custom.previous[0]) == (
        14, "2026-11-01/2026-11-14", date(2026, 10, 18))
    assert resolve_period(week="2026-W48", today=date(2026, 11, 25)).end == date(2026, 11, 25)
    for kwargs in ({"week": "2026-W47", "start": "2026-11-01"}, {"this_week": True, "week": "2026-W47"},
                   {"start": "2026-11-10", "end": "2026-11-01"}, {"week": "2027-W02"},
                   {"start": "2024-01-01", "end": "2026-11-01"}):
        with pytest.raises(BadInput):
            resolve_period(today=monday, **kwargs)  # type: ignore[arg-type]


def test_bad_options_are_one_line_errors(run: Any, fortnight: Path) -> None:
    result = run("report", "--format", "pdf", code=2)
    assert result.stderr.startswith("error: unknown format 'pdf'")
    assert run("report", "--week", "2026-W99", code=2).stderr.count("\n") == 1
    assert "is after --to" in run("report", "--from", "2026-11-10", "--to", "2026-11-01", code=2).stderr


def test_no_household_says_how_to_start(run: Any) -> None:
    assert "caretool init" in run("report", code=3).stderr


def test_one_week_reads_only_the_months_it_needs(run: Any, fortnight: Path, home: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(home, write=True) as store:
        hh = entries.load(store)
        for month in range(1, 10):  # the first weight (derived, not cached) is in the oldest month
            kind, fields = ("weight", {"kg": 80}) if month == 1 else ("note", {"text": f"month {month}"})
            entry = entries.make_entry(store, hh, kind, fields, caregiver="Sam",
                                       moment=at(f"2026-{month:02d}-15"))
            entries.add_entries(store, hh, [entry], "old")
    read: list[str] = []
    original = Store.month_records

    def spy(self: Store, key: str) -> list[dict[str, Any]]:
        read.append(key)
        return original(self, key)

    monkeypatch.setattr(Store, "month_records", spy)
    data = run.json("report", "--week", "2026-W47")
    assert data["care_hours"]["total"] == 60
    # the week, the week before, the oldest month (the first weight, derived), three months back for
    # the weight rule (redflags, BAPEN MUST) and six for the Progression section (the slope between
    # ratings and the weight over 6 months)
    assert read and set(read) <= {"2026-01", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09",
                                  "2026-10", "2026-11"}


# --- the rules, without the store -------------------------------------------------------------
@pytest.mark.parametrize(("now", "before", "word"), [
    ((2, 2.0), (None, None), "new"),
    ((1, 1.0), (0, 0.0), "new"),
    ((0, 0.0), (1, 1.0), "gone"),
    ((None, None), (2, 1.5), "gone"),
    ((3, 2.0), (2, 2.0), "worse"),
    ((2, 1.5), (2, 1.0), "worse"),
    ((2, 1.4), (2, 1.0), "unchanged"),
    ((1, 1.0), (2, 1.0), "better"),
    ((2, 1.0), (2, 1.5), "better"),
])
def test_trend_words(now: tuple[Any, Any], before: tuple[Any, Any], word: str) -> None:
    assert build.trend(now[0], now[1], before[0], before[1]) == word


def test_a_household_set_up_after_the_period_still_has_its_phase(run: Any, household: Any) -> None:
    household(phase=4)  # set up today, 23 Nov: last week predates the phase history
    data = run.json("report")
    assert (data["overview"]["phase"], data["overview"]["phase_changes"]) == (4, [])
    assert data["questions"][0]["why"] == "phase-guide"
    assert data["care_hours"]["total"] == 0 and data["weight"]["latest"] is None
    out = run("report").stdout
    assert "No hours of care logged this period." in out and "No weight logged" in out


def test_the_clinic_summary_has_the_fvc_and_the_weight_since_diagnosis(run: Any, tmp_path: Path) -> None:
    run("init", "--person", "Min-jun", "--caregiver", "Ji-woo", "--diagnosed", "2026-01-10",
        "--weight-at-diagnosis", "80", "--yes")
    run("log", "weight", "78", "--at", "2026-10-01 09:00")
    run("log", "weight", "73.2", "--at", "2026-11-18 09:00")
    run("log", "breathing", "--fvc", "48", "--at", "2026-11-17 10:00")
    data = run.json("report", "--week", "2026-W47")
    assert data["weight"]["since_diagnosis"]["percent"] == -8.5
    out = tmp_path / "week.html"
    run("report", "--week", "2026-W47", "--format", "html", "--output", str(out))
    summary = out.read_text(encoding="utf-8").split('class="detail"')[0]
    assert "Latest FVC: 48% of predicted on 2026-11-17" in summary
    assert "Change since the weight at diagnosis: -6.80 kg, -8.5% (from 80 kg on 2026-01-10)" in summary
    assert "Change since the first weight" not in summary
    text = run("report", "--week", "2026-W47").stdout
    assert "Change since the weight at diagnosis" in text
