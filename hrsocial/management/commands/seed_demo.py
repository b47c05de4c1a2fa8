from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from django.utils.module_loading import module_has_submodule

from hrsocial.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, DemoContext


class Command(BaseCommand):
    help = (
        "Create a coherent Dutch demo organisation with the demo accounts. Idempotent: a "
        "second run changes nothing. --scale N creates N times more people (for benchmarks)."
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
            failed = self._seed_apps(ctx)
        if failed:
            # One clear line per app instead of a traceback; the apps that did seed are
            # complete (each app seeds in its own transaction) and usable.
            raise CommandError(
                "The demo data of "
                + "; ".join(f"{label} could not be loaded ({reason})" for label, reason in failed)
                + ". The other apps were seeded."
            )
        self.stdout.write(
            self.style.SUCCESS(f"Demo data ready. Demo accounts (password {DEMO_PASSWORD}):")
        )
        for email, role in DEMO_ACCOUNTS:
            self.stdout.write(f"  {email:<26} {role}")

    def _seed_apps(self, ctx) -> list[tuple[str, str]]:
        """Seed every app in the order of INSTALLED_APPS; an app that fails is rolled back and
        reported, and the next apps still get their turn (they cope with what is missing)."""
        failed = []
        for app_config in apps.get_app_configs():
            if app_config.name.startswith(("django.", "allauth")):
                continue
            if module_has_submodule(app_config.module, "demo"):
                module = import_module(f"{app_config.name}.demo")
                if hasattr(module, "seed"):
                    try:
                        with transaction.atomic():
                            module.seed(ctx)
                    except Exception as exc:  # any failure: report it in one line, go on
                        reason = "; ".join(getattr(exc, "messages", None) or [str(exc)])
                        reason = f"{type(exc).__name__}: {reason}"
                        self.stderr.write(f"seed_demo: {app_config.label}: {reason}")
                        failed.append((app_config.label, reason))
        return failed
