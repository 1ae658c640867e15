"""The "Download" links of the event list and the figure pages: thin wrappers over opendata's plain functions."""

from django import template
from django.urls import reverse

from opendata.licence import LICENCE_NAME, LICENCE_URL, citation

register = template.Library()


@register.inclusion_tag("opendata/download_links.html", takes_context=True)
def download_links(context, dataset, **filters):
    """Links to `dataset` as CSV and JSON, filtered as the page is (its query string, or `filters`), with the
    licence and the line to cite the data with."""
    request = context["request"]
    query = request.GET.copy()
    query.pop("page", None)
    for name, value in filters.items():
        query[name] = value
    suffix = f"?{query.urlencode()}" if query else ""
    return {
        "csv_url": reverse(f"api:{dataset}_csv") + suffix,
        "json_url": reverse(f"api:{dataset}_json") + suffix,
        "filtered": bool(query),
        "licence_name": LICENCE_NAME,
        "licence_url": LICENCE_URL,
        "citation": citation(request.build_absolute_uri("/")),
    }
