"""A text into words, each with its lemmas in its own language and its name key."""

import pytest

from wordforms.phonetic import name_key
from wordforms.tokens import AnalysedWord, analyse, words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("посла Атамогланова", ["посла", "Атамогланова"]),
        ("Ambassador Aghalar Atamoghlanov, 2025.", ["Ambassador", "Aghalar", "Atamoghlanov", "2025"]),
        ("Nagorno-Karabakh", ["Nagorno-Karabakh"]),
        ("Гусейн-заде и Мамед-оглы", ["Гусейн-заде", "и", "Мамед-оглы"]),
        ("O'Brien’s speech", ["O'Brien’s", "speech"]),
        ("26 февраля 1992-го", ["26", "февраля", "1992-го"]),
        ("Xocalı — Ходжалы", ["Xocalı", "Ходжалы"]),
        ("word - word", ["word", "word"]),
        ("snake_case", ["snake", "case"]),
        ("'quoted'", ["quoted"]),
        ("Гусеи\u0306нов", ["Гусейнов"]),
        ("", []),
    ],
)
def test_words_are_letters_and_digits_with_inner_hyphens_and_apostrophes(text, expected):
    assert words(text) == expected


def test_each_word_is_analysed_in_its_language():
    [ambassador, surname, english] = analyse("посла Атамогланова ambassadors")
    assert ambassador == AnalysedWord("посла", frozenset({"посол"}), name_key("посла"))
    assert "атамогланов" in surname.lemmas and surname.key == name_key("Атамогланова")
    assert english.surface == "ambassadors" and english.lemmas == {"ambassador"}


@pytest.mark.parametrize(
    ("text", "lemma"),
    [("послов", "посол"), ("Атамогланову", "атамогланов"), ("embassies", "embassi"), ("Xocalı", "xocalı")],
)
def test_cyrillic_words_go_to_russian_and_latin_ones_to_english(text, lemma):
    [word] = analyse(text)
    assert lemma in word.lemmas


def test_a_hyphenated_word_also_has_the_lemmas_of_its_parts():
    [word] = analyse("Nagorno-Karabakh")
    assert {"karabakh", "nagorno"} <= word.lemmas


@pytest.mark.parametrize("spelling", ["Khojaly", "Khodjaly", "Xocalı", "Ходжалы"])
def test_every_word_carries_its_name_key(spelling):
    [word] = analyse(spelling)
    assert word.key == "kojali"


def test_the_name_key_of_a_russian_lemma_meets_the_latin_spelling():
    [word] = analyse("Атамогланову")
    assert name_key("Atamoghlanov") in {name_key(lemma) for lemma in word.lemmas}
