"""What the charts count, from published content only, kept per content generation (it changes only when content does).

Rows are plain dicts holding both languages' names, so one cached copy serves English and Russian pages.
"""

from django.conf import settings
from django.db.models import Count, F, Window
from django.db.models.functions import ExtractYear, RowNumber

from archive.models import ReportedFigure
from events.models import Event
from publishing.generations import remember_per_generation

# A kind of figure's chart shows at most this many reports, the latest; its page and table list every one.
FIGURE_POINTS_LIMIT = 200


def _events_per_year():
    rows = (
        Event.objects.published()
        .annotate(year=ExtractYear("held_on"), occasion_year=ExtractYear("occasion__began_on"))
        .values("year", "occasion_year")
        .annotate(count=Count("pk"))
        .order_by("year", "occasion_year")
    )
    years = {}
    for row in rows:
        entry = years.setdefault(row["year"], {"year": row["year"], "count": 0, "anniversaries": []})
        entry["count"] += row["count"]
        entry["anniversaries"].append(row["year"] - row["occasion_year"])
    return list(years.values())


def _events_per_country():
    rows = (
        Event.objects.published()
        .values("venue__country_code", "venue__country_en", "venue__country_ru")
        .annotate(count=Count("pk"))
        .order_by("venue__country_code", "-count")
    )
    countries = {}
    for row in rows:
        # Venues of one country may spell it differently: the most used spelling names it.
        entry = countries.setdefault(
            row["venue__country_code"],
            {
                "code": row["venue__country_code"],
                "en": row["venue__country_en"],
                "ru": row["venue__country_ru"],
                "count": 0,
            },
        )
        entry["count"] += row["count"]
    return sorted(countries.values(), key=lambda c: (-c["count"], c["code"]))


def _figures():
    """Per kind of figure, the latest FIGURE_POINTS_LIMIT published reports of it, with their article and its date."""
    latest_first = Window(
        RowNumber(), partition_by=[F("kind")], order_by=[F("article__published_on").desc(nulls_last=True), F("pk")]
    )
    rows = (
        ReportedFigure.objects.published()
        .annotate(rank=latest_first)
        .filter(rank__lte=FIGURE_POINTS_LIMIT)
        .values(
            "kind__slug",
            "kind__name_en",
            "kind__name_ru",
            "kind__unit",
            "kind__position",
            "value",
            "approximate",
            "article__slug",
            "article__title_en",
            "article__title_ru",
            "article__published_on",
            "article__published_on_precision",
            "article__published_on_basis",
        )
        .order_by("kind__position", "kind__slug", "article__published_on", "pk")
    )
    counts = dict(ReportedFigure.objects.published().order_by().values_list("kind__slug").annotate(count=Count("pk")))
    kinds = {}
    for row in rows:
        slug = row["kind__slug"]
        kind = kinds.setdefault(
            slug,
            {
                "slug": slug,
                "en": row["kind__name_en"],
                "ru": row["kind__name_ru"],
                "unit": row["kind__unit"],
                "total": counts.get(slug, 0),
                "reports": [],
            },
        )
        kind["reports"].append(
            {
                "value": row["value"],
                "approximate": row["approximate"],
                "article": row["article__slug"],
                "en": row["article__title_en"],
                "ru": row["article__title_ru"],
                "date": row["article__published_on"],
                "precision": row["article__published_on_precision"],
                "basis": row["article__published_on_basis"],
            }
        )
    return list(kinds.values())


COMPUTATIONS = {
    "charts:events-per-year": _events_per_year,
    "charts:events-per-country": _events_per_country,
    "charts:figures": _figures,
}


def chart_data(*names):
    """The named aggregates ("events-per-year", "events-per-country", "figures"), worked out once per content change."""
    wanted = {f"charts:{name}": COMPUTATIONS[f"charts:{name}"] for name in names}
    found = remember_per_generation(wanted, settings.DERIVED_CACHE_SECONDS)
    return [found[f"charts:{name}"] for name in names]
