"""Renditions are made once and reused; deleting or replacing an image removes their files."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from gallery import processing
from gallery.models import Image, Rendition
from tests.factories import image_bytes, make_image
from tests.gallery.conftest import stored_files

pytestmark = pytest.mark.django_db


def test_renditions_are_made_once_and_reused(media_root):
    image = make_image(content=image_bytes(size=(2000, 1500)))
    before = {r.spec: (r.pk, r.file.name) for r in image.renditions.all()}
    files_before = stored_files(media_root)
    assert len(before) == 6

    again = Image.objects.get(pk=image.pk)
    assert again.make_renditions() == []
    out = io.StringIO()
    call_command("make_renditions", stdout=out)
    assert "0 rendition file(s) made" in out.getvalue()
    assert {r.spec: (r.pk, r.file.name) for r in again.renditions.all()} == before
    assert stored_files(media_root) == files_before


def test_a_missing_rendition_is_made_again_without_touching_the_others(media_root):
    image = make_image()
    card = image.renditions.get(spec="card")
    others = set(image.renditions.exclude(spec="card").values_list("pk", flat=True))
    card.delete()
    out = io.StringIO()
    call_command("make_renditions", stdout=out)
    assert "1 rendition file(s) made" in out.getvalue()
    assert set(image.renditions.exclude(spec="card").values_list("pk", flat=True)) == others
    assert image.renditions.filter(spec="card").exists()


def test_deleting_an_image_removes_its_file_and_its_renditions_files(media_root, django_capture_on_commit_callbacks):
    image = make_image()
    assert len(stored_files(media_root)) == 7
    with django_capture_on_commit_callbacks(execute=True):
        image.delete()
    assert not Rendition.objects.exists()
    assert stored_files(media_root) == []


def test_deleting_images_in_bulk_removes_every_file(media_root, django_capture_on_commit_callbacks):
    make_image()
    make_image()
    with django_capture_on_commit_callbacks(execute=True):
        Image.objects.all().delete()
    assert stored_files(media_root) == []


def test_replacing_an_image_in_the_admin_replaces_its_renditions(
    admin_client, media_root, django_capture_on_commit_callbacks
):
    image = make_image(content=image_bytes(size=(1200, 900)))
    old_files = set(stored_files(media_root))
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/en/admin/gallery/image/{image.pk}/change/",
            {
                "caption_en": image.caption_en,
                "caption_ru": image.caption_ru,
                "alt_text_en": image.alt_text_en,
                "alt_text_ru": image.alt_text_ru,
                "credit": "",
                "source": "",
                "file": SimpleUploadedFile("new.png", image_bytes("PNG", size=(700, 500))),
                "edit_token": image.updated_at.isoformat(),  # the version the change form was opened on
            },
        )
    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.width, image.height) == (700, 500)
    new_files = set(stored_files(media_root))
    assert len(new_files) == 7
    assert not new_files & old_files
    assert image.renditions.count() == 6
    assert image.renditions.get(spec="full").width == 700


def test_webp_renditions_are_smaller_than_their_fallbacks_on_a_photograph():
    # A gradient with detail compresses like a photograph rather than like a flat colour.
    from PIL import Image as PILImage

    gradient = PILImage.linear_gradient("L").resize((1600, 1200)).convert("RGB")
    noise = PILImage.effect_noise((1600, 1200), 40).convert("RGB")
    photo = PILImage.blend(gradient, noise, 0.3)
    buffer = io.BytesIO()
    photo.save(buffer, format="JPEG", quality=95)
    image = make_image(content=buffer.getvalue())
    sizes = dict(image.renditions.values_list("spec", "size_bytes"))
    for name in ("thumbnail", "card", "full"):
        assert sizes[f"{name}-webp"] < sizes[name]


@pytest.mark.django_db(transaction=True)
def test_an_uploaded_image_is_stored_at_once_and_its_renditions_are_made_by_the_worker(settings, media_root):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    image = make_image(content=image_bytes(size=(2000, 1500)))
    assert not image.renditions.exists()  # the upload did not wait for them
    assert image.picture().src == image.file.url  # pages show the original meanwhile

    call_command("db_worker", batch=True, startup_delay=False, reload=False, interval=0, verbosity=0)
    assert sorted(image.renditions.values_list("spec", flat=True)) == sorted(processing.rendition_specs())
