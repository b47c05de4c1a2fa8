"""Writes about people that have rules: creating, inviting, importing, preferences."""

from dataclasses import dataclass, field

from allauth.account import app_settings as allauth_settings
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from hrsocial import audit
from hrsocial.emails import send_templated_email
from people.importer import ImportPlan, RowError, read_people_csv
from people.models import User

PERSON_FIELDS = (
    "full_name",
    "employee_number",
    "department",
    "job_role",
    "start_date",
    "end_date",
    "preferred_language",
    "kind",
)


def person_create(*, created_by, email: str, full_name: str, invite: bool = False, **fields):
    """Create a person whose address HR vouches for (it comes from the HRIS).

    The address is marked verified, the password is unusable until the person sets one from
    the invitation e-mail.
    """
    person = User(email=email.strip().lower(), full_name=full_name, **fields)
    person.set_unusable_password()
    person.full_clean()
    person.save()
    email_mark_verified(person=person)
    audit.record(actor=created_by, action="people.create", target=person)
    if invite:
        person_invite(person=person, invited_by=created_by)
    return person


def email_mark_verified(*, person) -> None:
    """The person's address as the HRIS knows it becomes their only, verified sign-in address."""
    EmailAddress.objects.filter(user=person).exclude(email__iexact=person.email).delete()
    EmailAddress.objects.update_or_create(
        user=person, email=person.email, defaults={"verified": True, "primary": True}
    )


def invitation_url(person) -> str:
    """A set-password link: allauth's password-reset link, valid until the password is set."""
    token = allauth_settings.PASSWORD_RESET_TOKEN_GENERATOR().make_token(person)
    path = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(person), "key": token},
    )
    return settings.SITE_URL + path


def person_invite(*, person, invited_by) -> None:
    """Send the invitation e-mail after the surrounding transaction commits."""
    from people.tasks import send_invitation

    audit.record(actor=invited_by, action="people.invite", target=person)
    transaction.on_commit(lambda: send_invitation.delay(person.pk), robust=True)


def invitation_send(*, person) -> None:
    """Called by the task: the e-mail, in the person's language."""
    if not person.is_active or person.has_usable_password():
        return
    send_templated_email(
        template="emails/invitation",
        recipient=person,
        context={"person": person, "url": invitation_url(person), "site_url": settings.SITE_URL},
    )


def person_send_password_reset(*, person, sent_by) -> None:
    """HR's way to help someone who is locked out: a set-password link to the person's own
    address. HR never chooses anyone's password (that would let HR sign in as them)."""
    from people.tasks import send_password_reset

    audit.record(actor=sent_by, action="people.password_reset_link", target=person)
    transaction.on_commit(lambda: send_password_reset.delay(person.pk), robust=True)


def password_reset_send(*, person) -> None:
    """Called by the task: the e-mail, in the person's language."""
    if not person.is_active:
        return
    send_templated_email(
        template="emails/password_reset_by_hr",
        recipient=person,
        context={"person": person, "url": invitation_url(person), "site_url": settings.SITE_URL},
    )


def person_access_change(*, person, changed_by, changes: dict) -> None:
    """Record a change of someone's HR groups or admin status and tell the other HR leads.

    `changes` maps what changed ("groups", "is_staff", "is_superuser") to (before, after).
    Who may make the change is the admin's rule (people.admin); this is its trace: an HR lead
    cannot quietly hand out HR rights, because every other lead hears of it.
    """
    from notifications.services import notify

    detail = {name: {"before": before, "after": after} for name, (before, after) in changes.items()}
    audit.record(actor=changed_by, action="people.change_access", target=person, **detail)
    leads = User.objects.hr_leads().exclude(pk__in=[changed_by.pk]).distinct()
    changed_by_name = str(changed_by)
    person_name = str(person)
    notify(
        leads,
        "people.access",
        lambda: (
            _("%(actor)s changed the HR rights of %(person)s")
            % {"actor": changed_by_name, "person": person_name}
        ),
        lambda: (
            _("What changed: %(fields)s. Check it in the admin if you did not expect it.")
            % {"fields": ", ".join(sorted(changes))}
        ),
        url=reverse("admin:people_user_change", args=[person.pk]),
    )


def person_set_language(*, person, language: str) -> None:
    if language not in dict(User.Language.choices):
        raise ValidationError(_("Unknown language: %s.") % language)
    if person.preferred_language != language:
        person.preferred_language = language
        person.save(update_fields=["preferred_language"])


def person_change_manager(*, person, manager, changed_by) -> None:
    """Set someone's manager, refusing a management cycle (A manages B manages A)."""
    if manager is not None and User.manager_chain_contains(manager, person.pk):
        raise ValidationError(
            _("This would make a management cycle: %(manager)s reports to %(person)s.")
            % {"manager": manager, "person": person}
        )
    person.manager = manager
    person.save(update_fields=["manager"])
    audit.record(actor=changed_by, action="people.change", target=person, fields=["manager"])


@dataclass
class ImportResult:
    created: list[User] = field(default_factory=list)
    updated: list[User] = field(default_factory=list)
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def people_import(*, data: bytes, imported_by=None, invite: bool = False) -> ImportResult:
    """Upsert people from an HRIS export: all rows or none.

    Every bad row is reported with its line number; with any error nothing is written.
    """
    plan: ImportPlan = read_people_csv(data)
    result = ImportResult(errors=plan.errors, ignored_columns=plan.ignored_columns)
    if not plan.is_valid:
        return result

    with transaction.atomic():
        unverified = _unverified_accounts([row.existing for row in plan.rows if row.existing])
        adopted: list[User] = []
        by_key: dict[str, User] = {}
        for row in plan.rows:
            person = row.existing or User(email=row.email)
            if person.pk in unverified:
                _account_take_back(person=person, taken_by=imported_by)
                adopted.append(person)
            before = {name: getattr(person, name) for name in (*PERSON_FIELDS, "email")}
            person.email = row.email
            for name in PERSON_FIELDS:
                setattr(person, name, getattr(row, name))
            if person.pk is None:
                person.set_unusable_password()
                person.save()
                email_mark_verified(person=person)
                result.created.append(person)
            elif before != {name: getattr(person, name) for name in (*PERSON_FIELDS, "email")}:
                person.save()
                email_mark_verified(person=person)
                result.updated.append(person)
            else:
                result.unchanged += 1
            by_key[row.email] = person
            if row.employee_number:
                by_key[row.employee_number] = person

        # Managers in a second pass: a manager may be further down the file.
        refs = {row.manager_ref for row in plan.rows if row.manager_ref}
        outside = refs - set(by_key)
        for manager in User.objects.filter(email__in={r.lower() for r in outside}):
            by_key.setdefault(manager.email, manager)
        for manager in User.objects.filter(employee_number__in=outside):
            by_key.setdefault(manager.employee_number, manager)
        updated_ids = {p.pk for p in result.updated}
        for row in plan.rows:
            person = by_key[row.email]
            ref = row.manager_ref
            manager = (by_key.get(ref) or by_key.get(ref.lower())) if ref else None
            if person.manager_id != (manager.pk if manager else None):
                person.manager = manager
                person.save(update_fields=["manager"])
                if person.pk not in updated_ids and person not in result.created:
                    result.updated.append(person)
                    result.unchanged -= 1
                    updated_ids.add(person.pk)

        audit.record(
            actor=imported_by,
            action="people.import",
            created=len(result.created),
            updated=len(result.updated),
            unchanged=result.unchanged,
        )
        # Whoever signed up with an address HR now vouches for may not be its owner: the
        # real person is invited whether or not the import invites new people.
        to_invite = [*result.created] if invite else []
        to_invite += [person for person in adopted if person not in to_invite]
        for person in to_invite:
            if person.is_active:
                person_invite(person=person, invited_by=imported_by)
    return result


def _unverified_accounts(people) -> set[int]:
    """The self-signed-up accounts among `people` whose address nobody has proven: their
    owner may be someone else who signed up with the address first (a pre-hijack)."""
    people = [p for p in people if p.has_usable_password()]
    verified = set(
        EmailAddress.objects.filter(user__in=people, verified=True).values_list("user", "email")
    )
    return {p.pk for p in people if (p.pk, p.email) not in verified}


def _account_take_back(*, person, taken_by) -> None:
    """The import adopts an account whose address was never verified: nothing of whoever
    created it stays usable. Its password goes, so do its sessions; the invitation lets the
    address's owner choose a password."""
    person.set_unusable_password()
    person.save(update_fields=["password"])
    person_end_sessions(person=person)
    audit.record(actor=taken_by, action="people.import_reset_unverified", target=person)


def person_end_sessions(*, person) -> int:
    """Sign the person out everywhere. Sessions are not indexed by user, so this reads every
    live session once: fine for the rare event it serves (a changed password already makes
    Django refuse the old sessions; this removes them from the store as well)."""
    from django.contrib.auth import SESSION_KEY
    from django.contrib.sessions.models import Session

    store_class = import_string(settings.SESSION_ENGINE + ".SessionStore")
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get(SESSION_KEY) == str(person.pk):
            store_class(session.session_key).delete()
            ended += 1
    return ended
