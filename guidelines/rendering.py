"""Tips' explanations as sanitised HTML (remembered by hrsocial.text.render_markdown)."""

from hrsocial.text import render_markdown


def attach_body_html(tips) -> None:
    """Set `body_html` on each tip (in the active language)."""
    for tip in tips:
        tip.body_html = render_markdown(tip.display_body)
