"""{% heatmap_rows heat_map %}: the body of a heat map, rendered in Python.

A team of 200 across 12 competencies has 2,400 cells; rendered cell by cell through the
template engine that costs most of a second, in Python a few milliseconds. The markup is the
same a template would write: a row header per person and, per cell, a symbol, the levels and
a spoken description, so colour never carries the meaning alone. No queries here: the heat
map arrives complete (competencies.gaps.heat_map).
"""

from django import template
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

register = template.Library()

PLACEHOLDER = 987654321


def _url(name):
    """reverse() once, then fill in each person's id: the same URL, without 400 lookups."""
    pattern = reverse(name, args=[PLACEHOLDER])
    return lambda pk: pattern.replace(str(PLACEHOLDER), str(pk))


CELL = (
    '<td class="cm-{0}"><span class="cm-cell-symbol" aria-hidden="true">{1}</span>'
    '<span class="cm-cell-levels" aria-hidden="true">{2} / {3}</span>'
    '<span class="visually-hidden">{4}</span></td>'
)


def _cells(cells, rendered: dict) -> str:
    """The cells of one row. A cell depends only on (required, assessed), so each distinct
    pair is rendered once per heat map: at most 25 of them, however many people."""
    parts = []
    for cell in cells:
        key = (cell.required, cell.assessed)
        if key not in rendered:
            rendered[key] = CELL.format(
                cell.state,
                cell.symbol,
                cell.assessed or "–",
                cell.required or "–",
                escape(cell.description),
            )
        parts.append(rendered[key])
    return "".join(parts)


@register.simple_tag
def heatmap_rows(heat_map):
    profile_url = _url("competencies:profile")
    gaps_url = _url("competencies:gaps")
    rows, rendered = [], {}
    for row in heat_map.rows:
        person = row.person
        role = (
            format_html('<span class="d-block small fw-normal">{}</span>', person.job_role)
            if person.job_role_id
            else ""
        )
        cells = mark_safe(_cells(row.cells, rendered))
        unknown = row.unknown
        not_assessed = (
            format_html(
                '<span class="d-block small">{}</span>',
                ngettext("%(count)s not assessed", "%(count)s not assessed", unknown)
                % {"count": unknown},
            )
            if unknown
            else ""
        )
        rows.append(
            format_html(
                '<tr><th scope="row"><a href="{}">{}</a>{}</th>{}'
                '<td class="text-center"><a href="{}">{}<span class="visually-hidden"> – {}'
                "</span></a>{}</td></tr>",
                profile_url(person.pk),
                person.full_name,
                role,
                cells,
                gaps_url(person.pk),
                row.total_gap,
                gettext("gaps of %(name)s") % {"name": person.full_name},
                not_assessed,
            )
        )
    return mark_safe("\n".join(rows))
