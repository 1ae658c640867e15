from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SearchIndexConfig(AppConfig):
    """The search index: every public text of the archive as the words and name keys a search compares."""

    name = "searchindex"
    verbose_name = "search index"

    def ready(self):
        from . import maintenance

        maintenance.connect()
        post_migrate.connect(maintenance.rebuild_if_outdated, sender=self)
