"""Tips' explanations as sanitised HTML, rendered once and shared through the cache.

Rendering Markdown and sanitising it costs about a millisecond per tip, the largest part of
the overview page. The cache key is a hash of the Markdown source, so a changed text simply
gets a new key: nothing needs invalidating.
"""

import hashlib

from django.core.cache import cache
from django.utils.safestring import mark_safe

from hrsocial.text import render_markdown

CACHE_SECONDS = 24 * 60 * 60


def _key(source: str) -> str:
    return "guidelines:md:" + hashlib.sha256(source.encode()).hexdigest()[:32]


def attach_body_html(tips) -> None:
    """Set `body_html` on each tip (in the active language): one cache round trip."""
    keys = {tip.pk: _key(tip.display_body) for tip in tips if tip.display_body}
    cached = cache.get_many(set(keys.values())) if keys else {}
    missing = {}
    for tip in tips:
        key = keys.get(tip.pk)
        if key is None:
            tip.body_html = ""
        elif key in cached:
            tip.body_html = mark_safe(cached[key])  # sanitised before it was cached
        else:
            tip.body_html = missing[key] = render_markdown(tip.display_body)
    if missing:
        cache.set_many({key: str(html) for key, html in missing.items()}, CACHE_SECONDS)
