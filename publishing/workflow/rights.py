"""Who may edit what: full rights, the translation only, or nothing, for a user and an item."""

from .. import exposure
from ..models import Publishable, Status
from .languages import translated_fields, translation_language

FULL = "full"
TRANSLATION = "translation"


def permission(model, action):
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


def can_publish(user, model):
    return user.has_perm(permission(model, "publish"))


def _weakest(rights):
    if None in rights:
        return None
    return TRANSLATION if TRANSLATION in rights else FULL


def may_change_published(user, items):
    """Whether the user may change every one of these published items as if editing it in its own form."""
    return all(editing_rights(user, item) == FULL for item in items)


def editing_rights(user, obj):
    """FULL, TRANSLATION (only the fields of the translation language) or None for this user and item.

    Articles and events: editors edit in any status; authors edit drafts; translators edit the translation
    of drafts and items in review. A row of an item (a figure, a document, an import suggestion…): the rights
    on the item. Anything else (people, venues, organizations, images): the model's permissions. And nobody
    changes what published content shows (publishing/exposure.py) unless they may change that content: so an
    author edits a person, an image or a figure only until a published item shows it.
    """
    model = type(obj)
    change = user.has_perm(permission(model, "change"))
    translate = user.has_perm(permission(model, "translate"))
    if isinstance(obj, Publishable):
        if change and can_publish(user, model):
            return FULL
        if change and obj.status == Status.DRAFT:
            return FULL
        if translate and obj.status in (Status.DRAFT, Status.IN_REVIEW):
            return TRANSLATION
        return None
    parents = exposure.parents(obj)
    if parents:
        rights = _weakest([editing_rights(user, parent) for parent in parents])
    elif change or translate:
        rights = FULL if change else TRANSLATION
    else:
        return None
    if rights is not None and not may_change_published(user, exposure.published_items_showing(obj)):
        return None
    return rights


def translation_field_names(obj, model=None):
    """The concrete field names a translator of `obj` may edit on `model` (default: obj's own model)."""
    code = translation_language(obj)
    names = [f"{name}_{code}" for name in translated_fields(model or type(obj))]
    if isinstance(obj, Publishable) and (model is None or model is type(obj)):
        names.append("translation_status")
    return names
