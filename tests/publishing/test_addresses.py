"""A record's address made from a kept pattern is the address reverse() makes, whatever the language, prefix or
URLconf."""

import pytest
from django.urls import NoReverseMatch, clear_script_prefix, include, path, reverse, set_script_prefix
from django.utils import translation

from publishing.addresses import slug_address

VIEWS = ["archive:article_detail", "events:event_detail", "events:person_detail", "events:venue_detail"]


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("viewname", VIEWS)
def test_the_address_is_the_one_reverse_makes_in_each_language(viewname, language):
    with translation.override(language):
        for slug in ["a", "aghalar-atamoghlanov", "report_2026-02-26", "x" * 120]:
            assert slug_address(viewname, slug) == reverse(viewname, kwargs={"slug": slug})
        assert slug_address(viewname, "a").startswith(f"/{language}/")


def test_a_slug_that_is_not_plain_goes_through_reverse():
    with pytest.raises(NoReverseMatch):
        reverse("events:person_detail", kwargs={"slug": "агалар"})
    with pytest.raises(NoReverseMatch):
        slug_address("events:person_detail", "агалар")


def test_the_script_prefix_the_site_is_served_under_is_kept():
    plain = slug_address("events:event_detail", "vigil")
    set_script_prefix("/memorial/")
    try:
        assert slug_address("events:event_detail", "vigil") == "/memorial" + plain
    finally:
        clear_script_prefix()
    assert slug_address("events:event_detail", "vigil") == plain


def _page(request, slug):
    raise NotImplementedError


urlpatterns = [path("elsewhere/", include(([path("events/<slug:slug>/", _page, name="event_detail")], "events")))]


def test_another_urlconf_gives_its_own_addresses(settings):
    assert slug_address("events:event_detail", "vigil") == "/en/events/vigil/"
    settings.ROOT_URLCONF = __name__
    assert slug_address("events:event_detail", "vigil") == "/elsewhere/events/vigil/"
