"""The bundled guides: Markdown files with TOML front matter, readable offline."""

from __future__ import annotations

from pathlib import Path


def guides_root() -> Path:
    """guides/ inside the installed package (wheel), else at the top of a source checkout."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "guides", package.parent / "guides"):
        if candidate.is_dir():
            return candidate
    return package / "guides"
