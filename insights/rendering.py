"""The dashboard's sections as HTML, rendered once per selection and language and cached with
the figures (five minutes, forgotten by every nightly build and by any change of the
departments' headcounts, which decide what is suppressed). What is cached is the output of
`insights.privacy.publish` only: the same for HR and for whoever opens a shared dashboard."""

import hashlib
from urllib.parse import urlencode

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from hrsocial.caching import CachedValue
from insights import figures
from insights.privacy import publish


def export_query(selection: figures.Selection) -> str:
    """The selection as the export link's query (normalised: what was shown, not what was
    asked)."""
    return urlencode({
        "start": selection.start.isoformat(), "end": selection.end.isoformat(),
        "granularity": selection.granularity, "department": selection.department or "",
    })  # fmt: skip


def _render(selection: figures.Selection, language: str, exports: bool, _departments: str):
    with translation.override(language):
        return render_to_string("insights/partials/sections.html", {
            "dashboard": publish(figures.dashboard(selection)),
            "export_query": export_query(selection) if exports else None,
        })  # fmt: skip


SECTIONS_HTML = CachedValue(
    "insights:sections-html",
    _render,
    timeout=figures.CACHE_SECONDS,
    generation=figures.FIGURES,
    key_parts=lambda selection, language, exports, departments: [
        *selection.parts(), language, int(exports), departments,
    ],
)  # fmt: skip


def sections_html(selection: figures.Selection, *, exports: bool) -> str:
    """The published sections of `selection`, with export links (HR) or without (a shared
    dashboard, the printable report)."""
    departments = hashlib.sha256(repr(figures.departments()).encode()).hexdigest()[:16]
    language = translation.get_language() or "nl"
    return mark_safe(SECTIONS_HTML.get(selection, language, exports, departments))
