"""Events of the alumni network: HR's form, sign-ups, the waiting list moving up, the
calendar file, the alumni page, who sees what, and bad input (nothing half-saved)."""

import datetime
import threading
import zoneinfo

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.db import connection
from django.urls import reverse

from alumni import events
from alumni.models import Event, EventRegistration
from alumni.services import membership_sign_up
from notifications.models import Notification
from tests.factories import AlumnusFactory, FreelancerFactory, UserFactory
from tests.queries import count_queries

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")
NOW = datetime.datetime(2027, 3, 1, 10, 0, tzinfo=AMS)
START = datetime.datetime(2027, 3, 12, 16, 0, tzinfo=AMS)


@pytest.fixture(autouse=True)
def fixed_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def make_event(hr, **data):
    fields = {
        "title": "Reünie", "description": "Borrel", "starts_at": START,
        "ends_at": START + datetime.timedelta(hours=3), "location": "Utrecht", "capacity": 2,
    }  # fmt: skip
    return events.event_save(data={**fields, **data}, saved_by=hr)


def form_data(**changes):
    return {
        "kind": "reunion", "title": "Kennissessie AI", "description": "Over **AI**",
        "starts_at": "2027-03-12T16:00", "ends_at": "2027-03-12T18:00",
        "location": "Utrecht", "online_url": "", "capacity": "20", **changes,
    }  # fmt: skip


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_hr_creates_an_event_and_members_see_it_on_the_list_and_the_alumni_page(
    client, hanna, anouk
):
    client.force_login(hanna)
    response = client.post(
        reverse("alumni:event-create"),
        form_data(description="Over **AI** <script>alert(1)</script>"),
    )
    event = Event.objects.get()
    assert response.status_code == 302 and response.url == event.get_absolute_url()
    assert event.starts_at == START and event.created_by == hanna and event.capacity == 20
    client.force_login(anouk)
    assert "Kennissessie AI" in client.get(reverse("alumni:event-list")).content.decode()
    assert "Kennissessie AI" in client.get(reverse("alumni:index")).content.decode()
    page = client.get(event.get_absolute_url()).content.decode()
    assert "<strong>AI</strong>" in page and "<script>alert(1)" not in page


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"ends_at": "2027-03-12T15:00"}, "ends_at"),  # end before start
        ({"ends_at": "2027-03-12T16:00"}, "ends_at"),  # no length at all
        ({"capacity": "-1"}, "capacity"),
        ({"capacity": "0"}, "capacity"),
        ({"capacity": "99999999999999999999"}, "capacity"),
        ({"location": "", "online_url": ""}, "location"),
        ({"title": "Re\x00nie"}, "title"),
    ],
)
def test_bad_event_input_is_refused_with_a_message_and_nothing_saved(client, hanna, changes, field):
    client.force_login(hanna)
    response = client.post(reverse("alumni:event-create"), form_data(**changes))
    assert response.status_code == 200 and not Event.objects.exists()
    assert response.context["form"].errors[field]


def test_an_end_before_the_start_reads_clearly_in_dutch(client, hanna):
    client.force_login(hanna)
    response = client.post(reverse("alumni:event-create"), form_data(ends_at="2027-03-12T15:00"))
    assert "Het evenement kan niet eindigen voordat het begint." in response.content.decode()


def test_members_sign_up_then_the_waiting_list_moves_up_first_come_first_served(
    client, hanna, anouk, femke
):
    event = make_event(hanna, capacity=1)
    third = AlumnusFactory(full_name="Derde Persoon")
    for member in (anouk, femke, third):
        client.force_login(member)
        client.post(reverse("alumni:event-sign-up", args=[event.pk]))
    event.refresh_from_db()
    assert event.seats_taken == 1
    statuses = dict(EventRegistration.objects.values_list("member__full_name", "status"))
    assert statuses == {"Anouk Visser": "booked", "Femke Smit": "waitlisted",
                        "Derde Persoon": "waitlisted"}  # fmt: skip
    client.force_login(anouk)
    response = client.post(reverse("alumni:event-cancel", args=[event.pk]))
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.seats_taken == 1
    assert EventRegistration.objects.get(member=femke, status="booked").booked_at == NOW
    assert EventRegistration.objects.filter(member=third, status="waitlisted").exists()
    seat_notice = Notification.objects.filter(recipient=femke, category="alumni.event").latest("pk")
    assert "Reünie" in seat_notice.title and seat_notice.url == event.get_absolute_url()
    assert not Notification.objects.filter(recipient=third, title__contains="plaats vrij").exists()


def test_signing_up_twice_is_refused_with_a_message_and_one_sign_up(client, hanna, anouk):
    event = make_event(hanna)
    client.force_login(anouk)
    client.post(reverse("alumni:event-sign-up", args=[event.pk]))
    response = client.post(reverse("alumni:event-sign-up", args=[event.pk]))
    # The first message ("you are signed up") was not shown yet: no redirect was followed.
    assert messages_of(response)[-1] == "Je bent al aangemeld voor dit evenement."
    assert EventRegistration.objects.count() == 1
    event.refresh_from_db()
    assert event.seats_taken == 1


def test_signing_up_for_an_event_that_started_is_refused(client, hanna, anouk):
    event = make_event(hanna)
    client.force_login(anouk)
    with time_machine.travel(START + datetime.timedelta(minutes=5), tick=False):
        response = client.post(reverse("alumni:event-sign-up", args=[event.pk]))
    assert "al begonnen" in messages_of(response)[0]
    assert not EventRegistration.objects.exists()
    event.refresh_from_db()
    assert event.seats_taken == 0


def test_sign_up_again_after_cancelling_goes_to_the_end_of_the_line(hanna, anouk, femke):
    event = make_event(hanna, capacity=1)
    events.event_sign_up(event=event, member=anouk)
    events.event_cancel(event=event, member=anouk)
    events.event_sign_up(event=event, member=femke)
    again = events.event_sign_up(event=event, member=anouk)
    assert again.status == EventRegistration.Status.WAITLISTED


def test_the_seat_count_is_read_under_the_lock_not_from_a_stale_object(hanna, anouk, femke):
    """Two people who opened the page while one seat was free: the second gets the waiting
    list, because the service counts the seats on the locked row, not on what it was given."""
    event = make_event(hanna, capacity=1)
    stale = Event.objects.get(pk=event.pk)
    events.event_sign_up(event=event, member=anouk)
    assert stale.free_seats == 1
    assert events.event_sign_up(event=stale, member=femke).status == "waitlisted"
    assert Event.objects.get(pk=event.pk).seats_taken == 1


@pytest.mark.django_db(transaction=True)
def test_two_last_seat_sign_ups_at_once_give_the_seat_once():
    """On PostgreSQL the row lock makes the second transaction wait for the first."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one transaction write at a time anyway")
    from tests.conftest import make_hr

    hr = make_hr(UserFactory(full_name="HR Persoon"))
    event = make_event(hr, capacity=1)
    members = [AlumnusFactory(), FreelancerFactory()]
    barrier = threading.Barrier(2)

    def sign_up(member):
        barrier.wait()
        try:
            events.event_sign_up(event=event, member=member)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign_up, args=[m]) for m in members]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    statuses = sorted(EventRegistration.objects.values_list("status", flat=True))
    assert statuses == ["booked", "waitlisted"]
    assert Event.objects.get(pk=event.pk).seats_taken == 1


def test_cancelling_without_a_sign_up_says_so(client, hanna, anouk):
    event = make_event(hanna)
    client.force_login(anouk)
    response = client.post(reverse("alumni:event-cancel", args=[event.pk]))
    assert messages_of(response) == ["Je bent niet aangemeld voor dit evenement."]


def test_hr_sees_the_sign_ups_and_the_waiting_list_members_do_not(client, hanna, anouk, femke):
    event = make_event(hanna, capacity=1)
    events.event_sign_up(event=event, member=anouk)
    events.event_sign_up(event=event, member=femke)
    client.force_login(hanna)
    page = client.get(event.get_absolute_url()).content.decode()
    booked, waiting = page.split("Wachtlijst</h2>")
    assert "Anouk Visser" in booked and "Femke Smit" in waiting
    client.force_login(femke)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Anouk Visser" not in page and "Je staat op de wachtlijst" in page


def test_hr_cannot_lower_the_capacity_below_the_seats_taken(client, hanna, anouk, femke):
    event = make_event(hanna, capacity=2)
    events.event_sign_up(event=event, member=anouk)
    events.event_sign_up(event=event, member=femke)
    client.force_login(hanna)
    response = client.post(reverse("alumni:event-edit", args=[event.pk]), form_data(capacity="1"))
    assert response.status_code == 200 and response.context["form"].errors
    event.refresh_from_db()
    assert event.capacity == 2 and event.title == "Reünie"


def test_more_seats_go_to_the_waiting_list_and_a_new_time_reaches_everyone(
    client, hanna, anouk, femke
):
    event = make_event(hanna, capacity=1)
    events.event_sign_up(event=event, member=anouk)
    events.event_sign_up(event=event, member=femke)
    client.force_login(hanna)
    response = client.post(
        reverse("alumni:event-edit", args=[event.pk]),
        form_data(title="Reünie", capacity="2", starts_at="2027-03-12T17:00",
                  ends_at="2027-03-12T20:00"),
    )  # fmt: skip
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.seats_taken == 2 and event.sequence == 1
    assert EventRegistration.objects.get(member=femke).status == "booked"
    assert Notification.objects.filter(recipient=anouk, title__contains="gewijzigd").exists()


def test_the_calendar_file_is_valid_icalendar_in_utc(client, hanna, anouk):
    event = make_event(hanna, title="Reünie, borrel; en meer", location="Utrecht, NL")
    client.force_login(anouk)
    response = client.get(reverse("alumni:event-calendar", args=[event.pk]))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="event-20270312-{event.pk}.ics"'
    )
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and body.endswith(
        "END:VCALENDAR\r\n"
    )
    assert "DTSTART:20270312T150000Z\r\n" in body and "DTEND:20270312T180000Z\r\n" in body
    assert "SUMMARY:Reünie\\, borrel\\; en meer\r\n" in body
    assert "LOCATION:Utrecht\\, NL\r\n" in body and f"UID:alumni-event-{event.pk}@" in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_employees_and_members_waiting_for_verification_get_no_events(client, hanna):
    event = make_event(hanna)
    client.force_login(UserFactory())
    assert client.get(reverse("alumni:event-list")).status_code == 403
    assert client.get(event.get_absolute_url()).status_code == 403
    waiting = AlumnusFactory()
    membership_sign_up(user=waiting)
    client.force_login(waiting)
    for url in (reverse("alumni:event-list"), reverse("alumni:event-calendar", args=[event.pk])):
        assert client.get(url).url == reverse("alumni:waiting")
    response = client.post(reverse("alumni:event-sign-up", args=[event.pk]))
    assert response.url == reverse("alumni:waiting") and not EventRegistration.objects.exists()


def test_the_event_list_costs_the_same_for_5_and_50_events(client, hanna, anouk):
    def fill(count):
        for i in range(count - Event.objects.count()):
            event = make_event(hanna, title=f"Event {i}", capacity=1)
            events.event_sign_up(event=event, member=FreelancerFactory())
            if i % 2:
                events.event_sign_up(event=event, member=anouk)

    url = reverse("alumni:event-list")
    results = {}
    for who in (anouk, hanna):
        client.force_login(who)
        fill(5)
        few = count_queries(client, url)
        fill(50)
        results[who.pk] = (few, count_queries(client, url))
        Event.objects.all().delete()
    assert all(few == many for few, many in results.values()), results


@pytest.mark.parametrize(
    "moment",  # a Friday night before a holiday weekend, and a Monday morning
    [
        datetime.datetime(2027, 3, 26, 23, 50, tzinfo=AMS),
        datetime.datetime(2027, 3, 1, 0, 5, tzinfo=AMS),
    ],
)
def test_the_demo_has_an_upcoming_event_whatever_the_hour(db, moment):
    from io import StringIO

    from django.core.management import call_command

    with time_machine.travel(moment, tick=False):
        call_command("seed_demo", stdout=StringIO())
        event = Event.objects.upcoming().get()
        assert event.starts_at > moment + datetime.timedelta(days=14)
        assert event.registrations.filter(member__email="alumni@example.com").exists()
