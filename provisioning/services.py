"""Writes of SCIM provisioning. Every change to a person goes through people.services, the
functions the HRIS import uses (person_apply, person_manager_apply, employment_sync): one set
of rules, one audit trail, the offboarding path when the identity provider deactivates
someone."""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from hrsocial import audit
from people import services as people_services
from people.importer import PersonRowForm
from people.models import Department, JobRole, User
from provisioning.models import Connection, ProvisionedPerson, token_digest
from provisioning.scim import ScimError


def connection_create(*, name: str, created_by, valid_days: int | None = None):
    """A new connection and its token: the token is returned once and never stored."""
    token = Connection.new_token()
    connection = Connection.objects.create(
        name=name.strip()[:100],
        token_hash=token_digest(token),
        token_prefix=token[:8],
        created_by=created_by,
        expires_at=timezone.now() + datetime.timedelta(days=valid_days) if valid_days else None,
    )
    audit.record(actor=created_by, action="provisioning.connection_create", target=connection)
    return connection, token


def connection_revoke(*, connection, revoked_by) -> None:
    if connection.revoked_at is None:
        connection.revoked_at = timezone.now()
        connection.save(update_fields=["revoked_at"])
        audit.record(actor=revoked_by, action="provisioning.connection_revoke", target=connection)


# --- A person as SCIM sees it ------------------------------------------------------------------


def people_for_scim():
    return User.objects.select_related("department", "job_role", "provisioned")


def _extra(person) -> ProvisionedPerson | None:
    try:
        return person.provisioned
    except ProvisionedPerson.DoesNotExist:
        return None


def state_of(person) -> dict:
    extra = _extra(person)
    return {
        "userName": (extra.user_name if extra else "") or person.email,
        "externalId": extra.external_id or None if extra else None,
        "active": person.is_active and person.kind == User.Kind.EMPLOYEE,
        "displayName": (extra.display_name if extra else "") or person.full_name,
        "givenName": extra.given_name or None if extra else None,
        "familyName": extra.family_name or None if extra else None,
        "email": person.email,
        "title": person.job_role.title if person.job_role_id else None,
        "department": person.department.name if person.department_id else None,
        "employeeNumber": person.employee_number,
        "manager": (
            str(person.manager_id)
            if person.manager_id
            else (extra.pending_manager or None)
            if extra
            else None
        ),
        "preferredLanguage": person.preferred_language,
        "startDate": person.start_date.isoformat() if person.start_date else None,
        "endDate": person.end_date.isoformat() if person.end_date else None,
    }


def _check(state: dict, person: User | None) -> dict:
    """The state through the HRIS import's row rules (PersonRowForm): the same messages for
    a bad address, an unknown department or job role, an end date before the start."""
    from django import forms as django_forms

    email = state.get("email") or ""
    if not email and state.get("userName"):
        try:  # without emails, a userName that is an address is the address
            email = django_forms.EmailField().clean(state["userName"])
        except django_forms.ValidationError:
            email = ""
    if not email:
        raise ScimError(400, _("This user has no e-mail address (emails or userName)."),
                        "invalidValue")  # fmt: skip
    # The name parts win over displayName: a PATCH of name.familyName must change the name.
    name = " ".join(
        part for part in (state.get("givenName"), state.get("familyName")) if part
    ) or state.get("displayName")
    departments = {}
    wanted = state.get("department")
    if wanted:
        for department in Department.objects.filter(
            Q(name__iexact=wanted) | Q(code__iexact=wanted)
        ):
            departments[department.name.lower()] = department
            if department.code:
                departments[department.code.lower()] = department
    job_roles = {}
    if state.get("title"):
        job_roles = {
            r.title.lower(): r for r in JobRole.objects.filter(title__iexact=state["title"])
        }
    form = PersonRowForm.for_file(departments=departments, job_roles=job_roles)(
        {
            "email": email,
            "full_name": name or "",
            "employee_number": state.get("employeeNumber") or "",
            "department": wanted or "",
            "job_role": state.get("title") or "",
            "manager": "",
            "start_date": state.get("startDate") or "",
            "end_date": state.get("endDate") or "",
            "preferred_language": (state.get("preferredLanguage") or "")[:2],
            "kind": person.kind if person else User.Kind.EMPLOYEE,
        }
    )
    if not form.is_valid():
        raise ScimError(400, " ".join(form.messages()), "invalidValue")
    return form.cleaned_data


def _resolve_manager(ref: str | None) -> User | None:
    """The manager the identity provider names: our id (what we answered at their creation),
    their externalId, employee number or e-mail. None when nobody matches (yet)."""
    if not ref:
        return None
    # One indexed lookup after another, most specific first: one query with OR over a join
    # read every person (15 ms a request with 10,000 people).
    lookups = [User.objects.filter(provisioned__external_id=ref),
               User.objects.filter(employee_number=ref), User.objects.with_email(ref)]  # fmt: skip
    if ref.isdigit() and len(ref) < 18:
        lookups.insert(0, User.objects.filter(pk=int(ref)))
    for people in lookups:
        if found := people.order_by("pk").first():
            return found
    return None


def user_provision(*, connection, person: User | None, state: dict) -> User:
    """Create (person None) or change a person as the identity provider has them: all of it
    or nothing. `active: false` ends the employment (offboarding), `true` gives it back."""
    cleaned = _check(state, person)
    email = cleaned["email"]
    clash = User.objects.with_email(email)
    if cleaned["employee_number"]:
        clash = clash | User.objects.filter(employee_number=cleaned["employee_number"])
    if person is not None:
        clash = clash.exclude(pk=person.pk)
    if clash.exists():
        raise ScimError(409, _("Another person already has this e-mail address or employee "
                               "number."), "uniqueness")  # fmt: skip
    manager_ref = state.get("manager") or ""
    own_keys = {email, cleaned["employee_number"], state.get("externalId") or ""} - {""}
    if person is not None:
        own_keys.add(str(person.pk))
    if manager_ref and manager_ref in own_keys:
        raise ScimError(400, _("This manager would make a management cycle."), "invalidValue")
    manager = _resolve_manager(manager_ref)
    if (
        person is not None
        and manager is not None
        and (manager.pk == person.pk or User.manager_chain_contains(manager, person.pk))
    ):
        raise ScimError(400, _("This manager would make a management cycle."), "invalidValue")

    end_date = cleaned["end_date"]
    today = timezone.localdate()
    if state.get("active") is False and (end_date is None or end_date >= today):
        # Deactivated: the employment ended yesterday, so the offboarding runs now and stays.
        end_date = today - datetime.timedelta(days=1)
    elif state.get("active") and end_date is not None and end_date < today:
        end_date = None  # reactivated: an end date in the past would end it again
    values = {
        "email": email,
        "full_name": cleaned["full_name"],
        "employee_number": cleaned["employee_number"],
        "department": cleaned["department"],
        "job_role": cleaned["job_role"],
        "start_date": cleaned["start_date"],
        "end_date": end_date,
        "preferred_language": cleaned["preferred_language"],
    }
    with transaction.atomic():
        creating = person is None
        if creating:
            person = User(email=email)
        outcome = people_services.person_apply(person=person, values=values)
        manager_changed = people_services.person_manager_apply(person=person, manager=manager)
        extra = _extra(person) or ProvisionedPerson(person=person)
        extra.connection = connection
        extra.external_id = (state.get("externalId") or "")[:200]
        user_name = state.get("userName") or ""
        extra.user_name = "" if user_name.lower() == email else user_name[:254]
        extra.given_name = (state.get("givenName") or "")[:150]
        extra.family_name = (state.get("familyName") or "")[:150]
        extra.display_name = (state.get("displayName") or "")[:150]
        extra.pending_manager = (state.get("manager") or "")[:200] if manager is None else ""
        extra.save()
        person.provisioned = extra
        # People waiting for this one as their manager get them now.
        keys = {str(person.pk), person.email, *([extra.external_id] if extra.external_id else [])}
        if person.employee_number:
            keys.add(person.employee_number)
        waiting = list(
            ProvisionedPerson.objects.filter(pending_manager__in=keys).select_related("person")
        )
        resolved = 0
        for other in waiting:
            # Someone this person reports to (directly or higher up) keeps waiting: two
            # people naming each other would otherwise close a loop.
            if other.person_id == person.pk or User.manager_chain_contains(person, other.person_id):
                continue
            people_services.person_manager_apply(person=other.person, manager=person)
            other.pending_manager = ""
            other.save(update_fields=["pending_manager"])
            resolved += 1
        people_services.employment_sync(person=person, changed_by=None)
        audit.record(
            actor=None,
            action="people.provision",
            target=person,
            connection=connection.name,
            outcome="created" if creating else outcome,
            manager_changed=manager_changed,
            managers_resolved=resolved,
        )
    person.refresh_from_db()
    return person


def user_deactivate(*, connection, person: User) -> None:
    """DELETE: the identity provider removed the person; the portal ends the employment (the
    account stays, as for every leaver) and never deletes their records."""
    user_provision(
        connection=connection, person=person, state={**state_of(person), "active": False}
    )
