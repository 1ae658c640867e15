"""Shared test set-up: the hand-built archive, a logged-in superuser, and a headless browser."""

import os

import pytest
from django.core.management import call_command
from django.utils import translation

from tests.archive_copy import ArchiveCopy

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


SCORE_TABLES = ("search relevance", "date corpus")


def pytest_terminal_summary(terminalreporter):
    """Tables a test recorded with `record_property("search relevance", …)` or `("date corpus", …)`, shown after the
    run even from xdist workers (their reports carry the properties back), so the relevance score per category and
    the importer's date score per form are in every test log."""
    for reports in terminalreporter.stats.values():
        for report in reports:
            if getattr(report, "when", None) != "call":
                continue
            for name, value in getattr(report, "user_properties", ()):
                if name in SCORE_TABLES:
                    terminalreporter.write_sep("-", f"{name}: {report.nodeid.split('::')[-1]}")
                    terminalreporter.write_line(str(value))


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English: a request under /ru/ leaves Russian active, and reverse() follows it."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(scope="session")
def archive_copy(django_db_setup, django_db_blocker):
    """The rows `load_archive` writes, loaded once per test process (tests/archive_copy.py says why)."""
    with django_db_blocker.unblock():
        return ArchiveCopy.record()


@pytest.fixture
def archive(db, archive_copy):
    """The five seed documents' archive, loaded exactly as an operator loads it (once, then copied per test)."""
    archive_copy.insert()


@pytest.fixture
def live_archive(transactional_db, archive_copy):
    """The archive for browser tests, which need committed data the live server can see."""
    archive_copy.insert()


@pytest.fixture
def roles(db):
    """The editorial groups (Author, Translator, Editor, Administrator), made as `make run` makes them."""
    call_command("setup_roles", verbosity=0)


@pytest.fixture
def admin_client(db, client, django_user_model):
    user = django_user_model.objects.create_superuser("chief", "chief@example.org", "pw-for-tests-only")
    client.force_login(user)
    return client


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright; `make test` installs it when missing."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium) first.")
    # Playwright's sync API runs an event loop in this thread; the ORM calls made by tests are still synchronous.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab whose relative URLs go to the live test server."""
    context = browser.new_context(base_url=live_server.url)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: no cached pages or per-generation aggregates from another test."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
