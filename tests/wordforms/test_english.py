"""English words meet their other forms through Snowball stems and the common irregular forms."""

import pytest

from wordforms.english import lemmas

SAME_WORD = [
    ("ambassadors", "ambassador"),
    ("Ambassador", "ambassador"),
    ("embassies", "embassy"),
    ("commemorated", "commemoration"),
    ("commemorating", "commemorate"),
    ("victims", "victim"),
    ("anniversaries", "anniversary"),
    ("films", "film"),
    ("documentaries", "documentary"),
    ("women", "woman"),
    ("men", "man"),
    ("children", "child"),
    ("people", "person"),
    ("lives", "life"),
    ("held", "hold"),
    ("met", "meet"),
    ("spoke", "speak"),
    ("laid", "lay"),
    ("Aliyev's", "Aliyev"),
    ("Aliyev’s", "Aliyev"),
    ("countries'", "country"),
    ("KHOJALY", "Khojaly"),
]


@pytest.mark.parametrize(("one", "other"), SAME_WORD, ids=[f"{a}={b}" for a, b in SAME_WORD])
def test_forms_of_one_word_share_a_lemma(one, other):
    assert lemmas(one) & lemmas(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [("embassy", "ambassador"), ("women", "men"), ("victim", "victory"), ("film", "firm"), ("Aliyev", "Aliyeva")],
)
def test_different_words_share_no_lemma(one, other):
    assert not lemmas(one) & lemmas(other)


def test_an_irregular_form_keeps_its_own_stem_too():
    assert lemmas("women") == {"women", "woman"}


@pytest.mark.parametrize("word", ["Ambassadors", "HELD", "O'Brien"])
def test_lemmas_are_lowercase(word):
    assert all(lemma == lemma.lower() for lemma in lemmas(word))
