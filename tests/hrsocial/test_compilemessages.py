import os

import polib
from django.core.management import call_command
from django.test import override_settings

from hrsocial.management.commands import compilemessages


def test_without_msgfmt_a_catalogue_is_compiled_once_and_then_left_alone(tmp_path, monkeypatch):
    monkeypatch.setattr(compilemessages.shutil, "which", lambda program: None)
    folder = tmp_path / "app" / "locale" / "nl" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    catalogue = polib.POFile()
    catalogue.append(polib.POEntry(msgid="Question", msgstr="Vraag"))
    catalogue.save(str(folder / "django.po"))
    with override_settings(BASE_DIR=tmp_path):
        call_command("compilemessages", verbosity=0)
        compiled = folder / "django.mo"
        assert polib.mofile(str(compiled)).find("Question").msgstr == "Vraag"
        os.utime(compiled, (1, 2_000_000_000))  # newer than the catalogue
        call_command("compilemessages", verbosity=0)
        assert compiled.stat().st_mtime == 2_000_000_000
