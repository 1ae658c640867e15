"""The hand-built fixtures: they load idempotently, in both languages, and every fact is traceable."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import CommandError
from modeltranslation.translator import translator

from archive.models import AnniversaryMention, Article, ReportedFigure, SourceCitation
from events.models import Event, EventOrganizer, EventReport, Mention, Participation, Person, ProgrammeItem

pytestmark = pytest.mark.django_db

DOCUMENTS = Path(__file__).resolve().parents[2] / "fixtures" / "documents"
FIXTURE_FILES = [
    "01_occasions",
    "02_organizations",
    "03_people",
    "04_venues",
    "05_figure_kinds",
    "06_articles",
    "07_events",
    "08_figures",
    "09_named_in",
]


def snapshot():
    """Every row of the archive's own models, serialised, in a stable order."""
    rows = {}
    for app_label in ("archive", "events"):
        for model in apps.get_app_config(app_label).get_models():
            rows[model._meta.label] = serializers.serialize("json", model.objects.order_by("pk"))
    return rows


def test_loading_the_archive_twice_leaves_the_database_unchanged(archive, capsys):
    before = snapshot()
    call_command("load_archive")
    assert snapshot() == before
    assert "0 records created" in capsys.readouterr().out


def test_plain_loaddata_is_idempotent_too(db):
    call_command("loaddata", *FIXTURE_FILES, verbosity=0)
    before = snapshot()
    call_command("loaddata", *FIXTURE_FILES, verbosity=0)
    assert snapshot() == before
    assert Article.objects.count() == 5


def test_load_archive_reports_counts(db, capsys):
    call_command("load_archive")
    out = capsys.readouterr().out
    assert "articles: 5 created" in out
    assert "events: 6 created" in out
    assert "people: 14 created" in out
    assert "organizations: 18 created" in out
    assert "named in reports: 27 created" in out
    assert "reported figures: 44 created" in out


def test_load_archive_says_nothing_at_verbosity_zero(db, capsys):
    call_command("load_archive", verbosity=0)
    assert capsys.readouterr().out == ""
    assert Article.objects.count() == 5


def test_a_broken_fixture_file_is_named_and_nothing_is_written(db, tmp_path):
    for name in FIXTURE_FILES[:2]:
        (tmp_path / f"{name}.json").write_text((DOCUMENTS.parent / f"{name}.json").read_text(encoding="utf-8"))
    (tmp_path / "03_people.json").write_text('[{"model": "events.person", "fields": {"slug": ', encoding="utf-8")
    with pytest.raises(CommandError, match=r"03_people\.json"):
        call_command("load_archive", dir=str(tmp_path))
    assert not apps.get_model("events", "Organization").objects.exists()


def test_an_empty_fixture_folder_is_refused_with_its_path(db, tmp_path):
    with pytest.raises(CommandError, match=re.escape(str(tmp_path))):
        call_command("load_archive", dir=str(tmp_path))


def test_every_translated_field_is_filled_in_both_languages(archive):
    checked = set()
    registered = set()
    for model in translator.get_registered_models():
        if model._meta.app_label not in ("archive", "events"):
            continue
        registered.add(model._meta.label)
        fields = translator.get_options_for_model(model).fields
        for obj in model.objects.all():
            for name in fields:
                en, ru = getattr(obj, f"{name}_en"), getattr(obj, f"{name}_ru")
                required = not model._meta.get_field(name).blank
                label = f"{model._meta.label} {obj.pk} {name}"
                assert bool(en) == bool(ru), f"{label}: only one language is filled"
                if required:
                    assert en and ru, f"{label}: required in both languages"
                checked.add(model._meta.label)
    assert checked == registered, "every model with translated fields has fixture rows"


def test_the_russian_text_of_an_english_article_is_not_the_english_text(archive):
    for article in Article.objects.all():
        assert article.lead_en != article.lead_ru
        assert article.body_en != article.body_ru
        assert re.search("[а-яё]", article.body_ru, re.IGNORECASE)
        assert not re.search("[а-яё]{4,}", article.body_en, re.IGNORECASE), article.slug


# -- the original text is the document, verbatim, minus page furniture --------------------------

FURNITURE = [
    re.compile(r"^date \d{4}-\d{2}-\d{2}( \+ ↺ − 16 px)?\s*"),  # the page's date line and font-size widget
    re.compile(r"^You Might Also Like$"),
    re.compile(r"^News\.Az$"),  # a trailing outlet name
    re.compile(r"^Внешняя политика$"),  # the section label above a Report headline
    re.compile(r"^• .*$"),  # Report's date and time bullets
]


def sentences(text):
    return [s.strip() for s in re.split(r"(?<=[.!?»”])\s+", text) if s.strip()]


def raw_paragraph_lines(raw):
    """The raw document's lines with indentation and page furniture removed."""
    lines = []
    for line in raw.splitlines():
        line = line.strip()
        for pattern in FURNITURE:
            line = pattern.sub("", line).strip()
        if line:
            lines.append(line)
    return lines


def test_every_sentence_of_the_original_occurs_in_the_raw_document(archive):
    for article in Article.objects.all():
        raw = (DOCUMENTS / article.source_filename).read_text(encoding="utf-8")
        for sentence in sentences(article.original_text) + sentences(article.original_title):
            assert sentence in raw, f"{article.slug}: not in the raw document: {sentence!r}"


def test_no_sentence_of_the_raw_document_was_dropped(archive):
    for article in Article.objects.all():
        raw = (DOCUMENTS / article.source_filename).read_text(encoding="utf-8")
        kept = article.original_title + "\n" + article.original_text
        for line in raw_paragraph_lines(raw):
            for sentence in sentences(line):
                assert sentence in kept, f"{article.slug}: dropped from the original: {sentence!r}"


def test_page_furniture_is_not_part_of_the_original(archive):
    for article in Article.objects.all():
        text = article.original_text
        assert "16 px" not in text and "You Might Also Like" not in text
        assert not text.endswith("News.Az")
        assert all(line == line.strip() for line in text.splitlines()), "indentation kept"


def test_the_original_language_version_is_the_original_text_paragraph_for_paragraph(archive):
    for article in Article.objects.all():
        lang = article.original_language
        lead, body = getattr(article, f"lead_{lang}"), getattr(article, f"body_{lang}")
        assert f"{lead}\n\n{body}" == article.original_text
        assert article.is_translation_in("ru" if lang == "en" else "en")
        assert not article.is_translation_in(lang)


def test_each_article_records_the_checksum_of_its_raw_document(archive):
    import hashlib

    for article in Article.objects.all():
        digest = hashlib.sha256((DOCUMENTS / article.source_filename).read_bytes()).hexdigest()
        assert article.source_sha256 == digest


def test_articles_without_a_headline_say_the_title_is_the_archives(archive):
    supplied = set(Article.objects.filter(title_supplied=True).values_list("original_title", flat=True))
    assert supplied == {""}
    for article in Article.objects.exclude(title_supplied=True):
        assert article.original_title
        assert getattr(article, f"title_{article.original_language}") == article.original_title


# -- one real person is one record ---------------------------------------------------------------


def test_the_ambassador_in_the_english_and_russian_reports_is_one_person(archive):
    ambassador = Person.objects.get(name_en="Aghalar Atamoghlanov")
    assert ambassador.name_ru == "Агалар Атамогланов"
    languages = {p.article.original_language for p in ambassador.participations.select_related("article")}
    assert languages == {"en", "ru"}
    assert Person.objects.filter(name_ru__contains="Атамогланов").count() == 1
    assert ambassador.participations.values("event__venue").distinct().count() == 1
    assert ambassador.participations.values("event").distinct().count() == 2


def test_no_two_people_or_organizations_share_a_name_or_spelling(archive):
    for model in (Person, apps.get_model("events", "Organization")):
        seen = {}
        for obj in model.objects.all():
            names = {obj.name_en, obj.name_ru, *obj.name_variants.splitlines(), *obj.other_spellings.splitlines()}
            for name in {n.strip().casefold() for n in names if n.strip()}:
                assert name not in seen, f"{model.__name__}: {name!r} names both {seen[name]} and {obj.slug}"
                seen[name] = obj.slug


# -- every fact is traceable to an article and a passage ---------------------------------------


def assert_passage_in_article(passage, article, what):
    text = article.original_title + "\n" + article.original_text
    assert passage and passage in text, f"{what}: passage not found verbatim in {article.slug}: {passage!r}"


def test_every_event_is_reported_by_an_article_with_a_passage(archive):
    assert Event.objects.count() == 6
    for event in Event.objects.all():
        reports = list(event.reports.select_related("article"))
        assert reports, f"{event.slug} has no reporting article"
        for report in reports:
            assert_passage_in_article(report.passage, report.article, event.slug)


def test_every_participation_programme_item_and_organizer_comes_from_a_reporting_article(archive):
    for model in (Participation, ProgrammeItem, EventOrganizer):
        rows = list(model.objects.select_related("article", "event"))
        assert rows
        for row in rows:
            assert row.article in row.event.articles.all(), (
                f"{model.__name__} {row.pk}: article does not report the event"
            )
            assert_passage_in_article(row.passage, row.article, f"{model.__name__} {row.pk}")


def test_every_figure_citation_and_mention_quotes_its_article(archive):
    for model in (ReportedFigure, SourceCitation, AnniversaryMention, Mention):
        for row in model.objects.select_related("article"):
            assert_passage_in_article(row.passage, row.article, f"{model.__name__} {row.pk}")
    for figure in ReportedFigure.objects.exclude(event=None).select_related("article", "event"):
        assert figure.article in figure.event.articles.all()


def test_disagreeing_reports_are_all_kept(archive):
    countries = ReportedFigure.objects.filter(kind__slug="countries-resolutions").order_by("value")
    assert [f.value for f in countries] == [17, 18, 20]
    assert len({f.article_id for f in countries}) == 3
    us_states = sorted(
        ReportedFigure.objects.filter(kind__slug="us-states-resolutions").values_list("value", flat=True)
    )
    assert us_states == [24, 24, 26]


def test_the_figure_hedged_with_some_is_marked_approximate(archive):
    hostages = ReportedFigure.objects.get(
        article__slug="undated-azerbaijan-marks-32nd-anniversary", kind__slug="taken-captive"
    )
    assert hostages.approximate and hostages.passage.startswith("some 1,275")
    assert ReportedFigure.objects.filter(approximate=True).count() == 1


# -- dates and anniversaries -------------------------------------------------------------------


def test_anniversary_numbers_stated_by_reports_agree_with_event_dates(archive):
    reports = list(EventReport.objects.select_related("event__occasion"))
    assert len(reports) == 6
    for report in reports:
        assert report.stated_anniversary == report.event.anniversary, report
        assert report.anniversary_agrees


def test_undated_document_records_its_inferred_year_and_the_contradiction(archive):
    article = Article.objects.get(source_filename="004_36ffe1ae2a3c1afa.txt")
    assert article.published_on.year == 2024
    assert (article.published_on_precision, article.published_on_basis) == ("year", "inferred")
    assert "Twenty-two years" in article.published_on_note_en
    assert "2014" in article.published_on_note_en and "2014" in article.published_on_note_ru
    [conflict] = article.date_conflicts
    assert conflict.kind == AnniversaryMention.Kind.YEARS_ELAPSED
    assert (conflict.number, conflict.implied_year) == (22, 2014)


def test_every_other_article_dates_itself_consistently(archive):
    for article in Article.objects.exclude(source_filename="004_36ffe1ae2a3c1afa.txt"):
        assert article.date_conflicts == [], article.slug
        assert article.anniversary_mentions.exists()
        assert (article.published_on_precision, article.published_on_basis) == ("day", "stated")


def test_event_dates_not_given_by_reports_are_marked_inferred_with_a_reason(archive):
    for event in Event.objects.all():
        assert event.held_on_precision == "year" and event.held_on_basis == "inferred"
        assert "on or before" in event.held_on_note_en
        assert "не позднее" in event.held_on_note_ru
        event.full_clean()


def test_two_events_at_the_embassy_in_kazakhstan_share_one_venue(archive):
    events = Event.objects.filter(venue__slug="embassy-of-azerbaijan-in-kazakhstan").order_by("held_on")
    assert [e.anniversary for e in events] == [33, 34]
    assert Event.objects.filter(reports__article__slug="trend-2025-03-04-russian-regions").count() == 3


def test_the_44_day_war_length_is_kept_as_text_not_as_a_figure(archive):
    """Decided in docs/named-in.md ("The 44-day war"): a duration in the name of another war, not a figure."""
    from importing.importer.figures import find_figures

    article = Article.objects.get(source_filename="002_203792c8ef24aec9.txt")
    assert "the 44-day Second Karabakh War in 2020" in article.original_text
    assert not article.figures.filter(value=44).exists()
    assert not [f for f in find_figures(article.original_text) if f.value == 44]
