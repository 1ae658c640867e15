"""Russian words meet their other forms through dictionary lemmas, surnames the dictionary never saw included."""

import pytest

from wordforms.russian import lemmas

SAME_LEMMA = [
    # unknown surnames in -ов and their case forms
    ("Атамогланов", "атамогланов"),
    ("Атамогланова", "атамогланов"),
    ("Атамогланову", "атамогланов"),
    ("Атамоглановым", "атамогланов"),
    ("Атамогланове", "атамогланов"),
    ("атамогланов", "атамогланов"),
    ("АТАМОГЛАНОВА", "атамогланов"),
    ("Атамоглановы", "атамогланов"),
    ("Атамоглановых", "атамогланов"),
    ("Фархадов", "фархадов"),
    ("Фархадова", "фархадов"),
    ("Фархадовым", "фархадов"),
    ("Ханкишиева", "ханкишиев"),
    ("Ханкишиеву", "ханкишиев"),
    ("Гусейнова", "гусейнов"),
    ("Гусейновым", "гусейнов"),
    ("Тамоева", "тамоев"),
    ("Касымову", "касымов"),
    ("Зейналовым", "зейналов"),
    ("Садыхова", "садыхов"),
    # -ин, -ын
    ("Кадырин", "кадырин"),
    ("Кадырина", "кадырин"),
    ("Путину", "путин"),
    ("Путиным", "путин"),
    # -ский, -цкий
    ("Жуковского", "жуковский"),
    ("Троицкого", "троицкий"),
    ("Ходжалинского", "ходжалинский"),
    # plurals with a fleeting vowel
    ("послы", "посол"),
    ("послов", "посол"),
    ("послом", "посол"),
    ("посол", "посол"),
    ("отцы", "отец"),
    ("дней", "день"),
    # ordinary words and places
    ("Казахстана", "казахстан"),
    ("Москве", "москва"),
    ("годовщине", "годовщина"),
    ("жертв", "жертва"),
    ("памяти", "память"),
    ("геноцида", "геноцид"),
    ("посольстве", "посольство"),
    ("прошла", "пройти"),
    ("Владивостока", "владивосток"),
    # ё folded into е
    ("Пётр", "петр"),
    ("Петр", "петр"),
    ("ёлки", "елка"),
    ("елки", "елка"),
    ("Ершов", "ершов"),
]


@pytest.mark.parametrize(("word", "lemma"), SAME_LEMMA, ids=[f"{w}→{lemma}" for w, lemma in SAME_LEMMA])
def test_a_word_form_has_its_dictionary_form_among_its_lemmas(word, lemma):
    assert lemma in lemmas(word)


WOMEN = [
    ("Алиевой", "алиева", "алиев"),
    ("Мамедовой", "мамедова", "мамедов"),
    ("Петровой", "петрова", "петров"),
    ("Ханкишиевой", "ханкишиева", "ханкишиев"),
    ("Атамоглановой", "атамогланова", "атамогланов"),
    ("Кадыриной", "кадырина", "кадырин"),
    ("Достоевская", "достоевская", "достоевский"),
]


@pytest.mark.parametrize(("word", "hers", "his"), WOMEN, ids=[w for w, _, _ in WOMEN])
def test_a_womans_surname_is_kept_apart_from_the_mans(word, hers, his):
    assert hers in lemmas(word) and his not in lemmas(word)


@pytest.mark.parametrize(("word", "hers", "his"), [("Алиева", "алиева", "алиев"), ("Петрова", "петрова", "петров")])
def test_a_form_that_is_his_genitive_and_her_nominative_gives_both(word, hers, his):
    assert {hers, his} <= lemmas(word)


@pytest.mark.parametrize(
    ("word", "not_a_lemma"),
    [
        ("Петров", "петр"),  # not "of the Peters"
        ("Атамогланов", "атамоглан"),  # not "of the Atamoglans"
        ("Атамогланова", "атамоглановый"),  # not a guessed short adjective
        ("Фархадова", "фархадовый"),
        ("Алиев", "алий"),
        ("послов", "послов"),  # a known plural is not taken for a surname
        ("домов", "домов"),
    ],
)
def test_readings_a_surname_rules_out_are_dropped(word, not_a_lemma):
    assert not_a_lemma not in lemmas(word)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Атамогланова", "Атамогланов"),
        ("посла", "послы"),
        ("Гусейнову", "Гусейнов"),
        ("Ходжалинской", "Ходжалинский"),
        ("годовщину", "годовщины"),
    ],
)
def test_two_forms_of_one_word_share_a_lemma(one, other):
    assert lemmas(one) & lemmas(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [("Алиевой", "Алиев"), ("посол", "посёлок"), ("Москве", "Минске"), ("послы", "послание"), ("Петрова", "Пётр")],
)
def test_different_words_share_no_lemma(one, other):
    assert not lemmas(one) & lemmas(other)


def test_an_ambiguous_word_keeps_every_reading():
    assert {"стать", "сталь"} <= lemmas("стали")


@pytest.mark.parametrize("word", ["Гусейн-заде", "Мамед-оглы"])
def test_a_hyphenated_name_is_its_own_lemma(word):
    assert word.lower() in lemmas(word)


@pytest.mark.parametrize("word", ["Атамогланова", "Пётр", "ёлки", "ПОСЛЫ", "Ходжалы"])
def test_lemmas_are_lowercase_and_without_yo(word):
    assert all(lemma == lemma.lower() and "ё" not in lemma for lemma in lemmas(word))
