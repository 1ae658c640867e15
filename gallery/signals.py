"""Files follow their rows: when an image, rendition or document row is deleted, its file goes too.

Receivers rather than `delete()` overrides because bulk deletes (the admin's "delete selected", cascades
from a deleted image) never call `delete()` on each row. Files are removed only once the transaction
commits, so a rolled-back delete keeps them.
"""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import Document, Image, Rendition


@receiver(post_delete, sender=Image)
@receiver(post_delete, sender=Rendition)
@receiver(post_delete, sender=Document)
def remove_file_of_deleted_row(sender, instance, **kwargs):
    if instance.file:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))
