"""History: restoring an old version keeps the workflow state; only editors may do it."""

import reversion
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .. import lost_updates
from ..models import Status, WorkflowLogEntry
from .guard import publication_problems
from .rights import can_publish
from .transitions import TransitionRefused


def restore_version(obj, version, user):
    """Bring back the content of `version` (with its rows), keeping obj's status and publication time."""
    model = type(obj)
    if not can_publish(user, model):
        raise TransitionRefused(_("Only editors may restore an old version."))
    if version.content_type_id != ContentType.objects.get_for_model(model).pk or str(version.object_id) != str(obj.pk):
        raise TransitionRefused(_("That version belongs to another item."))
    with transaction.atomic(), reversion.create_revision():
        current = model._default_manager.select_for_update().get(pk=obj.pk)
        status, public_from = current.status, current.public_from
        _revert_item(version, current)
        # The rows come back with the versions they had then, which forms opened then still carry.
        lost_updates.touch_revision(version.revision)
        restored = model._default_manager.get(pk=obj.pk)
        restored.status, restored.public_from = status, public_from
        if status == Status.PUBLISHED:
            problems = publication_problems(restored)
            if problems:
                raise TransitionRefused(
                    _("This version cannot replace published content: %(problems)s.")
                    % {"problems": "; ".join(problems)}
                )
        restored.save()
        when = date_format(timezone.localtime(version.revision.date_created), "DATETIME_FORMAT")
        reversion.set_user(user)
        reversion.set_comment(_("Restored the version of %(when)s.") % {"when": when})
        entry = WorkflowLogEntry.objects.create(
            item=restored,
            action=WorkflowLogEntry.Action.RESTORE,
            from_status=status,
            to_status=status,
            public_from=public_from,
            user=user,
            at=timezone.now(),
            comment=_("Version of %(when)s") % {"when": when},
        )
    return entry


def _revert_item(version, obj):
    """Bring back `obj` and its own rows as `version`'s revision holds them, and nothing else it holds.

    A revision may hold more than the item: an image or a document saved in the same request, or another
    item's rows. Restoring one item must not put those back (an old document version names a file that was
    deleted when it was replaced).
    """
    model = type(obj)
    accessors = reversion.revisions._get_options(model).follow
    rows = [model._meta.get_field(name) for name in accessors]
    row_keys = {(relation.related_model, relation.field.attname) for relation in rows}

    def own(v):
        if v._model is model:
            return str(v.object_id) == str(obj.pk)
        return any(
            v._model is row_model and str(v.field_dict.get(attname)) == str(obj.pk) for row_model, attname in row_keys
        )

    versions = [v for v in version.revision.version_set.all() if own(v)]
    kept = {(v._model, str(v.object_id)) for v in versions}
    for name in accessors:
        for row in getattr(obj, name).all():
            if (type(row), str(row.pk)) not in kept:
                row.delete()
    for v in sorted(versions, key=lambda v: v._model is not model):  # the item first, then its rows
        v.revert()
