"""Plain pieces of the open data, shared by the API and the downloads: both languages side by side, and honest dates.

No database access and no serializer: each function turns one model field (or a translated pair) into the shape
every response and file uses.
"""

from django.conf import settings

from archive.dates import iso_partial_date

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def bilingual(obj, field):
    """{"en": …, "ru": …, "not_yet_translated": [...]} for a translated field: never a silent fallback.

    A language without text is null; when the other language has text, it is listed as not yet translated, so a
    client can tell "not translated yet" from "this record has no such text".
    """
    values = {code: getattr(obj, f"{field}_{code}", None) or None for code in LANGUAGES}
    has_text = any(values.values())
    return {**values, "not_yet_translated": [code for code in LANGUAGES if has_text and values[code] is None]}


def partial_date(obj, field):
    """A date known to the day, the month or the year: EDTF/ISO string, the stored date, precision, basis, note."""
    value = getattr(obj, field)
    if value is None:
        return None
    precision = getattr(obj, f"{field}_precision", "day")
    return {
        "edtf": iso_partial_date(value, precision),
        "date": value.isoformat(),
        "precision": precision,
        "basis": getattr(obj, f"{field}_basis", "stated"),
        "note": bilingual(obj, f"{field}_note"),
    }


def name_variants(obj):
    """The other spellings a record keeps, one per line, as a list."""
    return [line.strip() for line in (obj.name_variants or "").splitlines() if line.strip()]
