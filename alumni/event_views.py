"""The network's events: the list, an event's page (sign up, cancel, HR's lists of sign-ups),
HR's form, and the calendar file. The rules are in alumni.events."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alumni import events
from alumni.models import Event, EventRegistration
from alumni.permissions import (
    can_manage_events,
    can_sign_up_for_events,
    get_event_for_user,
    network_required,
)

LIST_SIZE = 100


@network_required
def event_list(request):
    """Upcoming events with their free seats and waiting list; HR also sees the recent past.
    A fixed number of queries whatever the number of events."""
    now = timezone.now()
    rows = Event.objects.with_waitlist()
    upcoming = list(rows.upcoming(now)[:LIST_SIZE])
    past = []
    if can_manage_events(request.user):
        past = list(rows.filter(starts_at__lte=now).order_by("-starts_at", "-pk")[:20])
    mine = dict(
        EventRegistration.objects.active()
        .filter(member=request.user, event__in=[e.pk for e in upcoming])
        .values_list("event_id", "status")
    )
    return render(
        request,
        "alumni/event_list.html",
        {"events": [(e, mine.get(e.pk)) for e in upcoming], "past": past},
    )


@network_required
def event_detail(request, pk):
    event = get_event_for_user(request, pk)
    context = {
        "event": event,
        "mine": event.registrations.active().filter(member=request.user).first(),
        "started": event.has_started(),
        "waitlist_count": event.registrations.waitlisted().count(),
    }
    if can_manage_events(request.user):
        context.update(events.registrations_for_hr(event))
    return render(request, "alumni/event_detail.html", context)


def _event_form(request, event=None):
    if not can_manage_events(request.user):
        raise PermissionDenied
    form = events.EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        data = {f: form.cleaned_data[f] for f in form._meta.fields}
        # The form filled `instance` in; event_save works on the row as it is in the database.
        original = None if event is None else Event.objects.get(pk=event.pk)
        try:
            saved = events.event_save(data=data, saved_by=request.user, event=original)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The event is saved."))
            return redirect(saved)
    return render(request, "alumni/event_form.html", {"form": form, "event": event})


def event_create(request):
    return _event_form(request)


def event_edit(request, pk):
    if not can_manage_events(request.user):
        raise PermissionDenied
    return _event_form(request, get_event_for_user(request, pk))


@require_POST
def event_sign_up(request, pk):
    event = get_event_for_user(request, pk)
    if not can_sign_up_for_events(request.user):
        raise PermissionDenied
    try:
        registration = events.event_sign_up(event=event, member=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if registration.status == EventRegistration.Status.BOOKED:
            messages.success(request, _("You are signed up."))
        else:
            messages.info(
                request,
                _("The event is full: you are on the waiting list and move up automatically."),
            )
    return redirect(event)


@require_POST
def event_cancel(request, pk):
    event = get_event_for_user(request, pk)
    if not can_sign_up_for_events(request.user):
        raise PermissionDenied
    try:
        events.event_cancel(event=event, member=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your sign-up is cancelled."))
    return redirect(event)


@require_POST
def event_call_off(request, pk):
    """HR cancels the event (an optional reason goes to everyone signed up)."""
    if not can_manage_events(request.user):
        raise PermissionDenied
    event = get_event_for_user(request, pk)
    if request.POST.get("confirm") != "yes":
        messages.error(request, _("Tick the box to confirm that the event is cancelled."))
        return redirect(event)
    try:
        events.event_call_off(
            event=event, cancelled_by=request.user, reason=request.POST.get("reason", "")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The event is cancelled; everyone signed up is told."))
    return redirect(event)


@network_required
def event_calendar(request, pk):
    event = get_event_for_user(request, pk)
    response = HttpResponse(events.event_calendar(event), content_type=events.ical.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{events.calendar_filename(event)}"'
    return response
