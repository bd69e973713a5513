"""Translation catalogues: <lang>/LC_MESSAGES/caretool.po (edited) and .mo (compiled, shipped).

Developer tool (needs Babel, installed with the test extras): `python -m caretool.locale update`
extracts every message from the source, updates each .po (new entries arrive untranslated) and
compiles the .mo files; `python -m caretool.locale check` says what is missing or stale.
"""
