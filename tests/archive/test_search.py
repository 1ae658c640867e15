"""Search finds word forms in both languages at once and highlights them; drafts never appear."""

import re

import pytest

from archive import search as site_search
from tests.factories import make_article, make_event

pytestmark = pytest.mark.django_db


def results_html(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_a_russian_word_finds_its_other_forms(archive, client):
    html = results_html(client, "ru", "Ходжалинский")
    assert "<mark>Ходжалинского</mark>" in html
    assert "<mark>Ходжалинской</mark>" in html
    assert "/ru/articles/report-2026-02-26-embassy-in-kazakhstan/" in html


def test_an_english_plural_finds_the_singular(archive, client):
    html = results_html(client, "en", "commemorations")
    assert "<mark>commemoration</mark>" in html.lower() or "<mark>Commemoration</mark>" in html
    assert "/en/events/" in html


def test_both_languages_are_searched_at_once(archive, client):
    # A Russian word on the English site finds the article whose original is Russian …
    html = results_html(client, "en", "бюро")
    assert "/en/articles/report-2026-02-26-embassy-in-kazakhstan/" in html
    # … and an English word on the Russian site finds English originals.
    html = results_html(client, "ru", "Islamabad")
    assert "/ru/articles/news-az-2024-02-27-national-library-of-pakistan/" in html


def test_every_word_of_the_query_must_match(archive, client):
    html = results_html(client, "en", "Pakistan seminar")
    assert "/en/articles/news-az-2024-02-27-national-library-of-pakistan/" in html
    assert "/en/articles/trend-2025-03-04-russian-regions/" not in html


def test_people_venues_and_organizations_are_found(archive, client):
    html = results_html(client, "en", "Atamoghlanov")
    assert "/en/people/aghalar-atamoghlanov/" in html
    assert "/en/venues/vladivostok/" in results_html(client, "en", "Vladivostok")
    assert "/en/organizations/trend/" in results_html(client, "en", "Trend")


def test_snippets_escape_the_text_they_highlight(client):
    make_event(description_en="According to the report, <b>bold</b> commemoration took place.")
    html = results_html(client, "en", "commemoration")
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_an_empty_or_one_letter_query_finds_nothing_without_error(client):
    assert "result" not in results_html(client, "en", "").split("<main")[1].split("</main>")[0]
    assert "Type at least one word" in results_html(client, "en", "a")


@pytest.mark.parametrize("status", ["draft", "in_review", "withdrawn"])
def test_unpublished_items_never_appear_in_search(client, status):
    make_article(title_en="Zanzibar commemoration", status=status)
    make_event(title_en="Zanzibar gathering", status=status)
    make_article(title_en="Zanzibar visible report")
    html = results_html(client, "en", "Zanzibar")
    results = html.split('class="items search-results">')[1].split("</ol>")[0]
    assert "Zanzibar visible report" in results.replace("<mark>", "").replace("</mark>", "")
    assert results.count('class="item"') == 1


def test_stems_use_the_stemmer_of_each_alphabet():
    assert site_search.stem("Ходжалинского") == site_search.stem("Ходжалинский") == site_search.stem("ходжалинской")
    assert site_search.stem("commemorations") == site_search.stem("commemoration")


def test_highlight_marks_every_form_and_keeps_text_escaped():
    html = site_search.highlight("Ходжалинской <трагедии> и Ходжалинского геноцида", [site_search.stem("ходжалинский")])
    assert html == "<mark>Ходжалинской</mark> &lt;трагедии&gt; и <mark>Ходжалинского</mark> геноцида"


def test_a_snippet_from_the_verbatim_original_is_marked_with_its_language(archive, client):
    # "бюро" is only in the Russian original and Russian fields; on the English site the snippet is Russian.
    html = results_html(client, "en", "бюро")
    assert re.search(r'<p class="snippet" lang="ru">[^<]*<mark>бюро</mark>', html)
