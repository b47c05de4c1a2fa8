"""An employee's own trainings: enrol, cancel, take a freed seat, calendar, feedback."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from people.permissions import employee_required
from trainings import ical, permissions, services
from trainings.forms import FeedbackForm
from trainings.models import CalendarToken, Completion, Enrolment, Feedback, Proposal


def _refused(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


@employee_required
@require_POST
def session_enrol(request, pk):
    session = permissions.get_session_for_user(request, pk)
    try:
        enrolment = services.enrolment_create(
            session=session,
            person=request.user,
            # The box on the training page of someone who completed it already.
            repeat_confirmed=request.POST.get("repeat") == "yes",
        )
    except ValidationError as error:
        _refused(request, error)
        return redirect(session.get_absolute_url())
    if enrolment.is_waitlisted:
        messages.info(
            request,
            _("The session is full, so you are on the waitlist. We tell you when a seat is yours."),
        )
    elif enrolment.awaits_approval and enrolment.approved_by_hr:
        messages.success(
            request,
            _(
                "Your seat is held. You have no manager in the portal, so HR has been asked "
                "to approve this paid training."
            ),
        )
    elif enrolment.awaits_approval:
        messages.success(
            request,
            _("Your seat is held. Your manager has been asked to approve this paid training."),
        )
    else:
        messages.success(request, _("You are enrolled. The confirmation is on its way."))
    return redirect(enrolment)


@employee_required
def enrolment_detail(request, pk):
    enrolment = permissions.get_enrolment_for_user(request, pk)
    now = timezone.now()
    session = enrolment.session
    if enrolment.is_waitlisted:
        enrolment.position = (
            session.enrolments.waitlisted()
            .filter(created_at__lte=enrolment.created_at)
            .exclude(created_at=enrolment.created_at, pk__gt=enrolment.pk)
            .count()
        )
    context = {
        "enrolment": enrolment,
        "session": session,
        "training": session.training,
        "started": session.has_started(now),
        "can_claim": enrolment.is_waitlisted
        and session.free_seats > 0
        and not session.has_started(now)
        and not session.is_cancelled,
        "can_give_feedback": services.feedback_allowed(
            person=request.user, training=session.training, session=session, now=now
        ),
        "feedback": Feedback.objects.filter(person=request.user, session=session).first(),
    }
    return render(request, "trainings/enrolment_detail.html", context)


@employee_required
@require_POST
def enrolment_cancel(request, pk):
    enrolment = permissions.get_enrolment_for_user(request, pk)
    try:
        services.enrolment_cancel(enrolment=enrolment, cancelled_by=request.user)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("Your enrolment is cancelled. Thank you for making room."))
    return redirect(enrolment)


@employee_required
@require_POST
def enrolment_claim(request, pk):
    enrolment = permissions.get_enrolment_for_user(request, pk)
    try:
        services.enrolment_claim(enrolment=enrolment)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("The seat is yours."))
    return redirect(enrolment)


@employee_required
def enrolment_ics(request, pk):
    """The session as an iCalendar file, to add it to your own calendar."""
    enrolment = permissions.get_enrolment_for_user(request, pk)
    if enrolment.is_waitlisted:
        # A place on the waitlist is not an appointment: the file comes with the seat.
        messages.info(request, _("You get the calendar invitation as soon as a seat is yours."))
        return redirect(enrolment)
    response = HttpResponse(ical.enrolment_calendar(enrolment), content_type=ical.CONTENT_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="{ical.filename_for(enrolment.session)}"'
    )
    return response


@employee_required
def enrolment_feedback(request, pk):
    enrolment = permissions.get_enrolment_for_user(request, pk)
    session = enrolment.session
    return _feedback(
        request, training=session.training, session=session, back=enrolment.get_absolute_url()
    )


@employee_required
def elearning_feedback(request, pk):
    training = permissions.get_training_for_user(request, pk)
    return _feedback(request, training=training, session=None, back=training.get_absolute_url())


def _feedback(request, *, training, session, back):
    if not services.feedback_allowed(person=request.user, training=training, session=session):
        messages.info(
            request,
            _("Feedback is possible once you have followed the training, and only once."),
        )
        return redirect(back)
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_give(
                person=request.user,
                training=training,
                session=session,
                rating=form.cleaned_data["rating"],
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            _refused(request, error)
        else:
            messages.success(request, _("Thank you for your feedback!"))
        return redirect(back)
    return render(
        request,
        "trainings/feedback_form.html",
        {"form": form, "training": training, "session": session, "back": back},
    )


@employee_required
@require_POST
def elearning_done(request, pk):
    training = permissions.get_training_for_user(request, pk)
    try:
        completion = services.elearning_complete(training=training, person=request.user)
    except ValidationError as error:
        _refused(request, error)
        return redirect(training)
    if completion is None:
        messages.info(request, _("You had already marked this e-learning as done."))
    else:
        messages.success(
            request, _("Well done! It is on your profile now. How was it? Tell us below.")
        )
    return redirect(training)


@employee_required
def my_trainings(request):
    """Everything of one's own: upcoming and past sessions, proposals, completed trainings,
    and the calendar feed."""
    user = request.user
    now = timezone.now()
    given = Feedback.objects.filter(person=user, session=OuterRef("session"))
    enrolments = (
        Enrolment.objects.for_person(user)
        .select_related("session__training", "person")
        .with_position()
        .annotate(has_feedback=Exists(given))
    )
    upcoming = list(enrolments.active().upcoming(now).order_by("session__starts_at", "session_id"))
    past = list(
        enrolments.booked().filter(session__starts_at__lte=now).order_by("-session__starts_at")[:20]
    )
    calendar = CalendarToken.objects.filter(person=user).first()
    context = {
        "upcoming": upcoming,
        "past": past,
        "proposals": list(
            Proposal.objects.for_employee(user).select_related("training", "proposed_by")[:20]
        ),
        "completions": list(Completion.objects.filter(person=user).select_related("training")[:50]),
        "calendar": calendar,
        "feed_url": request.build_absolute_uri(calendar.get_absolute_url()) if calendar else "",
        "now": now,
    }
    return render(request, "trainings/enrolment_list.html", context)
