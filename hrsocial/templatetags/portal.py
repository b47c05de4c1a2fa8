from django import template
from django.utils.http import urlencode

from hrsocial.text import render_markdown

register = template.Library()


@register.filter
def markdown(text):
    """{{ tip.body|markdown }}: Markdown rendered and sanitised (see hrsocial.text)."""
    return render_markdown(text)


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters changed: pagination that keeps filters."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + urlencode(sorted(params.lists()), doseq=True) if params else "?"


@register.filter
def attr_text(obj, name):
    """The text of an attribute named in data (a search source's snippet field)."""
    value = getattr(obj, name, "")
    return "" if value is None else str(value)
