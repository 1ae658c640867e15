"""Import speed and memory: generate N realistic English and Russian news pages, import them, print the figures.

    .venv/bin/python bench/import_documents.py 10000            # a fresh SQLite database in a temporary folder
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/import_documents.py 2000

The documents mix every date form the importer reads, page furniture, the seed documents' names and figures, and
a few broken files. Every tenth of the run prints documents per second and the process's peak resident memory,
so you can see that memory stays flat as the number of files grows: files are read and imported one at a time.
With --tracemalloc the peak of Python allocations is printed too (slower).
"""

import argparse
import os
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

EN_HEADERS = [
    "date {iso} + ↺ − 16 px",
    "{d:02d}/{m:02d}/{y}",
    "{hh:02d}:{mm:02d} {d:02d}.{m:02d}.{y}",
    "{month_en} {d}, {y}",
    "",
]
RU_HEADERS = [
    "{d} {month_ru}, {y} • {hh:02d}:{mm:02d}",
    "Внешняя политика\n• {d} {month_ru}, {y}\n• {hh:02d}:{mm:02d}",
    "{d:02d}.{m:02d}.{y} {hh:02d}:{mm:02d}",
    "",
]
EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
RU_MONTHS = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
EN_PEOPLE = ["Aghalar Atamoghlanov", "Khazar Farhadov", "Ramiz Zeynalov", "Telman Tamoyev", "Daniyar Kasimov"]
RU_PEOPLE = ["Агалар Атамогланов", "Хазар Фархадов", "Рамиз Зейналов", "Тельман Тамоев", "Данияр Касимов"]
EN_PLACES = ["the Azerbaijani Embassy in Kazakhstan", "Pakistan’s National Library", "the Chelyabinsk region"]
RU_PLACES = ["посольстве Азербайджана в Казахстане", "Национальной библиотеке Пакистана", "Челябинской области"]


def english(rng, n):
    year = rng.choice([2019, 2021, 2023, 2024, 2025])
    m, d, hh, mm = 2, rng.randint(20, 28), rng.randint(0, 23), rng.randint(0, 59)
    header = rng.choice(EN_HEADERS).format(
        iso=f"{year}-{m:02d}-{d:02d}", d=d, m=m, y=year, hh=hh, mm=mm, month_en=EN_MONTHS[m - 1]
    )
    anniversary = year - 1992
    person, place = rng.choice(EN_PEOPLE), rng.choice(EN_PLACES)
    dateline = f"BAKU, Azerbaijan, February {d}. " if rng.random() < 0.3 else ""
    paragraphs = [
        f"{dateline}A commemorative event was held at {place} to mark the {anniversary}th anniversary of the "
        f"Khojaly genocide, News.Az reports citing Azertac.",
        f"{person} said that {rng.randint(600, 620)} residents were killed, including {rng.randint(60, 70)} children, "
        f"and some {rng.randint(1000, 1300):,} people were taken hostage.",
        f"Resolutions have been adopted in {rng.randint(15, 22)} countries and {rng.randint(20, 26)} US states. "
        f"Report number {n}.",
    ] + [
        "The participants observed a minute of silence and viewed a photo exhibition." for _ in range(rng.randint(1, 8))
    ]
    headline = "" if rng.random() < 0.4 else f"Khojaly victims remembered at {place} ({n})"
    tail = rng.choice(["\n\nNews.Az", "\n\n\nYou Might Also Like\n\nAnother story\n\nAnd another", ""])
    return "\n\n".join(p for p in [header, headline, *paragraphs] if p) + tail


def russian(rng, n):
    year = rng.choice([2020, 2022, 2024, 2025, 2026])
    m, d, hh, mm = 2, rng.randint(20, 28), rng.randint(0, 23), rng.randint(0, 59)
    header = rng.choice(RU_HEADERS).format(d=d, m=m, y=year, hh=hh, mm=mm, month_ru=RU_MONTHS[m - 1])
    anniversary = year - 1992
    person, place = rng.choice(RU_PEOPLE), rng.choice(RU_PLACES)
    dateline = f"Баку, {d} февраля. " if rng.random() < 0.3 else ""
    paragraphs = [
        f"{dateline}В {place} состоялось мероприятие, приуроченное к {anniversary}-й годовщине Ходжалинского геноцида.",
        f"Как передает казахстанское бюро Report, выступил {person}. Он напомнил, что были убиты "
        f"{rng.randint(600, 620)} мирных жителей, а {rng.randint(1000, 1300)} человек взяты в заложники.",
        f"Законодательные органы {rng.randint(15, 22)} стран приняли резолюции. Сообщение номер {n}.",
    ] + ["Мероприятие завершилось минутой молчания в память о жертвах трагедии." for _ in range(rng.randint(1, 8))]
    headline = f"В {place} почтили память жертв Ходжалинской трагедии ({n})"
    tail = rng.choice(["\n\nИз этой рубрики\n\nДругая новость", "\n\nback news prev news", ""])
    indent = "    " if rng.random() < 0.3 else ""
    text = "\n\n".join(p for p in [header, headline, *paragraphs] if p) + tail
    return "\n".join(indent + line for line in text.split("\n"))


def generate(folder, count, seed=6):
    """Write `count` documents one by one (about 1 in 200 broken on purpose); returns how many are broken."""
    rng = random.Random(seed)
    broken = 0
    for n in range(count):
        path = folder / f"{n // 1000:03d}" / f"doc_{n:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        if n % 200 == 199:
            path.write_bytes(rng.choice([b"", b"\x89PNG\r\n\x1a\n\x00\x00", b"12\n\n34"]))
            broken += 1
        elif rng.random() < 0.5:
            text = english(rng, n)
            path.write_bytes(text.encode("utf-16") if n % 97 == 0 else text.encode("utf-8"))
        else:
            text = russian(rng, n)
            path.write_bytes(text.encode("windows-1251") if n % 89 == 0 else text.encode("utf-8"))
    return broken


def peak_rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int, nargs="?", default=10_000)
    parser.add_argument("--tracemalloc", action="store_true", help="Also trace Python allocations (slower).")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="import-bench-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{work / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import reset_queries

    from archive.models import Article
    from importing.importer import DocumentImporter, iter_document_paths

    settings.DEBUG = False
    call_command("migrate", verbosity=0)
    if Article.objects.exists():
        sys.exit("The benchmark needs an empty database; point DATABASE_URL at a fresh one.")
    call_command(
        "loaddata", "01_occasions", "02_organizations", "03_people", "04_venues", "05_figure_kinds", verbosity=0
    )

    started = time.perf_counter()
    broken = generate(work / "documents", args.count)
    print(f"generated {args.count} documents ({broken} broken on purpose) in {time.perf_counter() - started:.1f} s")
    print(
        f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}; peak RSS before import: "
        f"{peak_rss_mib():.1f} MiB"
    )

    if args.tracemalloc:
        tracemalloc.start()
    importer = DocumentImporter()
    counts = {}
    step = max(1, args.count // 10)
    started = time.perf_counter()
    for n, path in enumerate(iter_document_paths([work / "documents"]), start=1):
        result = importer.import_path(path)
        counts[result.status] = counts.get(result.status, 0) + 1
        if n % step == 0 or n == args.count:
            reset_queries()
            elapsed = time.perf_counter() - started
            line = f"{n:>7} files  {n / elapsed:8.1f} docs/s  peak RSS {peak_rss_mib():7.1f} MiB"
            if args.tracemalloc:
                current, peak = tracemalloc.get_traced_memory()
                line += f"  python heap now {current / 2**20:6.1f} MiB, peak {peak / 2**20:6.1f} MiB"
            print(line, flush=True)
    elapsed = time.perf_counter() - started
    print(f"total: {args.count} files in {elapsed:.1f} s = {args.count / elapsed:.1f} documents/second; {counts}")
    print(f"peak RSS {peak_rss_mib():.1f} MiB; work folder {work}")


if __name__ == "__main__":
    main()
