"""Uploads through the admin: only real JPEG, PNG and WebP images are kept, cleaned, upright and profiled."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import ExifTags, ImageCms
from PIL import Image as PILImage

from gallery.models import Image, Rendition
from tests.factories import image_bytes
from tests.gallery.conftest import stored_files

pytestmark = pytest.mark.django_db

ADD_URL = "/en/admin/gallery/image/add/"


def upload(admin_client, name, content, **fields):
    data = {
        "caption_en": "Flowers at the memorial",
        "caption_ru": "Цветы у мемориала",
        "alt_text_en": "Red carnations laid at a stone memorial",
        "alt_text_ru": "Красные гвоздики у каменного мемориала",
        "credit": "Press service",
        "source": "Embassy website",
        "file": SimpleUploadedFile(name, content),
        **fields,
    }
    return admin_client.post(ADD_URL, data)


def stored_image(image):
    with image.file.open("rb") as handle:
        loaded = PILImage.open(io.BytesIO(handle.read()))
        loaded.load()
    return loaded


@pytest.mark.parametrize(
    ("fmt", "name", "extension"),
    [("JPEG", "flowers.jpg", "jpg"), ("PNG", "flowers.png", "png"), ("WEBP", "flowers.webp", "webp")],
)
def test_each_accepted_format_is_stored_with_its_renditions(admin_client, fmt, name, extension):
    response = upload(admin_client, name, image_bytes(fmt, size=(1000, 750)))
    assert response.status_code == 302, response.content.decode()
    image = Image.objects.get()
    assert (image.width, image.height) == (1000, 750)
    assert image.file.name.endswith(f".{extension}")
    assert stored_image(image).format == fmt
    specs = dict(image.renditions.values_list("spec", "width"))
    assert specs == {
        "thumbnail": 320,
        "thumbnail-webp": 320,
        "card": 800,
        "card-webp": 800,
        "full": 1000,
        "full-webp": 1000,
    }
    for rendition in image.renditions.filter(spec__endswith="-webp"):
        assert PILImage.open(rendition.file.open("rb")).format == "WEBP"


def test_the_content_decides_the_format_not_the_name(admin_client):
    response = upload(admin_client, "flowers.txt", image_bytes("PNG"))
    assert response.status_code == 302
    assert Image.objects.get().file.name.endswith(".png")


def test_a_renamed_non_image_is_refused_and_leaves_nothing_behind(admin_client, media_root):
    response = upload(admin_client, "flowers.jpg", b"%PDF-1.4 not a photograph at all\n" * 40)
    assert response.status_code == 200
    assert "“flowers.jpg” is not a JPEG, PNG or WebP image" in response.content.decode()
    assert not Image.objects.exists()
    assert stored_files(media_root) == []


def test_a_truncated_image_is_refused_as_damaged(admin_client, media_root):
    content = image_bytes("JPEG", size=(800, 600))
    response = upload(admin_client, "cut.jpg", content[: len(content) // 2])
    assert response.status_code == 200
    assert "“cut.jpg” is damaged or incomplete" in response.content.decode()
    assert not Image.objects.exists()
    assert stored_files(media_root) == []


def png_claiming_size(width, height):
    """A tiny PNG whose header claims a huge size: decoding it would allocate width × height pixels."""
    content = bytearray(image_bytes("PNG", size=(8, 8)))
    ihdr = bytearray(content[12:29])  # b"IHDR" + 13 data bytes
    ihdr[4:12] = struct.pack(">II", width, height)
    content[12:29] = ihdr
    content[29:33] = struct.pack(">I", zlib.crc32(bytes(ihdr)))
    return bytes(content)


@pytest.mark.parametrize("size", [(8000, 7000), (100_000, 100_000)])
def test_a_decompression_bomb_is_refused_before_it_is_decoded(admin_client, media_root, size):
    response = upload(admin_client, "bomb.png", png_claiming_size(*size))
    html = response.content.decode()
    assert response.status_code == 200
    assert "“bomb.png”" in html
    assert "too many pixels" in html or "more than the 50 megapixels" in html
    assert not Image.objects.exists()
    assert stored_files(media_root) == []


def test_a_file_over_the_byte_limit_is_refused(admin_client, settings, media_root):
    settings.GALLERY_MAX_IMAGE_BYTES = 2_000
    response = upload(admin_client, "large.png", image_bytes("PNG", size=(600, 600), color=(1, 2, 3)) + b"\0" * 5_000)
    assert "“large.png” is" in response.content.decode()
    assert "the limit is 2.0\xa0KB" in response.content.decode()
    assert not Image.objects.exists()
    assert stored_files(media_root) == []


def jpeg_with_gps_and_orientation(orientation=1, fmt="JPEG"):
    exif = PILImage.Exif()
    exif[ExifTags.Base.Make] = "CameraMaker"
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (40.0, 24.0, 36.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (49.0, 52.0, 12.0),
    }
    picture = PILImage.new("RGB", (400, 200), (220, 20, 20))
    picture.paste((20, 20, 220), (200, 0, 400, 200))  # left half red, right half blue
    buffer = io.BytesIO()
    picture.save(buffer, format=fmt, exif=exif, quality=95)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_exif_and_gps_positions_are_removed_from_the_original_and_renditions(admin_client, fmt):
    content = jpeg_with_gps_and_orientation(fmt=fmt)
    assert PILImage.open(io.BytesIO(content)).getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the upload has GPS
    assert upload(admin_client, "gps.img", content).status_code == 302
    image = Image.objects.get()
    for field_file in [image.file, *(r.file for r in image.renditions.all())]:
        with field_file.open("rb") as handle:
            data = handle.read()
        assert b"Exif" not in data
        assert b"CameraMaker" not in data
        assert not PILImage.open(io.BytesIO(data)).getexif()


def test_orientation_is_applied_so_the_stored_image_is_upright(admin_client):
    # Orientation 6: the camera was turned; viewers rotate the pixels 90° clockwise.
    assert upload(admin_client, "turned.jpg", jpeg_with_gps_and_orientation(orientation=6)).status_code == 302
    image = Image.objects.get()
    assert (image.width, image.height) == (200, 400)
    stored = stored_image(image).convert("RGB")
    top, bottom = stored.getpixel((100, 50)), stored.getpixel((100, 350))
    assert top[0] > 150 > top[2]  # the left (red) half is now on top
    assert bottom[2] > 150 > bottom[0]


def test_the_colour_profile_is_kept_in_the_original_and_renditions(admin_client):
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB")).tobytes()
    content = image_bytes("JPEG", size=(900, 600), icc_profile=profile)
    assert upload(admin_client, "profiled.jpg", content).status_code == 302
    image = Image.objects.get()
    assert stored_image(image).info.get("icc_profile") == profile
    for rendition in image.renditions.all():
        assert PILImage.open(rendition.file.open("rb")).info.get("icc_profile") == profile, rendition.spec


def test_a_cmyk_scan_gets_rgb_renditions(admin_client):
    buffer = io.BytesIO()
    PILImage.new("CMYK", (500, 400), (0, 200, 200, 0)).save(buffer, format="JPEG")
    assert upload(admin_client, "scan.jpg", buffer.getvalue()).status_code == 302
    for rendition in Rendition.objects.all():
        assert PILImage.open(rendition.file.open("rb")).mode == "RGB"


def test_a_transparent_png_keeps_its_transparency_in_png_and_webp_renditions(admin_client):
    assert upload(admin_client, "logo.png", image_bytes("PNG", size=(500, 500), color=(0, 0, 0, 0))).status_code == 302
    formats = {r.spec: PILImage.open(r.file.open("rb")) for r in Rendition.objects.all()}
    assert formats["card"].format == "PNG"
    assert formats["card"].mode == "RGBA"
    assert formats["card-webp"].mode == "RGBA"


def test_a_camera_jpeg_with_extra_pictures_is_accepted_as_jpeg(admin_client):
    buffer = io.BytesIO()
    first, depth_map = PILImage.new("RGB", (600, 400), (10, 120, 10)), PILImage.new("RGB", (600, 400), (0, 0, 0))
    first.save(buffer, format="MPO", save_all=True, append_images=[depth_map])
    assert PILImage.open(io.BytesIO(buffer.getvalue())).format == "MPO"
    assert upload(admin_client, "camera.jpg", buffer.getvalue()).status_code == 302
    image = Image.objects.get()
    assert stored_image(image).format == "JPEG"
    assert image.file.name.endswith(".jpg")


def test_saving_a_bad_file_outside_the_admin_is_refused_too(media_root):
    from django.core.exceptions import ValidationError

    from tests.factories import make_image

    with pytest.raises(ValidationError, match="is not a JPEG, PNG or WebP image"):
        make_image(name="notes.png", content=b"just some text")
    assert not Image.objects.exists()
    assert stored_files(media_root) == []


def test_a_failure_while_making_renditions_keeps_the_image_and_leaves_no_rendition_behind(media_root, monkeypatch):
    from gallery import processing
    from tests.factories import make_image

    original = processing.render_all

    def fail_half_way(source_bytes):
        raise OSError("disk full")

    # Renditions are a background task: its failure is the task's, and the image stays, shown from its original.
    monkeypatch.setattr(processing, "render_all", fail_half_way)
    image = make_image()
    assert not Rendition.objects.exists()
    assert stored_files(media_root) == [image.file.name]
    assert image.picture().src == image.file.url

    monkeypatch.setattr(processing, "render_all", original)
    call_command("make_renditions", stdout=io.StringIO())
    assert Rendition.objects.filter(image=image).count() == len(processing.rendition_specs())


@pytest.mark.parametrize(("size", "decoded"), [((2400, 1600), (1200, 800)), ((4000, 3000), (1000, 750))])
def test_a_jpeg_over_the_decoding_limit_is_decoded_and_kept_at_a_reduced_scale(admin_client, settings, size, decoded):
    settings.GALLERY_MAX_DECODED_PIXELS = 1_000_000
    assert upload(admin_client, "wide.jpg", image_bytes("JPEG", size=size)).status_code == 302
    image = Image.objects.get()
    # Decoded at 1/2 or 1/4 scale by the JPEG decoder itself: the full-size pixels never existed in memory.
    assert (image.width, image.height) == decoded
    assert stored_image(image).size == decoded
    assert image.renditions.get(spec="full").width == decoded[0]


@pytest.mark.parametrize(("fmt", "name"), [("PNG", "scan.png"), ("WEBP", "scan.webp")])
def test_a_png_or_webp_over_the_decoding_limit_is_refused_naming_the_file_and_the_limit(
    admin_client, settings, media_root, fmt, name
):
    settings.GALLERY_MAX_DECODED_PIXELS = 1_000_000
    response = upload(admin_client, name, image_bytes(fmt, size=(1500, 1000)))
    html = response.content.decode()
    assert response.status_code == 200
    assert f"“{name}” is 1500 × 1000 pixels; PNG and WebP images can be processed up to 1 megapixels" in html
    assert "save it as JPEG" in html
    assert not Image.objects.exists()
    assert stored_files(media_root) == []


def test_by_default_a_24_megapixel_photograph_is_kept_whole_and_nothing_larger_is_decoded(settings):
    from gallery import processing

    # 6000 × 4000 is a common camera size; 25 megapixels are 100 MB as decoded RGB(A), a quarter of what
    # the 50-megapixel upload limit would cost.
    assert settings.GALLERY_MAX_DECODED_PIXELS == 25_000_000 < settings.GALLERY_MAX_IMAGE_PIXELS
    assert processing.jpeg_reduction((6000, 4000)) == 1
    assert processing.jpeg_reduction((8660, 5774)) == 2
