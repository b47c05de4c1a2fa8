"""Events of the network (reunions, knowledge sessions): HR creates and edits them, members
sign up, a full event has a waiting list, and every event has a calendar file.

Seats work as in trainings.services.enrolments: every function that touches them first
locks the event row (`select_for_update`), so sign-ups for one event happen one after the
other even when two people press the button for the last seat at once; `Event.seats_taken`
is kept exactly and the database refuses it above the capacity as a last line of defence.
A freed seat goes at once to the first on the waiting list (first come, first served), who
is told through the notifications outbox. On SQLite the lock is a no-op, but SQLite lets
only one transaction write at a time anyway.
"""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from alumni.models import Event, EventRegistration
from alumni.permissions import can_manage_events, can_sign_up_for_events
from hrsocial import audit, ical
from hrsocial.formatting import event_lazy
from notifications.services import notify

Status = EventRegistration.Status
CATEGORY = "alumni.event"
MAX_CAPACITY = 10000
# A change of these makes calendars replace the event and tells the people signed up.
PLANNING_FIELDS = ("starts_at", "ends_at", "location", "online_url")


class EventForm(forms.ModelForm):
    """HR's form for a new or changed event (the rules themselves are in event_save)."""

    capacity = forms.IntegerField(
        label=_("seats"),
        min_value=1,
        max_value=MAX_CAPACITY,
        error_messages={
            "min_value": _("An event has at least one seat."),
            "max_value": _("An event has at most 10,000 seats."),
        },
    )

    class Meta:
        model = Event
        fields = ["kind", "title", "description", "starts_at", "ends_at", "location",
                  "online_url", "capacity"]  # fmt: skip
        widgets = {
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "ends_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "description": forms.Textarea(attrs={"rows": 5, "maxlength": 5000}),
        }
        help_texts = {
            "description": _("Markdown: **bold**, lists, links."),
            "starts_at": _("Dutch time (Europe/Amsterdam)."),
            "location": _("An address, or leave it empty for an online event."),
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("starts_at"), data.get("ends_at")
        if start and end and end <= start:
            self.add_error("ends_at", _("The event cannot end before it starts."))
        if not (data.get("location") or data.get("online_url")) and not (
            self.errors.get("location") or self.errors.get("online_url")
        ):
            self.add_error("location", _("Give a place or an online link."))
        return data


def _locked(event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


def event_save(*, data: dict, saved_by, event: Event | None = None, now=None) -> Event:
    """Create an event, or change one. Refused with a ValidationError and nothing saved when
    the data break a rule, or when a lower capacity would leave people with a seat out.
    More seats go to the waiting list at once; a new time or place reaches everyone signed
    up and bumps the calendar's SEQUENCE."""
    if not can_manage_events(saved_by):
        raise PermissionDenied
    now = now or timezone.now()
    with transaction.atomic():
        if event is None:
            event = Event(created_by=saved_by, **data)
            event.full_clean()
            event.save()
            audit.record(actor=saved_by, action="alumni.event_create", target=event)
            return event
        event = _locked(event)
        if event.is_cancelled:
            raise ValidationError(_("This event is cancelled; it can no longer be changed."))
        if data.get("capacity", event.capacity) < event.seats_taken:
            raise ValidationError(
                {
                    "capacity": format_lazy(
                        _("{count} people already have a seat; the capacity cannot be lower."),
                        count=event.seats_taken,
                    )
                }
            )
        changed = [f for f in PLANNING_FIELDS if f in data and data[f] != getattr(event, f)]
        for field, value in data.items():
            setattr(event, field, value)
        if changed:
            event.sequence += 1
        event.full_clean()
        event.save()
        if changed and not event.has_started(now):
            people = [r.member for r in event.registrations.active().select_related("member")]
            notify(
                people, CATEGORY,
                format_lazy(_("“{title}” has changed"), title=event.title),
                format_lazy(_("Now: {when}. Download the calendar file again."),
                            when=event_lazy(event.starts_at)),
                url=event.get_absolute_url(),
            )  # fmt: skip
        _fill_seats(event, now)
        audit.record(actor=saved_by, action="alumni.event_update", target=event)
        return event


def event_sign_up(*, event, member, now=None) -> EventRegistration:
    """A seat when one is free, otherwise a place at the end of the waiting list. Refused with
    a ValidationError, nothing saved: an event that has started, or a second sign-up."""
    if not can_sign_up_for_events(member):
        raise PermissionDenied
    now = now or timezone.now()
    twice = _("You are already signed up for this event.")
    with transaction.atomic():
        event = _locked(event)
        if event.is_cancelled:
            raise ValidationError(
                _("This event is cancelled, so you can no longer sign up."), code="cancelled"
            )
        if event.has_started(now):
            raise ValidationError(
                _("This event has already started, so you can no longer sign up."), code="past"
            )
        if event.registrations.active().filter(member=member).exists():
            raise ValidationError(twice, code="twice")
        registration = EventRegistration(event=event, member=member, status=Status.WAITLISTED)
        if event.free_seats > 0:
            registration.status, registration.booked_at = Status.BOOKED, now
            event.seats_taken += 1
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:  # the same member twice at the very same moment
            raise ValidationError(twice, code="twice") from None
        event.save(update_fields=["seats_taken"])
        if registration.status == Status.BOOKED:
            title = format_lazy(_("You are signed up for “{title}”"), title=event.title)
            body = format_lazy(
                _("{when}. The calendar file is attached, and on the event's page."),
                when=event_lazy(event.starts_at),
            )
        else:
            title = format_lazy(_("You are on the waiting list for “{title}”"), title=event.title)
            body = _("The event is full. When a seat becomes free it is yours; we will tell you.")
        notify([member], CATEGORY, title, body, url=event.get_absolute_url())
    return registration


def event_cancel(*, event, member, now=None) -> EventRegistration:
    """Give up a seat or a waiting-list place; a freed seat goes to the first in line."""
    now = now or timezone.now()
    with transaction.atomic():
        event = _locked(event)
        registration = (
            event.registrations.active().select_for_update().filter(member=member).first()
        )
        if registration is None:
            raise ValidationError(_("You are not signed up for this event."), code="none")
        if event.has_started(now):
            raise ValidationError(
                _("This event has already started; your sign-up can no longer be cancelled."),
                code="past",
            )
        was_booked = registration.status == Status.BOOKED
        registration.status, registration.cancelled_at = Status.CANCELLED, now
        registration.save(update_fields=["status", "cancelled_at"])
        if was_booked:
            event.seats_taken -= 1
            event.save(update_fields=["seats_taken"])
            _fill_seats(event, now)
    return registration


def event_call_off(*, event, cancelled_by, reason: str = "", now=None) -> Event:
    """HR cancels the event: everyone signed up and on the waiting list is told through the
    outbox (with the calendar file marked cancelled, so their calendars drop it), the event
    stays listed as cancelled and refuses sign-ups. Refused with a ValidationError, nothing
    saved: an event that was cancelled before, or one that has started."""
    if not can_manage_events(cancelled_by):
        raise PermissionDenied
    now = now or timezone.now()
    reason = " ".join((reason or "").replace("\x00", "").split())[:500]
    with transaction.atomic():
        event = _locked(event)
        if event.is_cancelled:
            raise ValidationError(_("This event is already cancelled."), code="cancelled")
        if event.has_started(now):
            raise ValidationError(
                _("This event has already started; it can no longer be cancelled."), code="past"
            )
        event.cancelled_at, event.cancel_reason = now, reason
        event.sequence += 1
        event.save(update_fields=["cancelled_at", "cancel_reason", "sequence", "updated_at"])
        people = [r.member for r in event.registrations.active().select_related("member")]
        body = format_lazy(_("The event of {when} does not take place."),
                           when=event_lazy(event.starts_at))  # fmt: skip
        if reason:
            body = format_lazy("{} {}", body, reason)
        notify(
            people, CATEGORY, format_lazy(_("“{title}” is cancelled"), title=event.title), body,
            url=event.get_absolute_url(),
        )  # fmt: skip
        audit.record(actor=cancelled_by, action="alumni.event_call_off", target=event,
                     people=len(people))  # fmt: skip
        return event


def _fill_seats(event, now) -> list[EventRegistration]:
    """Hand the free seats of the locked `event` to its waiting list, first come first
    served, and tell each person who moved up."""
    if event.free_seats <= 0 or event.has_started(now) or event.is_cancelled:
        return []
    promoted = list(
        event.registrations.waitlisted()
        .select_for_update()
        .select_related("member")[: event.free_seats]
    )
    for registration in promoted:
        registration.status, registration.booked_at = Status.BOOKED, now
        registration.save(update_fields=["status", "booked_at"])
        event.seats_taken += 1
    if promoted:
        event.save(update_fields=["seats_taken"])
        notify(
            [r.member for r in promoted], CATEGORY,
            format_lazy(_("You have a seat at “{title}”"), title=event.title),
            format_lazy(_("A seat became free and it is yours: {when}."),
                        when=event_lazy(event.starts_at)),
            url=event.get_absolute_url(),
        )  # fmt: skip
    return promoted


def registrations_for_hr(event) -> dict:
    """HR's view of an event: who has a seat and the waiting list in its order (2 queries)."""
    rows = event.registrations.active().select_related("member").order_by("created_at", "pk")
    booked, waiting = [], []
    for registration in rows:
        (booked if registration.status == Status.BOOKED else waiting).append(registration)
    return {"booked": booked, "waiting": waiting}


# The calendar file (RFC 5545, built with hrsocial.ical like trainings' sessions).

PRODUCT = "-//hrsocial//Alumni//NL"


def event_calendar(event, *, now=None) -> bytes:
    host = urlsplit(settings.SITE_URL).hostname or "hrsocial"
    url = settings.SITE_URL + event.get_absolute_url()
    description = "\n".join(d for d in (event.description, event.online_url, url) if d)
    lines = [
        "BEGIN:VEVENT",
        f"UID:alumni-event-{event.pk}@{host}",
        f"DTSTAMP:{ical.utc(now or timezone.now())}",
        f"DTSTART:{ical.utc(event.starts_at)}",
        f"DTEND:{ical.utc(event.ends_at)}",
        f"SUMMARY:{ical.escape_text(event.title)}",
        f"DESCRIPTION:{ical.escape_text(description)}",
        f"SEQUENCE:{event.sequence}",
        f"LAST-MODIFIED:{ical.utc(event.updated_at)}",
        "STATUS:CANCELLED" if event.is_cancelled else "STATUS:CONFIRMED",
        "TRANSP:OPAQUE",
    ]
    if event.location or event.online_url:
        lines.append(f"LOCATION:{ical.escape_text(event.location or event.online_url)}")
    lines += [f"URL:{url}", "END:VEVENT"]
    return ical.calendar([lines], product=PRODUCT)


def calendar_attachment(notification) -> list[tuple[str, bytes, str]]:
    """The .ics attached to an event e-mail (registered on the "alumni.event" category): for
    a notification that links to an event its recipient has a seat at, built when the e-mail
    goes out so it shows the current time and place; for a cancelled event, to everyone it
    told, marked cancelled so calendars drop it. A waiting-list message gets none."""
    from django.urls import Resolver404, resolve

    try:
        match = resolve(notification.url)
    except Resolver404:
        return []
    if match.view_name != "alumni:event-detail":
        return []
    event = Event.objects.filter(pk=match.kwargs["pk"]).first()
    if event is None:
        return []
    mine = event.registrations.active().filter(member_id=notification.recipient_id)
    told = mine.exists() if event.is_cancelled else mine.filter(status=Status.BOOKED).exists()
    if not told:
        return []
    return [(calendar_filename(event), event_calendar(event), "text/calendar")]


def calendar_filename(event) -> str:
    return f"event-{timezone.localtime(event.starts_at):%Y%m%d}-{event.pk}.ics"
