"""Small factory functions for tests that need a few rows rather than the whole archive."""

import datetime
import itertools

from archive.models import Article
from archive.publishing import Status
from events.models import Event, Occasion, Venue

_counter = itertools.count(1)


def make_occasion(**fields):
    n = next(_counter)
    defaults = {
        "slug": f"occasion-{n}",
        "name_en": f"Occasion {n}",
        "name_ru": f"Событие {n}",
        "description_en": "An occasion.",
        "description_ru": "Событие.",
        "place_en": "Town",
        "place_ru": "Город",
        "began_on": datetime.date(1992, 2, 25),
        "ended_on": datetime.date(1992, 2, 26),
    }
    return Occasion.objects.create(**{**defaults, **fields})


def make_venue(**fields):
    n = next(_counter)
    defaults = {
        "slug": f"venue-{n}",
        "name_en": f"Hall {n}",
        "name_ru": f"Зал {n}",
        "kind": Venue.Kind.OTHER,
        "country_en": "Kazakhstan",
        "country_ru": "Казахстан",
        "country_code": "KZ",
    }
    return Venue.objects.create(**{**defaults, **fields})


def make_article(**fields):
    n = next(_counter)
    defaults = {
        "slug": f"article-{n}",
        "title_en": f"Report {n}",
        "title_ru": f"Сообщение {n}",
        "lead_en": "A lead.",
        "lead_ru": "Вводный абзац.",
        "body_en": "A body.",
        "body_ru": "Текст.",
        "original_language": "en",
        "original_text": "A lead.\n\nA body.",
        "published_on": datetime.date(2025, 2, 26),
        "status": Status.PUBLISHED,
    }
    return Article.objects.create(**{**defaults, **fields})


def make_event(**fields):
    n = next(_counter)
    defaults = {
        "slug": f"event-{n}",
        "title_en": f"Commemoration {n}",
        "title_ru": f"Мероприятие {n}",
        "description_en": "According to the report, an event was held.",
        "description_ru": "Согласно сообщению, прошло мероприятие.",
        "held_on": datetime.date(2025, 2, 26),
        "status": Status.PUBLISHED,
    }
    if "occasion" not in fields:
        defaults["occasion"] = make_occasion()
    if "venue" not in fields:
        defaults["venue"] = make_venue()
    return Event.objects.create(**{**defaults, **fields})


def image_bytes(fmt="JPEG", size=(400, 300), color=(200, 40, 40), **save_options):
    """An image encoded by Pillow in memory, for upload tests."""
    import io

    from PIL import Image as PILImage

    mode = "RGBA" if fmt in ("PNG", "WEBP") and len(color) == 4 else "RGB"
    buffer = io.BytesIO()
    PILImage.new(mode, size, color).save(buffer, format=fmt, **save_options)
    return buffer.getvalue()


def make_image(name="photo.jpg", content=None, **fields):
    """A library image stored through the same checks an upload goes through, with its renditions."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from gallery.models import Image

    n = next(_counter)
    defaults = {
        "alt_text_en": f"Flowers laid at the memorial {n}",
        "alt_text_ru": f"Цветы у мемориала {n}",
        "caption_en": f"Photograph {n}",
        "caption_ru": f"Фотография {n}",
        "credit": "Embassy press service",
    }
    image = Image(**{**defaults, **fields})
    image.file = SimpleUploadedFile(name, content if content is not None else image_bytes())
    image.save()
    return image


def make_user(role=None, username=None, **fields):
    """A staff user in one of the editorial roles (groups made by `manage.py setup_roles`)."""
    from django.contrib.auth.models import Group, User

    n = next(_counter)
    user = User.objects.create_user(username or f"{(role or 'user').lower()}-{n}", password="pw-for-tests-only")
    user.is_staff = True
    for name, value in fields.items():
        setattr(user, name, value)
    user.save()
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user
