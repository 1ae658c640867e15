"""What one change costs to show: each page of the mixed set made once warm, then once after a change to one kind.

    REDIS_URL=redis://127.0.0.1:6379/12 DATABASE_URL=postgres://postgres@127.0.0.1:5432/BENCH \\
        .venv/bin/python bench/rerender.py archive.article     # or events.event, events.person, …

In this process, with production settings, the page cache off and the aggregates kept in Redis as in production:
every page of `bench/load.py`'s set is requested once (so its aggregates are kept), timed once more (warm), then
the kind is made stale as a save of one of its objects makes it (`publishing.dependencies.renew`), and each page is
timed once more: what the first request for each page after the change costs, its aggregates worked out again
included. The sum is the CPU a commemoration-day publish asks of the server (bench/RESULTS.md section 10b). The
Redis database given is emptied first.
"""

import argparse
import os
import secrets
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", help="app_label.model_name of the kind a change touches, e.g. archive.article")
    parser.add_argument("--language", default="en", choices=["en", "ru"])
    options = parser.parse_args()
    if not os.environ.get("REDIS_URL"):
        sys.exit("Set REDIS_URL to a Redis database that may be emptied (the aggregates are kept there).")
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "PAGE_CACHE_SECONDS": "0",
            "LOG_LEVEL": "error",
            "STATIC_ROOT": str(ROOT / "staticfiles"),
        }
    )
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client

    from bench.load import published_targets
    from publishing import dependencies

    call_command("collectstatic", "--noinput", verbosity=0)
    cache.clear()
    client = Client(HTTP_HOST="127.0.0.1")
    targets = published_targets(options.language)[1:]

    def timed():
        times = {}
        for name, path in targets:
            started = time.perf_counter()
            response = client.get(path)
            times[name] = (time.perf_counter() - started) * 1000
            if response.status_code != 200:
                sys.exit(f"{path} answered {response.status_code}")
        return times

    timed()
    warm = timed()
    dependencies.renew({f"kind:{options.kind}"})  # outside a transaction: renewed at once, as after a commit
    after = timed()
    print(f"{'page':<28} {'warm ms':>9} {'after ms':>9}")
    for name, _path in targets:
        print(f"{name:<28} {warm[name]:>9.1f} {after[name]:>9.1f}")
    print(f"{'all pages':<28} {sum(warm.values()):>9.0f} {sum(after.values()):>9.0f}   (kind:{options.kind})")


if __name__ == "__main__":
    main()
