"""Gallery work done by the background task worker (`manage.py db_worker`) rather than inside an upload."""

from django.db import transaction
from django_tasks import task


@task()
def make_renditions(image_id):
    """Make the renditions an image lacks; pages show the original file until they exist."""
    from .models import Image  # the models module queues this task

    image = Image.objects.filter(pk=image_id).first()
    if image is None:  # deleted before the worker came to it
        return {"image": image_id, "made": 0}
    # Its own savepoint: when tasks run at once, inside the upload's transaction, a failure here leaves that intact.
    with transaction.atomic():
        made = image.make_renditions()
    return {"image": image_id, "made": len(made)}
