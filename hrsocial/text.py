"""User-written text: Markdown rendered to HTML, then sanitised.

Anything people type (tips, news, questions, replies) may contain HTML or script. Markdown
passes raw HTML through, so its output is always cleaned by nh3 with a short allow-list;
links get rel="noopener noreferrer nofollow".
"""

import re

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


def render_markdown(text: str | None) -> SafeString:
    """Markdown to safe HTML; headings start at h2 because the page owns its h1."""
    if not text:
        return mark_safe("")
    html = markdown_lib.markdown(text, extensions=MARKDOWN_EXTENSIONS, output_format="html")
    html = re.sub(r"<(/?)h1\b", r"<\1h2", html)
    return mark_safe(sanitise_html(html))
