"""Publishing is refused while an attached image lacks alt text in English or Russian."""

import pytest
from django.utils import translation

from gallery.checks import publication_problems
from gallery.models import ArticleImage, EventImage
from tests.factories import make_article, make_event, make_image

pytestmark = pytest.mark.django_db


def test_an_event_whose_images_all_have_alt_text_in_both_languages_has_no_problems():
    event = make_event()
    EventImage.objects.create(event=event, image=make_image(), position=1)
    assert publication_problems(event) == []


def test_an_event_image_without_russian_alt_text_is_named_with_the_missing_language():
    event = make_event()
    EventImage.objects.create(event=event, image=make_image(caption_en="Wreath at the embassy", alt_text_ru=""))
    with translation.override("en"):
        problems = publication_problems(event)
    assert problems == [
        "The image “Wreath at the embassy” has no alt text in Russian. Describe what it shows in the image "
        "library (Photographs and documents › Images), then publish again."
    ]


def test_an_image_missing_both_alt_texts_gives_one_message_per_language():
    event = make_event()
    EventImage.objects.create(event=event, image=make_image(alt_text_en="  ", alt_text_ru=""))
    with translation.override("en"):
        problems = publication_problems(event)
    assert len(problems) == 2
    assert "in English" in problems[0]
    assert "in Russian" in problems[1]


def test_an_article_image_without_english_alt_text_is_a_problem_in_the_editors_language():
    article = make_article()
    ArticleImage.objects.create(article=article, image=make_image(caption_ru="Венок", alt_text_en=""))
    with translation.override("ru"):
        problems = publication_problems(article)
    assert len(problems) == 1
    assert "«Венок»" in problems[0] or "“Венок”" in problems[0]
    assert "английском" in problems[0]


def test_only_the_content_s_own_images_are_checked():
    event = make_event()
    other = make_event()
    EventImage.objects.create(event=other, image=make_image(alt_text_ru=""))
    EventImage.objects.create(event=event, image=make_image())
    assert publication_problems(event) == []
    assert len(publication_problems(other)) == 1
    assert publication_problems(make_article()) == []


def test_the_workflow_refuses_to_publish_an_event_whose_image_lacks_russian_alt_text(django_user_model):
    from publishing.workflow import TransitionRefused, apply_transition

    editor = django_user_model.objects.create_superuser("gallery-editor", "g@example.org", "pw-for-tests-only")
    event = make_event(status="in_review")
    link = EventImage.objects.create(event=event, image=make_image(alt_text_ru=""), position=1)
    with pytest.raises(TransitionRefused, match="alt text in Russian"):
        apply_transition(event, "publish", editor)
    event.refresh_from_db()
    assert event.status == "in_review"
    link.image.alt_text_ru = "Венок у посольства"
    link.image.save()
    apply_transition(event, "publish", editor)
    event.refresh_from_db()
    assert event.status == "published"
