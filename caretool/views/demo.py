"""What `caretool demo` prints: where the sample is, today, last week, what to try next."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from caretool.core.messages import _
from caretool.views.output import emit_json, say, tell

# Commands to try on the sample (commands, not sentences: the same in every language).
TRY = ("history", "report --format html --output week.html", "sheet --format html --output sheet.html",
       "burnout", "med adherence", "checkin")


def demo(info: Any, *, as_json: bool) -> None:
    """The demo: where the sample is, today's status, last week's report, what to try next."""
    from rich.text import Text

    from caretool.views import report_text as report_view
    from caretool.views import today as today_view
    from caretool.views.output import console

    tell(_("Built a sample household in {home} (six weeks of made-up entries).").format(home=info.home))
    tell(_("Nothing in your own data folder was touched."))
    if as_json:
        emit_json({"home": str(info.home), "sample": info.summary, "today": today_view.as_data(info.today),
                   "report": info.report})
        return
    out = console()
    out.rule(Text(_("Today"), style="bold magenta"), style="magenta")
    today_view.show(info.today, as_json=False)
    out.print()
    out.rule(Text(_("Last week's report"), style="bold magenta"), style="magenta")
    report_view.show(info.report, "text")
    _demo_next(info.home)


def _command_name() -> str:
    """`caretool` when the shell finds this one by that name, else the path that was run."""
    import shutil
    import sys

    here = Path(sys.argv[0]).resolve() if sys.argv and sys.argv[0] else None
    found = shutil.which("caretool")
    if here is None or here.name != "caretool" or (found and Path(found).resolve() == here):
        return "caretool"
    return _shell_quote(str(here))


def _demo_next(home: Path) -> None:
    quoted = _shell_quote(str(home))
    ct = _command_name()
    say("")
    say(_("Explore the sample household (it is yours to change or delete):"))
    for command in TRY:
        say(f"  CARETOOL_HOME={quoted} {ct} {command}")
    say(_("When you are done: rm -r {folder}").format(folder=quoted))
    say(_("Start your own household with `{command} init`.").format(command=ct))


def _shell_quote(text: str) -> str:
    import shlex

    return shlex.quote(text)
