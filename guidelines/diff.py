"""What changed between two versions of a tip, word by word, as readable HTML.

Removed words are struck through and added words underlined (`<del>` and `<ins>`), and each
change is also announced in words for screen readers, so the difference never rests on colour.
"""

import re
from difflib import SequenceMatcher

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hrsocial.i18n import localized

TOKENS = re.compile(r"\s+|\w+|[^\w\s]")

FIELDS = (
    ("title", gettext_lazy("Title")),
    ("tip", gettext_lazy("Tip")),
    ("body", gettext_lazy("Explanation")),
    ("do_examples", gettext_lazy("Do")),
    ("dont_examples", gettext_lazy("Rather not")),
)


def word_diff(old: str, new: str) -> SafeString:
    before, after = TOKENS.findall(old or ""), TOKENS.findall(new or "")
    removed, added = escape(_("removed:")), escape(_("added:"))
    parts = []
    matcher = SequenceMatcher(a=before, b=after, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            parts.append(escape("".join(before[i1:i2])))
            continue
        if operation in ("delete", "replace"):
            parts.append(
                f'<del><span class="visually-hidden">[{removed} </span>'
                f'{escape("".join(before[i1:i2]))}<span class="visually-hidden">]</span></del>'
            )
        if operation in ("insert", "replace"):
            parts.append(
                f'<ins><span class="visually-hidden">[{added} </span>'
                f'{escape("".join(after[j1:j2]))}<span class="visually-hidden">]</span></ins>'
            )
    return mark_safe("".join(parts))


def versions_diff(old, new) -> list[dict]:
    """Per field of the tip (in the reader's language): its label, whether it changed, and
    the marked-up difference."""
    rows = []
    for field, label in FIELDS:
        before, after = localized(old, field), localized(new, field)
        rows.append(
            {
                "label": label,
                "changed": before != after,
                "html": word_diff(before, after),
                "multiline": field in ("body", "do_examples", "dont_examples"),
            }
        )
    return rows
