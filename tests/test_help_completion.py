"""Shell completion is switched on (issue 18 item 15): `--install-completion` and
`--show-completion` exist, and the shell's completion call knows every command, even though a
normal run loads only the command being run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def test_root_help_lists_the_completion_options(run: Any) -> None:
    shown = run("--help").stdout
    assert "--install-completion" in shown and "--show-completion" in shown


def test_show_completion_prints_a_script_for_the_shell(run: Any) -> None:
    script = run("--show-completion", "bash").stdout
    assert "_CARETOOL_COMPLETE" in script and "complete" in script


def _complete(words: str, home: Path) -> list[str]:
    """What bash completion offers after `words` (a real process, as the shell runs it)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARETOOL_")}
    env.update(_CARETOOL_COMPLETE="complete_bash", COMP_WORDS=words, COMP_CWORD=str(len(words.split()) - 1),
               CARETOOL_HOME=str(home), PYTHONPATH=str(ROOT))
    if words.endswith(" "):
        env["COMP_CWORD"] = str(len(words.split()))
    done = subprocess.run([sys.executable, "-c", "import sys; sys.argv[0] = 'caretool'; "
                           "from caretool.cli.root import main; main()"],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_completion_offers_every_command_and_sub_command(home: Path) -> None:
    first = _complete("caretool me", home)
    assert "med" in first
    everything = _complete("caretool ", home)
    assert {"checkin", "import", "export", "report", "med", "guide"} <= set(everything)
    assert {"take", "skip", "due"} <= set(_complete("caretool med ", home))
