"""One reading of a typed user name, shared by the login limit and authentication."""

import unicodedata


def normalize_username(value):
    """The user name in Unicode NFKC without surrounding whitespace.

    Django's login form and `create_user` apply NFKC too, so full-width letters and other
    compatibility forms name the same account; the limit must count them as that account. Case is
    kept, as Django looks user names up exactly. Normalising before stripping also removes the
    whitespace NFKC itself produces (U+3000, a leading U+00B4), so a second pass changes nothing.
    """
    return unicodedata.normalize("NFKC", str(value or "")).strip()
