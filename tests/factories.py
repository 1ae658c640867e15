"""Small factory functions for tests that need a few rows rather than the whole archive."""

import datetime
import itertools

from archive.models import Article, FigureKind, ReportedFigure
from events.models import Event, EventReport, Occasion, Organization, Participation, Person, Venue
from publishing.models import Status

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


def make_organization(**fields):
    n = next(_counter)
    defaults = {
        "slug": f"organization-{n}",
        "name_en": f"Organization {n}",
        "name_ru": f"Организация {n}",
        "kind": Organization.Kind.PUBLIC_ORGANIZATION,
    }
    return Organization.objects.create(**{**defaults, **fields})


def make_person(**fields):
    n = next(_counter)
    defaults = {"slug": f"person-{n}", "name_en": f"Person {n}", "name_ru": f"Персона {n}"}
    return Person.objects.create(**{**defaults, **fields})


def make_participation(event, article, **fields):
    n = next(_counter)
    defaults = {
        "event": event,
        "article": article,
        "position": n,
        "person": fields.pop("person", None) or make_person(),
        "role": Participation.Role.SPEAKER,
        "title_en": "Ambassador",
        "title_ru": "Посол",
        "summary_en": "According to the report, spoke.",
        "summary_ru": "Согласно сообщению, выступил.",
        "passage": f"Speaker {n} spoke.",
    }
    return Participation.objects.create(**{**defaults, **fields})


def make_report(event, article, **fields):
    defaults = {"event": event, "article": article, "passage": "An event was held."}
    return EventReport.objects.create(**{**defaults, **fields})


def make_figure_kind(**fields):
    n = next(_counter)
    defaults = {
        "slug": f"kind-{n}",
        "name_en": f"Things counted {n}",
        "name_ru": f"Подсчёт {n}",
        "unit": FigureKind.Unit.PEOPLE,
    }
    return FigureKind.objects.create(**{**defaults, **fields})


def make_figure(article, **fields):
    n = next(_counter)
    defaults = {
        "article": article,
        "position": n,
        "value": 600 + n,
        "passage": f"{600 + n} people",
    }
    if "kind" not in fields:
        defaults["kind"] = make_figure_kind()
    return ReportedFigure.objects.create(**{**defaults, **fields})


def pdf_bytes(text="Programme"):
    """A small, structurally complete PDF (objects, cross-reference table, trailer), for document uploads."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    out += f"% {text}\n".encode()
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def make_document(event=None, article=None, **fields):
    """A PDF attached to an event or an article, stored through the same checks an upload goes through."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from gallery.models import Document

    n = next(_counter)
    defaults = {"title_en": f"Programme {n}", "title_ru": f"Программа {n}", "source": "Embassy"}
    document = Document(event=event, article=article, **{**defaults, **fields})
    document.file = SimpleUploadedFile(f"programme-{n}.pdf", pdf_bytes(), content_type="application/pdf")
    document.save()
    return document


def make_suggestion(article, **fields):
    """An import suggestion waiting on `article`: by default a figure whose kind and value are known."""
    from importing.models import ImportSuggestion

    n = next(_counter)
    defaults = {
        "article": article,
        "position": n,
        "kind": ImportSuggestion.Kind.FIGURE,
        "text": "1,275",
        "passage": "1,275 people were taken captive.",
        "value": 1275,
    }
    if "figure_kind" not in fields and fields.get("kind", ImportSuggestion.Kind.FIGURE) == ImportSuggestion.Kind.FIGURE:
        defaults["figure_kind"] = make_figure_kind()
    return ImportSuggestion.objects.create(**{**defaults, **fields})
