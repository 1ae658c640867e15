"""The admin shows thumbnails in the image list, a preview on the form, and attaches images where they are used."""

import pytest

from gallery.models import EventImage, Portrait
from tests.factories import make_event, make_image

pytestmark = pytest.mark.django_db


def test_the_image_list_shows_thumbnails_in_a_fixed_number_of_queries(admin_client, django_assert_max_num_queries):
    images = [make_image() for _ in range(3)]
    html = admin_client.get("/en/admin/gallery/image/").content.decode()
    for image in images:
        assert image.renditions.get(spec="thumbnail").file.url in html
    for _ in range(10):
        make_image()
    with django_assert_max_num_queries(12):
        admin_client.get("/en/admin/gallery/image/")


def test_the_image_form_shows_a_preview(admin_client):
    image = make_image()
    html = admin_client.get(f"/en/admin/gallery/image/{image.pk}/change/").content.decode()
    assert image.renditions.get(spec="thumbnail").file.url in html
    assert "400 × 300" in html


def test_the_event_form_shows_its_gallery_with_previews(admin_client):
    event = make_event()
    image = make_image()
    EventImage.objects.create(event=event, image=image)
    html = admin_client.get(f"/en/admin/events/event/{event.pk}/change/").content.decode()
    assert "gallery_images-TOTAL_FORMS" in html
    assert "documents-TOTAL_FORMS" in html
    assert image.renditions.get(spec="thumbnail").file.url in html


def test_a_person_gets_a_portrait_from_the_library(admin_client):
    from events.models import Person

    person = Person.objects.create(slug="someone", name_en="Someone", name_ru="Некто")
    image = make_image()
    Portrait.objects.create(person=person, image=image)
    html = admin_client.get(f"/en/admin/events/person/{person.pk}/change/").content.decode()
    assert "portrait-TOTAL_FORMS" in html
    assert image.renditions.get(spec="thumbnail").file.url in html


def test_an_article_form_offers_images_and_documents(admin_client):
    from tests.factories import make_article

    article = make_article()
    html = admin_client.get(f"/en/admin/archive/article/{article.pk}/change/").content.decode()
    assert "images-TOTAL_FORMS" in html
    assert "documents-TOTAL_FORMS" in html
