from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from people import services


class Command(BaseCommand):
    help = (
        "Create and update people from an HRIS export (CSV or XLSX). All rows or none: every "
        "bad row is reported with its line number and nothing is imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--invite", action="store_true", help="E-mail new people an invitation."
        )

    def handle(self, *args, file: Path, invite: bool, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from error
        result = services.people_import(data=data, invite=invite)
        if result.ignored_columns:
            self.stdout.write(f"Ignored columns: {', '.join(result.ignored_columns)}")
        if not result.ok:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(result.errors)} problem(s) found; nothing was imported.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported: {len(result.created)} new, {len(result.updated)} updated, "
                f"{result.unchanged} unchanged."
            )
        )
