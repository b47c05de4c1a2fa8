"""HR cancels an event: everyone signed up and on the waiting list is told through the
outbox, the event shows as cancelled and refuses sign-ups; and the sign-up confirmation
e-mail carries the event's calendar file (issue 17, item 3)."""

import datetime

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse

from alumni import events
from alumni.models import Event, EventRegistration
from hrsocial.models import AuditEntry
from notifications.models import Notification
from tests.alumni.test_events import NOW, START, make_event
from tests.factories import AlumnusFactory


@pytest.fixture(autouse=True)
def fixed_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_the_confirmation_e_mail_carries_the_calendar_file(
    hanna, anouk, django_capture_on_commit_callbacks
):
    event = make_event(hanna, capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        events.event_sign_up(event=event, member=anouk)
    (message,) = [m for m in mail.outbox if m.to == [anouk.email]]
    ((filename, content, mimetype),) = message.attachments
    assert filename == events.calendar_filename(event) and mimetype == "text/calendar"
    text = content.decode() if isinstance(content, bytes) else content
    assert "SUMMARY:Reünie" in text and "STATUS:CONFIRMED" in text
    assert "bijlage" in message.body  # the body says the calendar file is attached


def test_a_waiting_list_message_has_no_calendar_file(
    hanna, anouk, femke, django_capture_on_commit_callbacks
):
    event = make_event(hanna, capacity=1)
    events.event_sign_up(event=event, member=anouk)
    with django_capture_on_commit_callbacks(execute=True):
        events.event_sign_up(event=event, member=femke)
    (message,) = [m for m in mail.outbox if m.to == [femke.email]]
    assert message.attachments == []


def test_hr_cancels_and_everyone_signed_up_or_waiting_is_told(
    client, hanna, anouk, femke, django_capture_on_commit_callbacks
):
    event = make_event(hanna, capacity=1)
    events.event_sign_up(event=event, member=anouk)
    events.event_sign_up(event=event, member=femke)  # on the waiting list
    mail.outbox.clear()
    client.force_login(hanna)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("alumni:event-call-off", kwargs={"pk": event.pk}),
            {"confirm": "yes", "reason": "De zaal is niet beschikbaar."},
        )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.is_cancelled and event.cancel_reason == "De zaal is niet beschikbaar."
    told = Notification.objects.filter(category="alumni.event", title__contains="geannuleerd")
    assert {n.recipient for n in told} == {anouk, femke}
    assert all("De zaal is niet beschikbaar." in n.body for n in told)
    # Both e-mails carry the calendar file marked cancelled, so calendars drop the event.
    for person in (anouk, femke):
        (message,) = [m for m in mail.outbox if m.to == [person.email]]
        content = message.attachments[0][1]
        assert "STATUS:CANCELLED" in (content.decode() if isinstance(content, bytes) else content)
    assert AuditEntry.objects.filter(action="alumni.event_call_off", actor=hanna).exists()
    # The event shows as cancelled, to members too.
    client.force_login(anouk)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Dit evenement is geannuleerd." in page
    assert "Geannuleerd" in client.get(reverse("alumni:event-list")).content.decode()
    assert (
        "STATUS:CANCELLED"
        in client.get(reverse("alumni:event-calendar", kwargs={"pk": event.pk})).content.decode()
    )


def test_signing_up_for_a_cancelled_event_is_refused_with_a_clear_message(client, hanna):
    event = make_event(hanna)
    events.event_call_off(event=event, cancelled_by=hanna)
    late = AlumnusFactory()
    client.force_login(late)
    response = client.post(reverse("alumni:event-sign-up", kwargs={"pk": event.pk}))
    assert _messages(response) == [
        "Dit evenement is geannuleerd, dus je kunt je niet meer aanmelden."
    ]
    assert not EventRegistration.objects.filter(member=late).exists()


def test_cancelling_twice_or_without_confirming_changes_nothing(client, hanna, anouk):
    event = make_event(hanna)
    events.event_sign_up(event=event, member=anouk)
    client.force_login(hanna)
    url = reverse("alumni:event-call-off", kwargs={"pk": event.pk})
    response = client.post(url, {"reason": "Zomaar"})
    assert _messages(response) == ["Vink het vakje aan om te bevestigen dat het evenement "
                                   "niet doorgaat."]  # fmt: skip
    assert not Event.objects.get(pk=event.pk).is_cancelled
    client.post(url, {"confirm": "yes"})
    before = Notification.objects.count()
    response = client.post(url, {"confirm": "yes"})
    assert _messages(response)[-1] == "Dit evenement is al geannuleerd."
    assert Notification.objects.count() == before


def test_a_started_event_cannot_be_cancelled(hanna):
    from django.core.exceptions import ValidationError

    event = make_event(hanna)
    with pytest.raises(ValidationError, match="al begonnen"):
        events.event_call_off(
            event=event, cancelled_by=hanna, now=START + datetime.timedelta(minutes=5)
        )
    assert not Event.objects.get(pk=event.pk).is_cancelled


def test_a_cancelled_event_cannot_be_edited_and_leaves_the_alumni_page(client, hanna, anouk):
    event = make_event(hanna)
    events.event_call_off(event=event, cancelled_by=hanna)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        events.event_save(data={"capacity": 50}, saved_by=hanna, event=event)
    client.force_login(anouk)
    page = client.get(reverse("alumni:index")).content.decode()
    assert event.title not in page


def test_only_hr_cancels_an_event(client, hanna, anouk, emma):
    event = make_event(hanna)
    for person in (anouk, emma):
        client.force_login(person)
        url = reverse("alumni:event-call-off", kwargs={"pk": event.pk})
        assert client.post(url, {"confirm": "yes"}).status_code == 403
    assert not Event.objects.get(pk=event.pk).is_cancelled
