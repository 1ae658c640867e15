"""The page cache: visitors get stored pages until a change to what a page shows makes it stale."""

import datetime

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone, translation

from archive.models import Article
from publishing.generations import invalidate_pages
from publishing.models import Status
from publishing.public_pages import cache_public_page, reads_query_parameters
from tests.factories import make_article, make_event
from website.page_cache import PageCacheMiddleware

pytestmark = pytest.mark.django_db


class TitlesPage:
    """A stand-in public view listing published article titles, counting how often it really runs."""

    query_parameters = ("year",)

    def __init__(self):
        self.calls = 0

    def __call__(self, request):
        self.calls += 1
        return HttpResponse(" | ".join(article.title for article in Article.objects.published().order_by("slug")))


def served(view, **kwargs):
    """The view as the site serves it: marked with cache_public_page, behind PageCacheMiddleware."""
    marked = cache_public_page(view)
    return PageCacheMiddleware(lambda request: marked(request, **kwargs))


@pytest.fixture
def page():
    view = TitlesPage()
    cached = served(view)

    def visit(language="en", path="/titles/", **request_options):
        with translation.override(language):
            response = cached(RequestFactory().get(f"/{language}{path}", **request_options))
        response.text = response.content.decode()
        return response

    visit.view = view
    return visit


def test_second_visit_is_served_from_the_cache(page):
    make_article(title_en="First report")
    first = page()
    second = page()
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.text == first.text == "First report"
    assert page.view.calls == 1


def test_each_language_and_query_string_is_its_own_page(page):
    make_article(title_en="Report", title_ru="Сообщение")
    assert page("en").text == "Report"
    assert page("ru").text == "Сообщение"
    page("en", "/titles/?year=2025")
    assert page.view.calls == 3
    assert page("ru")["X-Page-Cache"] == "hit"


@pytest.mark.parametrize("language", ["en", "ru"])
def test_publishing_editing_and_withdrawing_never_serve_a_stale_page(page, language):
    article = make_article(title_en="Old title", title_ru="Старый заголовок", status=Status.DRAFT)
    assert page(language).text == ""
    assert page(language)["X-Page-Cache"] == "hit"

    article.status = Status.PUBLISHED
    article.save()
    assert page(language).text == {"en": "Old title", "ru": "Старый заголовок"}[language]

    article.title_en, article.title_ru = "New title", "Новый заголовок"
    article.save()
    assert page(language).text == {"en": "New title", "ru": "Новый заголовок"}[language]

    article.status = Status.WITHDRAWN
    article.save()
    assert page(language).text == ""


def test_a_change_to_a_kind_of_object_invalidates_the_lists_that_read_it_and_no_other(page):
    article = make_article(title_en="Report")
    page()
    event = make_event()  # the titles page reads no event
    assert page()["X-Page-Cache"] == "hit"
    event.delete()
    assert page()["X-Page-Cache"] == "hit"
    make_article(slug="second", title_en="Second", status=Status.DRAFT)  # any article may be on the list
    assert page()["X-Page-Cache"] == "miss"
    page()
    article.delete()
    response = page()
    assert (response["X-Page-Cache"], response.text) == ("miss", "")


def test_changes_that_send_no_signal_need_invalidate_pages(page):
    make_article(slug="quiet", title_en="Before")
    page()
    Article.objects.filter(slug="quiet").update(title_en="After")
    assert page().text == "Before"
    invalidate_pages()
    assert page().text == "After"


def test_invalidation_is_repeated_when_the_transaction_commits(page, django_capture_on_commit_callbacks):
    make_article(title_en="Report")
    page()
    with django_capture_on_commit_callbacks() as callbacks:
        invalidate_pages()
        page()  # a visitor between the change and the commit caches a page under a new generation
    assert page()["X-Page-Cache"] == "hit"
    for callback in callbacks:
        callback()
    assert page()["X-Page-Cache"] == "miss"


def test_scheduled_publication_appears_on_time_without_any_save(page, monkeypatch):
    now = timezone.now()
    make_article(title_en="Scheduled", public_from=now + datetime.timedelta(minutes=5))
    assert page().text == ""
    assert page()["X-Page-Cache"] == "hit"
    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(minutes=6))
    assert page().text == "Scheduled"


def test_visitors_with_a_session_are_never_served_cached_pages(page, settings):
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session["signed_in"] = True
    session.save()
    make_article(title_en="Report")
    page()
    with_session = page(HTTP_COOKIE=f"{settings.SESSION_COOKIE_NAME}={session.session_key}")
    assert "X-Page-Cache" not in with_session
    assert page.view.calls == 2


def test_responses_that_set_cookies_or_fail_are_not_stored():
    def sets_cookie(request):
        response = HttpResponse("hello")
        response.set_cookie("csrftoken", "x")
        return response

    def not_found(request):
        return HttpResponse("missing", status=404)

    for view in (sets_cookie, not_found):
        cached = served(reads_query_parameters()(view))
        cached(RequestFactory().get("/en/x/"))
        assert "X-Page-Cache" not in cached(RequestFactory().get("/en/x/"))


def test_cached_pages_vary_on_cookie(page):
    make_article()
    assert "Cookie" in page()["Vary"]
    assert "Cookie" in page()["Vary"]


def test_page_cache_seconds_zero_turns_the_cache_off(page, settings):
    settings.PAGE_CACHE_SECONDS = 0
    make_article()
    page()
    page()
    assert page.view.calls == 2


def test_a_template_response_view_is_rendered_once_then_served_from_the_cache(archive):
    from archive.views import ArticleDetailView

    article = Article.objects.published().first()
    cached = served(ArticleDetailView.as_view(), slug=article.slug)

    def visit(language):
        with translation.override(language):
            return cached(RequestFactory().get(f"/{language}/articles/{article.slug}/"))

    first, second = visit("ru"), visit("ru")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert article.title_ru in second.content.decode()
    assert second["Content-Type"] == "text/html; charset=utf-8"
    article.title_ru = "Исправленный заголовок"
    article.save()
    assert "Исправленный заголовок" in visit("ru").content.decode()


def test_a_view_not_marked_public_is_never_stored(archive):
    calls = []

    def private_view(request):
        calls.append(request)
        return HttpResponse("for this visitor only")

    middleware = PageCacheMiddleware(private_view)
    for _ in range(2):
        assert "X-Page-Cache" not in middleware(RequestFactory().get("/en/private/"))
    assert len(calls) == 2


def test_a_page_outside_the_language_prefix_is_one_page_for_every_language(client, archive):
    first = client.get("/sitemap.xml", HTTP_ACCEPT_LANGUAGE="ru")
    second = client.get("/sitemap.xml", HTTP_ACCEPT_LANGUAGE="en")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content


def test_a_hit_is_answered_before_the_inner_middleware_and_the_view_run(client, archive):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert client.get("/en/").headers["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/")
    assert response.headers["X-Page-Cache"] == "hit" and len(queries) == 0
    # The inner middleware's headers were stored with the page; the outer ones are added on every answer.
    assert response.headers["Content-Language"] == "en"
    assert "Content-Security-Policy" in response.headers and response.headers["X-Frame-Options"] == "DENY"
    assert not hasattr(response, "wsgi_request") or response.wsgi_request.resolver_match is None


def test_a_copy_kept_by_this_process_is_served_only_while_its_generation_is_current(page):
    from django.core.cache import cache

    from publishing.generations import GENERATION_KEY

    article = make_article(title_en="Before")
    assert page()["X-Page-Cache"] == "miss"
    # Another process's change: the shared generation goes, and nothing in this process is told.
    Article.objects.filter(pk=article.pk).update(title_en="After")
    cache.delete(GENERATION_KEY)
    response = page()
    assert (response["X-Page-Cache"], response.text) == ("miss", "After")


def test_a_process_serves_its_own_copy_without_reading_the_page_from_the_shared_cache(page):
    from django.core.cache import cache

    make_article(title_en="Kept")
    assert page()["X-Page-Cache"] == "miss"
    page_keys = [key for key in cache._cache if ":page-cache:page:" in key]
    assert page_keys
    for key in page_keys:
        del cache._cache[key]  # the shared copy expired or was evicted
    response = page()
    assert (response["X-Page-Cache"], response.text) == ("hit", "Kept")
    assert page.view.calls == 1


def test_a_request_outside_the_language_prefix_to_an_unmarked_view_costs_no_cache_lookup(client, monkeypatch):
    from django.core.cache import cache

    looked_up = []
    monkeypatch.setattr(cache, "get", lambda *args, **kwargs: looked_up.append(args))
    assert client.get("/robots.txt").status_code == 200
    assert looked_up == []
