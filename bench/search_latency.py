"""Latency of `website.search.search()` per query, p50 and p99, against the database in `DATABASE_URL`.

Fill the database with `bench/generate.py` first. Each query is run once to warm up, then REPEAT times, and
the whole call is timed (SQL and Python, results' titles and snippets made as the page makes them).
`--module PATH` (repeatable) times another copy of `website/search.py` in the same process beside the
current one, e.g. the code before a change:

    git show main:website/search.py > /tmp/search_main.py
    DATABASE_URL=postgres://… .venv/bin/python bench/search_latency.py --module /tmp/search_main.py
"""

import argparse
import importlib.util
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django

django.setup()

from django.db import connection  # noqa: E402

QUERIES = ["nosuchwordanywhere", "xylophone", "commemoration", "ambassador", "reported"]


def load(path):
    spec = importlib.util.spec_from_file_location(f"search_{Path(path).stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def time_query(module, query, repeat):
    def once():
        start = time.perf_counter()
        found = module.search(query, "en")
        for result in found.results[:20]:
            result.title, result.snippet  # noqa: B018 - made as the results page makes them
        return (time.perf_counter() - start) * 1000, len(found.results)

    once()
    timings, count = [], 0
    for _ in range(repeat):
        elapsed, count = once()
        timings.append(elapsed)
    timings.sort()
    p99 = timings[min(len(timings) - 1, round(0.99 * (len(timings) - 1)))]
    return statistics.median(timings), p99, count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", action="append", default=[], help="another copy of website/search.py")
    parser.add_argument("--repeat", type=int, default=int(os.environ.get("REPEAT", "30")))
    parser.add_argument("queries", nargs="*", default=QUERIES)
    options = parser.parse_args()
    from website import search as current

    modules = [(path, load(path)) for path in options.module] + [("website/search.py", current)]
    print(f"{connection.vendor}, {options.repeat} runs each; ms")
    print(f"{'query':<22} " + " ".join(f"{Path(name).name[:26]:>28}" for name, _ in modules))
    for query in options.queries:
        cells = []
        for _, module in modules:
            p50, p99, count = time_query(module, query, options.repeat)
            cells.append(f"{p50:7.1f} / {p99:7.1f} ({count:3d})")
        print(f"{query:<22} " + " ".join(f"{cell:>28}" for cell in cells))


if __name__ == "__main__":
    main()
