"""Cached public pages never go stale: an editor publishes, edits and withdraws through the admin, and
after each step every affected page, fetched anonymously in English and in Russian, shows the new state."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from publishing.models import Status
from tests.admin_forms import admin_form_data
from tests.factories import make_article, make_event, make_user

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "ru")


@pytest.fixture
def editor_client(client, roles):
    client.force_login(make_user("Editor", username="editor"))
    return client


def visit(path):
    """A visitor's GET: a fresh client, so no session cookie and nothing cached in the browser.

    The text comes without tags, since search marks the words it found inside a title.
    """
    response = Client().get(path)
    return response.status_code, re.sub(r"<[^>]*>", "", response.content.decode()), response.get("X-Page-Cache")


def article_pages(language, article):
    return [
        f"/{language}/",
        f"/{language}/articles/",
        f"/{language}/articles/{article.slug}/",
        f"/{language}/search/?q=Kestrelmoor",
        f"/{language}/feeds/articles/rss/",
        f"/{language}/feeds/articles/atom/",
    ]


def event_pages(language, event):
    return [
        f"/{language}/",
        f"/{language}/events/",
        f"/{language}/events/{event.slug}/",
        f"/{language}/timeline/",
        f"/{language}/search/?q=Kestrelmoor",
        f"/{language}/feeds/events/rss/",
    ]


def assert_every_page_shows(pages_of, item, titles, shown):
    """Each page of each language mentions the item's current title when `shown`, and no old title ever."""
    for language in LANGUAGES:
        current, *stale = titles[language]
        for path in pages_of(language, item):
            status, html, _ = visit(path)
            detail = path.endswith(f"/{item.slug}/")
            if shown:
                assert status == 200, path
                assert current in html, path
            else:
                assert status == (404 if detail else 200), path
                assert current not in html, path
            for old in stale:
                assert old not in html, path


def warm_and_check_cached(pages_of, item):
    """Fetch every page twice; the second visit of each 200 page must come from the cache."""
    for language in LANGUAGES:
        for path in pages_of(language, item):
            status, _, _ = visit(path)
            if status == 200:
                assert visit(path)[2] == "hit", path


def test_publishing_editing_and_withdrawing_an_article_in_the_admin_never_leaves_a_stale_page(editor_client):
    article = make_article(
        status=Status.IN_REVIEW, title_en="Wreath laid at Kestrelmoor", title_ru="Венок у Kestrelmoor возложен"
    )
    titles = {"en": ["Wreath laid at Kestrelmoor"], "ru": ["Венок у Kestrelmoor возложен"]}
    warm_and_check_cached(article_pages, article)
    assert_every_page_shows(article_pages, article, titles, shown=False)

    url = reverse("admin:archive_article_transition", args=[article.pk, "publish"])
    assert editor_client.post(url, {"comment": ""}).status_code == 302
    assert_every_page_shows(article_pages, article, titles, shown=True)
    warm_and_check_cached(article_pages, article)

    change = reverse("admin:archive_article_change", args=[article.pk])
    form = admin_form_data(
        editor_client.get(change), title_en="Kestrelmoor wreath, revised", title_ru="Венок Kestrelmoor, исправлено"
    )
    assert editor_client.post(change, form).status_code == 302
    titles = {
        "en": ["Kestrelmoor wreath, revised", "Wreath laid at Kestrelmoor"],
        "ru": ["Венок Kestrelmoor, исправлено", "Венок у Kestrelmoor возложен"],
    }
    assert_every_page_shows(article_pages, article, titles, shown=True)
    warm_and_check_cached(article_pages, article)

    url = reverse("admin:archive_article_transition", args=[article.pk, "withdraw"])
    assert editor_client.post(url, {"comment": "Withdrawn pending a correction."}).status_code == 302
    assert_every_page_shows(article_pages, article, titles, shown=False)


def test_publishing_editing_and_withdrawing_an_event_with_bulk_actions_never_leaves_a_stale_page(editor_client):
    event = make_event(
        status=Status.IN_REVIEW,
        title_en="Vigil at Kestrelmoor",
        title_ru="Бдение в Kestrelmoor",
        held_on=timezone.now().date(),
    )
    titles = {"en": ["Vigil at Kestrelmoor"], "ru": ["Бдение в Kestrelmoor"]}
    changelist = reverse("admin:events_event_changelist")
    warm_and_check_cached(event_pages, event)
    assert_every_page_shows(event_pages, event, titles, shown=False)

    editor_client.post(changelist, {"action": "publish_selected", "_selected_action": [event.pk]})
    event.refresh_from_db()
    assert event.status == Status.PUBLISHED
    assert_every_page_shows(event_pages, event, titles, shown=True)
    warm_and_check_cached(event_pages, event)

    change = reverse("admin:events_event_change", args=[event.pk])
    form = admin_form_data(
        editor_client.get(change), title_en="Kestrelmoor vigil, revised", title_ru="Бдение Kestrelmoor, исправлено"
    )
    assert editor_client.post(change, form).status_code == 302
    titles = {
        "en": ["Kestrelmoor vigil, revised", "Vigil at Kestrelmoor"],
        "ru": ["Бдение Kestrelmoor, исправлено", "Бдение в Kestrelmoor"],
    }
    assert_every_page_shows(event_pages, event, titles, shown=True)
    warm_and_check_cached(event_pages, event)

    editor_client.post(changelist, {"action": "withdraw_selected", "_selected_action": [event.pk]})
    event.refresh_from_db()
    assert event.status == Status.WITHDRAWN
    assert_every_page_shows(event_pages, event, titles, shown=False)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_scheduled_article_appears_once_its_time_passes_without_any_save(monkeypatch, language):
    start = timezone.now()
    article = make_article(
        title_en="Kestrelmoor anniversary",
        title_ru="Годовщина Kestrelmoor",
        public_from=start + datetime.timedelta(hours=1),
    )
    list_url = f"/{language}/articles/"
    title = {"en": "Kestrelmoor anniversary", "ru": "Годовщина Kestrelmoor"}[language]
    assert title not in visit(list_url)[1]
    assert visit(list_url)[2] == "hit"
    assert visit(f"/{language}/articles/{article.slug}/")[0] == 404

    monkeypatch.setattr(timezone, "now", lambda: start + datetime.timedelta(hours=2))
    _, html, cache_status = visit(list_url)
    assert cache_status == "miss"
    assert title in html
    assert visit(f"/{language}/articles/{article.slug}/")[0] == 200


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_set_no_cookie_and_hold_no_csrf_token_so_they_can_be_cached(language):
    article = make_article(title_en="Kestrelmoor report", title_ru="Сообщение о Kestrelmoor")
    event = make_event()
    for path in {*article_pages(language, article), *event_pages(language, event)}:
        response = Client().get(path)
        assert response.status_code == 200, path
        assert not response.cookies, path
        assert "csrfmiddlewaretoken" not in response.content.decode(), path


def test_a_page_served_from_the_cache_runs_no_database_query(django_assert_num_queries):
    article = make_article()
    visit(f"/en/articles/{article.slug}/")
    with django_assert_num_queries(0):
        assert visit(f"/en/articles/{article.slug}/")[2] == "hit"


def test_each_host_and_scheme_has_its_own_cached_pages_and_absolute_addresses(settings):
    settings.ALLOWED_HOSTS = ["archive.example.org", "mirror.example.net"]
    article = make_article(title_en="Kestrelmoor report")
    for path in (f"/en/articles/{article.slug}/", "/en/feeds/articles/rss/", "/sitemap.xml"):
        first = Client().get(path, HTTP_HOST="archive.example.org")
        assert first["X-Page-Cache"] == "miss"
        assert "http://archive.example.org/" in first.content.decode(), path
        other_host = Client().get(path, HTTP_HOST="mirror.example.net")
        assert other_host["X-Page-Cache"] == "miss", path
        assert "http://mirror.example.net/" in other_host.content.decode(), path
        assert "archive.example.org" not in other_host.content.decode(), path
        secure = Client().get(path, HTTP_HOST="archive.example.org", secure=True)
        assert secure["X-Page-Cache"] == "miss", path
        assert "https://archive.example.org/" in secure.content.decode(), path
        assert Client().get(path, HTTP_HOST="mirror.example.net")["X-Page-Cache"] == "hit", path


def test_a_made_up_session_cookie_does_not_get_around_the_page_cache(settings):
    article = make_article()
    path = f"/en/articles/{article.slug}/"
    made_up = [Client(), Client()]
    made_up[0].cookies[settings.SESSION_COOKIE_NAME] = "madeup" * 6
    made_up[1].cookies[settings.SESSION_COOKIE_NAME] = "another-made-up-session-key-0001"
    first, second = (client.get(path) for client in made_up)
    assert (first.status_code, first["X-Page-Cache"]) == (200, "miss")
    assert (second.status_code, second["X-Page-Cache"]) == (200, "hit")
    assert Client().get(path)["X-Page-Cache"] == "hit"


def test_a_signed_in_editor_is_never_served_a_cached_page(editor_client):
    article = make_article(title_en="Kestrelmoor report")
    path = f"/en/articles/{article.slug}/"
    Client().get(path)
    assert Client().get(path)["X-Page-Cache"] == "hit"
    response = editor_client.get(path)
    assert response.status_code == 200 and "X-Page-Cache" not in response


def test_query_parameters_a_page_does_not_read_neither_multiply_nor_change_its_cached_pages():
    make_article(title_en="Kestrelmoor report")
    first = Client().get("/en/articles/?utm_source=mail-1&year=")
    assert first["X-Page-Cache"] == "miss"
    assert "utm_source" not in first.content.decode()  # not echoed in the language switcher or pagination
    for variant in ("/en/articles/?utm_source=mail-2&year=", "/en/articles/?year=&fbclid=abc", "/en/articles/?year="):
        assert Client().get(variant)["X-Page-Cache"] == "hit", variant
    assert Client().get("/en/articles/?language=en&year=2025")["X-Page-Cache"] == "miss"
    assert Client().get("/en/articles/?year=2025&language=en&x=1")["X-Page-Cache"] == "hit"
    assert Client().get("/en/articles/?year=2024&language=en")["X-Page-Cache"] == "miss"
    detail = f"/en/articles/{make_article().slug}/"
    assert Client().get(detail)["X-Page-Cache"] == "miss"
    assert Client().get(f"{detail}?page=2&q=x")["X-Page-Cache"] == "hit"  # a detail page reads no parameter


def test_every_query_parameter_a_public_list_reads_is_declared_to_the_page_cache():
    from django.urls import get_resolver

    def views(resolver):
        for pattern in resolver.url_patterns:
            if hasattr(pattern, "url_patterns"):
                yield from views(pattern)
            elif getattr(pattern.callback, "page_cache_public", False):
                yield pattern.callback

    checked = 0
    for view in views(get_resolver()):
        view_class = getattr(view, "view_class", None)
        reads = set(getattr(getattr(view_class, "filterset_class", None), "base_filters", ()))
        if getattr(view_class, "paginate_by", None):
            reads.add("page")
        assert reads <= view.page_cache_query, view_class
        checked += bool(reads)
    assert checked >= 6
