"""Managers and their team: proposals, and decisions on paid trainings."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hrsocial.redirects import redirect_to_next
from people.permissions import employee_required, manager_required
from trainings import permissions, services
from trainings.forms import ProposalAcceptForm, ProposeForm, ReasonForm


def _refused(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


@manager_required
@require_POST
def propose(request):
    """The manager's one-click proposal. Fields: `training`, `employee`, optional `note`
    and `next` (where to return). Only the employee's own manager may propose."""
    form = ProposeForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect_to_next(request, "trainings:index")
    training, employee = form.cleaned_data["training"], form.cleaned_data["employee"]
    try:
        services.training_propose(
            training=training,
            employee=employee,
            proposed_by=request.user,
            note=form.cleaned_data["note"],
        )
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(
            request,
            _("You proposed %(title)s to %(name)s. You hear what they decide.")
            % {"title": training.display_title, "name": employee.full_name},
        )
    return redirect_to_next(request, training.get_absolute_url())


@employee_required
def proposal_detail(request, pk):
    proposal = permissions.get_proposal_for_user(request, pk)
    is_employee = permissions.is_proposed_to(request.user, proposal)
    training = proposal.training
    context = {
        "proposal": proposal,
        "training": training,
        "is_employee": is_employee,
        "accept_form": ProposalAcceptForm(training=training)
        if is_employee and proposal.is_open and not training.is_elearning
        else None,
        "decline_form": ReasonForm() if is_employee and proposal.is_open else None,
    }
    return render(request, "trainings/proposal_detail.html", context)


@employee_required
@require_POST
def proposal_accept(request, pk):
    proposal = permissions.get_proposal_for_user(request, pk)
    session = None
    if not proposal.training.is_elearning:
        form = ProposalAcceptForm(request.POST, training=proposal.training)
        if not form.is_valid():
            messages.error(request, _("Choose one of the sessions."))
            return redirect(proposal)
        session = form.cleaned_data["session"]
    try:
        enrolment = services.proposal_accept(
            proposal=proposal, person=request.user, session=session
        )
    except ValidationError as error:
        _refused(request, error)
        return redirect(proposal)
    if enrolment is None:
        messages.success(request, _("Have fun! Mark the e-learning as done when you finish it."))
        return redirect(proposal.training)
    messages.success(request, _("You are enrolled; your manager has been told."))
    return redirect(enrolment)


@employee_required
@require_POST
def proposal_decline(request, pk):
    proposal = permissions.get_proposal_for_user(request, pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tell your manager why."))
        return redirect(proposal)
    try:
        services.proposal_decline(
            proposal=proposal, person=request.user, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("Your manager has been told."))
    return redirect(proposal)


@employee_required
@require_POST
def enrolment_approve(request, pk):
    enrolment = permissions.get_enrolment_for_approver(request, pk)
    try:
        services.enrolment_approve(enrolment=enrolment, approver=request.user)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(
            request,
            _("Approved. %(name)s has been told.") % {"name": enrolment.person.full_name},
        )
    return redirect_to_next(request, "home")


@employee_required
@require_POST
def enrolment_decline(request, pk):
    enrolment = permissions.get_enrolment_for_approver(request, pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tell your colleague why."))
        return redirect_to_next(request, "home")
    try:
        services.enrolment_decline(
            enrolment=enrolment, approver=request.user, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(
            request,
            _("Declined. %(name)s has been told why.") % {"name": enrolment.person.full_name},
        )
    return redirect_to_next(request, "home")
