"""Template wrappers over `charts.figures`: the charts the timeline, the home page and the figure pages include."""

from django import template
from django.utils.safestring import mark_safe

from .. import figures

register = template.Library()


@register.simple_tag
def events_per_year_chart():
    return mark_safe(figures.rendered("charts/_bar_chart.html", chart=figures.events_per_year_chart()))


@register.simple_tag
def events_per_country_chart():
    return mark_safe(figures.rendered("charts/_bar_chart.html", chart=figures.events_per_country_chart()))


@register.simple_tag
def figure_chart(kind_slug):
    charts = figures.figure_charts(kind_slug)
    return mark_safe(figures.rendered("charts/_figure_charts.html", charts=charts, heading="h2"))
