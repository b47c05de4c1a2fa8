"""Answers that may already exist, while someone types their question's subject.

A subject is a whole sentence ("Mag ik twitteren over het zonnepark van een klant?"); requiring
every word would find nothing. So the significant words are searched with OR: on PostgreSQL one
full-text query ("twitteren or zonnepark or klant", best matches first), on SQLite a plain
match of any word.
"""

import re
from functools import reduce
from operator import or_

from django.db.models import Q

from helpdesk.models import FaqEntry
from helpdesk.models.faq import FaqEntryQuerySet
from hrsocial.search import clean_query, is_postgresql, search, search_source

MIN_WORD = 4
MAX_WORDS = 6
LIMIT = 3
# Frequent words of four letters or more that say nothing about the topic (Dutch and English).
STOP_WORDS = {
    "over", "voor", "mijn", "onze", "deze", "die", "wat", "waar", "wanneer", "hoe", "kan", "mag",
    "moet", "wil", "graag", "heeft", "hebben", "zijn", "worden", "wordt", "niet", "ook", "maar",
    "meer", "even", "iets", "welke", "with", "about", "what", "when", "where", "that", "this",
    "from", "have", "should", "could", "would", "your", "there",
}  # fmt: skip


def significant_words(subject: str) -> list[str]:
    words = re.findall(r"\w+", clean_query(subject).lower())
    chosen = []
    for word in words:
        if len(word) >= MIN_WORD and word not in STOP_WORDS and word not in chosen:
            chosen.append(word)
    return chosen[:MAX_WORDS]


def faq_suggestions(subject: str) -> list:
    words = significant_words(subject)
    if not words:
        return []
    entries = FaqEntry.objects.published().select_related("category")
    fields = FaqEntryQuerySet.SEARCH_FIELDS
    if is_postgresql():
        return list(search(entries, " or ".join(words), fields)[:LIMIT])
    matches = reduce(or_, (Q(**{f"{f}__icontains": w}) for w in words for f in fields))
    return list(entries.filter(matches).order_by("-updated_at")[:LIMIT])


def guideline_suggestions(user, subject: str) -> list:
    """Tips from the guidelines app, through its registered search source."""
    words = significant_words(subject)
    if not words:
        return []
    if is_postgresql():
        return search_source("guidelines", user, " or ".join(words), limit=LIMIT)
    found = {}
    for word in words:
        for tip in search_source("guidelines", user, word, limit=LIMIT):
            found.setdefault(tip.pk, tip)
    return list(found.values())[:LIMIT]
