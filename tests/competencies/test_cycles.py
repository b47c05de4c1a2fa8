"""HR opens a cycle for a period and departments; progress per department; reminders."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from competencies import services
from competencies.models import Review, ReviewCycle
from competencies.tasks import send_deadline_reminders
from hrsocial.models import AuditEntry
from notifications.models import Notification
from tests.competencies.factories import CycleFactory, ReviewFactory, self_assessed
from tests.factories import DepartmentFactory, UserFactory


def _dates(start=0, due=7, end=30):
    today = timezone.localdate()
    return {
        "starts_on": (today + datetime.timedelta(days=start)).isoformat(),
        "self_assessment_due": (today + datetime.timedelta(days=due)).isoformat(),
        "ends_on": (today + datetime.timedelta(days=end)).isoformat(),
    }


def test_hr_opens_a_cycle_and_everyone_there_is_asked(
    client, hanna, emma, milan, cas, communication
):
    client.force_login(hanna)
    response = client.post(
        reverse("competencies:cycle-create"),
        {"name": "Najaar 2026", "departments": [communication.pk], **_dates()},
    )
    cycle = ReviewCycle.objects.get()
    assert response["Location"] == cycle.get_absolute_url()
    assert set(cycle.reviews.values_list("employee__email", flat=True)) == {
        "emma@example.com",
        "milan@example.com",
    }
    asked = Notification.objects.filter(category="competencies.assessment")
    assert set(asked.values_list("recipient__email", flat=True)) == {
        "emma@example.com",
        "milan@example.com",
    }
    assert "beoordeel jezelf" in asked.first().title
    assert AuditEntry.objects.filter(action="competencies.cycle_open").exists()


def test_a_cycle_that_ends_before_it_starts_is_refused(client, hanna, emma, communication):
    client.force_login(hanna)
    response = client.post(
        reverse("competencies:cycle-create"),
        {
            "name": "Verkeerd om",
            "departments": [communication.pk],
            **_dates(start=10, due=5, end=2),
        },
    )
    assert response.status_code == 200
    assert "Een ronde kan niet eindigen voordat hij begint." in response.content.decode()
    assert not ReviewCycle.objects.exists()
    assert not Review.objects.exists()
    assert not Notification.objects.exists()


def test_the_service_and_the_database_refuse_it_too(hanna, communication):
    today = timezone.localdate()
    with pytest.raises(ValidationError, match="eindigen voordat hij begint"):
        services.cycle_open(
            name="Verkeerd om",
            starts_on=today,
            self_assessment_due=today,
            ends_on=today - datetime.timedelta(days=1),
            departments=[communication],
            opened_by=hanna,
        )
    assert not ReviewCycle.objects.exists()


@pytest.mark.parametrize(
    ("dates", "message"),
    [
        (_dates(due=40), "binnen de periode"),
        (_dates(start=-30, due=-20, end=-10), "in het verleden"),
    ],
)
def test_other_bad_periods_get_a_clear_message(client, hanna, communication, dates, message):
    client.force_login(hanna)
    response = client.post(
        reverse("competencies:cycle-create"),
        {"name": "Ronde", "departments": [communication.pk], **dates},
    )
    assert message in response.content.decode()
    assert not ReviewCycle.objects.exists()


def test_a_cycle_needs_a_department(client, hanna):
    client.force_login(hanna)
    response = client.post(reverse("competencies:cycle-create"), {"name": "Ronde", **_dates()})
    assert "Kies minstens één afdeling." in response.content.decode()


def test_progress_is_shown_per_department(
    client, hanna, emma, milan, cas, communication, online, privacy
):
    ict = cas.department
    cycle = CycleFactory(departments=[communication, ict])
    reviews = {p: ReviewFactory(cycle=cycle, employee=p) for p in (emma, milan, cas)}
    self_assessed(reviews[emma], {online: 3, privacy: 2})
    services.review_submit(
        review=reviews[emma],
        reviewer=milan,
        decisions=[services.Decision(online.pk, 3), services.Decision(privacy.pk, 2)],
    )
    self_assessed(reviews[cas], {online: 2, privacy: 2})

    rows = {r["employee__department__name"]: r for r in cycle.reviews.progress_by_department()}
    assert rows["Communicatie"] == {
        "employee__department__name": "Communicatie",
        "total": 2,
        "to_do": 1,
        "awaiting_review": 0,
        "reviewed": 1,
        "reacted": 0,
    }
    assert rows["ICT"]["awaiting_review"] == 1

    client.force_login(hanna)
    content = client.get(cycle.get_absolute_url()).content.decode()
    assert "Voortgang per afdeling" in content
    assert "50%" in content


def test_closing_a_cycle_stops_assessing(client, hanna, emma, review, online, privacy):
    client.force_login(hanna)
    client.post(reverse("competencies:cycle-close", args=[review.cycle.pk]))
    review.cycle.refresh_from_db()
    assert review.cycle.status == ReviewCycle.Status.CLOSED
    with pytest.raises(ValidationError, match="niet open"):
        services.self_assessment_submit(
            review=review,
            person=emma,
            entries=[
                services.SelfAssessment(online.pk, 3, "x"),
                services.SelfAssessment(privacy.pk, 2, "x"),
            ],
        )
    response = client.post(reverse("competencies:cycle-close", args=[review.cycle.pk]), follow=True)
    assert "al gesloten" in response.content.decode()


def test_the_daily_task_adds_people_who_joined_since(cycle, emma, milan, communication):
    ReviewFactory(cycle=cycle, employee=emma)
    ReviewFactory(cycle=cycle, employee=milan)
    newcomer = UserFactory(full_name="Noor Nieuw", department=communication)
    UserFactory(department=DepartmentFactory(name="Elders"))

    result = send_deadline_reminders.delay().get()

    assert result["newcomers"] == 1
    assert cycle.reviews.filter(employee=newcomer).exists()
    assert Notification.objects.filter(recipient=newcomer).count() == 1


def test_reminders_go_out_once_before_each_deadline(emma, milan, cycle, online, privacy):
    employee_review = ReviewFactory(cycle=cycle, employee=emma)
    daan = UserFactory(full_name="Daan Mulder", department=emma.department, manager=milan)
    waiting = self_assessed(ReviewFactory(cycle=cycle, employee=daan), {online: 3, privacy: 3})
    ReviewFactory(cycle=cycle, employee=milan, status=Review.Status.REVIEWED,
                  reviewed_at=timezone.now())  # fmt: skip
    Notification.objects.all().delete()

    # A week before the self-assessment deadline: too early.
    assert services.reminders_send()["self"] == 0

    with time_machine.travel(cycle.self_assessment_due - datetime.timedelta(days=2), tick=False):
        first = services.reminders_send()
        second = services.reminders_send()
    assert (first["self"], second["self"]) == (1, 0)
    reminder = Notification.objects.get(recipient=emma)
    assert reminder.title.startswith("Herinnering: beoordeel je competenties")

    with time_machine.travel(cycle.ends_on - datetime.timedelta(days=1), tick=False):
        assert services.reminders_send()["review"] == 1
        assert services.reminders_send()["review"] == 0
    manager_reminder = Notification.objects.get(recipient=milan)
    assert manager_reminder.category == "competencies.review"
    assert "1 competentiebeoordeling wacht" in manager_reminder.title
    employee_review.refresh_from_db()
    waiting.refresh_from_db()
    assert employee_review.self_reminder_sent_at is not None
    assert waiting.review_reminder_sent_at is not None


def test_no_reminders_for_a_closed_cycle(emma, cycle):
    ReviewFactory(cycle=cycle, employee=emma)
    cycle.status = ReviewCycle.Status.CLOSED
    cycle.save()
    with time_machine.travel(cycle.self_assessment_due, tick=False):
        assert services.reminders_send() == {"self": 0, "review": 0, "newcomers": 0}
