from importlib import import_module

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from hrsocial.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, DemoContext
from hrsocial.plugins import seeding_order


class Command(BaseCommand):
    help = (
        "Create a coherent Dutch demo organisation with the demo accounts. Idempotent: a "
        "second run changes nothing. --scale N creates N times more people (for benchmarks). "
        "Each app seeds in its own transaction; when one fails, the apps before it stay seeded, "
        "the failing one is rolled back and the ones after it are not tried."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=1, help="N times more people")

    def handle(self, *args, scale: int, **options):
        if scale < 1 or scale > 10_000:
            raise CommandError("--scale must be between 1 and 10000.")
        ctx = DemoContext(stdout=self.stdout, scale=scale)
        self.stdout.write("Seeding the demo organisation…")
        # Demo data is not news: whatever it notifies is not e-mailed to anyone.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            self._seed_apps(ctx)
        self.stdout.write(
            self.style.SUCCESS(f"Demo data ready. Demo accounts (password {DEMO_PASSWORD}):")
        )
        for email, role in DEMO_ACCOUNTS:
            self.stdout.write(f"  {email:<26} {role}")

    def _seed_apps(self, ctx):
        seeded = []
        for app_config in seeding_order():  # each app after its `seed_after`
            module = import_module(f"{app_config.name}.demo")
            if hasattr(module, "seed"):
                try:
                    with transaction.atomic():
                        module.seed(ctx)
                except Exception as exc:
                    # Stop here: later apps build on earlier ones (trainings on the
                    # competency framework), and a seed that finds half its ground would
                    # leave rows a second run never completes. The run is idempotent, so
                    # running it again after the fix seeds the rest.
                    raise CommandError(
                        _failure(app_config.label, exc, seeded), returncode=1
                    ) from exc
                seeded.append(app_config.label)


def _failure(label: str, exc: Exception, seeded: list[str]) -> str:
    """One line: which app, what failed, what is left."""
    if isinstance(exc, ValidationError):
        what = "; ".join(exc.messages)
    else:
        what = str(exc) or "(no message)"
    what = " ".join(what.split())  # one line, whatever the message holds
    done = ", ".join(seeded) or "none"
    return (
        f"The demo data of '{label}' failed ({type(exc).__name__}: {what}); "
        f"nothing of '{label}' was saved, later apps were not seeded (seeded: {done}). "
        "Run again with --traceback for the details."
    )
