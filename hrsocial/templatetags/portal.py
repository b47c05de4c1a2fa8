from importlib import import_module

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


@register.filter
def can(user, predicate: str) -> bool:
    """{% if user|can:"guidelines.can_manage_tips" %}: the app's own permission predicate
    (`<app>.permissions.can_…`, taking the user), so a template offers a link or button
    exactly when the view behind it lets this user in; never `user.is_hr` in a template."""
    app_label, _dot, name = predicate.partition(".")
    if not name.startswith("can_"):
        raise template.TemplateSyntaxError(f"not a permission predicate: {predicate!r}")
    return getattr(import_module(f"{app_label}.permissions"), name)(user)
