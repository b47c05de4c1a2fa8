"""Every string has its Dutch text: no empty or fuzzy entry in any catalogue."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

CATALOGUES = sorted(
    path
    for path in Path(settings.BASE_DIR).glob("**/locale/nl/LC_MESSAGES/django.po")
    if ".venv" not in path.parts
)


def test_there_is_a_dutch_catalogue_for_the_shared_ground():
    assert Path(settings.BASE_DIR, "locale/nl/LC_MESSAGES/django.po") in CATALOGUES


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: str(p.parent.parent.parent.parent))
def test_every_entry_is_translated(catalogue):
    po = polib.pofile(str(catalogue))
    missing = [e.msgid for e in po.untranslated_entries()] + [e.msgid for e in po.fuzzy_entries()]
    assert missing == [], f"{catalogue}: {len(missing)} entries without Dutch text"


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: str(p.parent.parent.parent.parent))
def test_placeholders_survive_translation(catalogue):
    """A Dutch text that drops or renames %(name)s would crash or mislead at run time."""
    import re

    placeholder = re.compile(r"%\(\w+\)[sd]|\{\w+\}")
    for entry in polib.pofile(str(catalogue)).translated_entries():
        if entry.msgid_plural:
            continue
        assert sorted(placeholder.findall(entry.msgid)) == sorted(
            placeholder.findall(entry.msgstr)
        ), entry.msgid
