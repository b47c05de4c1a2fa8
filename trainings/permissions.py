"""Who may see and do what with trainings, in one place.

Employees (managers and HR included) use the catalogue; alumni and freelancers do not.
An enrolment is its person's; a paid training's request is decided by the person's manager
(HR when they have none); a proposal comes only from the employee's own manager; HR runs
the catalogue, sessions, attendance and reports. The fetch helpers raise 404 for records
the user may not see, so nobody can probe which exist.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from people.models import User
from people.permissions import is_hr
from trainings.models import Enrolment, Proposal, Session, Training

can_manage = is_hr


def can_propose(proposer, employee) -> bool:
    """Only the employee's own manager proposes a training to them."""
    return (
        proposer.is_authenticated
        and proposer.is_employee
        and employee.is_employee
        and employee.manager_id == proposer.pk
    )


def reports_to_propose_to(manager, training) -> list[User]:
    """Whom this user may propose `training` to (can_propose holds for each): their active
    direct reports, for a published training."""
    if not (manager.is_manager and training.is_published):
        return []
    return list(manager.direct_reports.filter(is_active=True, kind=User.Kind.EMPLOYEE))


def is_proposed_to(user, proposal) -> bool:
    """The proposal is for this user: they accept or decline it; its manager only reads it."""
    return proposal.employee_id == user.pk


def can_decide(approver, enrolment) -> bool:
    """The manager decides on a report's paid training; HR for people without a manager."""
    person = enrolment.person
    if person.manager_id:
        return approver.pk == person.manager_id
    return approver.is_hr and approver.pk != person.pk


def can_see_completions(viewer, person) -> bool:
    """Completed trainings on a profile: the person, their manager and HR."""
    return viewer.is_employee and (
        viewer.pk == person.pk or person.manager_id == viewer.pk or viewer.is_hr
    )


def hr_approvers():
    return User.objects.hr_staff()


def trainings_visible_to(user):
    """The catalogue for this user: published trainings; HR also sees drafts."""
    if can_manage(user):
        return Training.objects.all()
    return Training.objects.published()


def get_training_for_user(request, pk) -> Training:
    return get_object_or_404(trainings_visible_to(request.user), pk=pk)


def get_session_for_user(request, pk) -> Session:
    """A session of a training in this user's catalogue."""
    return get_object_or_404(
        Session.objects.select_related("training").filter(
            training__in=trainings_visible_to(request.user)
        ),
        pk=pk,
    )


def get_session_for_hr(request, pk) -> Session:
    if not can_manage(request.user):
        raise Http404
    return get_object_or_404(Session.objects.select_related("training"), pk=pk)


def get_enrolment_for_user(request, pk) -> Enrolment:
    """One's own enrolment."""
    return get_object_or_404(
        Enrolment.objects.select_related("session__training", "person", "decided_by"),
        pk=pk,
        person=request.user,
    )


def get_enrolment_for_hr(request, pk) -> Enrolment:
    """Any participant's enrolment, for HR running the session (cancel a seat, move)."""
    if not can_manage(request.user):
        raise Http404
    return get_object_or_404(
        Enrolment.objects.select_related("session__training", "person__department"), pk=pk
    )


def get_enrolment_for_approver(request, pk) -> Enrolment:
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("session__training", "person"), pk=pk
    )
    if not can_decide(request.user, enrolment):
        raise Http404
    return enrolment


def get_proposal_for_user(request, pk) -> Proposal:
    """The employee it is for and the manager who made it may read a proposal."""
    proposal = get_object_or_404(
        Proposal.objects.select_related("training", "employee", "proposed_by", "enrolment"), pk=pk
    )
    if request.user.pk not in (proposal.employee_id, proposal.proposed_by_id):
        raise Http404
    return proposal
