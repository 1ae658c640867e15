"""CSV and JSON downloads of events and of reported figures: the whole archive, or any list the filters select.

The filters are the lists' own (events: the event list's FilterSet; figures: the figure list's), so the
"Download" links on those pages carry their query string as it is. Each record is written by the API's own
serializer, so a download holds exactly what the API would page through, and the CSV is a flattening of it.
Every file states the licence and a citation line: the JSON in its `metadata`, the CSV in its first lines
(starting with "#"; skip them, or read with a comment character). Files are streamed, a chunk of records at a
time, so the whole archive is never held in memory.
"""

import csv
import dataclasses
import io
import json

from django.conf import settings
from django.http import StreamingHttpResponse
from django.utils import timezone, translation

from events.filters import EventFilter
from publishing.public_pages import reads_query_parameters

from . import querysets
from .filters import FigureFilter
from .licence import LICENCE_NAME, LICENCE_STATEMENT, LICENCE_URL, citation
from .serializers import EventSerializer, FigureSerializer

CHUNK = 500


def _join(values):
    return " | ".join(value for value in values if value)


def _text(data, language):
    return (data or {}).get(language) or ""


def _slug(data):
    return (data or {}).get("slug", "")


def _date(data, part):
    return (data or {}).get(part) or ""


EVENT_COLUMNS = {
    "slug": lambda e: e["slug"],
    "title_en": lambda e: _text(e["title"], "en"),
    "title_ru": lambda e: _text(e["title"], "ru"),
    "not_yet_translated": lambda e: " ".join(e["title"]["not_yet_translated"]),
    "date": lambda e: e["held_on"]["edtf"],
    "date_precision": lambda e: e["held_on"]["precision"],
    "date_basis": lambda e: e["held_on"]["basis"],
    "anniversary": lambda e: e["anniversary"],
    "occasion": lambda e: e["occasion"]["slug"],
    "venue": lambda e: e["venue"]["slug"],
    "venue_name_en": lambda e: _text(e["venue"]["name"], "en"),
    "venue_name_ru": lambda e: _text(e["venue"]["name"], "ru"),
    "city_en": lambda e: _text(e["venue"]["city"], "en"),
    "country_code": lambda e: e["venue"]["country_code"],
    "page_en": lambda e: e["pages"]["en"],
    "page_ru": lambda e: e["pages"]["ru"],
    "api_url": lambda e: e["api_url"],
}

FIGURE_COLUMNS = {
    "kind": lambda f: f["kind"]["slug"],
    "kind_name_en": lambda f: _text(f["kind"]["name"], "en"),
    "unit": lambda f: f["kind"]["unit"],
    "value": lambda f: f["value"],
    "approximate": lambda f: "yes" if f["approximate"] else "no",
    "passage": lambda f: f["passage"],
    "note_en": lambda f: _text(f["note"], "en"),
    "as_of": lambda f: f["as_of"] or "",
    "stated_by": lambda f: _slug(f["stated_by"]),
    "stated_by_name_en": lambda f: _text((f["stated_by"] or {}).get("name"), "en"),
    "event": lambda f: _slug(f["event"]),
    "article": lambda f: f["article"]["slug"],
    "article_title_en": lambda f: _text(f["article"]["title"], "en"),
    "article_title_ru": lambda f: _text(f["article"]["title"], "ru"),
    "article_date": lambda f: _date(f["article"]["published_on"], "edtf"),
    "article_date_precision": lambda f: _date(f["article"]["published_on"], "precision"),
    "article_original_language": lambda f: f["article"]["original_language"],
    "outlet": lambda f: _slug(f["article"]["outlet"]),
    "outlet_name_en": lambda f: _text((f["article"]["outlet"] or {}).get("name"), "en"),
    "sources": lambda f: _join(f"{_text(s['description'], 'en')}: {s['passage']}" for s in f["sources"]),
    "article_api_url": lambda f: f["article"]["api_url"],
}


@dataclasses.dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    records: object  # a function returning the public queryset
    filterset_class: type
    serializer_class: type
    columns: dict


EVENTS = Dataset("events", "Events", querysets.events, EventFilter, EventSerializer, EVENT_COLUMNS)
FIGURES = Dataset("figures", "Reported figures", querysets.figures, FigureFilter, FigureSerializer, FIGURE_COLUMNS)


def _selected(dataset, request):
    """The public records the request's filters select (none when a value names nothing public, as on the pages)."""
    filterset = dataset.filterset_class(request.GET, queryset=dataset.records(), request=request)
    return filterset.qs if filterset.is_valid() else filterset.queryset.none()


def _records(dataset, request, queryset):
    serializer = dataset.serializer_class(context={"request": request})
    for obj in queryset.iterator(chunk_size=CHUNK):
        yield serializer.to_representation(obj)


def _metadata(dataset, request, count):
    return {
        "title": f"Commemoration Archive: {dataset.title}",
        "source": request.build_absolute_uri(),
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "count": count,
        "licence": {"name": LICENCE_NAME, "url": LICENCE_URL, "statement": str(LICENCE_STATEMENT)},
        "citation": citation(request.build_absolute_uri("/")),
    }


def _json_chunks(dataset, request, queryset, metadata):
    metadata = json.dumps(metadata, ensure_ascii=False)
    yield f'{{"metadata": {metadata}, "{dataset.name}": ['
    for number, record in enumerate(_records(dataset, request, queryset)):
        yield ("," if number else "") + "\n" + json.dumps(record, ensure_ascii=False)
    yield "\n]}\n"


def _csv_chunks(dataset, request, queryset, metadata):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write(f"# {metadata['title']}. {metadata['citation']} Source: {metadata['source']}\n")
    buffer.write(f"# {metadata['licence']['statement']} {metadata['licence']['url']}\n")
    writer.writerow(dataset.columns)
    for number, record in enumerate(_records(dataset, request, queryset), start=1):
        writer.writerow([column(record) for column in dataset.columns.values()])
        if number % 100 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


FORMATS = {
    "csv": ("text/csv; charset=utf-8", _csv_chunks),
    "json": ("application/json", _json_chunks),
}


def download_view(dataset, file_format):
    """The view sending `dataset` as `file_format`, reading the dataset's filters and nothing else."""
    content_type, chunks = FORMATS[file_format]

    @reads_query_parameters(*dataset.filterset_class.base_filters)
    def download(request):
        queryset = _selected(dataset, request)
        # The file is the same whatever language the client prefers: its statements are in English.
        with translation.override(settings.LANGUAGE_CODE):
            metadata = _metadata(dataset, request, queryset.count())
        response = StreamingHttpResponse(chunks(dataset, request, queryset, metadata), content_type=content_type)
        stamp = timezone.now().strftime("%Y%m%d")
        filename = f"commemoration-archive-{dataset.name}-{stamp}.{file_format}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    download.__doc__ = f"{dataset.title} as {file_format.upper()}, filtered as the list is."
    return download


# URL name -> view; the index and the pages' links name them.
DOWNLOADS = {
    f"{dataset.name}_{file_format}": download_view(dataset, file_format)
    for dataset in (EVENTS, FIGURES)
    for file_format in FORMATS
}
