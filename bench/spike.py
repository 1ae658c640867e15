"""The commemoration-day spike while an editor keeps publishing: throughput, latency, hit rate and freshness.

    REDIS_URL=redis://127.0.0.1:6379/9 DATABASE_URL=postgres://postgres@127.0.0.1:5432/BENCH \\
        .venv/bin/python bench/spike.py                       # 64 connections, 120 s, an editor every 10 s
    (options: --duration 120 --connections 64 --every 10 --no-publishing --workers N --gunicorn-threads 1;
     gunicorn's workers default to production's, 2 per CPU plus one; threads above 1 make them gthread workers)

Like `bench/load.py --mixed`, it starts gunicorn (production settings, Redis as the cache) on 127.0.0.1 and
runs wrk over the mixed page set in turn, counting the `X-Page-Cache` answers (hit, stale, miss, none). In
this process an editor acts every `--every` seconds through the code the admin runs: the workflow's
`apply_transition` for publishing and withdrawing, and a model save inside a revision for a correction. In
turn: publishes a new article reporting an existing event, corrects a word in its title, publishes a new
event (at an existing venue, with a participant), withdraws the article. After each action a poller asks
the pages where the result belongs (item, event, home, lists, feed, venue, person) until each shows it (or,
after the withdrawal, until none does) and records how long that took. The items it makes are marked
"bench-spike-" and are left in the database, withdrawn or published; the next run withdraws those left published
before it measures. Only 127.0.0.1 is targeted.
"""

import argparse
import datetime
import multiprocessing
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.load import ensure_wrk, free_port, parse_wrk, published_targets, server_environment, start_gunicorn  # noqa: E402

COUNTING_SCRIPT = """
local paths = {%(paths)s}
local turn = 0
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) hit = 0; stale = 0; miss = 0; none = 0 end
request = function()
  turn = turn %% #paths + 1
  return wrk.format("GET", paths[turn])
end
response = function(status, headers, body)
  local how = headers["X-Page-Cache"]
  if how == "hit" then hit = hit + 1 elseif how == "stale" then stale = stale + 1
  elseif how == "miss" then miss = miss + 1 else none = none + 1 end
end
done = function(summary, latency, requests)
  local h, s, m, n = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    h = h + t:get("hit"); s = s + t:get("stale"); m = m + t:get("miss"); n = n + t:get("none")
  end
  io.write(string.format("page-cache hit=%%d stale=%%d miss=%%d none=%%d\\n", h, s, m, n))
end
"""


def fetch(url):
    """(status, body) of a GET, without following anything; (None, '') when it fails."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:
        return None, ""


class Poller:
    """Asks each page again and again after an action; records when the first request showing the result was sent.

    Under load a request waits in gunicorn's queue before it is answered, so each result is timed twice: from
    the commit to the sending of the first request whose answer shows it (what the page cache served: any
    request sent later than that is answered with the new state), and to that answer's arrival (what a
    visitor waited, queue included). Answers to requests sent after the commit that still showed the old
    state are counted: after a withdrawal there must be none.
    """

    def __init__(self, base, timeout=40.0):
        self.base = base
        self.timeout = timeout
        self.results = []  # (action, page, seconds to the request sent, seconds to its answer, old answers)
        self.threads = []

    def watch(self, action, committed_at, checks):
        def run(page, path, condition):
            old = 0
            while True:
                sent = time.monotonic()
                status, body = fetch(self.base + path)
                answered = time.monotonic()
                if condition(status, body):
                    self.results.append((action, page, sent - committed_at, answered - committed_at, old))
                    return
                old += status is not None  # not counted: no answer within the fetch's timeout
                if answered - committed_at > self.timeout:
                    self.results.append((action, page, None, None, old))
                    return
                time.sleep(0.05)

        threads = [threading.Thread(target=run, args=check, daemon=True) for check in checks]
        for thread in threads:
            thread.start()
        self.threads += threads
        return threads


def shows(text):
    return lambda status, body: status == 200 and text in body


def lacks(text):
    return lambda status, body: status in (200, 404) and text not in body


class Editor:
    """An editor acting through the workflow, in this process, on the database and cache the server uses."""

    def __init__(self, language):
        from django.contrib.auth import get_user_model

        self.language = language
        user_model = get_user_model()
        self.user, _created = user_model.objects.get_or_create(
            username="bench-spike-editor", defaults={"is_staff": True, "is_superuser": True}
        )
        self.run = secrets.token_hex(3)
        self.turn = 0

    def withdraw_earlier_runs(self):
        """Withdraw what earlier runs left published, before anything is measured.

        Their events were held "today" too: left published, they would fill the home page's five latest events
        and a person's latest, and a new event could rank below them (a result that belongs nowhere, timed as
        never shown).
        """
        from archive.models import Article
        from events.models import Event
        from publishing.workflow.transitions import apply_transition

        left = [*Article.objects.published().filter(slug__startswith="bench-spike-")]
        left += Event.objects.published().filter(slug__startswith="bench-spike-")
        for item in left:
            apply_transition(item, "withdraw", self.user, comment="bench: an earlier run's")
        return len(left)

    def _clone(self, obj, slug, **fields):
        from publishing.models import Status

        obj.pk = obj.id = None
        obj._state.adding = True
        obj.slug = slug
        obj.status = Status.DRAFT
        obj.public_from = None
        for name, value in fields.items():
            setattr(obj, name, value)
        obj.save()
        return obj

    def _publish(self, obj):
        from publishing.workflow.transitions import apply_transition

        apply_transition(obj, "submit", self.user)
        apply_transition(obj, "publish", self.user, public_from=None)

    def publish_article(self):
        """A new article, dated today, reporting a published event that already has a participant."""
        from archive.models import Article
        from events.models import Event, EventReport

        event = Event.objects.published().filter(participations__isnull=False).order_by("?").first()
        model = Article.objects.published().filter(event_reports__event=event).first()
        report = EventReport.objects.filter(event=event, article=model).first()
        self.turn += 1
        slug = f"bench-spike-{self.run}-article-{self.turn}"
        title = f"Spike report {self.run} {self.turn} on a commemoration"
        article = self._clone(
            Article.objects.get(pk=model.pk), slug, title_en=title, title_ru=title, published_on=datetime.date.today()
        )
        report.pk = report.id = None
        report._state.adding = True
        report.article = article
        report.save()
        self._publish(article)
        self.article, self.event = article, event
        return slug, event

    def correct_article(self):
        """A corrected word in the title of the article published last, saved as the admin's form saves it."""
        import reversion
        from django.db import transaction

        word = f"Corrected{self.run}{self.turn}"
        with transaction.atomic(), reversion.create_revision():
            self.article.title_en = self.article.title_en.replace("report", word)
            self.article.title_ru = self.article.title_ru.replace("report", word)
            self.article.save()
            reversion.set_user(self.user)
            reversion.set_comment("A word corrected")
        return word

    def publish_event(self):
        """A new event, held today, at the venue of an existing event, with one of its participants."""
        from events.models import Event, Participation

        model = Event.objects.published().filter(participations__isnull=False).order_by("?").first()
        participation = Participation.objects.filter(event=model).select_related("person").first()
        slug = f"bench-spike-{self.run}-event-{self.turn}"
        title = f"Spike event {self.run} {self.turn}"
        event = self._clone(
            Event.objects.get(pk=model.pk), slug, title_en=title, title_ru=title, held_on=datetime.date.today()
        )
        participation.pk = participation.id = None
        participation._state.adding = True
        participation.event = event
        participation.save()
        self._publish(event)
        return slug, event, participation.person

    def withdraw_article(self):
        from publishing.workflow.transitions import apply_transition

        apply_transition(self.article, "withdraw", self.user, comment="bench: withdrawn")
        return self.article.slug


def act(editor, poller, step, language):
    """One editor action, and the pages the poller watches for its result."""
    prefix = f"/{language}"
    started = time.monotonic()
    if step == 0:
        slug, event = editor.publish_article()
        name, checks = (
            "publish article",
            [
                ("article page", f"{prefix}/articles/{slug}/", shows(slug)),
                ("event page", event.get_absolute_url(), shows(slug)),
                ("home", f"{prefix}/", shows(slug)),
                ("article list", f"{prefix}/articles/", shows(slug)),
                ("article feed", f"{prefix}/feeds/articles/rss/", shows(slug)),
            ],
        )
    elif step == 1:
        word = editor.correct_article()
        slug = editor.article.slug
        name, checks = (
            "correct article",
            [
                ("article page", f"{prefix}/articles/{slug}/", shows(word)),
                ("event page", editor.event.get_absolute_url(), shows(word)),
                ("home", f"{prefix}/", shows(word)),
                ("article list", f"{prefix}/articles/", shows(word)),
                ("article feed", f"{prefix}/feeds/articles/rss/", shows(word)),
            ],
        )
    elif step == 2:
        slug, event, person = editor.publish_event()
        name, checks = (
            "publish event",
            [
                ("event page", f"{prefix}/events/{slug}/", shows(slug)),
                ("event list", f"{prefix}/events/", shows(slug)),
                ("home", f"{prefix}/", shows(slug)),
                ("venue page", event.venue.get_absolute_url(), shows(slug)),
                ("person page", person.get_absolute_url(), shows(slug)),
                ("event feed", f"{prefix}/feeds/events/rss/", shows(slug)),
            ],
        )
    else:
        slug = editor.withdraw_article()
        name, checks = (
            "withdraw article",
            [
                ("article page", f"{prefix}/articles/{slug}/", lambda status, body: status == 404),
                ("event page", editor.event.get_absolute_url(), lacks(slug)),
                ("home", f"{prefix}/", lacks(slug)),
                ("article list", f"{prefix}/articles/", lacks(slug)),
                ("article feed", f"{prefix}/feeds/articles/rss/", lacks(slug)),
            ],
        )
    committed = time.monotonic()
    poller.watch(name, committed, checks)
    return name, committed - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=120)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--workers", type=int, default=multiprocessing.cpu_count() * 2 + 1, help="gunicorn's, as in production"
    )
    parser.add_argument("--gunicorn-threads", type=int, default=1, help="threads per worker (gthread when above 1)")
    parser.add_argument("--every", type=float, default=10.0, help="seconds between the editor's actions")
    parser.add_argument("--no-publishing", action="store_true", help="the same spike with no editor")
    parser.add_argument("--language", default="en", choices=["en", "ru"])
    options = parser.parse_args()
    cache_url = os.environ.get("REDIS_URL") or os.environ.get("CACHE_URL", "")
    if not os.environ.get("DATABASE_URL") or not cache_url.startswith("redis"):
        sys.exit(
            "Set DATABASE_URL (a database bench/generate.py filled) and REDIS_URL (the cache gunicorn and the "
            "editor share)."
        )
    os.environ["CACHE_URL"] = cache_url  # the editor's renewals go to the cache the server reads
    ensure_wrk()
    port = free_port()
    targets = published_targets(options.language)  # sets Django up in this process, for the editor
    paths = [path for _name, path in targets[1:]]

    from django.core.cache import cache

    editor = Editor(options.language)
    withdrawn = editor.withdraw_earlier_runs()
    if withdrawn:
        print(f"withdrew {withdrawn} items earlier runs left published")
    cache.clear()
    static_root = tempfile.mkdtemp(prefix="bench-static-")
    environment = server_environment(static_root, port, options.workers, GUNICORN_THREADS=str(options.gunicorn_threads))
    options.port = port
    server, base = start_gunicorn(options, environment)
    script = Path(static_root) / "spike.lua"
    script.write_text(COUNTING_SCRIPT % {"paths": ", ".join(f'"{path}"' for path in paths)})
    poller = Poller(base)
    actions = []
    try:
        print(
            f"gunicorn: {options.workers} workers of {options.gunicorn_threads} thread(s) at {base}; "
            f"{len(paths)} pages in turn"
        )
        # Unmeasured warm-up: every page made once, as after any quiet hour.
        subprocess.run(["wrk", "-t1", "-c4", "-d5s", "-s", str(script), base + "/"], capture_output=True, check=True)
        # Visitors wait up to 10 s for a page (wrk gives up after 2 s, and gunicorn still serves what it abandoned).
        command = ["wrk", f"-t{options.threads}", f"-c{options.connections}", f"-d{options.duration}s", "--latency"]
        command += ["--timeout", "10s"]
        load = subprocess.Popen([*command, "-s", str(script), base + "/"], stdout=subprocess.PIPE, text=True)
        if not options.no_publishing:
            from publishing.workflow.transitions import TransitionRefused

            start = time.monotonic()
            step = 0
            while True:
                time.sleep(max(0.0, start + (step + 1) * options.every - time.monotonic()))
                if time.monotonic() - start > options.duration - 5:
                    break
                try:
                    actions.append(act(editor, poller, step % 4, options.language))
                except TransitionRefused as refusal:
                    print(f"  editor: {refusal}")
                step += 1
        output, _ = load.communicate(timeout=options.duration + 60)
        for thread in poller.threads:  # the last action's results, now that the load is over
            thread.join(timeout=poller.timeout)
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(static_root, ignore_errors=True)

    result = parse_wrk(output)
    counts = dict(re.findall(r"(hit|stale|miss|none)=(\d+)", output))
    counts = {name: int(value) for name, value in counts.items()}
    total = sum(counts.values()) or 1
    print(
        f"\n{'with' if not options.no_publishing else 'without'} publishing: {options.connections} connections, "
        f"{options.duration} s, database {os.environ['DATABASE_URL'].rsplit('/', 1)[-1]}"
    )
    print(
        f"req/s {result['rps']:.1f}  p50 {result['p50']:.2f} ms  p99 {result['p99']:.2f} ms  "
        f"non-2xx {result['non_2xx']}  socket errors {result['errors']}"
    )
    shares = [f"{name} {counts.get(name, 0)} ({100 * counts.get(name, 0) / total:.1f}%)" for name in counts]
    served = 100 * (counts.get("hit", 0) + counts.get("stale", 0)) / total
    print(f"page cache: {', '.join(shares)}; served without making the page {served:.1f}%")
    if actions:
        print("\neditor actions (seconds each took, to its commit):")
        for name, took in actions:
            print(f"  {name:<18} {took:6.3f} s")
        by_action = {}
        for action, page, sent, answered, old in poller.results:
            by_action.setdefault(action, {}).setdefault(page, []).append((sent, answered, old))
        print("  (each page, each time: seconds to the first request showing it / to its answer, old answers)")
        for action, pages in by_action.items():
            print(f"  {action}:")
            for page, values in pages.items():
                shown = "; ".join(
                    f"never ({old} old)" if sent is None else f"{sent:.2f}/{answered:.2f} ({old} old)"
                    for sent, answered, old in values
                )
                print(f"      {page:<14} {shown}")


if __name__ == "__main__":
    main()
