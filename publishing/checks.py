"""System checks that make a new content app inherit the rule: changes to published content pass the workflow.

The content apps are those whose changes make the public pages stale (settings.PAGE_CACHE_INVALIDATING_APPS):
whatever alters a page must also say which published items it alters. `manage.py check` (and so runserver,
migrate and the test run) fails while
- publishing.E001: an admin or inline edits content (a model of a content app, or one the rule governs, or rows
  inside such a model's form) without PublishedContentGuard, the mixin that passes its saves, deletes and
  actions through the workflow's guard, history and log;
- publishing.E002: a model of a content app has no rule in publishing/exposure.py's registry.
"""

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, register

from . import exposure

GUARD_HINT = (
    "Build it on a base from publishing.admin (WorkflowAdmin, PartOfItemAdmin, PublicThroughContentAdmin, "
    "WorkflowInlineMixin) or put PublishedContentGuard first among its bases, so that its saves and deletes pass "
    "the workflow's guard, history and log."
)


def content_apps():
    return set(settings.PAGE_CACHE_INVALIDATING_APPS)


def _is_content(model):
    return model._meta.app_label in content_apps() or exposure.is_governed(model)


def _unguarded(admin_class, model):
    return Error(
        f"{admin_class.__module__}.{admin_class.__qualname__} edits {model._meta.label}, which published content "
        "may show, without PublishedContentGuard.",
        hint=GUARD_HINT,
        obj=admin_class,
        id="publishing.E001",
    )


def admin_problems(site, app_configs=None):
    """The admins and inlines of `site` that edit content without the guard."""
    from .admin.guard import PublishedContentGuard  # the admin package registers its own admin when imported

    errors = []
    for model, model_admin in site._registry.items():
        if app_configs is not None and model._meta.app_config not in app_configs:
            continue
        if _is_content(model) and not isinstance(model_admin, PublishedContentGuard):
            errors.append(_unguarded(type(model_admin), model))
        for inline in model_admin.inlines:
            # Rows inside a content form are content too: an unguarded inline would edit a published item.
            if (_is_content(inline.model) or _is_content(model)) and not issubclass(inline, PublishedContentGuard):
                errors.append(_unguarded(inline, inline.model))
    return errors


@register(Tags.admin)
def check_admins_are_guarded(app_configs=None, **kwargs):
    from django.contrib.admin.sites import all_sites

    return [error for site in all_sites for error in admin_problems(site, app_configs)]


@register(Tags.models)
def check_content_models_have_a_rule(app_configs=None, **kwargs):
    configs = apps.get_app_configs() if app_configs is None else app_configs
    return [
        Error(
            f"{model._meta.label} is in the content app {config.label!r} but nothing says which published "
            "items a change to it alters.",
            hint=(
                f"Declare it in {config.name}/exposure.py, called from the app's ready(): exposure.row_of() or "
                "shown_by() for what pages show, or reference_data(), record() or derived() "
                "(see publishing/exposure.py)."
            ),
            obj=model,
            id="publishing.E002",
        )
        for config in configs
        if config.label in content_apps()
        for model in config.get_models()
        if not exposure.is_declared(model)
    ]
