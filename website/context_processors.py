"""Template context every public page needs: the same page in each language, and its canonical address."""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from publishing.public_pages import public_path

OG_LOCALES = {"en": "en_GB", "ru": "ru_RU"}


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
