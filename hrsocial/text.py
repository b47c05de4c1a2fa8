"""User-written text: Markdown rendered to HTML, then sanitised.

Anything people type (tips, news, questions, replies) may contain HTML or script. Markdown
passes raw HTML through, so its output is always cleaned by nh3 with a short allow-list;
links get rel="noopener noreferrer nofollow".

Rendering costs about a millisecond a text, and texts are read far more often than written:
each process remembers the HTML of the texts it rendered last, by the text itself, so a
changed text is simply a new entry and nothing needs forgetting. This is the one Markdown
cache; call `render_markdown` (or `{{ text|markdown }}`) and cache nothing of your own.
"""

import re
import threading
from functools import lru_cache

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "b", "i", "del", "ul", "ol", "li", "blockquote",
    "code", "pre", "h2", "h3", "h4", "a", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}}
MARKDOWN_EXTENSIONS = ["extra", "sane_lists", "nl2br"]


def sanitise_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


_local = threading.local()


def _converter() -> markdown_lib.Markdown:
    """One converter per thread: building one (loading its extensions) costs more than
    converting a tip, and a converter must not be shared between threads."""
    if not hasattr(_local, "converter"):
        _local.converter = markdown_lib.Markdown(
            extensions=MARKDOWN_EXTENSIONS, output_format="html"
        )
    return _local.converter


def render_markdown(text: str | None) -> SafeString:
    """Markdown to safe HTML; headings start at h2 because the page owns its h1."""
    return _render(text) if text else mark_safe("")


@lru_cache(maxsize=4096)
def _render(text: str) -> SafeString:
    html = _converter().reset().convert(text)
    html = re.sub(r"<(/?)h1\b", r"<\1h2", html)
    return mark_safe(sanitise_html(html))
