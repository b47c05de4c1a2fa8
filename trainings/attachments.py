"""The iCalendar file attached to the e-mails about a seat (registered in apps.py)."""

from django.urls import Resolver404, resolve
from django.utils import translation

from trainings import ical
from trainings.models import Enrolment


def enrolment_calendar_attachment(notification) -> list[tuple[str, bytes, str]]:
    """For a notification that links to an enrolment of its recipient: the session as an
    .ics file, built when the e-mail goes out, so it shows the current time and place. A
    confirmed seat gets the event; a seat lost because HR cancelled the session (or the
    seat) gets the event marked cancelled, so calendars that imported it drop it. Anything
    else (a waitlist message, a seat the manager still has to approve) gets none."""
    try:
        match = resolve(notification.url)
    except Resolver404:
        return []
    if match.view_name != "trainings:enrolment-detail":
        return []
    enrolment = (
        Enrolment.objects.select_related("session__training")
        .filter(pk=match.kwargs["pk"], person_id=notification.recipient_id)
        .first()
    )
    if enrolment is None:
        return []
    # A seat lost to a cancelled session, or one HR cancelled or moved: drop the event.
    cancelled = enrolment.booked_at is not None and (
        enrolment.session.is_cancelled or enrolment.cancelled_by_hr
    )
    if not (enrolment.is_confirmed and not enrolment.session.is_cancelled) and not cancelled:
        return []
    with translation.override(notification.recipient.language_for_email):
        content = ical.enrolment_calendar(enrolment)
    return [(ical.filename_for(enrolment.session), content, "text/calendar")]
