"""Template wrappers over maps' plain functions: `{% locator_map venue %}` on venue and event pages."""

from django import template

from ..locator import locator_map as plain_locator_map

register = template.Library()


@register.inclusion_tag("maps/_locator.html")
def locator_map(venue):
    return {"locator": plain_locator_map(venue)}
