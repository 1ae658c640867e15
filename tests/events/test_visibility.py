"""People, venues and organizations are public only through published content."""

import datetime

import pytest
from django.utils import timezone

from events.models import EventOrganizer, Organization, Participation, Person, ProgrammeItem, Venue
from publishing.models import Status
from tests.factories import (
    make_article,
    make_event,
    make_figure,
    make_organization,
    make_participation,
    make_person,
)

pytestmark = pytest.mark.django_db


def test_the_archive_exposes_its_people_venues_and_organizations(archive):
    # Ten take part in events; four more are only named in the reports (events.Mention), and public through them.
    assert Person.objects.public().count() == Person.objects.count() == 14
    assert Venue.objects.public().count() == 5
    # Every organization in the fixtures is named by a published event or article.
    assert Organization.objects.public().count() == Organization.objects.count()


def test_a_person_only_in_a_draft_event_is_not_public():
    draft = make_event(status="draft")
    article = make_article()
    person = Person.objects.create(slug="p", name_en="P", name_ru="П")
    Participation.objects.create(event=draft, person=person, role="speaker", article=article, passage="P spoke")
    assert person not in Person.objects.public()
    draft.status = "published"
    draft.save()
    assert person in Person.objects.public()


def test_a_venue_of_a_withdrawn_event_and_the_outlet_of_a_draft_article_are_not_public():
    event = make_event(status="withdrawn")
    outlet = Organization.objects.create(slug="o", name_en="O", name_ru="О", kind="news_outlet")
    make_article(status="draft", outlet=outlet)
    assert event.venue not in Venue.objects.public()
    assert outlet not in Organization.objects.public()


def test_the_people_directory_counts_only_public_people_and_follows_publication(client, monkeypatch):
    from events.views import PersonListView
    from publishing.models import Status
    from tests.factories import make_article, make_event, make_participation

    monkeypatch.setattr(PersonListView, "paginate_by", 2)
    event, article = make_event(), make_article()
    for _ in range(3):
        make_participation(event, article)
    make_participation(event, make_article(status=Status.DRAFT))  # known only from a draft: not counted
    assert "Page 1 of 2" in client.get("/en/people/").content.decode()
    for _ in range(2):
        make_participation(event, article)
    assert "Page 1 of 3" in client.get("/en/people/").content.decode()
    article.status = Status.WITHDRAWN
    article.save()
    assert "Page 1 of" not in client.get("/en/people/").content.decode()


@pytest.mark.parametrize("hidden_side", ["event", "article"])
def test_rows_of_an_event_reach_the_organization_and_person_pages_only_while_event_and_article_are_published(
    client, hidden_side
):
    """An organizer, a programme item and a participation count when both their event and their article do."""
    org = make_organization(slug="org", name_en="The Org")
    make_article(outlet=org)  # keeps the organization's own page public whatever happens to the rows
    person = make_person(slug="speaker", name_en="The Speaker")
    make_figure(make_article(), stated_by=person)  # and the person's
    event, article = make_event(title_en="The Commemoration"), make_article(title_en="The Report")
    EventOrganizer.objects.create(event=event, organization=org, role="organiser", article=article, passage="Org")
    ProgrammeItem.objects.create(
        event=event,
        position=1,
        kind="speeches",
        description_en="Talks",
        description_ru="Речи",
        provided_by=org,
        article=article,
        passage="Talks",
    )
    make_participation(event, article, person=person, organization=org)

    def shown():
        organization_page = client.get("/en/organizations/org/").content.decode()
        person_page = client.get("/en/people/speaker/").content.decode()
        return organization_page.count("The Commemoration"), "The Commemoration" in person_page

    assert shown() == (3, True)
    hidden = event if hidden_side == "event" else article
    hidden.public_from = timezone.now() + datetime.timedelta(days=1)  # scheduled: published, not yet public
    hidden.save()
    assert hidden.status == Status.PUBLISHED and hidden.is_scheduled
    assert shown() == (0, False)
