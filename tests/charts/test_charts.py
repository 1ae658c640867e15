"""The charts: events per year and per country, every reported value against its report's date, never merged;
each with a title, a description and the same data as a table."""

import datetime
import re

import pytest

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def chart(html, chart_id):
    start = html.index(f'aria-labelledby="{chart_id}-caption"')
    return html[start : html.index("</figure>", start)]


def test_events_per_year_are_bars_labelled_with_their_anniversary(client, archive):
    html = page(client, "/en/charts/")
    per_year = chart(html, "chart-events-per-year")
    assert 'role="img" aria-labelledby="chart-events-per-year-title chart-events-per-year-desc"' in per_year
    assert '<title id="chart-events-per-year-title">' in per_year and "<desc " in per_year
    labels = re.findall(r'class="chart-label"[^>]*>([^<]+)<', per_year)
    assert labels == ["2024", "2025", "2026"]
    assert "32nd anniversary" in per_year and "33rd anniversary" in per_year
    assert re.findall(r'class="chart-value"[^>]*>(\d+)<', per_year) == ["1", "4", "1"]
    assert '<a href="/en/events/?year=2025">4</a>' in per_year  # the table row


def test_events_per_country_name_the_countries_in_the_visitors_language(client, archive):
    per_country = chart(page(client, "/ru/charts/"), "chart-events-per-country")
    assert re.findall(r'class="chart-label"[^>]*>([^<]+)<', per_country) == ["Россия", "Казахстан", "Пакистан"]
    assert '<a href="/ru/events/?country=RU">3</a>' in per_country


def test_every_reported_value_is_drawn_against_its_reports_date_each_linking_to_its_article(client, archive):
    figure = chart(page(client, "/en/charts/"), "chart-figure-countries-resolutions")
    dots = re.findall(r'<a href="(/en/articles/[^"]+)" aria-label="([^"]+)">', figure)
    values = sorted(label.split(" ")[0] for _href, label in dots)
    assert values == ["17", "18", "20"]  # side by side, never merged
    assert {href for href, _ in dots} == {
        "/en/articles/news-az-2025-02-26-embassy-in-kazakhstan/",
        "/en/articles/report-2026-02-26-embassy-in-kazakhstan/",
        "/en/articles/undated-azerbaijan-marks-32nd-anniversary/",
    }
    # The undated report's year is the archive's inference: the label says so and a line spans the year.
    assert any("year only, inferred" in label for _href, label in dots)
    assert 'class="figure-span"' in figure
    ticks = re.findall(r'class="chart-tick"[^>]*>([^<]+)<', figure)
    assert {"17", "18", "20"} <= set(ticks)


def test_a_hedged_value_is_drawn_hollow_and_marked_in_the_table(client, archive):
    figure = chart(page(client, "/en/charts/"), "chart-figure-taken-captive")
    assert figure.count("figure-dot-approximate") == 1
    assert "≈ 1,275" in figure


def test_the_figure_kind_page_shows_the_chart_of_its_kind_only(client, archive):
    html = page(client, "/ru/figures/countries-resolutions/")
    assert 'id="chart-figure-countries-resolutions-caption"' in html
    assert html.count('class="chart figure-chart"') == 1


def test_the_timeline_and_home_show_events_per_year(client, archive):
    assert 'id="chart-events-per-year-caption"' in page(client, "/ru/timeline/")
    home = page(client, "/en/")
    assert 'id="chart-events-per-year-caption"' in home and 'id="chart-events-per-country-caption"' in home
    assert home.count("<h1>") == 1


def test_charts_are_plain_svg_styled_by_the_stylesheet(client, archive):
    html = page(client, "/en/charts/")
    assert "<script" not in html and " style=" not in html
    assert 'viewBox="0 0 420 ' in html


def test_charts_with_nothing_published_say_so(client, db):
    html = page(client, "/en/charts/")
    assert "No published events yet." in html and "No published figures yet." in html


def test_a_chart_drawn_once_is_drawn_again_when_an_event_is_published_and_in_each_language(client, archive, settings):
    from tests.factories import make_event

    settings.PAGE_CACHE_SECONDS = 0  # each request renders: the chart's own memory is what is tested

    def bar_values(url):
        per_year = chart(page(client, url), "chart-events-per-year")
        return re.findall(r'class="chart-value"[^>]*>(\d+)<', per_year)

    assert bar_values("/en/timeline/") == bar_values("/en/timeline/") == ["1", "4", "1"]
    make_event(slug="another-2026-vigil", held_on=datetime.date(2026, 2, 26))
    assert bar_values("/en/timeline/") == ["1", "4", "2"]
    assert "33-я годовщина" in chart(page(client, "/ru/"), "chart-events-per-year")
    assert "33rd anniversary" in chart(page(client, "/en/"), "chart-events-per-year")
