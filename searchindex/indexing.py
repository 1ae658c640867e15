"""Keeping the index in step with the records: `reindex` for the records a save touched, `rebuild` for all.

Both write inside the caller's transaction, so an import or an edit and its index rows commit or roll back
together. Deleted records lose their entries; words for suggestions are only ever added (a suggestion is offered
only when it finds public records, `matching.suggest`, so a word no longer in any record does no harm).
"""

from django.db import transaction

from . import analysis, documents
from .models import Entry, IndexState, Word

# Bump when what is indexed or how words become tokens changes: `migrate` then rebuilds the index.
VERSION = 2
BATCH = 500


def _entry(document):
    names = set()
    for text in document.names:
        names |= analysis.text_tokens(text, names=True)
    terms = set(names)
    for text in document.texts:
        terms |= analysis.text_tokens(text)
    return Entry(
        kind=document.kind,
        object_id=document.object_id,
        article_id=document.article_id,
        event_id=document.event_id,
        part=document.part,
        year=document.year,
        original_language=document.original_language or "",
        sort_date=document.sort_date,
        names=analysis.as_text(names),
        terms=analysis.as_text(terms),
        text_en="\n\n".join(filter(None, document.text_en)),
        text_ru="\n\n".join(filter(None, document.text_ru)),
        text_original="\n\n".join(filter(None, document.text_original)),
    )


def _words(documents_):
    found = set()
    for document in documents_:
        for text in document.names + document.texts:
            found |= analysis.suggestible_words(text)
    return found


def _write(kind, records, replace):
    entries, words = [], set()
    for record in records:
        record_documents = documents.documents(kind, record)
        entries += [_entry(document) for document in record_documents]
        words |= _words(record_documents)
    if replace:
        Entry.objects.filter(kind=kind, object_id__in=[record.pk for record in records]).delete()
    Entry.objects.bulk_create(entries, batch_size=BATCH)
    Word.objects.bulk_create([Word(word=word) for word in sorted(words)], batch_size=BATCH, ignore_conflicts=True)


def reindex(kind, ids):
    """Index the records of `kind` with these primary keys again (those that no longer exist lose their entries)."""
    ids = sorted(set(ids))
    if not ids:
        return
    with transaction.atomic():
        records = list(documents.prefetch(kind).filter(pk__in=ids))
        Entry.objects.filter(kind=kind, object_id__in=ids).delete()
        _write(kind, records, replace=False)


def rebuild(progress=None):
    """Index every record again from scratch, in batches, in one transaction; `progress(kind, count)` is told."""
    with transaction.atomic():
        Entry.objects.all().delete()
        for kind in documents.KINDS:
            queryset = documents.prefetch(kind)
            count = 0
            last = 0
            while batch := list(queryset.filter(pk__gt=last)[:BATCH]):
                _write(kind, batch, replace=False)
                count += len(batch)
                last = batch[-1].pk
            if progress:
                progress(kind, count)
        IndexState.objects.update_or_create(pk=1, defaults={"version": VERSION})


def is_current():
    return IndexState.objects.filter(pk=1, version=VERSION).exists()
