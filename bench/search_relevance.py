"""How often the search finds the record each query of the relevance set must find, per category, on this backend.

Run: `.venv/bin/python bench/search_relevance.py` (SQLite) or with DATABASE_URL set for PostgreSQL. Like
bench/pages.py, it creates a throw-away test database (`test_` + the database's name), loads the five-document
archive, asks every query of tests/search_relevance.tsv through the search page (tests/search_scoring.py says how),
prints the score per category, per language and overall, then every query whose record was not on the first page
with what came first instead, and drops the database. `--no-failures` prints the scores only; `--category NAME`
(repeatable) asks only the queries of that category.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from tests import search_scoring  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--category", action="append", help="ask only the queries of this category (repeatable)")
    parser.add_argument("--no-failures", action="store_true", help="print the scores only")
    args = parser.parse_args()

    queries = search_scoring.load()
    if args.category:
        unknown = set(args.category) - {query.category for query in queries}
        if unknown:
            parser.error(f"no such category in the set: {', '.join(sorted(unknown))}")
        queries = [query for query in queries if query.category in args.category]

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        call_command("load_archive", verbosity=0)
        start = time.perf_counter()
        score = search_scoring.score(queries)
        elapsed = time.perf_counter() - start
        print(score.table(f"search relevance on {connection.vendor} ({len(queries)} queries in {elapsed:.1f} s)"))
        if not args.no_failures and score.failures:
            print(f"\nnot on the first page ({len(score.failures)}):")
            print(score.failure_list())
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
