"""Template wrappers over `charts.figures`: the charts the timeline, the home page and the figure pages include."""

from django import template

from .. import figures

register = template.Library()


@register.inclusion_tag("charts/_bar_chart.html")
def events_per_year_chart():
    return {"chart": figures.events_per_year_chart()}


@register.inclusion_tag("charts/_bar_chart.html")
def events_per_country_chart():
    return {"chart": figures.events_per_country_chart()}


@register.inclusion_tag("charts/_figure_charts.html")
def figure_chart(kind_slug):
    return {"charts": figures.figure_charts(kind_slug), "heading": "h2"}
