"""Start a real installation: the first HR lead, who can sign in without working mail.

An HR lead with admin access: groups "HR" and "HR leads" (the helpdesk queue, confidential
questions, HR groups) plus is_staff and is_superuser (the technical administration, where
this person adds the rest of HR). The address is marked verified because whoever runs this
command vouches for it, as the HRIS import does. Running it again for the same address
upgrades the account (a `createsuperuser` account too) and prints a fresh link.
"""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from hrsocial import audit
from people.models import HR_GROUP, HR_LEADS_GROUP, User
from people.services import email_mark_verified, invitation_url


def hr_admin_ensure(*, email: str, full_name: str = "", language: str | None = None) -> User:
    """Create or upgrade the account of `email` into a verified HR lead with admin access."""
    email = email.strip().lower()
    with transaction.atomic():
        person = User.objects.filter(email__iexact=email).first()
        created = person is None
        if created:
            person = User(email=email, full_name=full_name or email.split("@")[0])
            person.set_unusable_password()
        elif full_name:
            person.full_name = full_name
        if language:
            person.preferred_language = language
        person.kind = User.Kind.EMPLOYEE
        person.is_active = person.is_staff = person.is_superuser = True
        person.full_clean()
        person.save()
        email_mark_verified(person=person)
        person.groups.add(*Group.objects.filter(name__in=[HR_GROUP, HR_LEADS_GROUP]))
        audit.record(actor=None, action="people.hr_admin", target=person, created=created)
    return person


class Command(BaseCommand):
    help = (
        "Create (or upgrade) a verified HR lead with admin access and print a one-time "
        "link to choose a password. The way to start a real installation."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--name", default="", help="Full name, e.g. 'Hanna Bakker'.")
        parser.add_argument("--language", choices=[c for c, _n in User.Language.choices])

    def handle(self, *args, email, name, language, **options):
        try:
            validate_email(email.strip())
        except ValidationError as error:
            raise CommandError(f"Not an e-mail address: {email!r}.") from error
        try:
            person = hr_admin_ensure(email=email, full_name=name.strip(), language=language)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        self.stdout.write(
            self.style.SUCCESS(f"{person.email} is an HR lead with admin access (verified).")
        )
        self.stdout.write("Choose a password with this link (it works once, for a few days):")
        self.stdout.write(invitation_url(person))
