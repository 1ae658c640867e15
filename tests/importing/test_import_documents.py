"""Importing saved news pages: dates in every form, both languages, furniture, sources, suggestions and bad input."""

import datetime
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from archive.models import AnniversaryMention, Article, SourceCitation, SourceRevision
from events.models import Organization, Person
from importing.importer import MAX_DOCUMENT_BYTES
from importing.models import ImportSuggestion
from tests.factories import make_occasion

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
DOCUMENTS = FIXTURES / "documents"
REFERENCE_FIXTURES = ["01_occasions", "02_organizations", "03_people", "04_venues", "05_figure_kinds"]

EN_BODY = (
    "The embassy held a ceremony to mark the 33rd anniversary of the Khojaly genocide.\n\n"
    "Ambassador Aghalar Atamoghlanov spoke about the 613 victims of the Khojaly tragedy."
)
RU_BODY = (
    "В посольстве прошла церемония, приуроченная к 34-й годовщине Ходжалинского геноцида.\n\n"
    "Посол Агалар Атамогланов рассказал о 613 жертвах Ходжалинской трагедии."
)


@pytest.fixture
def reference(db):
    """Occasions, organizations, people, venues and kinds of figure, but no articles."""
    call_command("loaddata", *REFERENCE_FIXTURES, verbosity=0)


def run(*paths, **options):
    options.setdefault("no_progress", True)
    call_command("import_documents", *[str(p) for p in paths], **options)


def write(folder, name, content):
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def imported(tmp_path, content, name="doc.txt"):
    run(write(tmp_path, name, content))
    return Article.objects.get(source_filename=name)


# -- the seed documents -----------------------------------------------------------------------------------


def test_the_five_seed_documents_import_as_the_hand_built_fixtures_have_them(reference):
    run(DOCUMENTS)
    rows = json.loads((FIXTURES / "06_articles.json").read_text(encoding="utf-8"))
    expected = {r["fields"]["source_filename"]: r["fields"] for r in rows if r["model"] == "archive.article"}
    slugs = {f["slug"]: name for name, f in expected.items()}
    citations = {}
    for row in rows:
        if row["model"] == "archive.sourcecitation":
            f = row["fields"]
            org = f["organization"][0] if f["organization"] else None
            citations.setdefault(slugs[f["article"][0]], []).append((f["relation"], org, f["passage"]))
    mentions = {}
    for row in rows:
        if row["model"] == "archive.anniversarymention":
            f = row["fields"]
            mentions.setdefault(slugs[f["article"][0]], set()).add((f["kind"], f["number"]))

    assert Article.objects.count() == 5
    for name, fixture in expected.items():
        article = Article.objects.get(source_filename=name)
        for field in [
            "original_language",
            "original_title",
            "original_text",
            "source_sha256",
            "dateline",
            "section",
            "published_on_precision",
            "published_on_basis",
            "title_supplied",
        ]:
            assert getattr(article, field) == fixture[field], f"{name}: {field}"
        assert str(article.published_on) == fixture["published_on"], name
        time = article.published_time.isoformat() if article.published_time else None
        assert time == fixture["published_time"], name
        assert (article.outlet.slug if article.outlet else None) == (fixture["outlet"] or [None])[0], name
        got = [
            (c.relation, c.organization.slug if c.organization else None, c.passage) for c in article.citations.all()
        ]
        assert got == citations[name], name
        assert {(m.kind, m.number) for m in article.anniversary_mentions.all()} == mentions[name], name
        assert article.status == "draft"
        lang = article.original_language
        assert f"{getattr(article, f'lead_{lang}')}\n\n{getattr(article, f'body_{lang}')}" == article.original_text
        other = "ru" if lang == "en" else "en"
        assert not getattr(article, f"lead_{other}") and not getattr(article, f"body_{other}")
        if article.title_supplied:  # the fixtures' titles of headline-less pages were written by the archive
            assert getattr(article, f"title_{lang}") and fixture["title_supplied"]
        else:
            assert getattr(article, f"title_{lang}") == fixture[f"title_{lang}"] == article.original_title


def test_a_page_without_a_headline_gets_its_opening_sentence_as_a_supplied_title(reference):
    run(DOCUMENTS / "001_0a9b5e6424622cee.txt")
    article = Article.objects.get()
    assert article.title_supplied and article.original_title == ""
    assert article.title_en.startswith("Commemorative events dedicated to the 33rd anniversary")
    assert "BAKU" not in article.title_en


def test_the_undated_seed_document_infers_its_year_and_flags_the_contradiction(reference, capsys):
    run(DOCUMENTS / "004_36ffe1ae2a3c1afa.txt")
    article = Article.objects.get()
    assert (article.published_on, article.published_on_precision) == (datetime.date(2024, 1, 1), "year")
    assert article.published_on_basis == "inferred"
    assert "32" in article.published_on_note_en and "Twenty-two years" in article.published_on_note_en
    assert (
        article.published_on_note_ru.startswith("На странице нет даты.")
        and "Противоречие" in article.published_on_note_ru
    )
    assert "anniversary number" not in article.published_on_note_ru
    [conflict] = article.date_conflicts
    assert (conflict.kind, conflict.number, conflict.implied_year) == ("years_elapsed", 22, 2014)
    assert "contradiction" in capsys.readouterr().out
    article.full_clean(exclude=["title_ru", "lead_ru", "body_ru", "title", "lead", "body"])


def test_suggestions_name_existing_records_across_languages_and_never_create_any(reference):
    people_before = Person.objects.count()
    run(DOCUMENTS / "000_1b1bc390bcf16a8c.txt", DOCUMENTS / "003_a61001275cb23151.txt")
    ambassador = Person.objects.get(slug="aghalar-atamoghlanov")
    suggested = ImportSuggestion.objects.filter(person=ambassador)
    assert {s.article.original_language for s in suggested} == {"en", "ru"}
    assert {s.text for s in suggested} == {"Aghalar Atamoghlanov", "Агалар Атамогланов"}
    assert all(s.decision == "pending" and s.passage in s.article.original_text for s in suggested)
    assert Person.objects.count() == people_before
    unknown = set(ImportSuggestion.objects.filter(kind="person", person=None).values_list("text", flat=True))
    assert not unknown & {"Ambassador Atamoghlanov", "Aghalar Atamoghlanov", "Агалар Атамогланов"}
    # The people the reports only name have records now: they are suggested as named in, linked to them.
    named = {(s.text, s.person.slug) for s in ImportSuggestion.objects.filter(kind="named_in").exclude(person=None)}
    assert {
        ("Leyla Aliyeva", "leyla-aliyeva"),
        ("Ilham Aliyev", "ilham-aliyev"),
        ("Мехрибан Алиевой", "mehriban-aliyeva"),
    } <= named
    assert not unknown & {text for text, _slug in named}
    figure = ImportSuggestion.objects.get(kind="figure", article__source_filename__startswith="000", value=1275)
    assert figure.figure_kind.slug == "taken-captive" and figure.passage.startswith("1,275 individuals")


def test_a_russian_name_in_another_case_and_spelling_is_matched(reference, tmp_path):
    text = "Посол в Казахстане\n\nВыступление Агалара Атамогланова было посвящено памяти жертв.\n\nДругой абзац."
    article = imported(tmp_path, text)
    [suggestion] = article.suggestions.filter(kind="named_in")
    assert suggestion.person.slug == "aghalar-atamoghlanov" and suggestion.text == "Агалара Атамогланова"


@pytest.mark.parametrize("spelling", ["Ağalar Atamoğlanov", "Aghalar Atamoglanov", "Agalar Atamoghlanov"])
def test_a_name_in_the_azerbaijani_alphabet_or_another_transliteration_is_matched(reference, tmp_path, spelling):
    text = f"Embassy in Kazakhstan\n\nAmbassador {spelling} spoke at the memorial evening.\n\nAnother paragraph."
    article = imported(tmp_path, text)
    [suggestion] = article.suggestions.filter(kind="named_in")
    assert suggestion.person.slug == "aghalar-atamoghlanov" and suggestion.text == spelling


def test_a_spelling_the_archive_added_finds_its_record_in_a_new_document(reference, tmp_path):
    """No report writes "Дружба", so it is kept in other_spellings; the importer still reads it to suggest one."""
    text = "Память жертв\n\nВо Владивостоке организация Дружба провела вечер памяти.\n\nДругой абзац."
    article = imported(tmp_path, text)
    # A known organization a new report names is suggested as named in it (it may yet be found to take part).
    [suggestion] = article.suggestions.filter(kind__in=["organization", "named_in"])
    assert suggestion.organization.slug == "friendship-vladivostok" and suggestion.text == "Дружба"


def test_the_hedged_figure_is_suggested_as_approximate(reference):
    run(DOCUMENTS / "004_36ffe1ae2a3c1afa.txt")
    hostages = ImportSuggestion.objects.get(kind="figure", value=1275)
    assert hostages.approximate and hostages.passage.startswith("some 1,275")
    damage = ImportSuggestion.objects.get(kind="figure", figure_kind__slug="property-damage")
    assert damage.value == 170_000_000


# -- every date form --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "date", "time"),
    [
        ("date 2025-02-26", datetime.date(2025, 2, 26), None),
        ("date 2025-02-26 + ↺ − 16 px", datetime.date(2025, 2, 26), None),
        ("27/02/2015", datetime.date(2015, 2, 27), None),
        ("02:21 27.02.2020", datetime.date(2020, 2, 27), datetime.time(2, 21)),
        ("26 февраля, 2026 • 20:49", datetime.date(2026, 2, 26), datetime.time(20, 49)),
        ("• 26 февраля, 2026\n• 13:41", datetime.date(2026, 2, 26), datetime.time(13, 41)),
        ("February 26, 2024", datetime.date(2024, 2, 26), None),
    ],
)
def test_a_printed_date_is_stated_to_the_day(reference, tmp_path, header, date, time):
    article = imported(tmp_path, f"{header}\nHeadline of the report here\n\n{EN_BODY}")
    assert (article.published_on, article.published_time) == (date, time)
    assert (article.published_on_precision, article.published_on_basis) == ("day", "stated")
    assert header.splitlines()[0].strip("• ") not in article.original_text
    assert article.original_title == "Headline of the report here"


def test_a_dateline_without_a_year_takes_the_year_of_the_anniversary(reference, tmp_path):
    article = imported(tmp_path, f"BAKU, Azerbaijan, March 4. {EN_BODY}")
    assert article.dateline == "BAKU, Azerbaijan, March 4"
    assert article.published_on == datetime.date(2025, 3, 4)
    assert (article.published_on_precision, article.published_on_basis) == ("day", "inferred")
    assert "33rd anniversary" in article.published_on_note_en
    assert article.original_text.startswith("BAKU, Azerbaijan, March 4.")


def test_a_russian_dateline_without_a_year_is_read_too(reference, tmp_path):
    article = imported(tmp_path, f"Баку, 26 февраля. {RU_BODY}")
    assert article.original_language == "ru"
    assert article.dateline == "Баку, 26 февраля"
    assert article.published_on == datetime.date(2026, 2, 26)
    assert article.published_on_basis == "inferred"


def test_a_dateline_is_resolved_against_the_date_printed_on_the_page(reference, tmp_path):
    article = imported(tmp_path, f"date 2025-03-04 BAKU, Azerbaijan, March 4. {EN_BODY}")
    assert (article.published_on, article.published_on_basis) == (datetime.date(2025, 3, 4), "stated")


def test_without_any_date_the_year_comes_from_a_russian_anniversary_number(reference, tmp_path):
    article = imported(tmp_path, f"Заголовок сообщения о памяти\n\n{RU_BODY}")
    assert (article.published_on, article.published_on_precision) == (datetime.date(2026, 1, 1), "year")
    assert article.published_on_basis == "inferred" and "34-й годовщине" in article.published_on_note_ru
    assert article.anniversary_mentions.get().number == 34


def test_a_stated_date_that_contradicts_the_anniversary_is_flagged(reference, tmp_path):
    article = imported(tmp_path, f"date 2019-02-26\n\n{EN_BODY}")
    assert article.published_on == datetime.date(2019, 2, 26)
    [conflict] = article.date_conflicts
    assert conflict.number == 33 and "2025" in article.published_on_note_en


def test_a_page_with_no_date_and_no_anniversary_is_imported_undated_with_a_note(reference, tmp_path, capsys):
    article = imported(tmp_path, "A headline about a library\n\nThe library opened a reading room.\n\nIt is big.")
    assert article.published_on is None
    assert "editor must set the date" in article.published_on_note_en
    assert "no date" in capsys.readouterr().out


# -- page furniture -------------------------------------------------------------------------------------


def test_page_furniture_is_removed_and_the_rest_kept_verbatim(reference, tmp_path):
    content = (
        "    Внешняя политика\n    • 26 февраля, 2026\n    • 13:41\n    Заголовок о памяти жертв\n\n"
        f"    {RU_BODY.replace(chr(10) * 2, chr(10) * 2 + '    ')}\n\nЗаголовок о памяти жертв\n\n"
        "back news prev news\n\nReport\n\nИз этой рубрики\n\nДругая новость\n\nЕщё одна"
    )
    article = imported(tmp_path, content)
    assert article.original_text == RU_BODY
    assert article.section == "Внешняя политика"
    assert article.outlet.slug == "report"
    assert "Report" in article.outlet_note_en


def test_you_might_also_like_and_the_font_widget_are_not_part_of_the_text(reference, tmp_path):
    content = f"date 2025-02-26 + ↺ − 16 px\n\n{EN_BODY}\n\nNews.Az\n\n\nYou Might Also Like\n\nOther story"
    article = imported(tmp_path, content)
    assert article.original_text == EN_BODY
    assert article.outlet.slug == "news-az"


# -- idempotence, revisions and the dry run ----------------------------------------------------------------


def test_importing_the_same_documents_again_changes_nothing_and_says_so(reference, capsys):
    run(DOCUMENTS)
    before = list(Article.objects.order_by("pk").values())
    capsys.readouterr()
    run(DOCUMENTS)
    assert list(Article.objects.order_by("pk").values()) == before
    assert "0 imported, 0 changed (kept as revisions), 5 unchanged, 0 failed" in capsys.readouterr().out


def test_a_changed_text_of_an_imported_document_is_kept_as_a_revision(reference, tmp_path, capsys):
    first = imported(tmp_path, f"date 2025-02-26\n\n{EN_BODY}", name="same.txt")
    run(write(tmp_path, "same.txt", f"date 2025-02-26\n\n{EN_BODY}\n\nA correction was added."))
    assert Article.objects.count() == 1
    revision = SourceRevision.objects.get()
    assert revision.article == first and revision.original_text.endswith("A correction was added.")
    assert "1 changed" in capsys.readouterr().out
    first.refresh_from_db()
    assert "correction" not in first.original_text


def test_different_pages_under_the_same_file_name_in_two_folders_are_two_articles_not_revisions(
    reference, tmp_path, capsys
):
    (tmp_path / "2024").mkdir()
    (tmp_path / "2025").mkdir()
    write(tmp_path / "2024", "index.txt", (DOCUMENTS / "000_1b1bc390bcf16a8c.txt").read_bytes())
    write(tmp_path / "2025", "index.txt", (DOCUMENTS / "003_a61001275cb23151.txt").read_bytes())
    run(tmp_path)
    assert Article.objects.filter(source_filename="index.txt").count() == 2
    assert not SourceRevision.objects.exists()
    out = capsys.readouterr().out
    assert "2 imported, 0 changed" in out
    assert "another document was imported under the same name “index.txt”" in out


def test_a_revision_is_filed_with_the_page_it_revises_when_two_pages_share_its_name(reference, tmp_path):
    run(write(tmp_path, "index.txt", f"date 2025-02-26\n\n{EN_BODY}"))
    run(write(tmp_path, "index.txt", f"date 2025-02-27\n\n{RU_BODY}"))
    run(write(tmp_path, "index.txt", f"date 2025-02-27\n\n{RU_BODY}\n\nДобавлено уточнение."))
    revision = SourceRevision.objects.get()
    assert revision.article.original_language == "ru" and revision.original_text.endswith("Добавлено уточнение.")


def test_the_dry_run_reports_what_would_be_created_and_writes_nothing(reference, capsys):
    run(DOCUMENTS, dry_run=True)
    out = capsys.readouterr().out
    assert out.count("would import") == 5 and "Dry run" in out
    run(DOCUMENTS / "004_36ffe1ae2a3c1afa.txt", dry_run=True, verbosity=2)
    assert "removed as page furniture: You Might Also Like" in capsys.readouterr().out
    assert not Article.objects.exists() and not ImportSuggestion.objects.exists()


# -- bad input --------------------------------------------------------------------------------------------


def test_other_encodings_are_decoded(reference, tmp_path):
    text = f"Заголовок о памяти жертв\n\n{RU_BODY}"
    cp1251 = imported(tmp_path, text.encode("windows-1251"), name="cp1251.txt")
    utf16 = imported(tmp_path, text.encode("utf-16"), name="utf16.txt")
    assert cp1251.original_text == utf16.original_text == RU_BODY


@pytest.mark.parametrize(
    "text",
    [
        "Café owners in Zürich remember the victims\n\nThe café on the Münsterhof held a soirée; José Ibáñez spoke.",
        "Une cérémonie à Genève\n\nLes élèves ont déposé des fleurs devant l’écran, à côté du théâtre.",
    ],
)
def test_a_latin_1_text_is_refused_rather_than_imported_as_garbled_russian(reference, tmp_path, capsys, text):
    bad = write(tmp_path, "latin1.txt", text.encode("latin-1", errors="replace"))
    with pytest.raises(CommandError, match="1 file"):
        run(bad)
    err = capsys.readouterr().err
    assert f"FAILED {bad}" in err and "Latin-1" in err and "save it as UTF-8" in err
    assert not Article.objects.exists()


def test_a_russian_windows_1251_text_with_latin_names_is_still_decoded(reference, tmp_path):
    text = f"Память жертв почтили в Астане\n\n{RU_BODY} Об этом сообщает News.Az со ссылкой на Azertac."
    article = imported(tmp_path, text.encode("windows-1251"), name="cp1251-latin.txt")
    assert article.original_text.endswith("со ссылкой на Azertac.")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (b"   \n\n  ", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "a PNG image"),
        (b"Title here\n\nText \x00\x01\x02 with NULs in it.", "binary"),
        ("Заголовок\n\nТекст".encode() + b" \x81\x8d\x8f\x90\x98 bytes", "cannot be decoded"),
        (b"x" * (MAX_DOCUMENT_BYTES + 1), "over the limit"),
        (b"12 345\n\n67", "no recognisable title"),
        ("date 2025-02-26 + ↺ − 16 px\n\nYou Might Also Like\n\nOther".encode(), "no text once page furniture"),
    ],
)
def test_bad_input_is_refused_naming_the_file_and_the_others_are_imported(reference, tmp_path, capsys, content, reason):
    bad = write(tmp_path, "bad.txt", content)
    good = write(tmp_path, "good.txt", f"date 2025-02-26\n\n{EN_BODY}")
    with pytest.raises(CommandError, match="1 file"):
        run(bad, good)
    err = capsys.readouterr().err
    assert f"FAILED {bad}" in err and reason in err
    assert list(Article.objects.values_list("source_filename", flat=True)) == ["good.txt"]


def test_unreadable_paths_are_reported(reference, tmp_path, capsys):
    (tmp_path / "broken.txt").symlink_to(tmp_path / "gone.txt")
    with pytest.raises(CommandError) as failure:
        run(tmp_path / "missing.txt", tmp_path)
    assert failure.value.returncode == 1
    err = capsys.readouterr().err
    assert "missing.txt: cannot read: No such file" in err and "broken.txt: cannot read" in err


def test_a_failure_part_way_through_a_file_leaves_no_trace_of_it(reference, monkeypatch, capsys):
    calls = []

    def explode_on_the_first_file(objs):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("disk full")
        return original(objs)

    original = ImportSuggestion.objects.bulk_create
    monkeypatch.setattr(ImportSuggestion.objects, "bulk_create", explode_on_the_first_file)
    with pytest.raises(CommandError, match="1 file"):
        run(DOCUMENTS / "000_1b1bc390bcf16a8c.txt", DOCUMENTS / "003_a61001275cb23151.txt")
    err = capsys.readouterr().err
    assert "000_1b1bc390bcf16a8c.txt: unexpected error" in err and "disk full" in err
    article = Article.objects.get()
    assert article.source_filename == "003_a61001275cb23151.txt"
    assert SourceCitation.objects.get().article == article
    assert {m.article for m in AnniversaryMention.objects.all()} == {article}


def test_without_occasions_or_organizations_a_document_still_imports(db, tmp_path):
    article = imported(tmp_path, f"date 2025-02-26\n\n{EN_BODY}")
    assert article.outlet is None and not article.anniversary_mentions.exists()
    assert not Organization.objects.exists()


def test_a_second_occasion_is_told_apart_by_its_place(reference, tmp_path):
    make_occasion(slug="other", place_en="Elsewhere", place_ru="Где-то", began_on=datetime.date(2000, 1, 1))
    article = imported(tmp_path, f"date 2025-02-26\n\n{EN_BODY}")
    assert {m.occasion.slug for m in article.anniversary_mentions.all()} == {"khojaly-1992"}


def test_a_dateline_without_a_year_or_anniversary_takes_the_year_of_the_latest_date_in_the_text(reference, tmp_path):
    text = (
        "Баку, 26 февраля. Посол выступил в библиотеке.\n\n"
        "Он напомнил, что 15 октября 2023 года был поднят флаг, а 20 февраля 2025 года открыт музей."
    )
    article = imported(tmp_path, text)
    assert article.published_on == datetime.date(2025, 2, 26)
    assert article.published_on_basis == "inferred" and "2025-02-20" in article.published_on_note_en


def test_a_dateline_with_its_year_is_stated(reference, tmp_path):
    article = imported(tmp_path, f"BAKU, Azerbaijan, March 4, 2025. {EN_BODY}")
    assert (article.published_on, article.published_on_basis) == (datetime.date(2025, 3, 4), "stated")
    assert article.dateline == "BAKU, Azerbaijan, March 4, 2025"


def test_windows_line_endings_are_read_as_lines(reference, tmp_path):
    article = imported(tmp_path, f"27/02/2015\r\nA headline for the page\r\n\r\n{EN_BODY}".replace("\n\n", "\r\n\r\n"))
    assert article.original_text == EN_BODY and article.original_title == "A headline for the page"


def test_folders_are_read_recursively_and_hidden_files_are_skipped(reference, tmp_path):
    (tmp_path / "inbox" / "2025").mkdir(parents=True)
    (tmp_path / "inbox" / ".git").mkdir()
    write(tmp_path / "inbox" / "2025", "a.txt", f"date 2025-02-26\n\n{EN_BODY}")
    write(tmp_path / "inbox" / ".git", "config", "not a document")
    write(tmp_path / "inbox", ".DS_Store", b"\x00\x01")
    run(tmp_path / "inbox")
    assert list(Article.objects.values_list("source_filename", flat=True)) == ["a.txt"]


def test_a_headline_directly_above_the_text_is_told_from_a_hard_wrapped_paragraph(reference, tmp_path):
    headed = imported(tmp_path, f"Ceremony at the embassy\n{EN_BODY}", name="headed.txt")
    assert headed.original_title == "Ceremony at the embassy" and headed.original_text == EN_BODY
    wrapped_text = "The embassy held a ceremony to mark the\n33rd anniversary of the Khojaly genocide.\n\nMore text."
    wrapped = imported(tmp_path, wrapped_text, name="wrapped.txt")
    assert wrapped.original_title == "" and wrapped.original_text == wrapped_text
