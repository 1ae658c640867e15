"""Readable, stable slugs for new records, with Russian titles transliterated to Latin letters.

Existing slugs (those in fixtures/) are never recomputed: a slug is made once, when a record is
created without one, and stays even if the title changes later.
"""

from django.utils.text import slugify

from wordforms.transliteration import transliterate


def slug_for(title, max_length=120):
    """A lowercase ASCII slug for a title in English or Russian, cut at a word boundary."""
    slug = slugify(transliterate(title))
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug


def imported_article_slugs(outlet, date, title, sha256):
    """The slugs an imported article may take, in order: outlet, date and title words, then the same with the
    start of the document's checksum (two different documents with the same outlet, date and title)."""
    prefix = outlet.slug if outlet else "unknown-outlet"
    words = slug_for(title, 60) or "untitled"
    base = f"{prefix}-{date.isoformat() if date else 'undated'}-{words}"[:100]
    return [base, f"{base}-{sha256[:8]}", f"{base}-{sha256[:16]}"]
