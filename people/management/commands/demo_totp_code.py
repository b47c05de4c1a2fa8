import time

from allauth.mfa import app_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Print the current sign-in code of the demo's HR accounts (people.demo)."

    def handle(self, *args, **options):
        from people.demo import DEMO_TOTP_SECRET

        counter = int(time.time()) // app_settings.TOTP_PERIOD
        self.stdout.write(format_hotp_value(hotp_value(DEMO_TOTP_SECRET, counter)))
