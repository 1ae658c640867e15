"""Feeds per language, the sitemap with language alternates, and robots.txt."""

import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize(
    ("url", "marker"),
    [("articles/rss", "<rss"), ("articles/atom", "<feed"), ("events/rss", "<rss"), ("events/atom", "<feed")],
)
def test_feeds_exist_in_each_language(archive, client, language, url, marker):
    response = client.get(f"/{language}/feeds/{url}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert marker in body
    assert f"http://testserver/{language}/" in body
    if language == "ru" and url.startswith("events"):
        assert "Памятное мероприятие к 34-й годовщине" in body
    if language == "en" and url.startswith("articles"):
        assert "Victims of the Khojaly tragedy commemorated" in body


def sitemap_text(client):
    """The sitemap index and every section it lists, as one text."""
    import re

    index = client.get("/sitemap.xml").content.decode()
    sections = re.findall(r"<loc>http://testserver(/sitemap-[\w]+\.xml(?:\?p=\d+)?)</loc>", index)
    assert sections
    return index + "".join(client.get(section).content.decode() for section in sections)


def test_sitemap_lists_every_public_page_with_language_alternates(archive, client):
    body = sitemap_text(client)
    assert "<loc>http://testserver/en/events/embassy-in-kazakhstan-2025/</loc>" in body
    assert "<loc>http://testserver/ru/events/embassy-in-kazakhstan-2025/</loc>" in body
    assert 'hreflang="ru" href="http://testserver/ru/articles/report-2026-02-26-embassy-in-kazakhstan/"' in body
    assert 'hreflang="x-default"' in body
    for path in (
        "people/aghalar-atamoghlanov",
        "venues/vladivostok",
        "organizations/news-az",
        "figures/killed",
        "timeline",
    ):
        assert f"http://testserver/en/{path}/" in body


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /en/admin/" in body and "Disallow: /ru/admin/" in body


def test_an_untranslated_title_in_a_feed_is_marked(client):
    from tests.factories import make_event

    make_event(title_en="English only", title_ru="")
    body = client.get("/ru/feeds/events/rss/").content.decode()
    assert "English only (ещё не переведено)" in body


def test_sitemap_sections_are_paged(archive, client, monkeypatch):
    from website.sitemaps import ArticleSitemap

    monkeypatch.setattr(ArticleSitemap, "limit", 4)
    index = client.get("/sitemap.xml").content.decode()
    assert "/sitemap-articles.xml</loc>" in index and "/sitemap-articles.xml?p=3</loc>" in index
    assert client.get("/sitemap-articles.xml?p=3").content.decode().count("<url>") == 2


def test_sitemap_pages_split_between_languages_list_every_page_once(archive, client, monkeypatch):
    from archive.models import Article
    from website.sitemaps import ArticleSitemap

    monkeypatch.setattr(ArticleSitemap, "limit", 3)  # pages end between an article's two languages
    index = client.get("/sitemap.xml").content.decode()
    pages = re.findall(r"<loc>http://testserver(/sitemap-articles\.xml(?:\?p=\d+)?)</loc>", index)
    listed = []
    for page in pages:
        listed += re.findall(r"<url>\s*<loc>([^<]+)</loc>", client.get(page).content.decode())
    expected = {
        f"http://testserver/{language}/articles/{slug}/"
        for slug in Article.objects.published().values_list("slug", flat=True)
        for language in ("en", "ru")
    }
    assert sorted(listed) == sorted(expected)
    assert len(pages) == -(-len(expected) // 3)


def test_the_sitemap_index_follows_publication_and_gives_the_latest_change(archive, client, monkeypatch):
    from archive.models import Article
    from publishing.models import Status
    from tests.factories import make_article
    from website.sitemaps import ArticleSitemap

    monkeypatch.setattr(ArticleSitemap, "limit", 4)
    before = client.get("/sitemap.xml").content.decode().count("/sitemap-articles.xml")
    for _ in range(2):
        make_article(status=Status.PUBLISHED)
    index = client.get("/sitemap.xml").content.decode()
    assert index.count("/sitemap-articles.xml") == before + 1
    latest = max(Article.objects.published().values_list("updated_at", flat=True))
    assert f"<lastmod>{latest.isoformat(timespec='seconds')[:19]}" in index


FEED_ITEM_TEXT = {
    # (feed path, element holding an item's HTML content, namespace of the format)
    "articles/rss": ("channel/item/description", {}),
    "events/rss": ("channel/item/description", {}),
    "articles/atom": ("atom:entry/atom:summary", {"atom": "http://www.w3.org/2005/Atom"}),
    "events/atom": ("atom:entry/atom:summary", {"atom": "http://www.w3.org/2005/Atom"}),
}


@pytest.mark.parametrize("feed", FEED_ITEM_TEXT)
def test_feed_item_content_is_escaped_as_html_inside_the_xml(db, client, feed):
    """RSS descriptions and Atom html summaries are HTML: after the XML is parsed, the text must still be escaped."""
    from xml.etree import ElementTree

    from tests.factories import make_article, make_event

    payload = "<script>alert(1)</script> AT&T <b>bold</b>"
    make_article(lead_en=payload)
    make_event(description_en=payload)
    path, namespaces = FEED_ITEM_TEXT[feed]
    root = ElementTree.fromstring(client.get(f"/en/feeds/{feed}/").content)
    contents = [element.text for element in root.findall(path, namespaces)]
    assert contents == ["&lt;script&gt;alert(1)&lt;/script&gt; AT&amp;T &lt;b&gt;bold&lt;/b&gt;"]


@pytest.mark.parametrize(
    ("path", "template"),
    [
        ("/sitemap.xml", "sitemap_index.xml"),
        ("/sitemap-events.xml", "sitemap.xml"),
        ("/sitemap-people.xml", "sitemap.xml"),
    ],
)
def test_the_sitemaps_written_out_say_what_djangos_templates_would(archive, client, path, template):
    from xml.etree.ElementTree import canonicalize

    from django.template.loader import render_to_string

    response = client.get(path)
    assert response.status_code == 200
    written = response.content.decode()
    templated = render_to_string(template, response.context_data)
    assert canonicalize(written, strip_text=True) == canonicalize(templated, strip_text=True)
    assert "<loc>" in written
