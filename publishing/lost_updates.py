"""Lost updates: every editable row records when it was last saved, and a form says which version it was opened on.

An edit form carries its row's `updated_at` as a token; a save whose token no longer matches the saved row
is refused (publishing/admin/lost_updates.py asks these functions). The token is a time rather than a
counter: it is the field articles and events already had (and feeds and the sitemap show), and after a
restore from history writes old rows back as they were, setting it to now (`touch`) gives a value no open
form carries, where an old counter plus one could equal one an open form still holds.
"""

import datetime

from django.db import models
from django.db.models.signals import pre_save
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A change made inside one admin request is recorded under a revision that started before the save,
# at most this long before it (a request that runs longer is stopped by the worker timeout first).
REQUEST_WINDOW = datetime.timedelta(minutes=2)


class Tracked(models.Model):
    """Abstract base for every row an editor can change in a form: it knows when it was last saved."""

    # A plain default rather than auto_now: fixture loads are raw saves, which skip auto_now and would
    # leave rows without a value; save() below keeps it current for every other save.
    updated_at = models.DateTimeField(_("updated"), default=timezone.now, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.updated_at = timezone.now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "updated_at"}
        super().save(*args, **kwargs)


def is_tracked(model):
    return issubclass(model, Tracked)


def keep_version_of_unchanged_raw_save(sender, instance, raw=False, **kwargs):
    """A raw save (a fixture load, a restore from history) that changes nothing keeps the row's version.

    Raw saves skip save() and write `updated_at` as given, which for a fixture that does not state it is
    the time of loading: loading the same archive twice would give every row a new version, refusing the
    forms open on them for no change. A raw save that does change the row keeps the value it brings.
    """
    if not raw or not is_tracked(sender) or instance.pk is None:
        return
    stored = sender._base_manager.filter(pk=instance.pk).first()
    if stored is None:
        return
    names = [field.attname for field in sender._meta.concrete_fields if field.attname != "updated_at"]
    if all(getattr(stored, name) == getattr(instance, name) for name in names):
        instance.updated_at = stored.updated_at


def connect_raw_save_versions():
    pre_save.connect(keep_version_of_unchanged_raw_save, dispatch_uid="lost_updates_raw_save")


def edit_token(obj):
    """The version a form opened on `obj` carries: empty for a row not saved yet."""
    return obj.updated_at.isoformat() if obj is not None and obj.pk and obj.updated_at else ""


def current_edit_token(model, pk):
    """The token of the saved row, locked until the end of the transaction so two saves cannot interleave.

    Empty when the row no longer exists.
    """
    updated_at = model._default_manager.select_for_update().filter(pk=pk).values_list("updated_at", flat=True).first()
    return updated_at.isoformat() if updated_at else ""


def touch(model, pks):
    """Give rows a new version after they were written without save() (a restore from history, a bulk update)."""
    if is_tracked(model) and pks:
        model._default_manager.filter(pk__in=list(pks)).update(updated_at=timezone.now())


def touch_revision(revision):
    """New versions for every row a restored revision wrote back with its old `updated_at`."""
    by_model = {}
    for version in revision.version_set.all():
        by_model.setdefault(version._model, []).append(version.object_id)
    for model, pks in by_model.items():
        touch(model, pks)


def last_saved_by(obj):
    """Who saved the version of `obj` that is saved now, for the "someone else saved it" message; None if unknown.

    A save on the row's own admin page leaves a log entry just after the save; a save through the form of the
    article or event it belongs to leaves a revision of the row that started just before it.
    """
    import reversion
    from django.contrib.admin.models import LogEntry
    from django.contrib.contenttypes.models import ContentType
    from reversion.models import Version

    model = type(obj)
    saved = model._default_manager.filter(pk=obj.pk).values_list("updated_at", flat=True).first()
    if saved is None:
        return None
    entry = (
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id=str(obj.pk), action_time__gte=saved
        )
        .select_related("user")
        .order_by("action_time")
        .first()
    )
    if entry is not None:
        return entry.user
    if not reversion.is_registered(model):
        return None
    version = (
        Version.objects.get_for_object(obj)
        .filter(revision__date_created__lte=saved, revision__date_created__gte=saved - REQUEST_WINDOW)
        .select_related("revision__user")
        .order_by("-revision__date_created")
        .first()
    )
    return version.revision.user if version else None
