"""`caretool contact ...`: the care team's numbers, kept as typed and shown safely, undoable; and
the warning panels that show the right one next to the emergency number."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from caretool.domain.care.flags import EMERGENCY, TODAY, Flag
from caretool.views import warnings as panels

PHONES = ["02-2072-2114", "+82 2 2072 2114", "010-1234-5678", "1577-1000", "(555) 123-4567 ext. 12",
          "+44 (0)20 7946 0958", "119", "031.555.0188", "02-2072-2114 내선 3"]


def contacts(run: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = run.json("contact", "list")
    return rows


def flat(text: str) -> str:
    return " ".join(re.sub("[│┃║╭╮╰╯┏┓┗┛╔╗╚╝─━═]", " ", text).split())


@pytest.mark.parametrize("phone", PHONES)
def test_a_phone_is_kept_exactly_as_typed(run: Any, household: Any, phone: str) -> None:
    household()
    run("contact", "add", "Breathing team", "--role", "respiratory", "--phone", phone)
    (stored,) = contacts(run)
    assert stored["phone"] == phone
    assert phone in run("contact", "list").stdout


def test_contacts_are_listed_in_the_order_to_call_them(run: Any, household: Any) -> None:
    household()
    run("contact", "add", "Dr Choi", "--role", "gp", "--phone", "031-555-0188")
    run("contact", "add", "Pharmacy", "--role", "other", "--phone", "031-555-0100")
    run("contact", "add", "SNUH breathing team", "--role", "respiratory", "--phone", "02-555-0142",
        "--hours", "24 hours", "--email", "breathing@example.org", "--note", "ask for the ALS nurse")
    run("contact", "add", "ALS nurse", "--role", "mnd-nurse", "--phone", "02-555-0117")
    assert [c["role"] for c in contacts(run)] == ["respiratory", "mnd-nurse", "gp", "other"]
    out = run("contact", "list").stdout
    assert out.index("SNUH breathing team") < out.index("ALS nurse") < out.index("Dr Choi")
    assert "24 hours" in out and "breathing@example.org" in out and "ask for the ALS nurse" in out
    assert all(len(c["id"]) == 32 for c in contacts(run))


@pytest.mark.parametrize(("args", "problem"), [
    (["--role", "gp", "--phone", "1" * 500], "the phone number is 500 characters long; the limit is 40"),
    (["--role", "plumber", "--phone", "02-555-0101"], "'plumber' is not a contact role"),
    (["--role", "gp", "--phone", "call me"], "does not look like a phone number"),
    (["--role", "gp", "--phone", "12"], "does not look like a phone number"),
    (["--role", "gp", "--phone", "02-555\n-0101"], "control characters or line breaks"),
    (["--role", "gp", "--phone", "02-555-0101", "--email", "not an email"], "does not look like an email"),
    (["--role", "gp", "--phone", "02-555-0101", "--note", "a\x1b[2Jb"], "control characters"),
    (["--phone", "02-555-0101"], "the contact's role is missing"),
    (["--role", "gp"], "the phone number is missing"),
])
def test_bad_input_exits_2_and_writes_nothing(run: Any, household: Any, home: Path, args: list[str],
                                              problem: str) -> None:
    household()
    before = (home / "household.json").read_bytes()
    result = run("contact", "add", "Dr Kim", *args, code=2)
    assert problem in result.stderr and result.stderr.count("\n") == 1  # one line
    assert (home / "household.json").read_bytes() == before


def test_a_name_is_checked_like_a_caregiver_name(run: Any, household: Any) -> None:
    household()
    run("contact", "add", "Dr\u200bKim", "--role", "gp", "--phone", "02-555-0101", code=2)
    run("contact", "add", "김 원장", "--role", "gp", "--phone", "02-555-0101")
    assert contacts(run)[0]["name"] == "김 원장"


def test_the_same_contact_twice_is_refused(run: Any, household: Any) -> None:
    household()
    run("contact", "add", "Dr Kim", "--role", "gp", "--phone", "02-555-0101")
    result = run("contact", "add", "dr kim", "--role", "gp", "--phone", "02-555-0102", code=2)
    assert "is already a contact" in result.stderr and "caretool contact edit" in result.stderr


def test_edit_changes_only_what_is_given_and_undo_reverts_it(run: Any, household: Any) -> None:
    household()
    run("contact", "add", "Dr Kim", "--role", "gp", "--phone", "02-555-0101", "--hours", "Mon-Fri")
    data = run.json("contact", "edit", "Dr Kim", "--phone", "+82 2 555 0102", "--hours", "")
    assert data["before"]["phone"] == "02-555-0101"
    after = data["after"]
    assert (after["phone"], after["hours"], after["role"]) == ("+82 2 555 0102", "", "gp")
    run("contact", "edit", data["after"]["id"][:7], "--role", "neurologist")
    assert contacts(run)[0]["role"] == "neurologist"
    run("undo")
    run("undo")
    assert contacts(run)[0]["phone"] == "02-555-0101" and contacts(run)[0]["hours"] == "Mon-Fri"
    run("contact", "edit", "Dr Kim", code=2)  # nothing to change
    run("contact", "edit", "Dr Nobody", "--phone", "02-555-0101", code=2)


def test_remove_and_undo(run: Any, household: Any) -> None:
    household()
    run("contact", "add", "Dr Kim", "--role", "gp", "--phone", "02-555-0101")
    assert "Removed Dr Kim" in run("contact", "remove", "dr kim").stdout
    assert contacts(run) == []
    assert "remove contact Dr Kim" in run("undo").stderr
    assert [c["name"] for c in contacts(run)] == ["Dr Kim"]


def test_what_the_family_typed_is_shown_safely(run: Any, household: Any) -> None:
    household()
    run("contact", "add", "Dr <b>Kim</b>", "--role", "gp", "--phone", "02-555-0101", "--note",
        "ask for *Kim*")
    raw = run("--json", "contact", "list").stdout
    assert json.loads(raw)["data"][0]["name"] == "Dr <b>Kim</b>"
    html = run("sheet", "--format", "html").stdout
    assert "Dr <b>Kim</b>" not in html and "Dr &lt;b&gt;Kim&lt;/b&gt;" in html
    assert r"ask for \*Kim\*" in run("sheet", "--format", "md").stdout


# --- the contact next to the emergency number ------------------------------------------------------
def test_an_emergency_panel_names_the_breathing_team_after_the_emergency_number(run: Any,
                                                                                 household: Any) -> None:
    household()
    run("contact", "add", "Dr Choi", "--role", "gp", "--phone", "031-555-0188")
    run("contact", "add", "SNUH breathing team", "--role", "respiratory", "--phone", "02-555-0142",
        "--hours", "24 hours")
    shown = flat(run("log", "symptom", "breathless", "--severity", "3").stderr)
    assert "call the emergency number now" in shown
    assert "After the emergency number, call: SNUH breathing team (respiratory team), 02-555-0142, 24 hours" \
        in shown
    assert shown.index("call the emergency number now") < shown.index("After the emergency number")
    data = run.json("log", "symptom", "breathless", "--severity", "2")
    assert data["warnings"][0]["contact"]["phone"] == "02-555-0142"


def test_a_today_panel_falls_back_to_the_next_role_it_names(run: Any, household: Any) -> None:
    household()
    run("contact", "add", "ALS nurse", "--role", "mnd-nurse", "--phone", "02-555-0117")
    run("contact", "add", "Dr Choi", "--role", "gp", "--phone", "031-555-0188")
    shown = flat(run("log", "symptom", "morning-headache", "--severity", "1").stderr)  # no breathing team
    assert "Who to call: ALS nurse (ALS/MND specialist nurse), 02-555-0117" in shown
    assert "Dr Choi" not in shown
    shown = flat(run("log", "symptom", "wish-to-die", "--severity", "1").stderr)
    assert "Who to call: ALS nurse" in shown and "109" in shown  # the crisis lines stay


def test_without_a_stored_contact_a_panel_names_none(run: Any, household: Any) -> None:
    household()
    shown = flat(run("log", "symptom", "breathless", "--severity", "3").stderr)
    assert "call the emergency number now" in shown and "Who to call" not in shown
    assert "After the emergency number" not in shown
    assert "contact" not in run.json("log", "symptom", "breathless", "--severity", "3")["warnings"][0]


def test_the_check_in_panels_name_the_contact_too(run: Any, household: Any) -> None:
    household()
    run("contact", "add", "SNUH breathing team", "--role", "respiratory", "--phone", "02-555-0142")
    result = run("checkin", "--non-interactive", "--symptom", "breathless-lying-flat=2")
    assert "Who to call: SNUH breathing team (respiratory team), 02-555-0142" in flat(result.stderr)


def test_the_panel_view_shows_a_flags_contact(capsys: pytest.CaptureFixture[str]) -> None:
    contact = {"name": "Ward 5", "role": "palliative", "phone": "02-555-0199", "hours": ""}
    panels.show([Flag("choking", EMERGENCY, "2026-11-20", "a", {"severity": 3, "change": "severe"},
                      ("mnda-choking",), contact)])
    assert "After the emergency number, call: Ward 5 (palliative care team), 02-555-0199" in flat(
        capsys.readouterr().err)
    panels.show([Flag("jaundice", TODAY, "2026-11-20", "a", {"severity": 1}, ("riluzole-label",),
                      {**contact, "phone": ""})])
    assert "Who to call" not in capsys.readouterr().err  # a contact without a number is not shown


def test_init_takes_contacts_and_allergies(run: Any) -> None:
    run("init", "--person", "Min-jun", "--caregiver", "Ji-woo", "--allergies", "penicillin",
        "--contact", "respiratory=SNUH breathing team=02-2072-2114", "--contact", "gp=Dr Choi=031-555-0188",
        "--yes")
    assert [(c["role"], c["name"], c["phone"]) for c in contacts(run)] == [
        ("respiratory", "SNUH breathing team", "02-2072-2114"), ("gp", "Dr Choi", "031-555-0188")]
    assert run.json("init", "--yes")["person"]["allergies"] == "penicillin"
    run("init", "--contact", "respiratory=SNUH breathing team=02-2072-2114", "--yes")  # again: kept once
    assert len(contacts(run)) == 2
    result = run("init", "--contact", "gp:Dr Choi:031", "--yes", code=2)
    assert "is not ROLE=NAME=PHONE" in result.stderr


def test_interactive_init_asks_for_allergies_and_contacts(run: Any) -> None:
    # language, name, born, onset, diagnosed, weight, height, caregivers, phase, allergies, contact?, role,
    # name, phone, another?
    answers = ["", "Min-jun", "", "", "", "", "", "Ji-woo", "5", "none known", "y", "1", "Breathing team",
               "02-555-0142", "n"]
    result = run("init", input="".join(f"{a}\n" for a in answers))
    assert "Allergies, for the emergency sheet" in result.stderr
    assert [(c["role"], c["name"], c["phone"]) for c in contacts(run)] == [
        ("respiratory", "Breathing team", "02-555-0142")]
    assert run.json("init", "--yes")["person"]["allergies"] == "none known"


# --- export and import: the care papers travel with the household -----------------------------------
def test_contacts_equipment_and_decisions_travel_with_an_export(run: Any, household: Any,
                                                                tmp_path: Path) -> None:
    household()
    run("contact", "add", "Supplies", "--role", "supplier", "--phone", "080-555-0199")
    run("equipment", "add", "niv", "--settings", "IPAP 14, EPAP 5", "--supplier", "Supplies")
    run("decisions", "set", "--resuscitation", "do-not-attempt", "--document", "red folder")
    exported = tmp_path / "export.json"
    run("export", "--output", str(exported))
    fresh = tmp_path / "laptop"
    run("--home", str(fresh), "import", str(exported))
    assert [c["name"] for c in run.json("--home", str(fresh), "contact", "list")] == ["Supplies"]
    (niv,) = run.json("--home", str(fresh), "equipment", "list")
    assert niv["settings"] == "IPAP 14, EPAP 5" and niv["supplier"] == contacts(run)[0]["id"]
    assert run.json("--home", str(fresh), "decisions", "show")["resuscitation"] == "do-not-attempt"
    # a home with its own papers keeps them and gains what it lacks
    run("--home", str(fresh), "contact", "add", "Dr Choi", "--role", "gp", "--phone", "031-555-0188")
    run("--home", str(fresh), "decisions", "set", "--resuscitation", "attempt")
    run("contact", "add", "ALS nurse", "--role", "mnd-nurse", "--phone", "02-555-0117")
    run("export", "--output", str(exported))
    result = run.json("--home", str(fresh), "import", str(exported))
    assert result["care_papers_added"] == ["ALS nurse"]
    assert [c["name"] for c in run.json("--home", str(fresh), "contact", "list")] == [
        "ALS nurse", "Dr Choi", "Supplies"]
    assert run.json("--home", str(fresh), "decisions", "show")["resuscitation"] == "attempt"


def test_a_broken_contact_in_an_import_file_stops_the_import(run: Any, household: Any,
                                                              tmp_path: Path) -> None:
    household()
    run("contact", "add", "Dr Choi", "--role", "gp", "--phone", "031-555-0188")
    exported = tmp_path / "export.json"
    run("export", "--output", str(exported))
    document = json.loads(exported.read_text())
    document["household"]["contacts"][0]["phone"] = "\x1b[2J" + "9" * 600
    exported.write_text(json.dumps(document))
    fresh = tmp_path / "laptop"
    result = run("--home", str(fresh), "import", str(exported), code=2)
    assert "contact 1" in result.stderr and "nothing was imported" in result.stderr
    assert not (fresh / "household.json").exists()
