"""Write the archive, or only its published part, as one portable JSON document with natural keys.

The output is a Django fixture: a JSON list of {"model", "fields"} objects in dependency order, identified by
natural keys (slugs; article or event slug plus position) wherever a model defines them, so `loaddata` restores it
into any empty database. Every model of the `archive` and `events` apps is included (but the admin's import jobs,
`OPERATIONAL`), so models added later are exported without changes here; users referenced by those models are
written by username.
"""

import datetime

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from publishing.models import Publishable

ARCHIVE_APPS = ("publishing", "archive", "events", "importing")


#: Left out of a published-only export: the importer's unconfirmed guesses are editorial, not content.
EDITORIAL_ONLY = {"importing.ImportSuggestion"}
#: Never exported: the state of the admin's background imports describes a work queue, not the archive, and a
#: restored "queued" import would wait for a task that no longer exists.
OPERATIONAL = {"importing.ImportJob", "importing.ImportJobDocument"}


def archive_models():
    """The archive's models in an order where every row comes after the rows it refers to."""
    app_list = [(apps.get_app_config(label), None) for label in ARCHIVE_APPS]
    models_in_order = serializers.sort_dependencies(app_list, allow_cycles=True)
    return [m for m in models_in_order if not m._meta.proxy and m._meta.label not in OPERATIONAL]


def _base_queryset(model, published_only):
    manager = model._default_manager
    if not published_only:
        return manager.all()
    if issubclass(model, Publishable):
        return manager.published()
    if hasattr(manager, "public"):
        return manager.public()
    return manager.all()


def export_querysets(published_only=False):
    """(model, queryset) pairs; with published_only, rows pointing at anything not exported are left out."""
    allowed = {}
    for model in archive_models():
        if published_only and model._meta.label in EDITORIAL_ONLY:
            continue
        queryset = _base_queryset(model, published_only)
        if published_only:
            for field in model._meta.concrete_fields:
                target = field.related_model if field.is_relation else None
                if target in allowed and target is not model:
                    condition = models.Q(**{f"{field.name}__in": allowed[target]})
                    if field.null:
                        condition |= models.Q(**{f"{field.name}__isnull": True})
                    queryset = queryset.filter(condition)
        allowed[model] = queryset.values("pk")
        yield model, queryset.order_by("pk")


def referenced_users(querysets):
    user_model = get_user_model()
    pks = set()
    for model, queryset in querysets:
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is user_model:
                pks.update(queryset.exclude(**{f"{field.name}__isnull": True}).values_list(field.attname, flat=True))
    return user_model._default_manager.filter(pk__in=pks).order_by("pk")


def _rows(querysets, users):
    user_fields = {"username", "first_name", "last_name", "email", "is_active", "is_staff", "date_joined"}
    for user in users:
        yield from serializers.serialize(
            "python", [user], fields=user_fields, use_natural_foreign_keys=True, use_natural_primary_keys=True
        )
    for _model, queryset in querysets:
        for obj in queryset.iterator(chunk_size=500):
            yield from serializers.serialize(
                "python", [obj], use_natural_foreign_keys=True, use_natural_primary_keys=True
            )


class ExactJSONEncoder(DjangoJSONEncoder):
    """Django's encoder, but times keep their microseconds: it cuts them to milliseconds, which a restore cannot undo.

    Every edit form's version is its row's `updated_at`, so an export must give back exactly the times it read.
    """

    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time):
            return o.isoformat()
        return super().default(o)


def write_export(stream, published_only=False):
    """Stream the export to a text file; returns {model label: rows written}."""
    import json

    querysets = list(export_querysets(published_only))
    users = referenced_users(querysets)
    counts = {}
    stream.write("[\n")
    first = True
    for row in _rows(querysets, users):
        if not first:
            stream.write(",\n")
        first = False
        stream.write(json.dumps(row, cls=ExactJSONEncoder, ensure_ascii=False, indent=2, sort_keys=True))
        counts[row["model"]] = counts.get(row["model"], 0) + 1
    stream.write("\n]\n")
    return counts
