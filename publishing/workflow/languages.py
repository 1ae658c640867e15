"""Languages: which one is the source of an item, which one its translator works in, and what each still lacks."""

from django.conf import settings
from modeltranslation.translator import NotRegistered, translator

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def language_name(code):
    return str(dict(settings.LANGUAGES)[code])


def source_language(obj):
    """The language an item was written in: an article's original language, else the archive's own (English)."""
    return getattr(obj, "original_language", None) or settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def translation_language(obj):
    """The language a translator of this item works in: the one that is not its source."""
    source = source_language(obj)
    return next(code for code in LANGUAGE_CODES if code != source)


def translated_fields(model):
    """Names of the model's fields that exist in each language (the base names, e.g. `title`)."""
    try:
        names = translator.get_options_for_model(model).fields
    except NotRegistered:
        return []
    return [field.name for field in model._meta.fields if field.name in names]  # in the order of the form


def required_translated_fields(model):
    """Translated fields that may not be blank: each must be filled in every language before publishing."""
    return [name for name in translated_fields(model) if not model._meta.get_field(name).blank]


def missing_translations(obj):
    """{language code: [verbose names of required fields empty in that language]} for the item's own fields."""
    missing = {}
    for code in LANGUAGE_CODES:
        names = [
            str(obj._meta.get_field(name).verbose_name)
            for name in required_translated_fields(type(obj))
            if not (getattr(obj, f"{name}_{code}", "") or "").strip()
        ]
        if names:
            missing[code] = names
    return missing
