"""The publish guard: a list of checks other apps can extend (the images app adds "an image lacks alt text")."""

from django.utils.translation import gettext as _

from .languages import language_name, missing_translations, required_translated_fields

PUBLICATION_CHECKS = []


def publication_check(check):
    """Register `check(obj) -> iterable of problem strings`; publishing is refused while any check has one."""
    PUBLICATION_CHECKS.append(check)
    return check


def publication_problems(obj):
    """Everything that stops this article or event from being published, as sentences naming the fields."""
    return [problem for check in PUBLICATION_CHECKS for problem in check(obj)]


def _describe_missing(label, obj):
    return [
        _("%(item)s: %(fields)s missing in %(language)s")
        % {"item": label, "fields": ", ".join(names), "language": language_name(code)}
        for code, names in missing_translations(obj).items()
    ]


@publication_check
def every_required_field_in_both_languages(obj):
    """The item's own required fields, those of its rows (citations, programme) and of what it links to."""
    problems = _describe_missing(str(obj._meta.verbose_name).capitalize(), obj)
    for field in obj._meta.get_fields():
        if field.one_to_many and field.auto_created and required_translated_fields(field.related_model):
            for child in getattr(obj, field.get_accessor_name()).all():
                label = f"{str(field.related_model._meta.verbose_name).capitalize()} “{child}”"
                problems += _describe_missing(label, child)
        elif field.many_to_one and field.concrete and required_translated_fields(field.related_model):
            target = getattr(obj, field.name)
            if target is not None:
                label = f"{str(field.verbose_name).capitalize()} “{target}”"
                problems += _describe_missing(label, target)
    return problems
