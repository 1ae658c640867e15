"""The importer on hostile texts: time and output for 100 KB and 1 MB documents built to be slow.

    .venv/bin/python bench/import_pathological.py                 # 100 KB and 1 MB, a fresh SQLite database
    .venv/bin/python bench/import_pathological.py 100000 200000   # other sizes, in bytes

Each kind of text aims at one step that used to read the text again for every match, or at a regular expression
that used to backtrack: a text without sentence breaks (anniversaries, names, citations), a text full of numbers
(figures), thousands of unknown names, runs of capitals, of digit groups and of spaces, and dates everywhere (the
header, dateline and first-sentence readers, where dateparser is asked). Each document is imported as a dry run
(nothing kept); the times of the steps that read the text are printed beside the whole import, and the rows the
document would have produced. Linear steps take about ten times as long for ten times the text.
"""

import argparse
import itertools
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

HEADLINE = "Khojaly victims remembered\n\n"
UNITS = {
    "no sentence breaks": (
        "and the 33rd anniversary of the Khojaly genocide was marked by Ambassador Aghalar Atamoghlanov "
        "with Ramiz Zeynalov as News.Az reports citing Azertac "
    ),
    "full of numbers": "613 victims 1,275 hostages 8 children 150 families ",
    "digit groups": "1 000 000 000 ",
    "capitals": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "hyphenated names": "Aa-",
    "spaces after a plus": "+" + " " * 5000 + "x\n",
    "full of dates": "26 February 2025, 14:35 | 26.02.2025 в 14:35, среда, 26 февраля 2025 г., Feb 26 2025 10:15 AM ",
    "date lines": "Updated: 26.02.2025 в 14:35\n",
}


def unknown_names(size):
    syllables = ["ba", "ko", "mi", "ru", "de", "sa", "ta", "lu", "ne"]
    syllables += ["vo", "zi", "pe", "fa", "go", "ha", "jo", "ki", "lo"]
    names = (
        f"{a.title()}{b} {c.title()}{d}ov" for a in syllables for b in syllables for c in syllables for d in syllables
    )
    return HEADLINE + " ".join(names)[: size - len(HEADLINE)]


def document(kind, size):
    if kind == "unknown names":
        text = unknown_names(size)
    else:
        unit = UNITS[kind]
        text = HEADLINE + unit * ((size - len(HEADLINE.encode())) // len(unit.encode()))
    return text.encode()


def timed(function, *args):
    started = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", type=int, nargs="*", default=[100_000, 1_000_000])
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="import-pathological-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{work / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from importing.importer import DocumentImporter, decode_document, parse_document
    from importing.importer.anniversaries import find_mentions
    from importing.importer.citations import find_citations
    from importing.importer.figures import find_figures
    from importing.importer.limits import MAX_FIGURE_SUGGESTIONS

    settings.DEBUG = False
    call_command("migrate", verbosity=0)
    call_command(
        "loaddata", "01_occasions", "02_organizations", "03_people", "04_venues", "05_figure_kinds", verbosity=0
    )
    importer = DocumentImporter(dry_run=True)
    print(f"{'text':<22}{'bytes':>10}{'parse':>9}{'mentions':>10}{'citations':>11}{'figures':>9}{'import':>9}  rows")
    for kind in [*UNITS, "unknown names"]:
        for size in args.sizes:
            raw = document(kind, size)
            doc, parse = timed(parse_document, decode_document(raw), "bench.txt", "0" * 64)
            _, mentions = timed(find_mentions, doc, importer.occasions)
            _, citations = timed(find_citations, doc, importer.gazetteer)
            _, figures = timed(
                lambda text: list(itertools.islice(find_figures(text), MAX_FIGURE_SUGGESTIONS + 1)), doc.original_text
            )
            result, whole = timed(importer.import_bytes, raw, f"{kind}.txt")
            rows = ", ".join(f"{n} {what}" for what, n in result.created.items()) or result.message[:60]
            print(
                f"{kind:<22}{len(raw):>10}{parse:>8.2f}s{mentions:>9.2f}s{citations:>10.2f}s{figures:>8.2f}s"
                f"{whole:>8.2f}s  {rows}",
                flush=True,
            )


if __name__ == "__main__":
    main()
