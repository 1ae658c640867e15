"""Each cached page goes stale with what it shows: a change reaches every page it belongs on at once, leaves
the others cached, and a withdrawn item is never served again, not even as the copy shown while a page is
made again."""

import re

import pytest
import reversion
from django.core.cache import cache
from django.db import transaction
from django.test import Client, RequestFactory

from publishing import dependencies
from publishing.workflow.transitions import apply_transition
from tests.factories import (
    make_article,
    make_event,
    make_figure,
    make_organization,
    make_participation,
    make_person,
    make_report,
    make_user,
    make_venue,
)
from tests.website.test_feeds_and_sitemap import sitemap_text
from website.page_cache import page_key

pytestmark = pytest.mark.django_db


def visit(path):
    """An anonymous visitor's GET: (status, text without tags, X-Page-Cache)."""
    response = Client().get(path)
    return response.status_code, re.sub(r"<[^>]*>", "", response.content.decode()), response.get("X-Page-Cache")


def text_of(path):
    status, text, _how = visit(path)
    return text if status == 200 else ""


def cached(path):
    """Visit twice: the page is then in the cache (the second visit says so)."""
    visit(path)
    assert visit(path)[2] == "hit", path


@pytest.fixture
def editor(roles):
    return make_user("Editor", username="editor")


@pytest.fixture
def site():
    """A published event at a hall an organization runs, reported by an article in which a person spoke."""
    owner = make_organization(slug="hall-owner", name_en="Hall Owner")
    venue = make_venue(slug="the-hall", name_en="The Hall", organization=owner)
    event = make_event(slug="the-event", title_en="The Event", venue=venue)
    outlet = make_organization(slug="the-outlet", name_en="The Outlet")
    first = make_article(slug="first-report", title_en="First report", outlet=outlet)
    make_report(event, first)
    speaker = make_person(slug="speaker", name_en="The Speaker")
    make_participation(event, first, person=speaker)
    other_event = make_event(slug="other-event", title_en="Other Event", venue=make_venue(slug="other-hall"))
    make_report(other_event, make_article(slug="other-report", title_en="Other report"))
    return {"event": event, "venue": venue, "speaker": speaker, "outlet": outlet, "owner": owner}


def new_article(site, title="Kestrel report"):
    article = make_article(slug="kestrel", title_en=title, status="draft", outlet=site["outlet"])
    make_report(site["event"], article)
    make_figure(article, stated_by=site["speaker"], passage="Kestrel counted 700 people")
    return article


def publish(item, user):
    apply_transition(item, "submit", user)
    apply_transition(item, "publish", user)


ARTICLE_PAGES = [
    "/en/",
    "/en/articles/",
    "/en/articles/kestrel/",
    "/en/events/the-event/",
    "/en/people/speaker/",
    "/en/organizations/the-outlet/",
    "/en/feeds/articles/rss/",
    "/en/search/?q=Kestrel",
]


def test_a_new_article_appears_on_every_page_it_belongs_on_and_leaves_the_others_cached(site, editor, client):
    article = new_article(site)
    for path in ARTICLE_PAGES[:2] + ARTICLE_PAGES[3:] + ["/en/events/other-event/", "/en/venues/other-hall/"]:
        cached(path)
    before = sitemap_text(client)
    assert "kestrel" not in before

    publish(article, editor)

    for path in ARTICLE_PAGES:
        assert "Kestrel report" in text_of(path), path
    assert "/en/articles/kestrel/" in sitemap_text(client)
    # An event it does not report, and that event's hall, keep their cached pages.
    assert visit("/en/events/other-event/")[2] == "hit"
    assert visit("/en/venues/other-hall/")[2] == "hit"


def test_a_corrected_title_replaces_the_old_one_everywhere(site, editor):
    article = new_article(site, title="Kestrel reprot")
    publish(article, editor)
    for path in [*ARTICLE_PAGES, "/en/articles/?language=ru", "/en/venues/", "/en/events/other-event/"]:
        cached(path)

    with transaction.atomic(), reversion.create_revision():
        article.title_en = "Kestrel report"
        article.save()

    for path in ARTICLE_PAGES:
        text = text_of(path)
        assert "Kestrel report" in text and "reprot" not in text, path
    # Lists that read articles without showing this one keep their pages: only wording changed.
    for path in ["/en/articles/?language=ru", "/en/venues/", "/en/events/other-event/"]:
        assert visit(path)[2] == "hit", path


def test_a_new_event_appears_at_its_venue_its_speakers_and_its_lists(site, editor, client):
    speaker, venue = site["speaker"], site["venue"]
    pages = [
        "/en/",
        "/en/events/",
        "/en/timeline/",
        "/en/venues/the-hall/",
        "/en/people/speaker/",
        "/en/organizations/hall-owner/",
        "/en/feeds/events/rss/",
    ]
    for path in pages:
        cached(path)
    event = make_event(slug="kestrel-evening", title_en="Kestrel evening", venue=venue, status="draft")
    make_participation(event, make_article(slug="evening-report"), person=speaker)

    publish(event, editor)

    for path in [*pages, "/en/events/kestrel-evening/", "/en/search/?q=Kestrel"]:
        assert "Kestrel evening" in text_of(path), path
    assert "/en/events/kestrel-evening/" in sitemap_text(client)


def test_a_withdrawn_article_is_gone_from_every_page_feed_sitemap_and_search_at_once(site, editor, client):
    article = new_article(site)
    publish(article, editor)
    for path in ARTICLE_PAGES:
        cached(path)
    assert "/en/articles/kestrel/" in sitemap_text(client)

    apply_transition(article, "withdraw", editor)

    assert visit("/en/articles/kestrel/")[0] == 404
    for path in ARTICLE_PAGES[:2] + ARTICLE_PAGES[3:]:
        text = text_of(path)
        assert "Kestrel report" not in text and "Kestrel counted" not in text, path
    assert "kestrel" not in sitemap_text(client)


def making(path):
    """Pretend another request is making this page again now (it holds the page's making mark)."""
    cache.add(f"{page_key(RequestFactory().get(path), 'en')}:making", 1, 60)


def test_while_a_page_is_made_again_after_an_edit_visitors_get_the_previous_copy(site, editor):
    article = new_article(site, title="Kestrel reprot")
    publish(article, editor)
    cached("/en/articles/")
    article.title_en = "Kestrel report"
    article.save()

    making("/en/articles/")
    status, text, how = visit("/en/articles/")
    assert (status, how) == (200, "stale") and "Kestrel reprot" in text

    cache.delete(f"{page_key(RequestFactory().get('/en/articles/'), 'en')}:making")
    status, text, how = visit("/en/articles/")
    assert how == "miss" and "Kestrel report" in text


def test_after_a_withdrawal_no_previous_copy_stands_in_while_the_page_is_made_again(site, editor, settings):
    settings.PAGE_CACHE_RENDER_SECONDS = 1  # how long a visitor waits for the other request before making it
    article = new_article(site)
    publish(article, editor)
    for path in ARTICLE_PAGES[:2]:
        cached(path)

    apply_transition(article, "withdraw", editor)

    for path in ARTICLE_PAGES[:2]:
        making(path)
        status, text, how = visit(path)
        assert status == 200 and how != "stale" and "Kestrel report" not in text, path


def test_a_page_made_while_a_change_committed_is_not_kept():
    clock = dependencies.clock_now()
    tags = {"kind:archive.article"}
    assert dependencies.versions_since(tags, clock) is not None  # nothing renewed since the clock was read
    dependencies._renew_after_commit(dependencies.tag_keys(tags))  # a change commits while the page is made
    assert dependencies.versions_since(tags, clock) is None
    assert dependencies.versions_since(tags, dependencies.clock_now()) is not None
