"""The project's one Russian-to-Latin table: slugs and name keys both read Russian through it."""

import pytest

from wordforms.transliteration import transliterate


@pytest.mark.parametrize(
    ("russian", "latin"),
    [("Щёкино", "shchyokino"), ("Хачатурян", "khachaturyan"), ("Ходжалы", "khodzhaly"), ("Подъезд", "podezd")],
)
def test_russian_is_spelt_the_way_passports_spell_it(russian, latin):
    assert transliterate(russian).lower() == latin


def test_everything_that_is_not_cyrillic_is_left_as_it_is():
    assert transliterate("Xocalı 1992 — Ходжалы") == "Xocalı 1992 — khodzhaly"
