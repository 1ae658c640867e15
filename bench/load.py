"""Load-test the public pages with wrk against gunicorn (2 workers) on 127.0.0.1, next to a minimal view.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/issue8 .venv/bin/python bench/load.py
    (options: --duration 10 --connections 1,64 --uncached --url NAME=/path/ ...)
    … bench/load.py --only "api: events,api: events by country,api: event,api: figures"   (the JSON API alone)

It collects static files into a temporary directory, starts gunicorn with bench.settings (production
settings plus /bench/minimal/), waits for /healthz, then runs wrk against each page for a bounded
time per connection count, and prints requests per second, p50 and p99 latency, non-2xx responses,
socket errors, and throughput as a fraction of the minimal view's in the same run. Pages are chosen
from the published data in the database (bench/generate.py fills it). gunicorn is stopped at the
end, whatever happens. Only 127.0.0.1 is ever targeted. The cache is REDIS_URL when set, otherwise
local memory in each worker; --uncached sets PAGE_CACHE_SECONDS=0, and --cold also turns off the
cache of the event list's filter choices.
"""

import argparse
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
sys.path.insert(0, str(ROOT))


def published_targets(language):
    """Paths of real published pages, read from the database the benchmark will serve."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from archive.models import Article, FigureKind, ReportedFigure
    from events.models import Event, Organization, Person, Venue

    event = Event.objects.published().filter(participations__isnull=False).order_by("pk").first()
    article = Article.objects.published().order_by("pk").first()
    person = Person.objects.public().order_by("pk").first()
    organization = Organization.objects.public().order_by("pk").first()
    venue = Venue.objects.public().order_by("pk").first()
    kind = FigureKind.objects.filter(figures__in=ReportedFigure.objects.published()).order_by("pk").first()
    surname = person.name_en.split()[-1] if person else "Aliyev"
    country = event.venue.country_code if event else "KZ"
    return [
        ("minimal (baseline)", "/bench/minimal/"),
        ("home", f"/{language}/"),
        ("event list", f"/{language}/events/"),
        ("event list, filtered", f"/{language}/events/?country={country}"),
        ("event list, by name", f"/{language}/events/?person={surname}"),
        ("event detail", f"/{language}/events/{event.slug}/" if event else f"/{language}/events/none/"),
        ("article detail", f"/{language}/articles/{article.slug}/" if article else f"/{language}/articles/none/"),
        ("person detail", f"/{language}/people/{person.slug}/" if person else f"/{language}/people/none/"),
        ("search", f"/{language}/search/?q={surname}"),
        # In the title of every generated article and event: the most expensive search there is.
        ("search, common word", f"/{language}/search/?q=commemoration"),
        ("article list", f"/{language}/articles/"),
        ("article list, filtered", f"/{language}/articles/?language=ru"),
        ("people", f"/{language}/people/"),
        # The deepest page of each directory: OFFSET would skip every public record before it.
        ("people, last page", f"/{language}/people/?page=last"),
        ("organizations, last page", f"/{language}/organizations/?page=last"),
        ("venues, last page", f"/{language}/venues/?page=last"),
        ("article list, last page", f"/{language}/articles/?page=last"),
        ("organizations", f"/{language}/organizations/"),
        ("venues", f"/{language}/venues/"),
        ("timeline", f"/{language}/timeline/"),
        ("figures", f"/{language}/figures/"),
        ("figure kind", f"/{language}/figures/{kind.slug}/" if kind else f"/{language}/figures/"),
        ("organization detail", f"/{language}/organizations/{organization.slug}/" if organization else "/"),
        ("venue detail", f"/{language}/venues/{venue.slug}/" if venue else "/"),
        ("sitemap index", "/sitemap.xml"),
        ("sitemap page", "/sitemap-articles.xml?p=2"),
        ("feed", f"/{language}/feeds/articles/rss/"),
        # The JSON API (opendata/): its event list, the same list filtered, and an event with its rows.
        ("api: events", "/api/v1/events/"),
        ("api: events by country", f"/api/v1/events/?country={country}"),
        ("api: event", f"/api/v1/events/{event.slug}/" if event else "/api/v1/events/none/"),
        ("api: figures", "/api/v1/figures/"),
    ]


def mixed_script(directory, paths):
    """A wrk Lua script that requests `paths` one after another, round and round; returns its file name."""
    quoted = ", ".join('"' + path.replace("\\", "\\\\").replace('"', '\\"') + '"' for path in paths)
    script = Path(directory) / "mixed.lua"
    script.write_text(
        f"local paths = {{{quoted}}}\n"
        "local turn = 0\n"
        "request = function()\n"
        "  turn = turn % #paths + 1\n"
        '  return wrk.format("GET", paths[turn])\n'
        "end\n"
    )
    return str(script)


def ensure_wrk():
    if shutil.which("wrk"):
        return
    print("wrk is missing; installing Debian's package (apt-get install wrk)")
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)


def to_ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


def parse_wrk(output):
    """requests/s, p50 and p99 in ms, non-2xx (wrk: non-2xx-or-3xx) count, and socket errors."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = to_ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = to_ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "rps": rps,
        "p50": p50,
        "p99": p99,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "errors": sum(int(n) for n in errors.groups()) if errors else 0,
    }


def status_of(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


def free_port():
    """A port nobody listens on now; other people's servers may run on this machine too."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def port_is_free(port):
    with socket.socket() as probe:
        try:
            probe.bind((HOST, port))
        except OSError:
            return False
    return True


def server_environment(static_root, port, workers, **more):
    """The environment gunicorn runs in for a benchmark: production settings plus the minimal view, on 127.0.0.1,
    with the static files collected into `static_root`; `more` adds or replaces variables."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": static_root,
        "GUNICORN_BIND": f"{HOST}:{port}",
        "WEB_CONCURRENCY": str(workers),
        "GUNICORN_MAX_REQUESTS": "0",
        "GUNICORN_ACCESS_LOG": "",
        "LOG_LEVEL": "error",
        "DB_CONN_MAX_AGE": "600",
        # wrk is one client address: the API's per-address limit would answer it 429 (the limit is not measured).
        "API_THROTTLE_REQUESTS": "0",
        **more,
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=environment, check=True
    )
    return environment


def start_gunicorn(options, environment):
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "-c",
        str(ROOT / "config" / "gunicorn.conf.py"),
        "config.wsgi:application",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=environment)
    base = f"http://{HOST}:{options.port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn exited with status {server.returncode}")
        if status_of(f"{base}/healthz") == 200:
            return server, base
        time.sleep(0.3)
    server.terminate()
    sys.exit("gunicorn did not answer /healthz within 30 s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per page and connection count")
    parser.add_argument("--connections", default="1,64", help="comma-separated connection counts")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=0, help="default: any free port")
    parser.add_argument("--language", default="en", choices=["en", "ru"])
    parser.add_argument("--uncached", action="store_true", help="turn the page cache off (PAGE_CACHE_SECONDS=0)")
    parser.add_argument(
        "--cold",
        action="store_true",
        help="with --uncached: also work out the aggregates kept per content generation (filter choices, "
        "directory counts, figure summaries) on every request (DERIVED_CACHE_SECONDS=0)",
    )
    parser.add_argument("--url", action="append", default=[], metavar="NAME=PATH", help="add or replace a page")
    parser.add_argument("--only", default="", metavar="NAME,NAME", help="measure only these pages (and the baseline)")
    parser.add_argument(
        "--mixed",
        action="store_true",
        help="instead of one page at a time, one wrk run per connection count that requests every page in turn "
        "(a commemoration-day spike spread over the site)",
    )
    options = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        sys.exit("Set DATABASE_URL to the database bench/generate.py filled.")
    ensure_wrk()
    options.port = options.port or free_port()
    if not port_is_free(options.port):
        sys.exit(f"Port {options.port} on {HOST} is in use by another program; choose another with --port.")

    targets = dict(published_targets(options.language))
    # Pages added with --url first, so that --only can name them too.
    for item in options.url:
        name, _, path = item.partition("=")
        if not path.startswith("/"):
            sys.exit(f"--url {item!r}: give NAME=/path/ (a path on {HOST})")
        targets[name] = path
    if options.only:
        wanted = {name.strip() for name in options.only.split(",")}
        unknown = wanted - set(targets)
        if unknown:
            sys.exit(f"--only: no page named {', '.join(sorted(unknown))}; the pages are: {', '.join(targets)}")
        targets = {name: path for index, (name, path) in enumerate(targets.items()) if index == 0 or name in wanted}

    static_root = tempfile.mkdtemp(prefix="bench-static-")
    environment = server_environment(
        static_root,
        options.port,
        options.workers,
        CACHE_URL=os.environ.get("CACHE_URL", "locmem://bench"),
        PAGE_CACHE_SECONDS="0" if options.uncached else os.environ.get("PAGE_CACHE_SECONDS", "600"),
        DERIVED_CACHE_SECONDS="0" if options.cold else os.environ.get("DERIVED_CACHE_SECONDS", "3600"),
    )
    server, base = start_gunicorn(options, environment)
    rows = []
    try:
        print(f"gunicorn: {options.workers} workers at {base}; wrk {options.duration} s per page and connection count")
        for name, path in targets.items():
            print(f"  {name:<26} {path}  -> HTTP {status_of(base + path)}")
        pages = list(targets.items())
        if options.mixed:
            pages = [pages[0], ("all pages, in turn", mixed_script(static_root, [path for _n, path in pages[1:]]))]
        for connections in [int(c) for c in options.connections.split(",")]:
            baseline = None
            # Unmeasured: the first seconds after start (or after the previous page's backlog) are slower,
            # and the baseline, measured first, would otherwise take all of that.
            warm_up = ["wrk", f"-t{max(1, min(options.threads, connections))}", f"-c{connections}", "-d3s"]
            subprocess.run([*warm_up, base + pages[0][1]], capture_output=True, check=True)
            for name, path in pages:
                threads = max(1, min(options.threads, connections))
                command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{options.duration}s", "--latency"]
                if path.endswith(".lua"):
                    command += ["-s", path, base + "/"]
                else:
                    command.append(base + path)
                result = parse_wrk(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
                baseline = baseline or result["rps"]
                rows.append((connections, name, path, result, result["rps"] / baseline))
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(static_root, ignore_errors=True)

    cache_url = os.environ.get("REDIS_URL") or environment["CACHE_URL"]  # production prefers REDIS_URL
    cache = "off (PAGE_CACHE_SECONDS=0)" if options.uncached else cache_url.split("://")[0]
    derived = "off (DERIVED_CACHE_SECONDS=0)" if options.cold else cache_url.split("://")[0]
    database = os.environ["DATABASE_URL"].rsplit("/", 1)[-1]
    print(f"\npage cache: {cache}; per-generation aggregates: {derived}; database: {database}")
    header = (
        f"{'conns':>5}  {'page':<26} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8} {'errors':>6} {'ratio':>6}"
    )
    print(header)
    print("-" * len(header))
    for connections, name, _path, r, ratio in rows:
        print(
            f"{connections:>5}  {name:<26} {r['rps']:>9.1f} {r['p50']:>8.2f} {r['p99']:>8.2f} "
            f"{r['non_2xx']:>8} {r['errors']:>6} {ratio:>6.2f}"
        )
    failing = [name for _, name, _, r, _ in rows if r["non_2xx"] or r["errors"]]
    if failing:
        print(f"\nNOT ALL 2xx: {', '.join(sorted(set(failing)))} (see the HTTP status of each page above)")


if __name__ == "__main__":
    main()
