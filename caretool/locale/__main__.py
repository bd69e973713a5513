"""`python -m caretool.locale update|check`: keep the catalogues in step with the source.

What is extracted (from caretool/**/*.py, with the ast module, literal strings only):
  msg("id", "text")                       context "id", msgid "text"
  msgn("id", "singular", "plural")        context "id", with a plural
  _("text"), N_("text")                   no context
  n_("singular", "plural", n)             no context, with a plural
  in caretool/cli/: every literal help=/epilog= keyword, and the docstring of every function whose
  first parameter is the Typer context (a command): cli/root.py translates them when it builds help
Babel is used only to read, write and compile .po files; caretool itself never imports it.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
LOCALE = Path(__file__).resolve().parent
DOMAIN = "caretool"
PLURAL_FORMS = {"ko": "nplurals=1; plural=0;"}
FIXED_DATE = datetime(2026, 12, 1, tzinfo=UTC)  # so an update does not rewrite the header


@dataclass(frozen=True)
class Found:
    context: str | None
    msgid: str
    plural: str | None
    where: str


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _calls(tree: ast.AST, where: str) -> Iterator[Found]:
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else (
            node.func.attr if isinstance(node.func, ast.Attribute) else "")
        args = [_literal(a) for a in node.args]
        at = f"{where}:{node.lineno}"
        if name == "msg" and len(args) >= 2 and args[0] and args[1] is not None:
            yield Found(args[0], args[1], None, at)
        elif name == "msgn" and len(args) >= 3 and args[0] and args[1] and args[2]:
            yield Found(args[0], args[1], args[2], at)
        elif name in ("_", "N_") and args and args[0]:
            yield Found(None, args[0], None, at)
        elif name == "n_" and len(args) >= 2 and args[0] and args[1]:
            yield Found(None, args[0], args[1], at)


def _help_texts(tree: ast.AST, where: str) -> Iterator[Found]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                if keyword.arg in ("help", "epilog") and (text := _literal(keyword.value)):
                    yield Found(None, text, None, f"{where}:{node.lineno}")
        elif isinstance(node, ast.FunctionDef) and node.args.args and node.args.args[0].arg == "ctx":
            doc = ast.get_docstring(node, clean=True)
            if doc:
                yield Found(None, doc, None, f"{where}:{node.lineno}")


def extract() -> list[Found]:
    found: list[Found] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.parent == LOCALE and path.name != "external.py":
            continue
        where = path.relative_to(PACKAGE.parent).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found.extend(_calls(tree, where))
        if path.parent.name == "cli":
            found.extend(_help_texts(tree, where))
    return found


def template() -> object:
    """The catalogue of every message in the source (a babel Catalog)."""
    from babel.messages.catalog import Catalog

    catalog = Catalog(domain=DOMAIN, project="caretool", charset="utf-8", creation_date=FIXED_DATE)
    for item in extract():
        msgid = (item.msgid, item.plural) if item.plural else item.msgid
        existing = catalog.get(item.msgid, context=item.context)
        if existing is not None:
            existing.locations.append((item.where.split(":")[0], int(item.where.split(":")[1])))
            continue
        path, line = item.where.split(":")
        catalog.add(msgid, locations=[(path, int(line))], context=item.context)
    return catalog


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> list[str]:
    return sorted(p.name for p in LOCALE.iterdir() if (p / "LC_MESSAGES" / f"{DOMAIN}.po").is_file())


def read_po(lang: str) -> object:
    from babel.messages.pofile import read_po as _read

    with po_path(lang).open("rb") as handle:
        return _read(handle, locale=lang, domain=DOMAIN)


def compiled(catalog: object) -> bytes:
    from babel.messages.mofile import write_mo

    buffer = BytesIO()
    write_mo(buffer, catalog)  # type: ignore[arg-type]
    return buffer.getvalue()


def update(new_langs: list[str]) -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    source = template()
    for lang in sorted(set(languages()) | set(new_langs)):
        path = po_path(lang)
        if path.exists():
            catalog = read_po(lang)
        else:
            catalog = Catalog(locale=lang, domain=DOMAIN, project="caretool", charset="utf-8",
                              creation_date=FIXED_DATE)
            path.parent.mkdir(parents=True, exist_ok=True)
        catalog.update(source, no_fuzzy_matching=True)  # type: ignore[attr-defined]
        catalog.obsolete.clear()  # type: ignore[attr-defined]
        if lang in PLURAL_FORMS:
            catalog._num_plurals, catalog._plural_expr = 1, "0"  # type: ignore[attr-defined]
        with path.open("wb") as handle:
            # No source locations and a stable order: a .po that two branches change merges cleanly.
            write_po(handle, catalog, width=100, no_location=True, sort_output=True)  # type: ignore[arg-type]
        path.with_suffix(".mo").write_bytes(compiled(read_po(lang)))
        print(f"{path}: {problems_in(lang) or 'complete'}")


def problems_in(lang: str) -> str:
    """What is wrong with a language's catalogue: missing, untranslated, fuzzy, stale .mo."""
    source = template()
    catalog = read_po(lang)
    wanted = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in source if m.id}  # type: ignore[attr-defined]
    have = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id}  # type: ignore[attr-defined]
    empty = [m for m in catalog if m.id and (not m.string or (isinstance(m.string, tuple)  # type: ignore[attr-defined]
                                                                 and not all(m.string)))]
    fuzzy = [m for m in catalog if m.id and m.fuzzy]  # type: ignore[attr-defined]
    out = []
    if wanted - have:
        out.append(f"{len(wanted - have)} messages not in the catalogue (run update)")
    if have - wanted:
        out.append(f"{len(have - wanted)} messages no longer in the source (run update)")
    if empty:
        out.append(f"{len(empty)} untranslated")
    if fuzzy:
        out.append(f"{len(fuzzy)} fuzzy")
    mo = po_path(lang).with_suffix(".mo")
    if not mo.exists() or mo.read_bytes() != compiled(catalog):
        out.append("the .mo is out of date (run update)")
    return "; ".join(out)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("update", "check"):
        print(__doc__)
        return 2
    if argv[0] == "update":
        update(argv[1:])
        return 0
    bad = {lang: p for lang in languages() if (p := problems_in(lang))}
    for lang, problem in bad.items():
        print(f"{lang}: {problem}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
