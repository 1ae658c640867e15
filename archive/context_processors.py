"""Template context every public page needs: the same page in each language, and its canonical address."""

from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.encoding import escape_uri_path
from django.utils.translation import get_language, get_language_info

OG_LOCALES = {"en": "en_GB", "ru": "ru_RU"}


def public_path(request):
    """The page's public address: the path of the view it resolved to.

    The same as request.path for a visitor; for a staff preview served under the admin, which sets
    `request.resolver_match` to the public page's, it is the address the page will have in public.
    An address that resolves to nothing (a 404) is given back as a path on this site whatever was
    asked: "//host/x" (and "/\\host/x", which browsers read alike) would otherwise be a link to
    another site in the language switcher and og:url, so leading slashes become one and the rest is
    percent-encoded.
    """
    match = getattr(request, "resolver_match", None)
    if match and match.view_name:
        try:
            return reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            pass
    return escape_uri_path("/" + request.path.lstrip("/"))


def site(request):
    """Language alternates and the canonical URL of the current page; no database queries."""
    current = get_language()
    path = public_path(request)
    query = request.META.get("QUERY_STRING", "")
    alternates = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(path, code)
        if url == path and code != current and path.startswith(f"/{current}/"):
            # An address that does not resolve (a 404): offer the same address under the other prefix.
            url = f"/{code}/{path[len(current) + 2 :]}"
        info = get_language_info(code)
        alternates.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url + (f"?{query}" if query else ""),
                "absolute_url": request.build_absolute_uri(url),
                "current": code == current,
                "og_locale": OG_LOCALES.get(code, code),
            }
        )
    return {
        "language_alternates": alternates,
        "canonical_url": request.build_absolute_uri(path),
        "og_locale": OG_LOCALES.get(current, current),
    }
