"""Normalising text for matching: lower case, no accents (`Café` and `cafe` are one word).

Matching happens on the normalised text, highlighting on the original; `normalize_text`
therefore also returns, for each normalised character, the index of the character it came
from. Most text keeps its length (é → e), so the map is usually the identity and costs nothing.
"""

import unicodedata
from functools import lru_cache

from django.utils.translation import gettext as _

WILDCARD = "*"
MIN_TERM_LENGTH = 2
MIN_WILDCARD_PREFIX = 3


@lru_cache(maxsize=4096)
def _fold(char: str) -> str:
    """One character without accents, in lower case ("É" → "e", "ß" → "ss", "ﬁ" → "fi")."""
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def normalize_text(text: str) -> tuple[str, list[int] | None]:
    """The text folded for matching, and a map from its indexes to those of `text` (None when
    every character folds to exactly one: the indexes are then the same)."""
    if text.isascii():
        return text.lower(), None
    folded = {char: _fold(char) for char in set(text)}
    if all(len(f) == 1 for f in folded.values()):
        return text.translate({ord(c): f for c, f in folded.items()}), None
    pieces, index_map = [], []
    for index, char in enumerate(text):
        piece = folded[char]
        pieces.append(piece)
        index_map.extend([index] * len(piece))
    return "".join(pieces), index_map


def original_span(index_map: list[int] | None, start: int, end: int) -> tuple[int, int]:
    """The span in the original text of the normalised span [start, end)."""
    if index_map is None:
        return start, end
    return index_map[start], index_map[end - 1] + 1


def normalize_term(term: str) -> str:
    """A term as the matcher stores it: folded, with single spaces."""
    folded, _map = normalize_text(" ".join(term.split()))
    return folded


def term_problem(term: str) -> str | None:
    """Why `term` cannot be a term, in words for HR; None when it can."""
    term = " ".join((term or "").split())
    body = term.removesuffix(WILDCARD)
    if not term:
        return _("Enter a word or phrase.")
    if len(term) > 200:
        return _("A term can be at most 200 characters.")
    if WILDCARD in body:
        return _("A * can only stand at the end of a term.")
    if len(body) < MIN_TERM_LENGTH or not any(char.isalnum() for char in body):
        return _("A term needs at least two characters, one of them a letter or digit.")
    if term.endswith(WILDCARD) and len(body) < MIN_WILDCARD_PREFIX:
        return _("Put at least three characters before a *.")
    return None
