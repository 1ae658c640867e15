"""A kind of figure has a public page, and a "View on site" link, once a published article reports one."""

import re

import pytest
from django.urls import reverse

from publishing.models import Status
from tests.factories import make_article, make_figure, make_figure_kind

pytestmark = pytest.mark.django_db

VIEW_ON_SITE = re.compile(r'<a href="([^"]*)" class="viewsitelink">')


def view_on_site_links(client, kind):
    html = client.get(reverse("admin:archive_figurekind_change", args=[kind.pk])).content.decode()
    return VIEW_ON_SITE.findall(html)


def test_view_on_site_of_a_kind_published_reports_give_is_its_page(admin_client):
    kind = make_figure(make_article()).kind
    assert view_on_site_links(admin_client, kind) == [f"/en/figures/{kind.slug}/"]
    assert admin_client.get(f"/en/figures/{kind.slug}/").status_code == 200


@pytest.mark.parametrize("reported", ["nowhere", "in a draft"])
def test_a_kind_no_published_report_gives_has_no_view_on_site(admin_client, client, reported):
    kind = make_figure_kind()
    if reported == "in a draft":
        make_figure(make_article(status=Status.DRAFT), kind=kind)
    assert view_on_site_links(admin_client, kind) == []
    client.logout()
    assert client.get(kind.get_absolute_url()).status_code == 404
