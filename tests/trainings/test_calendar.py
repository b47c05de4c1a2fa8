"""iCalendar: the .ics download, the e-mail attachment and the personal feed (RFC 5545)."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.trainings.factories import SessionFactory
from trainings import ical, services
from trainings.models import CalendarToken

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def unfold(text: str) -> str:
    return text.replace("\r\n ", "")


@pytest.fixture
def summer_session(training):
    """Ten o'clock in Amsterdam in summer is eight o'clock UTC."""
    start = datetime(2031, 6, 12, 10, 0, tzinfo=AMSTERDAM)
    return SessionFactory(
        training=training,
        starts_at=start,
        ends_at=start.replace(hour=12, minute=30),
        location="Utrecht; zaal 2, eerste verdieping",
    )


def test_it_writes_times_in_utc_and_escapes_text(emma, summer_session):
    enrolment = services.enrolment_create(session=summer_session, person=emma)
    text = ical.enrolment_calendar(enrolment).decode()
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", ""), "every line ends in CRLF"
    lines = unfold(text).split("\r\n")
    assert "DTSTART:20310612T080000Z" in lines
    assert "DTEND:20310612T103000Z" in lines
    assert "LOCATION:Utrecht\\; zaal 2\\, eerste verdieping" in lines
    assert "STATUS:CONFIRMED" in lines
    assert f"UID:training-session-{summer_session.pk}@127.0.0.1" in lines


def test_winter_time_is_one_hour_from_utc(emma, training):
    start = datetime(2031, 1, 15, 10, 0, tzinfo=AMSTERDAM)
    session = SessionFactory(training=training, starts_at=start, ends_at=start.replace(hour=11))
    enrolment = services.enrolment_create(session=session, person=emma)
    assert "DTSTART:20310115T090000Z" in ical.enrolment_calendar(enrolment).decode()


def test_long_lines_are_folded_at_75_octets_without_splitting_characters():
    line = "DESCRIPTION:" + "Één privacyvriendelijke tip voor sociale media, " * 4
    folded = ical.fold(line)
    for part in folded.split("\r\n"):
        assert len(part.encode()) <= 75
    assert unfold(folded) == line


def test_text_escaping_follows_the_rfc():
    assert ical.escape_text("a\\b;c,d\nregel") == "a\\\\b\\;c\\,d\\nregel"


def test_utc_conversion():
    assert ical.utc(datetime(2031, 3, 30, 1, 30, tzinfo=UTC)) == "20310330T013000Z"


def test_a_held_seat_is_tentative(emma, training):
    training.provider, training.cost = "external", 250
    training.save()
    enrolment = services.enrolment_create(session=SessionFactory(training=training), person=emma)
    assert "STATUS:TENTATIVE" in ical.enrolment_calendar(enrolment).decode()


def test_the_download_is_an_ics_file_for_its_owner_only(client, emma, cas, session):
    enrolment = services.enrolment_create(session=session, person=emma)
    url = reverse("trainings:enrolment-ics", kwargs={"pk": enrolment.pk})
    client.force_login(cas)
    assert client.get(url).status_code == 404
    client.force_login(emma)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="training-')
    assert b"BEGIN:VEVENT" in response.content


def test_the_feed_lists_the_sessions_with_a_seat_and_needs_no_sign_in(
    client, emma, milan, training
):
    mine = SessionFactory(training=training, capacity=1)
    full = SessionFactory(training=training, capacity=1)
    services.enrolment_create(session=full, person=milan)
    services.enrolment_create(session=mine, person=emma)
    services.enrolment_create(session=full, person=emma)  # the waitlist: not in her calendar
    token = services.calendar_token_renew(person=emma)

    response = client.get(reverse("trainings:calendar-feed", kwargs={"token": token.token}))

    assert response.status_code == 200
    text = response.content.decode()
    assert text.count("BEGIN:VEVENT") == 1
    assert f"training-session-{mine.pk}@" in text
    assert "X-WR-CALNAME:Trainingen van Emma Jansen" in text
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_replaced_or_removed_address_stops_working(client, emma):
    old = services.calendar_token_renew(person=emma).token
    new = services.calendar_token_renew(person=emma).token
    assert old != new
    assert client.get(reverse("trainings:calendar-feed", kwargs={"token": old})).status_code == 404
    assert client.get(reverse("trainings:calendar-feed", kwargs={"token": new})).status_code == 200
    services.calendar_token_revoke(person=emma)
    assert client.get(reverse("trainings:calendar-feed", kwargs={"token": new})).status_code == 404
    assert not CalendarToken.objects.exists()


def test_the_feed_of_someone_who_left_is_gone(client, emma):
    token = services.calendar_token_renew(person=emma).token
    emma.is_active = False
    emma.save()
    assert (
        client.get(reverse("trainings:calendar-feed", kwargs={"token": token})).status_code == 404
    )


def test_my_trainings_page_shows_and_manages_the_address(client, emma):
    client.force_login(emma)
    client.post(reverse("trainings:calendar-renew"))
    token = CalendarToken.objects.get(person=emma)
    response = client.get(reverse("trainings:mine"))
    assert f"/trainings/calendar/{token.token}.ics" in response.content.decode()
    client.post(reverse("trainings:calendar-revoke"))
    assert not CalendarToken.objects.exists()


def test_a_cancelled_session_sends_the_cancelled_event(
    emma, hanna, session, django_capture_on_commit_callbacks
):
    services.enrolment_create(session=session, person=emma)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.session_cancel(session=session, cancelled_by=hanna)
    (message,) = mail.outbox
    ((_filename, content, _mimetype),) = message.attachments
    assert "STATUS:CANCELLED" in content and "SEQUENCE:1" in content


def test_waitlist_messages_carry_no_event(
    emma, milan, cas, session, django_capture_on_commit_callbacks
):
    services.enrolment_create(session=session, person=emma)
    services.enrolment_create(session=session, person=milan)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_create(session=session, person=cas)  # waitlisted: no e-mail at all
        services.session_update(session=session, changed_by=milan, location="Zaal 3")
    by_person = {m.to[0]: m for m in mail.outbox}
    assert by_person["emma@example.com"].attachments, "a confirmed seat gets the new event"
    assert not by_person["cas@example.com"].attachments, "a waitlist place gets no event"


def _writes(queries) -> list[str]:
    verbs = ("INSERT", "UPDATE", "DELETE")
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(verbs)]


def test_the_feed_is_a_harmless_read_that_only_stamps_its_last_use_hourly(client, emma, session):
    """The one GET that writes (issue 13): the last-use stamp, at most once an hour, only for
    the holder of the secret address; nothing else changes, and other methods are refused."""
    services.enrolment_create(session=session, person=emma)
    token = services.calendar_token_renew(person=emma)
    url = reverse("trainings:calendar-feed", kwargs={"token": token.token})
    start = datetime(2031, 3, 3, 9, 0, tzinfo=UTC)

    with time_machine.travel(start, tick=False):
        with CaptureQueriesContext(connection) as first:
            assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as again:
            assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as stranger:
            wrong = reverse("trainings:calendar-feed", kwargs={"token": "x" * 43})
            assert client.get(wrong).status_code == 404
    hour_later = time_machine.travel(start + timedelta(minutes=61), tick=False)
    with hour_later, CaptureQueriesContext(connection) as later:
        assert client.get(url).status_code == 200

    (stamp,) = _writes(first.captured_queries)
    assert "trainings_calendartoken" in stamp and "last_used_at" in stamp
    assert _writes(again.captured_queries) == []
    assert _writes(stranger.captured_queries) == []
    assert len(_writes(later.captured_queries)) == 1
    token.refresh_from_db()
    assert token.last_used_at == start + timedelta(minutes=61)
    assert client.post(url).status_code == 405
