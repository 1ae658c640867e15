"""The world map of where commemorations were held."""

from django.shortcuts import render

from events.models import Event
from publishing.public_pages import reads_query_parameters

from . import basemap, markup
from .filters import MapFilter
from .places import map_content


@reads_query_parameters(*MapFilter.base_filters)
def world_map(request):
    """Every public venue with published events, on the world, sized by their number; the same as a table beside it.

    An unknown occasion or year shows the form's message and an empty map, as the event list does.
    """
    filterset = MapFilter(request.GET or None, queryset=Event.objects.published(), request=request)
    events = Event.objects.none() if filterset.is_bound and not filterset.is_valid() else filterset.qs
    content = map_content(events)
    chosen = filterset.form.cleaned_data if filterset.is_bound and filterset.is_valid() else {}
    event_filters = "".join(
        f"&{name}={getattr(value, 'slug', value)}" for name, value in chosen.items() if value not in (None, "")
    )
    context = {
        "filter": filterset,
        "content": content,
        "view_box": " ".join(str(v) for v in basemap.WORLD_VIEW_BOX),
        "land": basemap.world_path(),
        "points": markup.points(content.places),
        "rows": markup.table_rows(content, event_filters),
        "filtered": bool(event_filters),
    }
    return render(request, "maps/map.html", context)
