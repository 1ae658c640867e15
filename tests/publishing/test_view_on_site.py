"""The admin's "View on site": the public page when visitors can open it, the staff preview when they cannot,
and no link for a directory record that no published item shows."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from publishing.models import Status
from tests.factories import (
    make_article,
    make_event,
    make_organization,
    make_participation,
    make_person,
    make_user,
    make_venue,
)

pytestmark = pytest.mark.django_db

VIEW_ON_SITE = re.compile(r'<a href="([^"]*)" class="viewsitelink">')

WORKFLOW_ITEMS = {"archive_article": make_article, "events_event": make_event}

NOT_PUBLIC = {
    "draft": {"status": Status.DRAFT},
    "in review": {"status": Status.IN_REVIEW},
    "withdrawn": {"status": Status.WITHDRAWN},
    "scheduled": {"status": Status.PUBLISHED, "public_from": timezone.now() + datetime.timedelta(days=3)},
}


def view_on_site_link(client, admin_url_name, obj, language="en"):
    """The href of the change form's "View on site" link, or None when the form shows none."""
    response = client.get(reverse(f"admin:{admin_url_name}_change", args=[obj.pk]).replace("/en/", f"/{language}/"))
    assert response.status_code == 200
    links = VIEW_ON_SITE.findall(response.content.decode())
    assert len(links) <= 1
    return links[0] if links else None


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("admin_url_name", sorted(WORKFLOW_ITEMS))
def test_view_on_site_of_a_public_item_is_its_public_page(admin_client, client, admin_url_name, language):
    item = WORKFLOW_ITEMS[admin_url_name]()
    link = view_on_site_link(admin_client, admin_url_name, item, language)
    assert link.startswith(f"/{language}/") and link.endswith(f"/{item.slug}/")
    client.logout()
    assert client.get(link).status_code == 200


@pytest.mark.parametrize("state", sorted(NOT_PUBLIC))
@pytest.mark.parametrize("admin_url_name", sorted(WORKFLOW_ITEMS))
def test_view_on_site_of_an_item_visitors_cannot_see_is_the_staff_preview(roles, client, admin_url_name, state):
    item = WORKFLOW_ITEMS[admin_url_name](title_en=f"Not yet public ({state})", **NOT_PUBLIC[state])
    assert client.get(item.get_absolute_url()).status_code == 404
    client.force_login(make_user("Editor"))
    link = view_on_site_link(client, admin_url_name, item)
    assert link == reverse(f"admin:{admin_url_name}_preview", args=[item.pk, "en"])
    preview = client.get(link)
    assert preview.status_code == 200
    assert f"Not yet public ({state})" in preview.content.decode()


def test_the_russian_admin_previews_in_russian(roles, client):
    article = make_article(status=Status.DRAFT, title_ru="Черновик")
    client.force_login(make_user("Editor"))
    link = view_on_site_link(client, "archive_article", article, language="ru")
    assert link == f"/ru/admin/archive/article/{article.pk}/preview/ru/"
    html = client.get(link).content.decode()
    assert "Черновик" in html and '<html lang="ru">' in html


def _public_directory_records():
    event = make_event(venue=make_venue(organization=make_organization()))
    person = make_participation(event, make_article()).person
    return {"events_person": person, "events_venue": event.venue, "events_organization": event.venue.organization}


def _hidden_directory_records():
    # Named only by a draft: visitors get a 404 on their pages, and a draft event has no preview of a person.
    draft = make_event(status=Status.DRAFT, venue=make_venue(organization=make_organization()))
    person = make_participation(draft, make_article(), person=make_person()).person
    return {"events_person": person, "events_venue": draft.venue, "events_organization": draft.venue.organization}


@pytest.mark.parametrize("admin_url_name", ["events_organization", "events_person", "events_venue"])
def test_view_on_site_of_a_directory_record_shown_by_published_content_is_its_page(admin_client, admin_url_name):
    record = _public_directory_records()[admin_url_name]
    link = view_on_site_link(admin_client, admin_url_name, record)
    assert link == record.get_absolute_url()
    assert admin_client.get(link).status_code == 200


@pytest.mark.parametrize("admin_url_name", ["events_organization", "events_person", "events_venue"])
def test_a_directory_record_no_published_content_shows_has_no_view_on_site(admin_client, client, admin_url_name):
    record = _hidden_directory_records()[admin_url_name]
    assert client.get(record.get_absolute_url()).status_code == 404
    assert view_on_site_link(admin_client, admin_url_name, record) is None
