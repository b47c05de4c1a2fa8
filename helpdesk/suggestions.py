"""Answers that may already exist, while someone types their question's subject.

A subject is a whole sentence ("Mag ik twitteren over het zonnepark van een klant?"); requiring
every word would find nothing. So it goes in two steps:

1. The database finds candidates that share any significant word with the subject: on
   PostgreSQL one full-text query ("twitteren or zonnepark or klant", Dutch word forms) plus
   trigram similarity on the titles (typos); on SQLite a plain match of any word.
2. `relevance` ranks the candidates the same way on both databases: a title that is the
   subject itself comes first (someone who types an FAQ's exact question must see that
   entry), then titles that share more of the subject's words (also as word forms and
   near-typos), then answers that do. Weak matches are left out (`MIN_SCORE`, and below
   `RELATIVE_CUT_OFF` of the best one), so a good set of suggestions may be longer than a
   poor one.
"""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import reduce
from operator import or_

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db.models import Q

from helpdesk.models import FaqEntry
from helpdesk.models.faq import FaqEntryQuerySet
from hrsocial.search import SEARCH_CONFIG, clean_query, is_postgresql, search_source

MIN_WORD = 4
MAX_WORDS = 6
FAQ_LIMIT = 6
TIP_LIMIT = 4
CANDIDATES = 60  # ranked in Python; the FAQ is small, and a few dozen rows are cheap
# Scores are between 0 and 10 for words, plus a bonus for a title the subject matches.
WORDS_MAX = 10.0
EXACT_TITLE = 100.0
TITLE_BEGINS = 50.0
TITLE_WEIGHT, TEXT_WEIGHT = 3.0, 1.0
MIN_SCORE = 1.0
RELATIVE_CUT_OFF = 0.3
# Frequent words of four letters or more that say nothing about the topic (Dutch and English).
STOP_WORDS = {
    "over", "voor", "mijn", "onze", "deze", "die", "wat", "waar", "wanneer", "hoe", "kan", "mag",
    "moet", "wil", "graag", "heeft", "hebben", "zijn", "worden", "wordt", "niet", "ook", "maar",
    "meer", "even", "iets", "welke", "with", "about", "what", "when", "where", "that", "this",
    "from", "have", "should", "could", "would", "your", "there",
}  # fmt: skip


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", (text or "").lower())


def _normal(text: str) -> str:
    """Lower case, words only: "Mag ik over een klant twitteren?" == "mag ik over een klant
    twitteren"."""
    return " ".join(_words(text))


def significant_words(subject: str) -> list[str]:
    chosen = []
    for word in _words(clean_query(subject)):
        if len(word) >= MIN_WORD and word not in STOP_WORDS and word not in chosen:
            chosen.append(word)
    return chosen[:MAX_WORDS]


def _word_match(word: str, others: set[str]) -> float:
    """1 for the word itself, 0.8 for a word form ("klant", "klanten"), 0.6 for a near-typo
    ("twiteren"), else 0."""
    if word in others:
        return 1.0
    best = 0.0
    for other in others:
        shorter, longer = sorted((word, other), key=len)
        stem = shorter[: max(MIN_WORD, len(shorter) - 2)]
        if len(shorter) >= MIN_WORD and longer.startswith(stem):
            best = max(best, 0.8)
        elif len(other) >= MIN_WORD and SequenceMatcher(None, word, other).ratio() >= 0.8:
            best = max(best, 0.6)
    return best


@dataclass(frozen=True)
class Texts:
    titles: tuple[str, ...]
    body: str = ""


def relevance(subject: str, texts: Texts) -> float:
    """How well a record with these titles (Dutch, English) and body answers the subject."""
    typed = _normal(clean_query(subject))
    titles = [_normal(t) for t in texts.titles if t]
    score = 0.0
    if typed and typed in titles:
        score = EXACT_TITLE
    elif len(typed) >= 8 and any(t.startswith(typed) for t in titles):
        score = TITLE_BEGINS  # typing the title, not finished yet
    words = significant_words(subject)
    if not words:
        return score
    title_words = {w for t in titles for w in t.split()}
    body_words = set(_words(texts.body))
    found = sum(
        TITLE_WEIGHT * _word_match(w, title_words) + TEXT_WEIGHT * _word_match(w, body_words)
        for w in words
    )
    return score + WORDS_MAX * found / ((TITLE_WEIGHT + TEXT_WEIGHT) * len(words))


def best(scored: list[tuple[float, object]], limit: int) -> list:
    """The best records, strongest first, without the weak ones."""
    scored = sorted(
        ((score, obj) for score, obj in scored if score >= MIN_SCORE), key=lambda s: -s[0]
    )
    if not scored:
        return []
    # Relative to the best words score: an exact title does not push every other good
    # suggestion out.
    top = min(scored[0][0], WORDS_MAX)
    return [obj for score, obj in scored if score >= top * RELATIVE_CUT_OFF][:limit]


def _faq_candidates(subject: str, words: list[str]):
    entries = FaqEntry.objects.published().select_related("category")
    fields = FaqEntryQuerySet.SEARCH_FIELDS
    typed = clean_query(subject).strip(" ?!.")
    # A title typed in full (or being typed) is a candidate even if all its words are common.
    exact = Q(title__istartswith=typed) | Q(title_en__istartswith=typed)
    if len(typed) < 8:
        exact = Q(pk__in=[])
    if is_postgresql():
        query = SearchQuery(" or ".join(words), config=SEARCH_CONFIG, search_type="websearch")
        entries = entries.annotate(suggest_document=SearchVector(*fields, config=SEARCH_CONFIG))
        typos = reduce(or_, (Q(title__trigram_word_similar=w) for w in words))
        matches = Q(suggest_document=query) | typos
    else:
        matches = reduce(or_, (Q(**{f"{f}__icontains": w}) for w in words for f in fields))
    return entries.filter(matches | exact).order_by("-updated_at", "-pk")[:CANDIDATES]


def faq_suggestions(subject: str) -> list:
    words = significant_words(subject)
    if not words and len(clean_query(subject)) < 8:
        return []
    scored = [
        (relevance(subject, Texts((e.title, e.title_en), f"{e.answer} {e.answer_en}")), e)
        for e in _faq_candidates(subject, words or [clean_query(subject)])
    ]
    return best(scored, FAQ_LIMIT)


def guideline_suggestions(user, subject: str) -> list:
    """Tips from the guidelines app, through its registered search source. Only their titles
    are known here; a tip the search found by its text alone still counts a little."""
    words = significant_words(subject)
    if not words:
        return []
    found = {}
    queries = [" or ".join(words)] if is_postgresql() else words
    for query in queries:
        for tip in search_source("guidelines", user, query, limit=CANDIDATES // 4):
            found.setdefault(tip.pk, tip)
    scored = [(MIN_SCORE + relevance(subject, Texts((str(tip),))), tip) for tip in found.values()]
    return best(scored, TIP_LIMIT)
