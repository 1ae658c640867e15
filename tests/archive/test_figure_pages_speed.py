"""The figure pages read a per-kind summary kept per content generation, and page through reports by value."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive import views
from archive.models import ReportedFigure
from publishing.models import Status
from tests.factories import make_article, make_figure, make_figure_kind

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def uncached_pages(settings):
    """Each request renders the page; only the figure summary may come from the cache."""
    settings.PAGE_CACHE_SECONDS = 0


def passages(html):
    return re.findall(r'<blockquote class="passage"[^>]*>([^<]*)</blockquote>', html)


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.fixture
def counted(monkeypatch):
    """A kind whose reports give four values, some many times, on different dates, with a draft among them."""
    monkeypatch.setattr(views, "FIGURES_PER_KIND", 2)
    monkeypatch.setattr(views, "FIGURES_PER_PAGE", 3)
    kind = make_figure_kind(slug="counted")
    day = datetime.date(2025, 1, 1)
    for n, value in enumerate([40, 10, 30, 10, 20, 10, 30, 20, 10, 40, 30]):
        # Dates run backwards, so the order within a value is by date, not by when the row was made.
        article = make_article(published_on=day - datetime.timedelta(days=n))
        make_figure(article, kind=kind, value=value, passage=f"report {n} gives {value}")
    make_figure(make_article(published_on=None), kind=kind, value=10, passage="undated report gives 10")
    make_figure(make_article(status=Status.DRAFT), kind=kind, value=10, passage="draft report gives 10")
    return kind


def expected_order(kind):
    """Every published report of the kind in page order, worked out directly."""
    figures = ReportedFigure.objects.published().filter(kind=kind)
    return [figure.passage for figure in figures.order_by("value", "article__published_on", "article", "position")]


def test_every_page_of_a_kind_lists_its_published_reports_in_order_without_gaps(client, counted):
    expected = expected_order(counted)
    assert len(expected) == 12 and "draft report gives 10" not in expected
    shown = []
    for page in range(1, 5):
        shown += passages(get(client, f"/en/figures/counted/?page={page}"))
    assert shown == expected
    # Among reports of one value the earliest comes first (where an undated one goes is the database's choice).
    dated = [passage for passage in shown if not passage.startswith("undated")]
    assert dated[:4] == ["report 8 gives 10", "report 5 gives 10", "report 3 gives 10", "report 1 gives 10"]


def test_overview_shows_the_first_reports_of_each_kind_and_links_to_the_rest(client, counted):
    html = get(client, "/en/figures/")
    assert passages(html) == expected_order(counted)[:2]
    assert "Reports differ:</strong> 10 (5 reports); 20 (2 reports); 30 (3 reports); 40 (2 reports)" in html
    assert "2 of 12 reports shown." in html and 'href="/en/figures/counted/"' in html


def test_figure_pages_read_every_figure_once_per_change_of_content(client, counted):
    get(client, "/en/figures/")
    get(client, "/en/figures/counted/")  # its chart's data (charts/data.py) is kept per content generation too
    with CaptureQueriesContext(connection) as overview:
        get(client, "/en/figures/")
    with CaptureQueriesContext(connection) as first_page:
        get(client, "/en/figures/counted/")
    sql = " ".join(query["sql"] for query in [*overview, *first_page]).upper()
    assert "COUNT(" not in sql and "ROW_NUMBER" not in sql
    assert len(overview) <= 3 and len(first_page) <= 3


def test_a_new_report_appears_at_once_although_the_summary_is_kept(client, counted):
    get(client, "/en/figures/counted/")
    make_figure(make_article(published_on=datetime.date(2000, 1, 1)), kind=counted, value=10, passage="oldest")
    first_page = passages(get(client, "/en/figures/counted/"))
    assert "oldest" in first_page and first_page.index("oldest") < first_page.index("report 8 gives 10")
    assert "2 of 13 reports shown." in get(client, "/en/figures/")


def test_a_kind_only_draft_reports_give_is_not_listed(client, counted):
    hidden = make_figure_kind(slug="hidden")
    make_figure(make_article(status=Status.DRAFT), kind=hidden, value=5, passage="hidden report")
    assert 'id="hidden"' not in get(client, "/en/figures/")
    assert client.get("/en/figures/hidden/").status_code == 404
