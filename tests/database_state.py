"""Every row of the project's content, for tests that assert a refused request left the database as it was."""

from django.apps import apps

APPS = ("archive", "events", "gallery", "reversion", "admin", "auth")


def database_state():
    """{model label: sorted rows as tuples} for every model of the content apps, the history and the admin log."""
    state = {}
    for app_label in APPS:
        for model in apps.get_app_config(app_label).get_models(include_auto_created=True):
            rows = model._base_manager.order_by("pk").values_list()
            state[model._meta.label] = [tuple(str(value) for value in row) for row in rows]
    return state


def changed_tables(before, after):
    """The labels of the models whose rows differ, for a readable assertion message."""
    return sorted(label for label in before if before[label] != after.get(label))
