"""Writes about people that have rules: creating, inviting, importing, preferences."""

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from allauth.account import app_settings as allauth_settings
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hrsocial import audit
from hrsocial.emails import send_templated_email
from people.importer import PERSON_FIELDS, ImportPlan, RowError, read_people_file
from people.models import User
from people.signals import person_imported

logger = logging.getLogger(__name__)


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
        context={
            "person": person,
            "url": invitation_url(person),
            "site_url": settings.SITE_URL,
            # Alumni and freelancers have no tips, trainings or helpdesk (yet): the e-mail
            # must not promise them.
            "for_staff": person.is_employee,
            "network_open": apps.is_installed("alumni"),
        },
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
        context={
            "person": person,
            "url": invitation_url(person),
            "site_url": settings.SITE_URL,
            # Alumni and freelancers have no tips, trainings or helpdesk (yet): the e-mail
            # must not promise them.
            "for_staff": person.is_employee,
            "network_open": apps.is_installed("alumni"),
        },
    )


# What person_access_change() can report, as the HR leads read it.
ACCESS_FIELDS = {
    "groups": gettext_lazy("HR groups"),
    "is_staff": gettext_lazy("admin access"),
    "is_superuser": gettext_lazy("all rights (superuser)"),
}


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
            % {"fields": ", ".join(str(ACCESS_FIELDS.get(name, name)) for name in sorted(changes))}
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


# One change to one person, as a source of truth about people has it: the HRIS import and
# SCIM provisioning (provisioning/) both write through these, so both follow the same rules
# and end employments the same way (employment_sync).

PERSON_VALUES = (*PERSON_FIELDS, "email")


def person_apply(*, person: User, values: dict) -> str:
    """Set the person's fields (`values`: names from PERSON_VALUES) and save when anything
    changed. A leaver the source still lists as an employee stays a former employee: the end
    date decides (employment_sync). Returns "created", "updated" or "unchanged"."""
    before = {name: getattr(person, name) for name in PERSON_VALUES}
    for name, value in values.items():
        if name not in PERSON_VALUES:
            raise ValueError(f"person_apply cannot set {name}")
        setattr(person, name, value)
    if before["kind"] == User.Kind.FORMER_EMPLOYEE and person.kind == User.Kind.EMPLOYEE:
        person.kind = User.Kind.FORMER_EMPLOYEE
    elif before["kind"] in (User.Kind.ALUMNUS, User.Kind.FREELANCER) and (
        person.kind == User.Kind.EMPLOYEE
    ):
        person.employment_ended_at = None  # hired again (a boomerang): employed from now on
    if person.pk is None:
        person.set_unusable_password()
        person.save()
        email_mark_verified(person=person)
        return "created"
    if before != {name: getattr(person, name) for name in PERSON_VALUES}:
        person.save()
        email_mark_verified(person=person)
        return "updated"
    return "unchanged"


def person_manager_apply(*, person: User, manager: User | None) -> bool:
    """Set the person's manager as the source has it; a manager who has left manages nobody.
    True when it changed. (Cycles are the caller's check: the import checks the whole file.)"""
    if manager is not None and (
        manager.kind == User.Kind.FORMER_EMPLOYEE or manager.employment_has_ended
    ):
        manager = None
    if person.manager_id == (manager.pk if manager else None):
        return False
    person.manager = manager
    person.save(update_fields=["manager"])
    return True


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


def people_import(
    *, data: bytes, imported_by=None, invite: bool = False, plan: ImportPlan | None = None,
    progress=None,
) -> ImportResult:  # fmt: skip
    """Upsert people from an HRIS export (CSV or XLSX): all rows or none.

    Every bad row is reported with its line number; with any error nothing is written.
    `plan` is the file already read (`read_people_file(data)`); `progress(done, total)` is
    told how far the import is, every 50 rows.
    """
    plan = plan if plan is not None else read_people_file(data)
    result = ImportResult(errors=plan.errors, ignored_columns=plan.ignored_columns)
    if not plan.is_valid:
        return result
    total = 2 * len(plan.rows)
    step = 0

    def tick():
        nonlocal step
        step += 1
        if progress is not None and (step % 50 == 0 or step == total):
            progress(step, total)

    with transaction.atomic():
        unverified = _unverified_accounts([row.existing for row in plan.rows if row.existing])
        adopted: list[User] = []
        by_key: dict[str, User] = {}
        for row in plan.rows:
            person = row.existing or User(email=row.email)
            if person.pk in unverified:
                _account_take_back(person=person, taken_by=imported_by)
                adopted.append(person)
            if row.releases_number_of is not None:
                # A boomerang's old, ended account gives its employee number (and its work
                # address, when the person is rehired under it) to the network account that
                # becomes the employee again (people.importer._boomerangs).
                old = row.releases_number_of
                released = {"employee_number": None}
                if old.email.lower() == row.email:
                    released["email"] = f"former-{old.pk}@boomerang.invalid"
                    EmailAddress.objects.filter(user=old).delete()
                User.objects.filter(pk=old.pk).update(**released)
                audit.record(actor=imported_by, action="people.import_boomerang",
                             target=person, former_account=row.releases_number_of.pk)  # fmt: skip
            values = {name: getattr(row, name) for name in PERSON_FIELDS}
            outcome = person_apply(person=person, values={**values, "email": row.email})
            person_imported.send(sender=User, person=person, private_email=row.private_email)
            if outcome == "created":
                result.created.append(person)
            elif outcome == "updated":
                result.updated.append(person)
            else:
                result.unchanged += 1
            by_key[row.email] = person
            if row.employee_number:
                by_key[row.employee_number] = person
            tick()

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
            changed = person_manager_apply(person=person, manager=manager)
            if changed and person.pk not in updated_ids and person not in result.created:
                result.updated.append(person)
                result.unchanged -= 1
                updated_ids.add(person.pk)
            tick()

        # End dates in the past end the employment now, not at tonight's task; a date moved
        # back into the future gives the access back.
        for person in by_key.values():
            employment_sync(person=person, changed_by=imported_by)
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


# Offboarding. A person's employment ends after their end date: at once when an import or HR
# sets a date in the past, otherwise through the daily task `people.tasks.end_employments`.


def employment_end(*, person: User, ended_by=None) -> None:
    """The person stops being an employee: no employee pages, no manager role, no HR groups
    or admin access, signed out everywhere. Practice apps handle the person's open records
    (questions, seats, reviews) through `people.signals.employment_ended`. The account stays
    as a former employee whom the alumni network can invite later."""
    from people.signals import employment_ended

    with transaction.atomic():
        person = User.objects.select_for_update().get(pk=person.pk)
        if person.kind != User.Kind.EMPLOYEE:
            return
        groups = sorted(person.groups.values_list("name", flat=True))
        # Reports move up to the leaver's own manager (or to nobody), so approvals and
        # reviews have someone to go to; HR sees them without a manager in the admin.
        successor = person.manager if person.manager_id and person.manager.is_employee else None
        reports = list(person.direct_reports.values_list("pk", flat=True))
        User.objects.filter(pk__in=reports).update(manager=successor)
        person.kind = User.Kind.FORMER_EMPLOYEE
        person.employment_ended_at = timezone.now()
        person.is_staff = False
        person.is_superuser = False
        person.save(update_fields=["kind", "employment_ended_at", "is_staff", "is_superuser"])
        person.groups.clear()
        employment_ended.send(sender=User, person=person, ended_by=ended_by)
        audit.record(
            actor=ended_by,
            action="people.employment_end",
            target=person,
            end_date=person.end_date.isoformat() if person.end_date else None,
            groups=groups,
            reports_moved=len(reports),
        )
        person_end_sessions(person=person)


def employment_resume(*, person: User, resumed_by=None) -> None:
    """An end date moved back into the future (or removed): the person is an employee again.
    Groups and reports are not given back: HR decides those again (audited)."""
    with transaction.atomic():
        person = User.objects.select_for_update().get(pk=person.pk)
        if person.kind != User.Kind.FORMER_EMPLOYEE or person.employment_has_ended:
            return
        person.kind = User.Kind.EMPLOYEE
        person.employment_ended_at = None
        person.save(update_fields=["kind", "employment_ended_at"])
        audit.record(actor=resumed_by, action="people.employment_resume", target=person)


def employment_sync(*, person: User, changed_by=None) -> None:
    """Act on the person's end date after it was set or changed (an import, the admin)."""
    if person.kind == User.Kind.EMPLOYEE and person.employment_has_ended:
        employment_end(person=person, ended_by=changed_by)
    elif person.kind == User.Kind.FORMER_EMPLOYEE and not person.employment_has_ended:
        employment_resume(person=person, resumed_by=changed_by)


def employments_end_due() -> int:
    """End the employment of everyone whose end date has passed (the daily task)."""
    today = timezone.localdate()
    due = list(User.objects.filter(kind=User.Kind.EMPLOYEE, end_date__lt=today))
    for person in due:
        employment_end(person=person)
    return len(due)


# The HRIS import in two steps: a preview of the uploaded file, then its import as a task.

IMPORT_PREVIEW_MINUTES = 60
PREVIEW_LIST_LIMIT = 200  # rows per list on the preview page; the counts are complete


def import_progress_key(batch) -> str:
    return f"people:import-progress:{batch.reference}"


def import_batch_create(*, uploaded_by, file_name: str, data: bytes):
    """Check the file and keep it with what an import would change. Writes no person."""
    import hashlib

    from people.importer import preview_changes
    from people.models import ImportBatch

    plan = read_people_file(data)
    batch = ImportBatch(
        uploaded_by=uploaded_by,
        file_name=file_name[:200],
        expires_at=timezone.now() + timedelta(minutes=IMPORT_PREVIEW_MINUTES),
        digest=hashlib.sha256(data).hexdigest(),
    )
    preview = {
        "ignored_columns": plan.ignored_columns,
        "errors": [{"line": e.line, "message": e.message} for e in plan.errors],
        "rows": len(plan.rows),
    }
    if plan.is_valid:
        changes = preview_changes(plan)
        preview["counts"] = {
            "new": len(changes.of("new")),
            "updated": len(changes.of("updated")),
            "returned": len(changes.of("returned")),
            "unchanged": len(changes.of("unchanged")),
            "ended": len(changes.ended),
        }
        for name, listed in (
            ("new", changes.of("new")),
            ("updated", changes.of("updated")),
            ("returned", changes.of("returned")),
            ("ended", changes.ended),
        ):
            preview[name] = [c.as_dict() for c in listed[:PREVIEW_LIST_LIMIT]]
        batch.status = ImportBatch.Status.PREVIEWED
        batch.fingerprint = changes.fingerprint()
        batch.data = data
    else:
        # Nothing can be imported from it: the file is not kept, only its problems.
        batch.status = ImportBatch.Status.INVALID
        batch.data = b""
    batch.preview = preview
    batch.save()
    audit.record(
        actor=uploaded_by,
        action="people.import_preview",
        target=batch,
        rows=len(plan.rows),
        errors=len(plan.errors),
    )
    return batch


def import_batch_confirm(*, batch, confirmed_by, digest: str, invite: bool):
    """Queue the import of the previewed file: once. A second confirm, an expired preview or
    another file than the one previewed is refused with a ValidationError."""
    from people.models import ImportBatch
    from people.tasks import import_people

    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if batch.uploaded_by_id != confirmed_by.pk:
            raise ValidationError(_("Only who uploaded the file can import it."))
        if batch.status != ImportBatch.Status.PREVIEWED:
            raise ValidationError(_("This file has already been confirmed."))
        if batch.has_expired:
            raise ValidationError(_("This preview has expired: upload the file again."))
        if digest != batch.digest:
            raise ValidationError(_("This is not the file you previewed: upload it again."))
        batch.status = ImportBatch.Status.QUEUED
        batch.invite = invite
        batch.save(update_fields=["status", "invite"])
        audit.record(
            actor=confirmed_by, action="people.import_confirm", target=batch, invite=invite
        )
        transaction.on_commit(lambda: import_people.delay(batch.pk), robust=True)
    return batch


def import_batch_run(*, batch_id: int) -> None:
    """The task's work: import the stored file if it still makes the previewed changes.

    The batch row stays locked for the whole import and becomes DONE in the same transaction,
    so a task delivered twice imports once. When people changed since the preview (another
    import, the admin), nothing is imported and HR is asked to preview again.
    """
    from people.models import ImportBatch

    try:
        _import_batch_run(batch_id)
    except Exception:
        # The import rolled back; the batch says so instead of "importing" for ever.
        logger.exception("HRIS import %s failed", batch_id)
        ImportBatch.objects.filter(pk=batch_id, status=ImportBatch.Status.QUEUED).update(
            status=ImportBatch.Status.FAILED,
            data=b"",
            finished_at=timezone.now(),
            result={"error": True},
        )
        raise


def _import_batch_run(batch_id: int) -> None:
    from django.core.cache import cache
    from django.utils import translation

    from people.importer import preview_changes
    from people.models import ImportBatch

    with transaction.atomic():
        batch = (
            ImportBatch.objects.select_for_update()
            .select_related("uploaded_by")
            .filter(pk=batch_id)
            .first()
        )
        if batch is None or batch.status != ImportBatch.Status.QUEUED:
            return
        uploader = batch.uploaded_by
        with translation.override(uploader.language_for_email):
            plan = read_people_file(bytes(batch.data))
            if not plan.is_valid or preview_changes(plan).fingerprint() != batch.fingerprint:
                batch.status = ImportBatch.Status.FAILED
                batch.result = {
                    "reason": _(
                        "People changed in the portal since the preview, so this file would now "
                        "make other changes. Nothing was imported: upload it again to see them."
                    )
                }
            else:

                def progress(done, total):
                    # In the cache, not the database: the import's transaction is still open.
                    cache.set(import_progress_key(batch), [done, total], 3600)

                result = people_import(
                    data=b"",
                    plan=plan,
                    imported_by=uploader,
                    invite=batch.invite,
                    progress=progress,
                )
                batch.status = ImportBatch.Status.DONE
                batch.result = {
                    "created": len(result.created),
                    "updated": len(result.updated),
                    "unchanged": result.unchanged,
                }
        batch.data = b""
        batch.finished_at = timezone.now()
        batch.save(update_fields=["status", "result", "data", "finished_at"])


def import_batches_purge() -> int:
    """Hourly: an hour after the upload, the file and the names in its preview are removed,
    whether it was imported or not; the counts stay. Returns how many were purged."""
    from people.models import ImportBatch

    expired = ImportBatch.objects.filter(
        expires_at__lte=timezone.now(), preview__has_key="errors"
    ).exclude(status=ImportBatch.Status.QUEUED)
    purged = 0
    for batch in expired:
        if batch.status in (ImportBatch.Status.PREVIEWED, ImportBatch.Status.INVALID):
            batch.status = ImportBatch.Status.FAILED
            batch.result = {"expired": True}
        batch.data = b""
        batch.preview = {"counts": batch.preview.get("counts", {}), "rows": batch.preview["rows"]}
        batch.save(update_fields=["status", "result", "data", "preview"])
        purged += 1
    return purged


# Two-factor sign-in: a lost device.


def second_factor_reset(*, person, reset_by) -> int:
    """An HR lead removes a colleague's second factors (authenticator app, security keys,
    recovery codes) when the device is lost; the person sets a new one up at the next sign-in
    (HR staff must). Audited; the person hears of it (so a reset nobody asked for is noticed).
    Returns how many authenticators were removed."""
    from allauth.mfa.models import Authenticator

    from notifications.services import notify
    from people import signed_in

    with transaction.atomic():
        removed = list(Authenticator.objects.filter(user=person).values_list("type", flat=True))
        Authenticator.objects.filter(user=person).delete()  # a queryset delete: no signals
        audit.record(
            actor=reset_by, action="people.second_factor_reset", target=person,
            types=sorted(set(removed)),
        )  # fmt: skip
        reset_by_name = str(reset_by)
        notify(
            [person],
            "people.second_factor_reset",
            lambda: _("Your two-factor sign-in was reset"),
            lambda: (
                _(
                    "%(actor)s removed your authenticator app, security keys and recovery codes "
                    "after you lost your device. Set up two-factor sign-in again. Did you not "
                    "ask for this? Tell HR at once."
                )
                % {"actor": reset_by_name}
            ),
            url=reverse("mfa_index"),
        )
        signed_in.PEOPLE.forget()
    return len(removed)
