"""Each chart as a page shows it: the shapes from `drawing`, the labels in the active language, the links, and the
rows of the data table that says the same in words."""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats
from django.utils.translation import get_language, gettext, ngettext

from archive.dates import DateBasis, DatePrecision, anniversary_label, format_partial_date
from publishing.addresses import slug_address

from . import drawing
from .data import FIGURE_POINTS_LIMIT, chart_data


def _in_language(row):
    """The row's name in the active language, else the other one marked as not yet translated."""
    current = get_language()
    other = "en" if current == "ru" else "ru"
    if row.get(current):
        return row[current]
    return f"{row.get(other) or ''} {gettext('(not yet translated)')}".strip()


def _number(value):
    return formats.number_format(value, force_grouping=True)


@dataclass(frozen=True)
class Chart:
    """A drawn chart with its own id (for aria-labelledby), its title and description, and its table's rows."""

    id: str
    title: str
    description: str
    drawing: object
    rows: list


def events_per_year_chart():
    [years] = chart_data("events-per-year")
    rows = [
        {
            "label": str(entry["year"]),
            "sublabel": ", ".join(anniversary_label(n) for n in entry["anniversaries"]),
            "value": entry["count"],
            "href": reverse("events:event_list") + f"?year={entry['year']}",
        }
        for entry in years
    ]
    total = sum(r["value"] for r in rows)
    if rows:
        description = gettext(
            "%(events)s published events from %(first)s to %(last)s; the most in one year: %(most)s."
        ) % {
            "events": _number(total),
            "first": rows[0]["label"],
            "last": rows[-1]["label"],
            "most": _number(max(r["value"] for r in rows)),
        }
    else:
        description = gettext("No published events yet.")
    return Chart(
        id="chart-events-per-year",
        title=gettext("Events per year, with the anniversary each marked"),
        description=description,
        drawing=drawing.bar_chart((r["label"], r["sublabel"], r["value"]) for r in rows),
        rows=rows,
    )


# The country chart names this many countries; the rest are one bar (and all are in its table).
COUNTRIES_DRAWN = 15


def events_per_country_chart():
    [countries] = chart_data("events-per-country")
    rows = [
        {
            "label": _in_language(c),
            "sublabel": "",
            "value": c["count"],
            "href": reverse("events:event_list") + f"?country={c['code']}",
        }
        for c in countries
    ]
    drawn = [(r["label"], "", r["value"]) for r in rows[:COUNTRIES_DRAWN]]
    rest = rows[COUNTRIES_DRAWN:]
    if rest:
        label = ngettext("%(count)s other country", "%(count)s other countries", len(rest)) % {"count": len(rest)}
        drawn.append((label, "", sum(r["value"] for r in rest)))
    description = (
        gettext("Published events in %(countries)s countries; the most in %(first)s (%(count)s).")
        % {"countries": len(rows), "first": rows[0]["label"], "count": _number(rows[0]["value"])}
        if rows
        else gettext("No published events yet.")
    )
    return Chart(
        id="chart-events-per-country",
        title=gettext("Events per country"),
        description=description,
        drawing=drawing.bar_chart(drawn),
        rows=rows,
    )


def _date_label(report):
    label = format_partial_date(report["date"], report["precision"])
    if not label:
        return gettext("date unknown")
    quality = []
    if report["precision"] == DatePrecision.YEAR:
        quality.append(gettext("year only"))
    elif report["precision"] == DatePrecision.MONTH:
        quality.append(gettext("month only"))
    if report["basis"] == DateBasis.INFERRED:
        quality.append(gettext("inferred"))
    return f"{label} ({', '.join(quality)})" if quality else label


def _figure_chart(kind):
    reports = [
        {
            **report,
            "title": _in_language(report),
            "href": slug_address("archive:article_detail", report["article"]),
            "date_label": _date_label(report),
            "value_label": ("≈ " if report["approximate"] else "") + _number(report["value"]),
        }
        for report in kind["reports"]
    ]
    values = sorted({r["value"] for r in reports})
    name = _in_language(kind)
    listed = ", ".join(_number(v) for v in values[:12]) + (" …" if len(values) > 12 else "")
    description = ngettext(
        "%(reports)s reports, one value: %(list)s.",
        "%(reports)s reports, %(values)s different values: %(list)s.",
        len(values),
    ) % {"reports": _number(len(reports)), "values": len(values), "list": listed}
    if kind["total"] > len(reports):
        description += " " + gettext("The latest %(shown)s of %(total)s reports are drawn.") % {
            "shown": FIGURE_POINTS_LIMIT,
            "total": _number(kind["total"]),
        }
    return Chart(
        id=f"chart-figure-{kind['slug']}",
        title=gettext("%(kind)s: each report's value against its date") % {"kind": name},
        description=description,
        drawing=drawing.dot_chart(reports, number_format=_number),
        rows=reports,
    )


def figure_charts(kind_slug=None):
    """The chart of each kind of figure with published reports, or only of the kind given."""
    [kinds] = chart_data("figures")
    return [_figure_chart(kind) for kind in kinds if kind_slug is None or kind["slug"] == kind_slug]


_RENDERED_LIMIT = 64
_rendered = {}


def rendered(template_name, **context):
    """`template_name` rendered with `context`, made once per process for the same charts in the same language.

    A chart changes only when its data does (kept per change of what it reads), but drawing it through the
    template engine, a `floatformat` for each coordinate of each bar, was a third of the timeline's time. The key
    is the charts themselves (frozen dataclasses, whose repr holds every value drawn), so new data draws anew.
    """
    key = (template_name, get_language(), repr(context))
    html = _rendered.get(key)
    if html is None:
        html = render_to_string(template_name, context)
        if len(_rendered) >= _RENDERED_LIMIT:
            _rendered.clear()
        _rendered[key] = html
    return html
