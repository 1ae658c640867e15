"""The public address of a record's page, made without running the URL resolver once per record.

Every record's page is its view's address with the record's slug in it. reverse() works that address out anew
each time (about 40 µs): a tenth of a list of 100 people, half of a sitemap page of 250 addresses in two
languages with their alternates. Here it is worked out once per view, language, URLconf and script prefix, with a
placeholder slug, and each record's slug is put in the placeholder's place. A slug that is not plain ASCII
letters, digits, hyphens and underscores (which reverse() would quote) goes through reverse() itself.
"""

import re

from django.urls import get_resolver, get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

_PLACEHOLDER = "0-slug-placeholder-0"
_PLAIN = re.compile(r"[-a-zA-Z0-9_]+\Z")
# (view name, language, resolver, script prefix) -> (text before the slug, text after it). The resolver itself
# is in the key: clear_url_caches() (a changed ROOT_URLCONF) makes a new one, and with it new addresses.
_around_slug = {}


def slug_address(viewname, slug):
    """reverse(viewname, kwargs={"slug": slug}) in the active language, by a kept pattern when the slug is plain."""
    if not _PLAIN.match(slug):
        return reverse(viewname, kwargs={"slug": slug})
    key = (viewname, get_language(), get_resolver(get_urlconf()), get_script_prefix())
    around = _around_slug.get(key)
    if around is None:
        before, _placeholder, after = reverse(viewname, kwargs={"slug": _PLACEHOLDER}).partition(_PLACEHOLDER)
        around = _around_slug[key] = (before, after)
    return f"{around[0]}{slug}{around[1]}"
