"""The public event page shows its gallery responsively, without JavaScript and in a fixed number of queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gallery.models import EventImage
from tests.factories import image_bytes, make_event, make_image

pytestmark = pytest.mark.django_db


def attach(event, count):
    start = EventImage.objects.filter(event=event).count()
    for n in range(count):
        EventImage.objects.create(event=event, image=make_image(content=image_bytes(size=(40, 30))), position=start + n)


def test_the_event_page_query_count_is_the_same_for_1_and_30_images(client):
    from publishing.generations import current_generation

    event = make_event()
    attach(event, 1)
    current_generation()  # made once after invalidate_pages(), not by every page: not counted
    with CaptureQueriesContext(connection) as one:
        first = client.get(f"/en/events/{event.slug}/")
    attach(event, 29)
    with CaptureQueriesContext(connection) as thirty:
        html = client.get(f"/en/events/{event.slug}/").content.decode()
    assert first.status_code == 200
    assert html.count("<figure") == 30
    assert len(one) == len(thirty)


def test_gallery_images_have_srcset_sizes_dimensions_lazy_loading_and_a_link_to_the_full_size(client):
    event = make_event()
    image = make_image(content=image_bytes(size=(2400, 1600)), caption_en="Flowers laid at the monument")
    EventImage.objects.create(event=event, image=image)
    html = client.get(f"/en/events/{event.slug}/").content.decode()
    renditions = {r.spec: r for r in image.renditions.all()}
    img = re.search(r"<img [^>]+>", html).group(0)
    assert f'src="{renditions["card"].file.url}"' in img
    assert 'width="800" height="533"' in img
    assert 'loading="lazy"' in img
    assert f'alt="{image.alt_text_en}"' in img
    assert f'srcset="{renditions["thumbnail"].file.url} 320w, {renditions["card"].file.url} 800w, ' in img
    assert 'sizes="' in img
    assert f'<source type="image/webp" srcset="{renditions["thumbnail-webp"].file.url} 320w' in html
    assert f'<a href="{renditions["full"].file.url}"' in html
    assert "Flowers laid at the monument" in html
    # The gallery needs no JavaScript; the only script element allowed is the page's JSON-LD data block.
    assert re.findall(r"<script[^>]*>", html) in ([], ['<script type="application/ld+json">'])


def test_the_gallery_is_in_russian_on_the_russian_page(client):
    event = make_event()
    image = make_image(caption_ru="Цветы у памятника")
    EventImage.objects.create(event=event, image=image)
    html = client.get(f"/ru/events/{event.slug}/").content.decode()
    assert "Фотографии" in html
    assert "Цветы у памятника" in html
    assert f'alt="{image.alt_text_ru}"' in html


def test_gallery_images_follow_the_editors_order(client):
    event = make_event()
    second = make_image(caption_en="Second")
    first = make_image(caption_en="First")
    EventImage.objects.create(event=event, image=second, position=2)
    EventImage.objects.create(event=event, image=first, position=1)
    html = client.get(f"/en/events/{event.slug}/").content.decode()
    assert html.index("First") < html.index("Second")


def test_an_event_without_images_shows_no_gallery(client):
    event = make_event()
    html = client.get(f"/en/events/{event.slug}/").content.decode()
    assert "gallery" not in html


def test_an_image_without_alt_text_in_the_page_language_is_left_out_of_that_page(client):
    event = make_event()
    EventImage.objects.create(event=event, image=make_image(caption_en="Undescribed in Russian", alt_text_ru=""))
    assert "Undescribed in Russian" in client.get(f"/en/events/{event.slug}/").content.decode()
    assert "<figure" not in client.get(f"/ru/events/{event.slug}/").content.decode()
