"""Finding thousands of terms in a draft in one pass.

The terms are compiled into one regular expression shaped like a trie ("kolibrie" and
"kolonie" share "kol"), so at each position of the text the engine follows one branch
instead of trying every term. Terms match as whole words: not preceded or followed by a
letter or digit. A term's own characters are taken literally ("C++" and "A.B." are safe);
a space in a term matches any run of white space; a trailing `*` matches the rest of a word.
"""

import re
from dataclasses import dataclass, field

from guidelines.checker.text import WILDCARD

_END = ""  # trie key: a term ends here


def _escape(char: str) -> str:
    return r"\s+" if char == " " else re.escape(char)


def _trie(terms) -> dict:
    root: dict = {}
    for term in terms:
        body = term.removesuffix(WILDCARD)
        node = root
        for char in body:
            node = node.setdefault(char, {})
        node[WILDCARD if term.endswith(WILDCARD) else _END] = {}
    return root


def _pattern(node: dict) -> str:
    """The regular expression for a trie node; longer continuations are tried first, so the
    longest term wins and a shorter one is still found when the longer one does not fit."""
    alternatives = [
        _escape(char) + _pattern(child)
        for char, child in sorted(node.items())
        if char not in (_END, WILDCARD)
    ]
    if WILDCARD in node:
        alternatives.append(r"\w*")
    ends_here = _END in node and WILDCARD not in node
    if not alternatives:
        return ""
    if len(alternatives) == 1 and not ends_here:
        return alternatives[0]
    group = "(?:" + "|".join(alternatives) + ")"
    return group + "?" if ends_here else group


def _wrap(body: str) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + body + r")(?!\w)")


@dataclass
class TermMatcher:
    """Finds the terms of one list in normalised text. `terms` maps each normalised term
    (as `guidelines.checker.text.normalize_term` makes it) to what a match should carry."""

    terms: dict[str, object]
    regex: re.Pattern | None = field(init=False, default=None)
    _prefixes: list[tuple[str, str]] = field(init=False, default_factory=list)

    def __post_init__(self):
        if not self.terms:
            return
        try:
            self.regex = _wrap(_pattern(_trie(self.terms)))
        except (RecursionError, re.error, OverflowError):
            # Pathologically nested lists: a plain alternation, longest first, still works.
            ordered = sorted(self.terms, key=len, reverse=True)
            self.regex = _wrap(
                "|".join(
                    "".join(_escape(c) for c in t.removesuffix(WILDCARD))
                    + (r"\w*" if t.endswith(WILDCARD) else "")
                    for t in ordered
                )
            )
        self._prefixes = sorted(
            ((t.removesuffix(WILDCARD), t) for t in self.terms if t.endswith(WILDCARD)),
            key=lambda pair: len(pair[0]),
            reverse=True,
        )

    def find(self, folded: str):
        """Yield (start, end, payload) for each match in the normalised text."""
        if self.regex is None:
            return
        for match in self.regex.finditer(folded):
            yield match.start(), match.end(), self._payload(match.group())

    def _payload(self, matched: str):
        key = " ".join(matched.split())
        if key in self.terms:
            return self.terms[key]
        for prefix, term in self._prefixes:
            if key.startswith(prefix):
                return self.terms[term]
        return None
