"""From a file's bytes to its text: UTF-8, UTF-16 with a byte-order mark, or windows-1251; binaries refused."""

import re

from django.utils.translation import gettext as _

from .limits import MAX_DOCUMENT_BYTES, DocumentError

BINARY_SIGNATURES = {
    b"%PDF": "a PDF",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive or office document",
    b"\x7fELF": "a program",
}
# Characters that a windows-1251 Russian text decodes to; anything else means the bytes were not windows-1251.
CP1251_PLAUSIBLE = re.compile(r"[А-Яа-яЁё«»—–№…“”„‘’\u00a0•]")
NON_ASCII = re.compile(r"[^\x00-\x7f]")
LETTER_RUN = re.compile(r"[^\W\d_]+")
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
LATIN = re.compile(r"[A-Za-z]")


def decode_document(raw):
    """The text of a document's bytes: UTF-8, UTF-16 with a byte-order mark, or windows-1251."""
    if not raw.strip():
        raise DocumentError(_("the file is empty"))
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise DocumentError(
            _("the file is %(size)s bytes, over the limit of %(limit)s bytes for one document; is it a news text?")
            % {"size": len(raw), "limit": MAX_DOCUMENT_BYTES}
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as error:
            raise DocumentError(_("the file starts as UTF-16 but its bytes are damaged: %s") % error) from error
        return _checked_text(text.replace("\r\n", "\n"))
    for signature, what in BINARY_SIGNATURES.items():
        if raw.startswith(signature):
            raise DocumentError(_("the file is %s, not a text") % what)
    if b"\x00" in raw:
        raise DocumentError(_("the file is binary (it contains NUL bytes), not a text"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        text = _decode_windows_1251(raw, error)
    return _checked_text(text.replace("\r\n", "\n").replace("\r", "\n"))


def _decode_windows_1251(raw, utf8_error):
    try:
        text = raw.decode("windows-1251")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        foreign = NON_ASCII.findall(text)
        plausible = sum(1 for c in foreign if CP1251_PLAUSIBLE.match(c))
        if foreign and plausible / len(foreign) >= 0.95:
            _refuse_latin_read_as_cyrillic(text)
            return text
    raise DocumentError(
        _(
            "byte %(offset)s cannot be decoded: the file is neither UTF-8, UTF-16 with a byte-order mark, nor "
            "windows-1251; save it as UTF-8 and import it again"
        )
        % {"offset": utf8_error.start}
    )


def _refuse_latin_read_as_cyrillic(text):
    """Refuse a text whose windows-1251 reading is not Russian: Latin-1 accented letters read as Cyrillic ones.

    Every byte from 0xC0 up is a Cyrillic letter in windows-1251 and an accented Latin letter in Latin-1, so a
    Western European text reads as Latin words with Cyrillic letters inside ("Cafй", "Zьrich"). Russian words are
    Cyrillic throughout; a Latin name beside them is a word of its own. The file is refused rather than decoded as
    Latin-1: Latin-1 cannot be told from the other single-byte Western and Central European code pages, a wrong
    guess would garble the verbatim text again, and saving the file as UTF-8 settles it.
    """
    cyrillic_words = mixed = 0
    example = ""
    for word in LETTER_RUN.findall(text):
        if CYRILLIC.search(word):
            cyrillic_words += 1
            if LATIN.search(word):
                mixed += 1
                example = example or word
    if mixed and mixed * 10 >= cyrillic_words:
        raise DocumentError(
            _(
                "the file is not UTF-8, and read as Russian (windows-1251) its words mix Latin and Cyrillic letters "
                "(“%(word)s”): it looks like a Western European text in Latin-1; save it as UTF-8 and import it again"
            )
            % {"word": example[:40]}
        )


def _checked_text(text):
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\t\f")
    if controls > max(3, len(text) // 100):
        raise DocumentError(_("the file is binary (it is full of control characters), not a text"))
    if not text.strip():
        raise DocumentError(_("the file is empty"))
    return text
