"""Small factory functions for tests that need a few rows rather than the whole archive."""

import datetime
import itertools

from archive.models import Article, FigureKind, ReportedFigure
from archive.publishing import Status
from events.models import Event, EventReport, Occasion, Organization, Participation, Person, Venue

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
