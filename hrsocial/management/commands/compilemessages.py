"""compilemessages that also works without GNU gettext.

`make run` must work on a machine with only Python and make; Django's own command needs the
`msgfmt` program. Where msgfmt is missing, the catalogues are compiled with polib instead.
"""

import shutil
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.commands import compilemessages


class Command(compilemessages.Command):
    def handle(self, **options):
        if shutil.which(self.program):
            return super().handle(**options)
        base = Path(settings.BASE_DIR)
        count = 0
        for po_path in base.glob("**/locale/*/LC_MESSAGES/*.po"):
            if ".venv" in po_path.parts or "node_modules" in po_path.parts:
                continue
            mo_path = po_path.with_suffix(".mo")
            # Up to date: left alone, as Django's own command does (a test run may be reading it).
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            count += 1
        if options["verbosity"] > 0:
            self.stdout.write(f"Compiled {count} catalogues with polib (msgfmt not found).")
