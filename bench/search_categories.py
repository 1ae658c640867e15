"""Search at archive scale, per category of the relevance set: p50 and p99 of the search page, one client, uncached,
and whether each query still finds its record on the first page among the synthetic archive's records.

Fill the database first (bench/generate.py), then load the five-document archive into it so the relevance set's
records exist beside the synthetic ones (`manage.py load_archive`, which also rebuilds the search index):

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/issue14_bench
    .venv/bin/python bench/generate.py --reset && .venv/bin/python manage.py load_archive
    .venv/bin/python bench/search_categories.py --repeat 5

Each query of tests/search_relevance.tsv is asked once to warm up, then `--repeat` times, through the search page
(Django's test client, in process, page cache off); the timings of a category's queries are pooled. A minimal
Django view is timed the same way in the same run, for the ratio.
"""

import argparse
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ["PAGE_CACHE_SECONDS"] = "0"  # uncached: every request renders

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.urls import path  # noqa: E402

from config.urls import urlpatterns as site_urlpatterns  # noqa: E402
from searchindex.models import Entry  # noqa: E402
from tests import search_scoring  # noqa: E402


def percentile(values, fraction):
    values = sorted(values)
    return values[min(len(values) - 1, round(fraction * (len(values) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--category", action="append", help="only this category (repeatable)")
    options = parser.parse_args()
    queries = [q for q in search_scoring.load() if not options.category or q.category in options.category]
    client = Client()
    print(f"{connection.vendor} {connection.settings_dict['NAME']}: {Entry.objects.count():,} index entries")

    def timed(url, data=None):
        start = time.perf_counter()
        response = client.get(url, data)
        return (time.perf_counter() - start) * 1000, response

    timings = defaultdict(list)
    found = defaultdict(lambda: [0, 0])
    minimal = []
    for query in queries:
        _, response = timed(search_scoring.search_url(query.language), {"q": query.text})
        html = response.content.decode()
        outcome = search_scoring.Outcome(
            query, response.status_code, search_scoring.records_linked(html, query.language)
        )
        found[query.category][0] += outcome.found
        found[query.category][1] += 1
        for _ in range(options.repeat):
            elapsed, _ = timed(search_scoring.search_url(query.language), {"q": query.text})
            timings[query.category].append(elapsed)
            minimal.append(timed("/bench/minimal/")[0])
    print(f"{'category':<18} {'queries':>7} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'found':>7}")
    every = []
    for category, values in timings.items():
        every += values
        hit, asked = found[category]
        print(
            f"{category:<18} {asked:>7} {statistics.median(values):8.1f} {percentile(values, 0.99):8.1f} "
            f"{max(values):8.1f} {hit / asked:7.1%}"
        )
    print(
        f"{'all':<18} {len(queries):>7} {statistics.median(every):8.1f} {percentile(every, 0.99):8.1f} "
        f"{max(every):8.1f}"
    )
    print(
        f"minimal Django view, same run: p50 {statistics.median(minimal):.2f} ms, "
        f"p99 {percentile(minimal, 0.99):.2f} ms"
    )


def minimal_view(request):
    from django.http import HttpResponse

    return HttpResponse("ok")


# The site's URLs plus the baseline, as bench/urls.py has them (that module is for the production settings).
urlpatterns = [path("bench/minimal/", minimal_view), *site_urlpatterns]

if __name__ == "__main__":
    with override_settings(ROOT_URLCONF=__name__, ALLOWED_HOSTS=["testserver"], DEBUG=False):
        main()
