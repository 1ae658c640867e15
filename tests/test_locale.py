"""Every interface string has a Russian translation, and the compiled catalogue is current."""

import re
from pathlib import Path

PO = Path(__file__).resolve().parents[1] / "locale" / "ru" / "LC_MESSAGES" / "django.po"


def entries(text):
    """(msgid, msgstr, flags) for each entry of a .po file, joining continuation lines."""
    for block in text.split("\n\n"):
        flags = re.findall(r"^#, (.*)$", block, re.M)
        msgid = "".join(re.findall(r'"(.*)"', (re.search(r"^msgid (.*?)(?=^msgstr)", block, re.M | re.S) or [""])[0]))
        # A plural entry has msgstr[0], msgstr[1], …: every form must be filled.
        forms = [
            "".join(re.findall(r'"(.*)"', f)) for f in re.findall(r'^msgstr(?:\[\d+\])? ((?:".*"\n?)+)', block, re.M)
        ]
        msgstr = "|".join(forms) if forms and all(forms) else ""
        yield msgid, msgstr, flags


def test_every_interface_string_is_translated_into_russian():
    rows = [(i, s, f) for i, s, f in entries(PO.read_text(encoding="utf-8")) if i]
    assert len(rows) > 100
    untranslated = [i for i, s, f in rows if not s or any("fuzzy" in flag for flag in f)]
    assert untranslated == []


def test_the_compiled_catalogue_is_not_older_than_the_source():
    mo = PO.with_suffix(".mo")
    assert mo.exists(), "run manage.py compilemessages"
    assert mo.stat().st_mtime >= PO.stat().st_mtime - 1
