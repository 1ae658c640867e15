"""Django's JSON fixture format, able to read backups written before some models moved to another app.

Set as the "json" format in settings (SERIALIZATION_MODULES), so `loaddata` restores an older `export_archive`
file as it stands; writing is Django's own. A backup names each row's model by app label, and when the workflow
log moved to publishing/ and the importer's models to importing/ (archive/migrations/0013) their labels changed.
"""

from django.core.serializers import json as django_json

Serializer = django_json.Serializer

#: Models that moved to another app: the label older backups give them, and their label now.
MOVED_MODELS = {
    "archive.workflowlogentry": "publishing.workflowlogentry",
    "archive.importsuggestion": "importing.importsuggestion",
    "archive.importjob": "importing.importjob",
    "archive.importjobdocument": "importing.importjobdocument",
}


class Deserializer(django_json.Deserializer):
    @staticmethod
    def _get_model_from_node(model_identifier):
        label = MOVED_MODELS.get(str(model_identifier).lower(), model_identifier)
        return django_json.Deserializer._get_model_from_node(label)
