"""The first account of a real installation: an HR lead with access to the admin.

    python manage.py create_hr_admin hanna.bakker@example.org --name "Hanna Bakker"

prints a one-time link with which that person chooses a password. No e-mail is needed on
day one, and the address counts as verified (HR vouches for it by running the command).
"""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from hrsocial import audit
from people.models import HR_GROUP, HR_LEADS_GROUP, User
from people.services import email_mark_verified, invitation_url, person_create


class Command(BaseCommand):
    help = (
        "Create (or upgrade) an HR lead with admin access and print a one-time link to set "
        "the password. Use it for the first administrator of an installation."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--name", default="", help="full name (default: from the address)")
        parser.add_argument("--language", choices=["nl", "en"], default="nl")

    def handle(self, *args, email: str, name: str, language: str, **options):
        email = email.strip().lower()
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"Not an e-mail address: {email!r}") from None
        with transaction.atomic():
            person = User.objects.filter(email__iexact=email).first()
            created = person is None
            if created:
                person = person_create(
                    created_by=None,
                    email=email,
                    full_name=name or email.split("@")[0].replace(".", " ").title(),
                    preferred_language=language,
                )
            elif name:
                person.full_name = name
            person.kind = User.Kind.EMPLOYEE
            person.is_active = True
            person.is_staff = True
            # The first administrator also manages the admin itself (HR groups, sign-in
            # providers); later HR staff get the HR group's narrower rights.
            person.is_superuser = True
            person.save()
            for group_name in (HR_GROUP, HR_LEADS_GROUP):
                person.groups.add(Group.objects.get_or_create(name=group_name)[0])
            email_mark_verified(person=person)
            audit.record(
                actor=None,
                action="people.create_hr_admin",
                target=person,
                created=created,
            )
        url = invitation_url(person)
        self.stdout.write(
            self.style.SUCCESS(
                f"{'Created' if created else 'Updated'} {person.full_name} <{email}>: HR lead "
                "with admin access."
            )
        )
        self.stdout.write("Choose the password with this link (it works once):")
        self.stdout.write(f"  {url}")
