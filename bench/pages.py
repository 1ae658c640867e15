"""Query count and rough response time of each public page type on the fixture data.

Run: `.venv/bin/python bench/pages.py` (SQLite) or with DATABASE_URL set for PostgreSQL. It creates a
throw-away test database, loads the five-document archive, requests each page type in English and
Russian (once to warm up, then REPEAT times) and prints the queries per request and the median time.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

REPEAT = int(os.environ.get("REPEAT", "20"))
PAGES = [
    ("home", "/{lang}/"),
    ("event list", "/{lang}/events/"),
    ("event list, filtered", "/{lang}/events/?country=RU&year=2025&sort=-date"),
    ("event detail", "/{lang}/events/embassy-in-kazakhstan-2025/"),
    ("article list", "/{lang}/articles/"),
    ("article detail", "/{lang}/articles/report-2026-02-26-embassy-in-kazakhstan/"),
    ("people", "/{lang}/people/"),
    ("person", "/{lang}/people/aghalar-atamoghlanov/"),
    ("venues", "/{lang}/venues/"),
    ("venue", "/{lang}/venues/embassy-of-azerbaijan-in-kazakhstan/"),
    ("organizations", "/{lang}/organizations/"),
    ("organization", "/{lang}/organizations/news-az/"),
    ("timeline", "/{lang}/timeline/"),
    ("figures", "/{lang}/figures/"),
    ("figure kind", "/{lang}/figures/killed/"),
    ("search (en word)", "/{lang}/search/?q=commemorations"),
    ("search (ru word)", "/{lang}/search/?q=Ходжалинский"),
    ("feed (RSS)", "/{lang}/feeds/articles/rss/"),
    ("sitemap index", "/sitemap.xml"),
    ("sitemap section", "/sitemap-articles.xml"),
]


def main():
    from django.test import Client

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        call_command("load_archive", verbosity=0)
        client = Client()
        print(f"database: {connection.vendor}; {REPEAT} requests per page after one warm-up\n")
        print(f"{'page':24} {'lang':4} {'status':>6} {'queries':>7} {'median ms':>10}")
        for name, pattern in PAGES:
            for lang in ("en", "ru"):
                url = pattern.format(lang=lang)
                client.get(url)
                timings = []
                for _ in range(REPEAT):
                    with CaptureQueriesContext(connection) as queries:
                        start = time.perf_counter()
                        response = client.get(url)
                        timings.append((time.perf_counter() - start) * 1000)
                median = statistics.median(timings)
                print(f"{name:24} {lang:4} {response.status_code:>6} {len(queries):>7} {median:>10.1f}")
                if "{lang}" not in pattern:
                    break
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
