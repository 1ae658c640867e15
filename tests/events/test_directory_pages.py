"""The directories' pages: every public record once, in order, and a deep page read as cheaply as the first."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Participation
from publishing.workflow.transitions import apply_transition
from tests.factories import make_article, make_event, make_participation, make_person, make_report, make_user

pytestmark = pytest.mark.django_db

PEOPLE = 230  # the directory shows 100 a page: three pages, the last one short


@pytest.fixture(autouse=True)
def rendered_pages(settings):
    """Each request renders its page (no page cache); the directory's layout is kept as in production."""
    settings.PAGE_CACHE_SECONDS = 0
    settings.DERIVED_CACHE_SECONDS = 3600


@pytest.fixture
def directory():
    """PEOPLE speakers of one published event, one of whom is also the only speaker a second report names."""
    event = make_event()
    article = make_article()
    make_report(event, article)
    people = [make_person(name_en=f"Speaker {n:03d}", slug=f"speaker-{n:03d}") for n in range(PEOPLE)]
    for person in people:
        make_participation(event, article, person=person)
    draft = make_article(status="draft")
    make_report(event, draft)
    make_participation(event, draft, person=make_person(name_en="Speaker only in a draft"))
    return people


def page_of_people(client, number):
    response = client.get("/en/people/", {"page": number})
    assert response.status_code == 200
    return [person.name_en for person in response.context["people"]]


def test_every_public_person_is_on_exactly_one_page_in_name_order(client, directory):
    shown = [name for number in (1, 2, 3) for name in page_of_people(client, number)]
    assert shown == sorted(person.name_en for person in directory)
    assert client.get("/en/people/", {"page": 4}).status_code == 404
    assert page_of_people(client, "last") == shown[200:]


def test_a_deep_page_reads_its_own_rows_without_skipping_the_ones_before(client, directory):
    page_of_people(client, 1)  # the pass over the whole list, made once and kept
    with CaptureQueriesContext(connection) as deep:
        names = page_of_people(client, 3)
    assert names == [f"Speaker {n:03d}" for n in range(200, PEOPLE)]
    sql = " ".join(query["sql"].upper() for query in deep.captured_queries)
    assert "OFFSET" not in sql
    with CaptureQueriesContext(connection) as first:
        page_of_people(client, 1)
    assert len(deep) == len(first)


def test_a_person_no_longer_public_is_left_out_even_before_the_kept_pages_are_renewed(client, directory):
    page_of_people(client, 2)
    gone = directory[150]
    # A change that sends no signal (as a bulk update does) leaves the kept layout in place.
    Participation.objects.filter(person=gone).update(person=directory[0])
    assert gone.name_en not in page_of_people(client, 2)


def test_a_withdrawal_through_the_workflow_renews_the_pages(client, directory, roles):
    editor = make_user("Editor", username="editor")
    late = make_person(name_en="Speaker 100a", slug="speaker-100a")
    article = make_article(status="draft")
    event = make_event()
    make_report(event, article)
    make_participation(event, article, person=late)
    assert "Speaker 100a" not in page_of_people(client, 2)
    apply_transition(article, "submit", editor)
    apply_transition(article, "publish", editor)
    assert page_of_people(client, 2)[:2] == ["Speaker 100", "Speaker 100a"]
    assert page_of_people(client, 3)[0] == "Speaker 199"  # every later person moved one place on
    apply_transition(article, "withdraw", editor)
    assert page_of_people(client, 2)[:2] == ["Speaker 100", "Speaker 101"]
    assert page_of_people(client, 3)[0] == "Speaker 200"
