"""makemessages with one Dutch catalogue per app.

Strings from an app's code, its templates (templates/<app>/) and its e-mails
(templates/emails/<app>_*) go to <app>/locale/;
everything else (hrsocial/, base.html, e-mails, allauth overrides) goes to locale/. Django
loads every installed app's locale/ by itself. With `--app guidelines` only that app's
catalogue is rebuilt, so people working on different apps never rewrite each other's file.

    python manage.py makemessages -l nl --no-obsolete [--app guidelines]
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.commands import makemessages

ROOT = "(root)"


def own_apps() -> list[str]:
    """Our apps: the installed apps that live in this repository (not hrsocial itself)."""
    base = Path(settings.BASE_DIR).resolve()
    return [
        config.label
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == base and config.label != "hrsocial"
    ]


class Command(makemessages.Command):
    help = makemessages.Command.help + " Writes one catalogue per app (see hrsocial)."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--app",
            action="append",
            dest="only_apps",
            default=[],
            help="Only rebuild this app's catalogue (repeatable); 'root' for locale/.",
        )

    def handle(self, *args, **options):
        self.only_apps = [ROOT if a == "root" else a for a in options.pop("only_apps")]
        self.base = Path(settings.BASE_DIR).resolve()
        self.apps = own_apps()
        return super().handle(*args, **options)

    def _catalogue_of(self, dirpath: str, filename: str) -> str:
        parts = Path(dirpath).resolve().relative_to(self.base).parts
        if parts and parts[0] == "templates" and len(parts) > 1 and parts[1] in self.apps:
            return parts[1]
        if parts == ("templates", "emails"):
            # templates/emails/<app>_<name>.txt belongs to that app.
            prefix = filename.split("_", 1)[0]
            if prefix in self.apps:
                return prefix
        if parts and parts[0] in self.apps:
            return parts[0]
        return ROOT

    def find_files(self, root):
        files = []
        for translatable in super().find_files(root):
            catalogue = self._catalogue_of(translatable.dirpath, translatable.file)
            if self.only_apps and catalogue not in self.only_apps:
                continue
            locale = self.base / "locale" if catalogue == ROOT else self.base / catalogue / "locale"
            translatable.locale_dir = str(locale)
            files.append(translatable)
        return files

    def build_potfiles(self):
        for app in self.apps:
            path = self.base / app / "locale"
            path.mkdir(exist_ok=True)
            if str(path) not in self.locale_paths:
                self.locale_paths.append(str(path))
        return super().build_potfiles()
