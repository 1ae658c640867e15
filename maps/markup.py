"""The world map's points and the table beside it, written as HTML in Python.

A map of thousands of venues drew each point and row through template tags, which cost milliseconds a venue
(15 s for the 4,500 placed venues of the benchmark archive); here each piece of text that varies is escaped
once and the rest is joined as strings. What is the same for every venue is worked out once per page: the
labels, the precision names, and the address of a venue page, which differs between venues only by the slug
(`Venue.get_absolute_url()` reverses the same pattern; a test compares them).
"""

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, ngettext

from events.models import LocationPrecision

_SLUG = "slug-of-the-venue"


def venue_address():
    """A function from a venue to its page's address, reversing the URL pattern once instead of once a venue."""
    before, after = reverse("events:venue_detail", kwargs={"slug": _SLUG}).split(_SLUG)
    return lambda venue: f"{before}{venue.slug}{after}"


def _precisions():
    return {value: escape(label) for value, label in LocationPrecision.choices}


def _event_count(number):
    return ngettext("%(counter)s event", "%(counter)s events", number) % {"counter": number}


def _texts(language):
    """A function from a venue and a field to its escaped text in `language`, else the other one, marked."""
    other = "ru" if language == "en" else "en"
    mark = escape(gettext("(not yet translated)"))

    def text(venue, field, plain=False):
        value = getattr(venue, f"{field}_{language}", "")
        if value:
            return escape(value)
        value = getattr(venue, f"{field}_{other}", "")
        if not value:
            return ""
        if plain:
            return f"{escape(value)} {mark}"
        return f'<span lang="{other}">{escape(value)}</span> <span class="untranslated">{mark}</span>'

    return text


def points(places):
    """The SVG link and circle of each place, named for screen readers by venue, number of events and precision."""
    address, precisions, placed_at = venue_address(), _precisions(), escape(gettext("placed at"))
    _text = _texts(get_language())
    return mark_safe(
        "\n".join(
            f'<a href="{address(place.venue)}" class="place place-{place.precision}" aria-label="'
            f"{_text(place.venue, 'name', plain=True)}: {escape(_event_count(place.event_count))}, {placed_at} "
            f'{precisions.get(place.precision, "")}"><circle cx="{place.x:.1f}" cy="{place.y:.1f}" '
            f'r="{place.radius:.1f}"/></a>'
            for place in places
        )
    )


def _where(venue, text):
    """City, region and country in the visitor's language, those the venue has."""
    parts = (text(venue, field) for field in ("city", "region", "country"))
    return ", ".join(part for part in parts if part)


def table_rows(content, event_filters=""):
    """The table's rows: each drawn place, then each venue not on the map, with its events linked to the event list.

    `event_filters` ("&year=2025…") narrows the linked list as the map is narrowed.
    """
    address, precisions = venue_address(), _precisions()
    _text = _texts(get_language())
    events_url = escape(reverse("events:event_list"))
    venue_label, where_label, placed_label, events_label = (
        escape(gettext(text)) for text in ("Venue", "Where", "Placed at", "Events")
    )
    by_archive, as_reported = escape(gettext("added by the archive")), escape(gettext("as the report gives it"))
    not_drawn = escape(gettext("not on the map: no coordinates yet"))
    event_filters = escape(event_filters)

    def row(venue, event_count, placed):
        return (
            f'<tr><td data-label="{venue_label}"><a href="{address(venue)}">{_text(venue, "name")}</a></td>'
            f'<td data-label="{where_label}">{_where(venue, _text)}</td><td data-label="{placed_label}">{placed}</td>'
            f'<td data-label="{events_label}"><a href="{events_url}?venue={venue.slug}{event_filters}">'
            f"{event_count}</a></td></tr>"
        )

    rows = [
        row(
            place.venue,
            place.event_count,
            f"{precisions.get(place.precision, '')}; "
            f"{by_archive if place.venue.location_source == 'archive' else as_reported}",
        )
        for place in content.places
    ]
    rows += [row(venue, venue.event_count, not_drawn) for venue in content.unplaced]
    return mark_safe("\n".join(rows))
