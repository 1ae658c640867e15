"""Every public page in both languages: structure, language alternates, content and honest dates."""

import json
import re

import pytest

from tests.factories import make_article, make_event, make_venue

pytestmark = pytest.mark.django_db

PAGES = [
    "/{lang}/",
    "/{lang}/events/",
    "/{lang}/events/embassy-in-kazakhstan-2025/",
    "/{lang}/articles/",
    "/{lang}/articles/report-2026-02-26-embassy-in-kazakhstan/",
    "/{lang}/people/",
    "/{lang}/people/aghalar-atamoghlanov/",
    "/{lang}/venues/",
    "/{lang}/venues/embassy-of-azerbaijan-in-kazakhstan/",
    "/{lang}/organizations/",
    "/{lang}/organizations/news-az/",
    "/{lang}/timeline/",
    "/{lang}/figures/",
    "/{lang}/figures/countries-resolutions/",
    "/{lang}/search/?q=Khojaly",
    "/{lang}/api/",
]


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("pattern", PAGES)
def test_every_page_renders_with_one_h1_landmarks_and_language_alternates(archive, client, pattern, language):
    url = pattern.format(lang=language)
    html = html_of(client, url)
    other = "ru" if language == "en" else "en"
    path = url.split("?")[0]
    assert f'<html lang="{language}">' in html
    assert html.count("<h1") == 1
    assert '<main id="main"' in html and 'href="#main"' in html and "<nav" in html and "<footer" in html
    assert f'<link rel="canonical" href="http://testserver{path}">' in html
    assert f'hreflang="{other}" href="http://testserver/{other}{path[3:]}"' in html
    # The language switcher leads to the same page (and the same query) in the other language.
    assert f'href="/{other}{url[3:]}"'.replace("&", "&amp;") in html
    assert 'property="og:title"' in html


def test_root_sends_visitors_to_the_language_their_browser_prefers(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9").url == "/ru/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB").url == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de").url == "/en/"


def test_interface_is_in_russian_under_ru(archive, client):
    html = html_of(client, "/ru/events/")
    assert "Мероприятия" in html and "Год" in html and "Страна" in html
    assert "Найти" in html


def test_home_lists_the_occasion_commemorated(archive, client):
    html = html_of(client, "/en/")
    assert "Occasions commemorated" in html
    assert "/en/events/?occasion=khojaly-1992" in html


def test_event_dates_show_their_precision_and_basis_with_the_note(archive, client):
    html = html_of(client, "/en/events/embassy-in-kazakhstan-2025/")
    assert '<time datetime="2025">2025</time> <span class="date-quality">(year only, inferred)</span>' in html
    assert "How this date was obtained" in html
    assert "does not give the day of the event" in html
    ru = html_of(client, "/ru/events/embassy-in-kazakhstan-2025/")
    assert "(только год, выведена архивом)" in ru


def test_a_stated_day_is_formatted_for_the_language(archive, client):
    assert '<time datetime="2026-02-26">Feb. 26, 2026</time>' in html_of(
        client, "/en/articles/report-2026-02-26-embassy-in-kazakhstan/"
    )
    assert '<time datetime="2026-02-26">26 февраля 2026 г.</time>' in html_of(
        client, "/ru/articles/report-2026-02-26-embassy-in-kazakhstan/"
    )


def test_event_page_shows_programme_participants_titles_reports_and_figures(archive, client):
    html = html_of(client, "/en/events/embassy-in-kazakhstan-2025/")
    assert "Aghalar Atamoghlanov" in html
    assert "Ambassador of Azerbaijan to Kazakhstan" in html  # title at the time
    assert "Minute of silence" in html
    assert "/en/articles/news-az-2025-02-26-embassy-in-kazakhstan/" in html
    assert "resulted in the deaths of 613 residents" in html  # figure with its verbatim passage
    assert "33rd anniversary" in html


def test_article_in_translation_is_marked_and_links_to_the_original_language(archive, client):
    html = html_of(client, "/en/articles/report-2026-02-26-embassy-in-kazakhstan/")
    assert "the archive&#x27;s translation" in html or "the archive's translation" in html
    assert 'href="/ru/articles/report-2026-02-26-embassy-in-kazakhstan/" hreflang="ru"' in html
    # The verbatim original is on the page too, marked as Russian.
    assert '<div lang="ru" class="verbatim">' in html
    assert "Как передает казахстанское бюро Report" in html


def test_article_in_its_original_language_carries_no_translation_mark(archive, client):
    html = html_of(client, "/ru/articles/report-2026-02-26-embassy-in-kazakhstan/")
    assert 'class="translation-mark"' not in html
    assert 'class="translation-mark"' in html_of(client, "/ru/articles/news-az-2025-02-26-embassy-in-kazakhstan/")


def test_article_page_shows_source_chain_date_certainty_events_people_and_figures(archive, client):
    html = html_of(client, "/en/articles/undated-azerbaijan-marks-32nd-anniversary/")
    assert "Source chain" in html and "According to official estimates" in html
    assert '<time datetime="2024">2024</time> <span class="date-quality">(year only, inferred)</span>' in html
    assert "The saved page carries no date" in html
    assert "Twenty-two years have passed" in html
    assert "differs from the publication date" in html  # 22 years after 1992 is 2014, not 2024
    html = html_of(client, "/en/articles/news-az-2025-02-26-embassy-in-kazakhstan/")
    assert "/en/events/embassy-in-kazakhstan-2025/" in html
    assert "/en/people/aghalar-atamoghlanov/" in html
    assert "Figures this article gives" in html


def test_untranslated_text_is_shown_in_the_other_language_and_marked(client):
    event = make_event(title_ru="", description_ru="")
    html = html_of(client, f"/ru/events/{event.slug}/")
    assert f'<span lang="en">{event.title_en}</span> <span class="untranslated">(ещё не переведено)</span>' in html
    assert "(ещё не переведено)" in html_of(client, "/ru/events/")


def test_figures_page_shows_disagreeing_reports_side_by_side(archive, client):
    html = html_of(client, "/en/figures/")
    section = html.split('id="countries-resolutions"')[1].split("</section>")[0]
    assert "Reports differ:" in section
    for value in ("17", "18", "20"):
        assert re.search(rf'<td class="value"[^>]*>{value}<', section)
    assert "/en/articles/news-az-2025-02-26-embassy-in-kazakhstan/" in section
    killed = html.split('id="killed"')[1].split("</section>")[0]
    assert "All 5 reports give 613." in killed


def test_figure_pages_show_the_first_reports_and_page_through_the_rest(client, monkeypatch):
    from archive import views
    from tests.factories import make_figure, make_figure_kind

    monkeypatch.setattr(views, "FIGURES_PER_KIND", 2)
    monkeypatch.setattr(views, "FIGURES_PER_PAGE", 3)
    kind = make_figure_kind(slug="counted")
    for value in (10, 10, 12, 14):
        make_figure(make_article(), kind=kind, value=value)
    html = html_of(client, "/en/figures/")
    assert "Reports differ:</strong> 10 (2 reports); 12 (1 report); 14 (1 report)" in html
    assert "2 of 4 reports shown." in html
    kind_page = html_of(client, "/en/figures/counted/")
    assert kind_page.count('<td class="value"') == 3 and 'href="?page=2"' in kind_page
    assert html_of(client, "/en/figures/counted/?page=2").count('<td class="value"') == 1


def test_figure_values_are_formatted_for_the_language(archive, client):
    assert "170,000,000" in html_of(client, "/en/figures/property-damage/")
    assert "170\xa0000\xa0000" in html_of(client, "/ru/figures/property-damage/")


def test_venue_page_gathers_every_event_held_there(archive, client):
    html = html_of(client, "/en/venues/embassy-of-azerbaijan-in-kazakhstan/")
    assert "/en/events/embassy-in-kazakhstan-2025/" in html
    assert "/en/events/embassy-in-kazakhstan-2026/" in html


def test_person_page_gathers_every_appearance(archive, client):
    html = html_of(client, "/en/people/aghalar-atamoghlanov/")
    assert html.count('class="item-title" href="/en/events/embassy-in-kazakhstan-') == 2
    assert "Atamoglanov" in html  # another spelling the documents use


def test_organization_page_gathers_what_it_published_and_hosted(archive, client):
    html = html_of(client, "/en/organizations/news-az/")
    assert "/en/articles/news-az-2025-02-26-embassy-in-kazakhstan/" in html
    assert "/en/articles/news-az-2024-02-27-national-library-of-pakistan/" in html
    embassy = html_of(client, "/en/organizations/embassy-of-azerbaijan-in-kazakhstan/")
    assert "Events held on its premises" in embassy


def test_timeline_groups_events_by_year_with_the_anniversary(archive, client):
    html = html_of(client, "/ru/timeline/")
    years = re.findall(r'<h2 id="year-(\d{4})">', html)
    assert years == ["2024", "2025", "2026"]
    assert "32-я годовщина" in html and "34-я годовщина" in html
    assert 'href="#year-2025">2025</a>' in html  # the index of years
    assert "4 мероприятия" in html  # 2025


def test_a_long_timeline_is_paged_and_its_index_links_each_year_to_its_page(archive, client, settings):
    import events.views

    settings.TIMELINE_PAGE_SIZE = 2
    events.views.TimelineView.paginate_by = 2
    try:
        html = html_of(client, "/en/timeline/")
        assert re.findall(r'<h2 id="year-(\d{4})">', html) == ["2024", "2025"]
        assert 'href="?page=2#year-2025"' not in html and 'href="#year-2025"' in html
        assert 'href="?page=3#year-2026"' in html
        assert re.findall(r'<h2 id="year-(\d{4})">', html_of(client, "/en/timeline/?page=3")) == ["2025", "2026"]
    finally:
        events.views.TimelineView.paginate_by = settings.TIMELINE_PAGE_SIZE


def json_ld(html):
    return [json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)]


def test_pages_carry_json_ld_for_events_articles_and_people(archive, client):
    (event,) = json_ld(html_of(client, "/en/events/embassy-in-kazakhstan-2025/"))
    assert event["@type"] == "Event" and event["startDate"] == "2025"
    assert event["location"]["address"]["addressCountry"] == "KZ"
    (article,) = json_ld(html_of(client, "/en/articles/report-2026-02-26-embassy-in-kazakhstan/"))
    assert article["@type"] == "NewsArticle" and article["datePublished"] == "2026-02-26"
    assert article["translationOfWork"]["inLanguage"] == "ru"
    (person,) = json_ld(html_of(client, "/ru/people/aghalar-atamoghlanov/"))
    assert person["@type"] == "Person" and person["name"] == "Агалар Атамогланов"


def test_json_ld_cannot_break_out_of_its_script(client):
    event = make_event(title_en="</script><script>alert(1)</script>")
    html = html_of(client, f"/en/events/{event.slug}/")
    assert "<script>alert(1)" not in html


def test_article_page_links_a_print_stylesheet(archive, client):
    assert 'media="print"' in html_of(client, "/en/articles/report-2026-02-26-embassy-in-kazakhstan/")


@pytest.mark.parametrize(("language", "text"), [("en", "Page not found"), ("ru", "Страница не найдена")])
def test_missing_page_is_a_friendly_404_in_the_language_of_the_address(client, language, text):
    response = client.get(f"/{language}/events/no-such-event/")
    assert response.status_code == 404
    html = response.content.decode()
    assert text in html and f'<html lang="{language}">' in html and html.count("<h1") == 1
    other = "ru" if language == "en" else "en"
    assert f'href="/{other}/events/no-such-event/"' in html


def links_and_page_urls(html):
    """Every address a page links to or gives as its own (href, og:url, canonical), unescaped."""
    from html import unescape

    found = re.findall(r'href="([^"]*)"', html) + re.findall(r'<meta property="og:url" content="([^"]*)"', html)
    return [unescape(address) for address in found]


@pytest.mark.parametrize(
    "path",
    ["//evil.example/x", "/en//evil.example/x", "/ru//evil.example/x", "/\\evil.example/x", "/en/\\evil.example/x"],
)
def test_404_for_an_address_that_looks_like_another_site_links_only_to_this_site(client, path):
    # Given as PATH_INFO: the test client would otherwise read "//evil.example" as a host, as a browser does.
    response = client.get("/", PATH_INFO=path)
    assert response.status_code == 404
    addresses = links_and_page_urls(response.content.decode())
    assert any("evil.example" in address for address in addresses)  # the switcher still offers the same page
    for address in addresses:
        # A browser reads "//host" and "/\\host" as another site; only "/…" paths and this host's URLs stay here.
        assert re.match(r"^(/(?![/\\])|#|http://testserver/)", address), address


@pytest.mark.parametrize(("language", "text"), [("en", "Something went wrong"), ("ru", "Что-то пошло не так")])
def test_server_error_page_is_friendly_in_both_languages(client, language, text):
    from django.utils import translation

    from website.views import server_error

    with translation.override(language):
        response = server_error(client.get(f"/{language}/").wsgi_request)
    assert response.status_code == 500
    assert text in response.content.decode()


def test_unknown_venue_in_a_filter_shows_an_error_not_a_crash(client):
    make_venue(slug="known")
    response = client.get("/en/events/?venue=nowhere")
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_long_lists_are_paginated_and_keep_their_filters(client):
    for _ in range(25):
        make_article(original_language="ru")
    html = html_of(client, "/en/articles/?language=ru")
    assert 'href="?language=ru&amp;page=2"' in html
    page_two = html_of(client, "/en/articles/?language=ru&page=2")
    assert page_two.count('class="item-title"') == 5


def test_an_untranslated_title_is_plain_text_in_the_page_title(client):
    event = make_event(title_ru="")
    html = html_of(client, f"/ru/events/{event.slug}/")
    assert f"<title>{event.title_en} (ещё не переведено) ·" in html


@pytest.mark.parametrize("pattern", PAGES)
def test_pages_need_no_inline_script_or_style(archive, client, pattern):
    """Pages work under a strict Content-Security-Policy: JSON-LD is data, never executed script."""
    html = html_of(client, pattern.format(lang="en"))
    assert "<script>" not in html and "<style" not in html and " style=" not in html
    assert not re.search(r"<script(?![^>]*application/ld\+json)", html)


def test_long_related_lists_show_the_latest_and_link_to_the_filtered_list(client, settings):
    settings.RELATED_LIST_LIMIT = 3
    venue = make_venue(slug="busy-hall")
    for _ in range(5):
        make_event(venue=venue)
    html = html_of(client, "/en/venues/busy-hall/")
    assert html.count('class="item-title" href="/en/events/') == 3
    assert "The latest 3 are shown." in html
    assert 'href="/en/events/?venue=busy-hall"' in html


def test_people_and_venue_lists_count_public_appearances_and_events(archive, client):
    people = html_of(client, "/en/people/")
    entry = people.split('href="/en/people/aghalar-atamoghlanov/"')[1].split("</li>")[0]
    assert "2 appearances" in entry
    venues = html_of(client, "/ru/venues/")
    entry = venues.split('href="/ru/venues/embassy-of-azerbaijan-in-kazakhstan/"')[1].split("</li>")[0]
    assert "2 мероприятия" in entry
