"""Fill the database with a synthetic bilingual archive of a chosen size, for the load benchmarks.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/issue8 .venv/bin/python bench/generate.py --reset
    (defaults: --articles 100000 --events 20000 --people 30000 --venues 5000 --organizations 2000)

Everything is invented and marked so: slugs start with "bench-", texts say they are synthetic. Names
are built from syllables written in both Latin and Cyrillic letters, with a second, differently
transliterated Latin spelling among the variants, as real reports spell names. About 85% of articles
and events are published, the rest are drafts, in review or withdrawn; each event is reported by
several articles and has participations, programme items and organizers; articles carry reported
figures, a source citation and an anniversary mention. Rows are written with bulk_create in batches,
and each stage prints how long it took. --reset empties every archive and events table first.
"""

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django

django.setup()

from django.apps import apps  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from archive.models import AnniversaryMention, Article, FigureKind, ReportedFigure, SourceCitation  # noqa: E402
from events.models import (  # noqa: E402
    Event,
    EventOrganizer,
    EventReport,
    Occasion,
    Organization,
    Participation,
    Person,
    ProgrammeItem,
    Venue,
)
from publishing.generations import invalidate_pages  # noqa: E402
from publishing.models import Status  # noqa: E402
from searchindex import indexing  # noqa: E402
from searchindex.models import Entry  # noqa: E402

# (Latin, second Latin transliteration, Cyrillic) for each syllable.
SYLLABLES = [
    ("ra", "ra", "ра"),
    ("miz", "mis", "миз"),
    ("hu", "gu", "гу"),
    ("sey", "sei", "сей"),
    ("nov", "nov", "нов"),
    ("kha", "ha", "ха"),
    ("zar", "zar", "зар"),
    ("ja", "dzha", "джа"),
    ("lil", "lil", "лиль"),
    ("ali", "ali", "али"),
    ("yev", "ev", "ев"),
    ("ma", "ma", "ма"),
    ("hir", "khir", "хир"),
    ("sha", "sha", "ша"),
    ("da", "da", "да"),
    ("ni", "ni", "ни"),
    ("yar", "iar", "яр"),
    ("ka", "ka", "ка"),
    ("sim", "sym", "сим"),
    ("ta", "ta", "та"),
    ("gul", "gyul", "гюль"),
    ("nar", "nar", "нар"),
    ("fa", "fa", "фа"),
    ("rid", "rid", "рид"),
    ("zey", "zei", "зей"),
]
COUNTRIES = [
    ("KZ", "Kazakhstan", "Казахстан", "Astana", "Астана"),
    ("TR", "Turkey", "Турция", "Ankara", "Анкара"),
    ("DE", "Germany", "Германия", "Berlin", "Берлин"),
    ("FR", "France", "Франция", "Paris", "Париж"),
    ("GE", "Georgia", "Грузия", "Tbilisi", "Тбилиси"),
    ("UA", "Ukraine", "Украина", "Kyiv", "Киев"),
    ("US", "United States", "США", "Washington", "Вашингтон"),
    ("GB", "United Kingdom", "Великобритания", "London", "Лондон"),
    ("AZ", "Azerbaijan", "Азербайджан", "Baku", "Баку"),
    ("RU", "Russia", "Россия", "Moscow", "Москва"),
    ("UZ", "Uzbekistan", "Узбекистан", "Tashkent", "Ташкент"),
    ("PL", "Poland", "Польша", "Warsaw", "Варшава"),
]
SENTENCES = [
    (
        "According to the report, the event began with a minute of silence.",
        "Согласно сообщению, мероприятие началось с минуты молчания.",
    ),
    (
        "Participants laid flowers at the memorial, the outlet writes.",
        "Участники возложили цветы к мемориалу, пишет издание.",
    ),
    (
        "Speakers recalled the events of February 1992, as the report puts it.",
        "Выступавшие напомнили о событиях февраля 1992 года, говорится в сообщении.",
    ),
    (
        "A photo exhibition and a documentary were shown, according to the agency.",
        "Согласно агентству, были показаны фотовыставка и документальный фильм.",
    ),
    (
        "Representatives of the diplomatic corps and the public attended, the text says.",
        "Как сказано в тексте, присутствовали представители дипломатического корпуса и общественности.",
    ),
    (
        "The organisers thanked the guests, the report adds.",
        "Организаторы поблагодарили гостей, добавляется в сообщении.",
    ),
]
OPENED = 1992


def name(rng, parts):
    """One invented name in Latin, an alternative Latin transliteration, and Cyrillic."""
    chosen = [rng.choice(SYLLABLES) for _ in range(parts)]
    return tuple("".join(s[i] for s in chosen).capitalize() for i in range(3))


def full_name(rng):
    first, last = name(rng, 2), name(rng, 3)
    return f"{first[0]} {last[0]}", f"{first[1]} {last[1]}", f"{first[2]} {last[2]}"


def paragraph(rng, count):
    chosen = [rng.choice(SENTENCES) for _ in range(count)]
    return " ".join(s[0] for s in chosen), " ".join(s[1] for s in chosen)


def status(rng):
    roll = rng.random()
    if roll < 0.85:
        return Status.PUBLISHED
    if roll < 0.93:
        return Status.DRAFT
    return Status.IN_REVIEW if roll < 0.97 else Status.WITHDRAWN


class Stage:
    """Prints how long each stage of the generation took, and how many rows it wrote."""

    def __init__(self, label):
        self.label = label

    def __enter__(self):
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc):
        if exc[0] is None:
            elapsed = time.perf_counter() - self.started
            print(f"{self.label:<28} {self.rows:>9} rows {elapsed:8.2f} s  ({self.rows / max(elapsed, 1e-9):,.0f}/s)")


def bulk(model, objects, batch_size):
    created = model.objects.bulk_create(objects, batch_size=batch_size)
    return [obj.pk for obj in created]


def reset():
    tables = [m._meta.db_table for m in apps.get_models() if m._meta.app_label in ("archive", "events")]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
        else:
            for table in tables:
                cursor.execute(f"DELETE FROM {table}")


def generate(options):
    rng = random.Random(options.seed)
    size = options.batch_size
    now = timezone.now()

    with Stage("occasion, kinds of figure") as stage:
        occasion, _ = Occasion.objects.get_or_create(
            slug="bench-occasion",
            defaults={
                "name_en": "Synthetic occasion (benchmark data)",
                "name_ru": "Вымышленное событие (данные для замеров)",
                "description_en": "Invented for load tests.",
                "description_ru": "Придумано для нагрузочных тестов.",
                "place_en": "Nowhere",
                "place_ru": "Нигде",
                "began_on": datetime.date(OPENED, 2, 25),
                "ended_on": datetime.date(OPENED, 2, 26),
            },
        )
        kinds = []
        for position, (slug, en, ru, unit) in enumerate(
            [
                ("bench-killed", "people killed", "погибших", "people"),
                ("bench-hostages", "people taken hostage", "взятых в заложники", "people"),
                ("bench-countries", "countries recognising", "стран, признавших", "countries"),
            ]
        ):
            kind, _ = FigureKind.objects.get_or_create(
                slug=slug, defaults={"name_en": en, "name_ru": ru, "unit": unit, "position": 100 + position}
            )
            kinds.append(kind.pk)
        stage.rows = 1 + len(kinds)

    with Stage("organizations") as stage:
        organization_kinds = [k for k, _ in Organization.Kind.choices]
        rows = []
        for i in range(options.organizations):
            latin, alternative, cyrillic = name(rng, 3)
            kind = "news_outlet" if i % 4 == 0 else rng.choice(organization_kinds)
            rows.append(
                Organization(
                    slug=f"bench-organization-{i}",
                    name_en=f"{latin} {kind.replace('_', ' ').title()}",
                    name_ru=f"{cyrillic} ({kind})",
                    kind=kind,
                    country_code=rng.choice(COUNTRIES)[0],
                    name_variants=alternative,
                )
            )
        organizations = bulk(Organization, rows, size)
        outlets = organizations[::4]
        stage.rows = len(organizations)

    with Stage("venues") as stage:
        venue_kinds = [k for k, _ in Venue.Kind.choices]
        # Coordinates from a random source of their own, so the rest of the data is what it was before venues had
        # them: nine venues in ten placed (most at a city's centre), somewhere in the inhabited latitudes.
        place_rng = random.Random(options.seed + 1)
        precisions = ["city"] * 7 + ["building"] * 2 + ["region"]
        rows = []
        for i in range(options.venues):
            code, country_en, country_ru, city_en, city_ru = rng.choice(COUNTRIES)
            latin, _, cyrillic = name(rng, 3)
            placed = place_rng.random() < 0.9
            location = (
                {
                    "latitude": round(place_rng.uniform(-40, 65), 4),
                    "longitude": round(place_rng.uniform(-120, 150), 4),
                    "location_precision": place_rng.choice(precisions),
                    "location_source": "archive",
                }
                if placed
                else {}
            )
            rows.append(
                Venue(
                    slug=f"bench-venue-{i}",
                    name_en=f"{latin} Hall, {city_en}",
                    name_ru=f"Зал «{cyrillic}», {city_ru}",
                    kind=rng.choice(venue_kinds),
                    organization_id=rng.choice(organizations) if rng.random() < 0.3 else None,
                    city_en=city_en,
                    city_ru=city_ru,
                    country_en=country_en,
                    country_ru=country_ru,
                    country_code=code,
                    **location,
                )
            )
        venues = bulk(Venue, rows, size)
        stage.rows = len(venues)

    with Stage("people") as stage:
        rows = []
        for i in range(options.people):
            latin, alternative, cyrillic = full_name(rng)
            rows.append(Person(slug=f"bench-person-{i}", name_en=latin, name_ru=cyrillic, name_variants=alternative))
        people = bulk(Person, rows, size)
        stage.rows = len(people)

    with Stage("events") as stage:
        rows = []
        for i in range(options.events):
            year = rng.randint(OPENED + 1, 2025)
            held_on = datetime.date(year, 2, rng.randint(20, 28))
            description = paragraph(rng, 2)
            rows.append(
                Event(
                    slug=f"bench-event-{i}",
                    title_en=f"Commemoration {i} ({year}, synthetic)",
                    title_ru=f"Памятное мероприятие {i} ({year}, вымышленное)",
                    description_en=description[0],
                    description_ru=description[1],
                    occasion_id=occasion.pk,
                    held_on=held_on,
                    venue_id=rng.choice(venues),
                    status=status(rng),
                    created_at=now,
                    updated_at=now,
                )
            )
        events = bulk(Event, rows, size)
        event_years = {pk: row.held_on.year for pk, row in zip(events, rows, strict=True)}
        stage.rows = len(events)

    with Stage("articles") as stage:
        rows = []
        reported = []
        for i in range(options.articles):
            event = events[i % len(events)]
            year = event_years[event]
            original = rng.choice(["en", "ru"])
            lead = paragraph(rng, 1)
            body = paragraph(rng, 4)
            rows.append(
                Article(
                    slug=f"bench-article-{i}",
                    title_en=f"Report {i} on a commemoration in {year} (synthetic)",
                    title_ru=f"Сообщение {i} о мероприятии {year} года (вымышленное)",
                    lead_en=lead[0],
                    lead_ru=lead[1],
                    body_en=body[0],
                    body_ru=body[1],
                    original_language=original,
                    original_text=f"{lead[0]}\n\n{body[0]}" if original == "en" else f"{lead[1]}\n\n{body[1]}",
                    outlet_id=rng.choice(outlets),
                    published_on=datetime.date(year, 2, 26) + datetime.timedelta(days=rng.randint(0, 3)),
                    status=status(rng),
                    created_at=now,
                    updated_at=now,
                )
            )
            reported.append(event)
        articles = bulk(Article, rows, size)
        stage.rows = len(articles)

    with Stage("event reports") as stage:
        reports = [
            EventReport(
                event_id=event,
                article_id=article,
                passage="A commemoration was held, the report says.",
                stated_anniversary=event_years[event] - OPENED,
            )
            for article, event in zip(articles, reported, strict=True)
        ]
        stage.rows = len(bulk(EventReport, reports, size))

    first_report = {}
    for article, event in zip(articles, reported, strict=True):
        first_report.setdefault(event, article)

    with Stage("participations") as stage:
        roles = [r for r, _ in Participation.Role.choices]
        rows = []
        for event in events:
            for position in range(1, rng.randint(1, 6) + 1):
                summary = paragraph(rng, 1)
                rows.append(
                    Participation(
                        event_id=event,
                        position=position,
                        person_id=rng.choice(people),
                        role=rng.choice(roles),
                        title_en="Ambassador" if position == 1 else "Historian",
                        title_ru="Посол" if position == 1 else "Историк",
                        organization_id=rng.choice(organizations) if rng.random() < 0.5 else None,
                        summary_en=summary[0],
                        summary_ru=summary[1],
                        article_id=first_report[event],
                        passage="He spoke at the event, the report says.",
                    )
                )
        stage.rows = len(bulk(Participation, rows, size))

    with Stage("programme items, organizers") as stage:
        item_kinds = [k for k, _ in ProgrammeItem.Kind.choices]
        items, organizers = [], []
        for event in events:
            for position in range(1, rng.randint(1, 4) + 1):
                items.append(
                    ProgrammeItem(
                        event_id=event,
                        position=position,
                        kind=rng.choice(item_kinds),
                        description_en="As reported.",
                        description_ru="Как сообщается.",
                        article_id=first_report[event],
                        passage="The programme included it, the report says.",
                    )
                )
            for position in range(1, rng.randint(1, 2) + 1):
                organizers.append(
                    EventOrganizer(
                        event_id=event,
                        position=position,
                        organization_id=rng.choice(organizations),
                        role="organiser" if position == 1 else "co_organiser",
                        article_id=first_report[event],
                        passage="It was organised by them, the report says.",
                    )
                )
        stage.rows = len(bulk(ProgrammeItem, items, size)) + len(bulk(EventOrganizer, organizers, size))

    with Stage("figures, citations, mentions") as stage:
        figures, citations, mentions = [], [], []
        for article, event in zip(articles, reported, strict=True):
            for position in range(1, rng.randint(0, 2) + 1):
                figures.append(
                    ReportedFigure(
                        article_id=article,
                        position=position,
                        kind_id=rng.choice(kinds),
                        value=rng.choice([17, 18, 20, 24, 613, 1275]),
                        approximate=rng.random() < 0.2,
                        passage="The figure as the report gives it.",
                        stated_by_id=rng.choice(people) if rng.random() < 0.3 else None,
                        event_id=event if rng.random() < 0.5 else None,
                    )
                )
            citations.append(
                SourceCitation(
                    article_id=article,
                    position=1,
                    relation="cites_agency",
                    organization_id=rng.choice(organizations),
                    description_en="The outlet cites an agency.",
                    description_ru="Издание ссылается на агентство.",
                    passage="…reports citing the agency.",
                )
            )
            mentions.append(
                AnniversaryMention(
                    article_id=article,
                    position=1,
                    occasion_id=occasion.pk,
                    kind="anniversary",
                    number=event_years[event] - OPENED,
                    passage="…the anniversary of the tragedy.",
                )
            )
        stage.rows = (
            len(bulk(ReportedFigure, figures, size))
            + len(bulk(SourceCitation, citations, size))
            + len(bulk(AnniversaryMention, mentions, size))
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--people", type=int, default=30_000)
    parser.add_argument("--venues", type=int, default=5_000)
    parser.add_argument("--organizations", type=int, default=2_000)
    parser.add_argument("--batch-size", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=1992)
    parser.add_argument("--reset", action="store_true", help="empty every archive and events table first")
    options = parser.parse_args()
    if min(options.articles, options.events, options.people, options.venues, options.organizations) < 1:
        parser.error("every count must be at least 1")
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    if connection.vendor != "postgresql":
        print("warning: the benchmark targets are for PostgreSQL; set DATABASE_URL=postgres://…")
    started = time.perf_counter()
    with transaction.atomic():
        if options.reset:
            with Stage("reset") as stage:
                reset()
                stage.rows = 0
        elif Article.objects.filter(slug__startswith="bench-").exists():
            sys.exit("Benchmark data is already there: run again with --reset to replace it.")
        generate(options)
        # bulk_create sends no signals, so the search index is made in one pass over what was written.
        with Stage("search index") as stage:
            indexing.rebuild()
            stage.rows = Entry.objects.count()
        invalidate_pages()
    if connection.vendor == "postgresql":
        with Stage("vacuum, analyze") as stage, connection.cursor() as cursor:
            # VACUUM sets the visibility map, so index-only scans need not visit the rows.
            cursor.execute("VACUUM ANALYZE")
            stage.rows = 0
    print(f"{'total':<28} {'':>14} {time.perf_counter() - started:8.2f} s")


if __name__ == "__main__":
    main()
