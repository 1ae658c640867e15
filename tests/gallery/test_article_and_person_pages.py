"""Images on the other public pages: an article's photographs and a person's portrait."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Participation, Person
from gallery.models import ArticleImage, Portrait
from tests.factories import make_article, make_event, make_image

pytestmark = pytest.mark.django_db


def test_an_article_page_shows_its_photographs_with_their_alt_text(client):
    article = make_article()
    image = make_image(alt_text_en="Wreath at the bust", alt_text_ru="Венок у бюста")
    ArticleImage.objects.create(article=article, image=image, position=1)
    html = client.get(f"/ru/articles/{article.slug}/").content.decode()
    img = re.search(r'<section class="gallery".*?<img [^>]+>', html, re.S).group(0)
    assert 'alt="Венок у бюста"' in img and 'loading="lazy"' in img and "width=" in img


def public_person(**fields):
    event = make_event()
    person = Person.objects.create(slug=fields.pop("slug", "speaker"), name_en="Speaker", name_ru="Выступающий")
    Participation.objects.create(event=event, person=person, role="speaker", article=make_article(), passage="spoke")
    return person


def test_a_person_page_shows_the_portrait_in_the_pages_language():
    from django.test import Client

    person = public_person()
    Portrait.objects.create(person=person, image=make_image(alt_text_en="The speaker", alt_text_ru="Выступающий"))
    html = Client().get(f"/ru/people/{person.slug}/").content.decode()
    img = re.search(r'<figure class="portrait">.*?<img [^>]+>', html, re.S).group(0)
    assert 'alt="Выступающий"' in img and 'height="' in img


def test_a_portrait_without_alt_text_in_the_pages_language_is_not_shown(client):
    person = public_person()
    Portrait.objects.create(person=person, image=make_image(alt_text_en="The speaker", alt_text_ru=""))
    assert 'class="portrait"' in client.get(f"/en/people/{person.slug}/").content.decode()
    assert 'class="portrait"' not in client.get(f"/ru/people/{person.slug}/").content.decode()


def test_a_portrait_costs_the_person_page_a_fixed_number_of_queries(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    person = public_person()
    with CaptureQueriesContext(connection) as without:
        client.get(f"/en/people/{person.slug}/")
    Portrait.objects.create(person=person, image=make_image())
    with CaptureQueriesContext(connection) as with_portrait:
        client.get(f"/en/people/{person.slug}/")
    # One query looks the portrait up either way; a portrait adds one for its renditions, whatever their number.
    assert len(with_portrait) == len(without) + 1
