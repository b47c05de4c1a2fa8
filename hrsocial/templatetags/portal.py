from django import template

from hrsocial.text import render_markdown

register = template.Library()


@register.filter
def markdown(text):
    """{{ tip.body|markdown }}: Markdown rendered and sanitised (see hrsocial.text)."""
    return render_markdown(text)


@register.filter
def attr_text(obj, name):
    """The text of an attribute named in data (a search source's snippet field)."""
    value = getattr(obj, name, "")
    return "" if value is None else str(value)
