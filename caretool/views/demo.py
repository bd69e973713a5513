"""What `caretool demo` prints: where the sample is, today, last week, what to try next."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from caretool.views.output import emit_json, say, tell


def demo(info: Any, *, as_json: bool) -> None:
    """The demo: where the sample is, today's status, last week's report, what to try next."""
    from rich.text import Text

    from caretool.views import report_text as report_view
    from caretool.views import today as today_view
    from caretool.views.output import console

    tell(f"Built a sample household in {info.home} (six weeks of made-up entries).")
    tell("Nothing in your own data folder was touched.")
    if as_json:
        emit_json({"home": str(info.home), "sample": info.summary, "today": info.today,
                   "report": info.report})
        return
    out = console()
    out.rule(Text("Today", style="bold magenta"), style="magenta")
    today_view.show(info.today, as_json=False)
    out.print()
    out.rule(Text("Last week's report", style="bold magenta"), style="magenta")
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
    lines = [
        "",
        "Explore the sample household (it is yours to change or delete):",
        f"  CARETOOL_HOME={quoted} {ct} history",
        f"  CARETOOL_HOME={quoted} {ct} report --format html --output week.html",
        f"  CARETOOL_HOME={quoted} {ct} burnout",
        f"  CARETOOL_HOME={quoted} {ct} med adherence",
        f"  CARETOOL_HOME={quoted} {ct} checkin",
        f"When you are done: rm -r {quoted}",
        f"Start your own household with `{ct} init`.",
    ]
    for line in lines:
        say(line)


def _shell_quote(text: str) -> str:
    import shlex

    return shlex.quote(text)
