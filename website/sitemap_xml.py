"""The sitemap index and the sitemap pages written out as XML here, from what Django's sitemap views gathered.

Django's views put each entry through its templates: at 100,000 articles the index lists about 900 sitemap pages
and a page 250 addresses with their language alternates, and the template engine took 50–60 ms of each (the
`date` filter and a lookup per value; bench/RESULTS.md section 10). The views still decide what is listed, the
pages and the headers; `written()` replaces only the rendering, with the same elements and the same escaping.
"""

import functools

from django.template.response import TemplateResponse
from django.utils.html import escape
from django.utils.timezone import template_localtime

_INDEX_START = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
)
_URLSET_START = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def _day(value):
    value = template_localtime(value)
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


@functools.lru_cache(maxsize=64)
def _moment(value):
    return template_localtime(value).isoformat()


def index_xml(sitemaps):
    """<sitemapindex> of Django's SitemapIndexItem entries (location, last_mod), as its sitemap_index.xml has it."""
    parts = [_INDEX_START]
    for site in sitemaps:
        # Every page of a section has the section's last change: written once.
        lastmod = f"<lastmod>{_moment(site.last_mod)}</lastmod>" if site.last_mod else ""
        parts.append(f"<sitemap><loc>{escape(site.location)}</loc>{lastmod}</sitemap>\n")
    parts.append("</sitemapindex>\n")
    return "".join(parts)


def urlset_xml(urlset):
    """<urlset> of the URL dicts Sitemap.get_urls() makes, with their alternates, as Django's sitemap.xml has it."""
    parts = [_URLSET_START]
    for url in urlset:
        parts.append(f"<url><loc>{escape(url['location'])}</loc>")
        if url.get("lastmod"):
            parts.append(f"<lastmod>{_day(url['lastmod'])}</lastmod>")
        if url.get("changefreq"):
            parts.append(f"<changefreq>{escape(url['changefreq'])}</changefreq>")
        if url.get("priority"):
            parts.append(f"<priority>{escape(url['priority'])}</priority>")
        for alternate in url.get("alternates") or ():
            parts.append(
                f'<xhtml:link rel="alternate" hreflang="{escape(alternate["lang_code"])}" '
                f'href="{escape(alternate["location"])}"/>'
            )
        parts.append("</url>\n")
    parts.append("</urlset>\n")
    return "".join(parts)


def written(view):
    """Django's sitemap `index` or `sitemap` view, its response written out by index_xml() or urlset_xml()."""

    @functools.wraps(view)
    def sitemap_view(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if isinstance(response, TemplateResponse) and not response.is_rendered:
            context = response.context_data or {}
            if "sitemaps" in context:
                response.content = index_xml(context["sitemaps"])
            elif "urlset" in context:
                response.content = urlset_xml(context["urlset"])
        return response

    return sitemap_view
