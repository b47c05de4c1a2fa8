"""A review's three steps: self-assessment, the manager's review, the employee's reaction."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from competencies import services
from competencies.models import AssessedLevel, AssessmentLine, Review
from notifications.models import Notification
from tests.competencies.factories import CycleFactory, ReviewFactory, self_assessed
from tests.factories import UserFactory


def _self_assessment_data(online, privacy, *, online_level="3", privacy_level="2"):
    return {
        f"level_{online.pk}": online_level,
        f"evidence_{online.pk}": "Ik beantwoord vragen op LinkedIn namens ons team.",
        f"level_{privacy.pk}": privacy_level,
        f"evidence_{privacy.pk}": "Ik vraag altijd toestemming voor foto's.",
    }


def test_it_saves_a_self_assessment_and_asks_the_manager(
    client, emma, milan, review, online, privacy
):
    client.force_login(emma)
    url = reverse("competencies:self-assessment", args=[review.pk])
    assert client.get(url).status_code == 200

    response = client.post(url, _self_assessment_data(online, privacy))

    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == Review.Status.AWAITING_REVIEW
    lines = {line.competency: line for line in review.lines.all()}
    assert lines[online].self_level == 3
    assert lines[online].required_level == 3
    assert lines[privacy].evidence == "Ik vraag altijd toestemming voor foto's."
    notification = Notification.objects.get(recipient=milan)
    assert notification.category == "competencies.review"
    assert "Emma Jansen" in notification.title
    assert notification.url == review.get_absolute_url()


@pytest.mark.parametrize("bad", ["5", "0", "-1", "drie", ""])
def test_it_refuses_a_level_outside_1_to_4_and_saves_nothing(
    client, emma, review, online, privacy, bad
):
    client.force_login(emma)
    response = client.post(
        reverse("competencies:self-assessment", args=[review.pk]),
        _self_assessment_data(online, privacy, online_level=bad),
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Kies een niveau" in content
    assert not AssessmentLine.objects.exists()
    review.refresh_from_db()
    assert review.status == Review.Status.SELF_ASSESSMENT
    assert not Notification.objects.exists()


def test_the_service_refuses_a_level_outside_1_to_4_too(emma, review, online, privacy):
    entries = [
        services.SelfAssessment(online.pk, 7, "Voorbeeld"),
        services.SelfAssessment(privacy.pk, 2, "Voorbeeld"),
    ]
    with pytest.raises(ValidationError, match="1 tot en met 4"):
        services.self_assessment_submit(review=review, person=emma, entries=entries)
    assert not AssessmentLine.objects.exists()


def test_it_asks_for_an_example_per_competency(client, emma, review, online, privacy):
    client.force_login(emma)
    data = _self_assessment_data(online, privacy)
    data[f"evidence_{privacy.pk}"] = "   "
    response = client.post(reverse("competencies:self-assessment", args=[review.pk]), data)
    assert "Geef een voorbeeld dat dit niveau laat zien." in response.content.decode()
    assert not AssessmentLine.objects.exists()


@pytest.mark.parametrize(
    "period",
    [
        {"status": "closed"},
        {"starts_on": 40, "self_assessment_due": 35, "ends_on": 30},  # ended a month ago
        {"starts_on": -5, "self_assessment_due": -10, "ends_on": -20},  # starts in five days
    ],
)
def test_it_refuses_assessing_outside_an_open_cycle(
    client, emma, communication, online, privacy, period
):
    today = timezone.localdate()
    fields = {
        key: today - datetime.timedelta(days=value) if isinstance(value, int) else value
        for key, value in period.items()
    }
    cycle = CycleFactory(departments=[communication], **fields)
    review = ReviewFactory(cycle=cycle, employee=emma)
    client.force_login(emma)
    url = reverse("competencies:self-assessment", args=[review.pk])

    response = client.post(url, _self_assessment_data(online, privacy), follow=True)

    assert "niet open" in response.content.decode()
    assert not AssessmentLine.objects.exists()
    with pytest.raises(ValidationError, match="niet open"):
        services.self_assessment_submit(
            review=review,
            person=emma,
            entries=[
                services.SelfAssessment(online.pk, 3, "x"),
                services.SelfAssessment(privacy.pk, 2, "x"),
            ],
        )


def test_only_the_employee_fills_in_their_self_assessment(client, milan, hanna, review):
    for someone in (milan, hanna):
        client.force_login(someone)
        url = reverse("competencies:self-assessment", args=[review.pk])
        assert client.get(url).status_code == 403


def test_the_manager_agrees_or_changes_a_level_with_a_comment(
    client, emma, milan, review, online, privacy
):
    self_assessed(review, {online: 3, privacy: 2})
    client.force_login(milan)
    url = reverse("competencies:manager-review", args=[review.pk])
    assert client.get(url).status_code == 200

    response = client.post(
        url,
        {
            f"level_{online.pk}": "2",
            f"comment_{online.pk}": "Je reageert nog weinig op kritiek; dat oefenen we.",
            f"level_{privacy.pk}": "2",
            f"comment_{privacy.pk}": "",
        },
    )

    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == Review.Status.REVIEWED
    assert review.reviewed_by == milan
    line = review.lines.get(competency=online)
    assert (line.self_level, line.manager_level) == (3, 2)
    assert line.changed_by_manager
    assert AssessedLevel.objects.get(person=emma, competency=online).level == 2
    assert AssessedLevel.objects.get(person=emma, competency=privacy).level == 2
    told = Notification.objects.get(recipient=emma)
    assert told.category == "competencies.assessment"
    assert "Milan de Vries" in told.title


def test_another_level_needs_a_comment_and_nothing_is_half_saved(
    client, emma, milan, review, online, privacy
):
    self_assessed(review, {online: 3, privacy: 2})
    client.force_login(milan)
    response = client.post(
        reverse("competencies:manager-review", args=[review.pk]),
        {f"level_{online.pk}": "3", f"level_{privacy.pk}": "4", f"comment_{privacy.pk}": ""},
    )
    assert response.status_code == 200
    assert "Licht toe waarom je een ander niveau kiest." in response.content.decode()
    review.refresh_from_db()
    assert review.status == Review.Status.AWAITING_REVIEW
    assert not review.lines.filter(manager_level__isnull=False).exists()
    assert not AssessedLevel.objects.exists()


def test_the_manager_level_must_be_1_to_4(client, milan, review, online, privacy):
    self_assessed(review, {online: 3, privacy: 2})
    client.force_login(milan)
    response = client.post(
        reverse("competencies:manager-review", args=[review.pk]),
        {f"level_{online.pk}": "9", f"comment_{online.pk}": "Te hoog", f"level_{privacy.pk}": "2"},
    )
    assert "Kies een niveau van 1 tot en met 4." in response.content.decode()
    assert not review.lines.filter(manager_level__isnull=False).exists()


def test_nobody_reviews_someone_who_is_not_their_report(cas, hanna, review, online, privacy):
    self_assessed(review, {online: 3, privacy: 2})
    decisions = [services.Decision(online.pk, 3), services.Decision(privacy.pk, 2)]
    for outsider in (cas, hanna):
        with pytest.raises(ValidationError, match="eigen teamleden"):
            services.review_submit(review=review, reviewer=outsider, decisions=decisions)
    review.refresh_from_db()
    assert review.status == Review.Status.AWAITING_REVIEW


def test_hr_who_may_read_a_review_is_told_clearly_they_cannot_review_it(
    client, hanna, review, online, privacy
):
    self_assessed(review, {online: 3, privacy: 2})
    client.force_login(hanna)
    response = client.post(
        reverse("competencies:manager-review", args=[review.pk]),
        {f"level_{online.pk}": "3", f"level_{privacy.pk}": "2"},
        follow=True,
    )
    assert "Alleen de leidinggevende van Emma Jansen" in response.content.decode()
    review.refresh_from_db()
    assert review.status == Review.Status.AWAITING_REVIEW


def test_hr_reviews_people_without_a_manager(hanna, communication, online, privacy, cycle):
    director = UserFactory(full_name="Jeroen van Dijk", department=communication)
    review = ReviewFactory(cycle=cycle, employee=director)
    self_assessed(review, {online: 4, privacy: 3})
    services.review_submit(
        review=review,
        reviewer=hanna,
        decisions=[services.Decision(online.pk, 4), services.Decision(privacy.pk, 3)],
    )
    review.refresh_from_db()
    assert review.status == Review.Status.REVIEWED


def test_the_employee_reacts_once_and_the_manager_hears_it(
    client, emma, milan, review, online, privacy
):
    self_assessed(review, {online: 3, privacy: 2})
    services.review_submit(
        review=review,
        reviewer=milan,
        decisions=[services.Decision(online.pk, 3), services.Decision(privacy.pk, 2)],
    )
    client.force_login(emma)
    url = reverse("competencies:reaction", args=[review.pk])

    client.post(url, {"reaction": "Herkenbaar. Ik wil graag aan de slag met privacy."})
    response = client.post(url, {"reaction": "Nog een keer"}, follow=True)

    review.refresh_from_db()
    assert review.reaction == "Herkenbaar. Ik wil graag aan de slag met privacy."
    assert "al op deze beoordeling gereageerd" in response.content.decode()
    assert Notification.objects.filter(recipient=milan, category="competencies.review").count() == 1


def test_an_empty_reaction_is_refused(client, emma, milan, review, online, privacy):
    self_assessed(review, {online: 3, privacy: 2})
    services.review_submit(
        review=review,
        reviewer=milan,
        decisions=[services.Decision(online.pk, 3), services.Decision(privacy.pk, 2)],
    )
    client.force_login(emma)
    response = client.post(
        reverse("competencies:reaction", args=[review.pk]), {"reaction": "  "}, follow=True
    )
    assert "Schrijf eerst je reactie." in response.content.decode()
    review.refresh_from_db()
    assert review.reacted_at is None


def test_reacting_before_the_review_is_refused(emma, review):
    with pytest.raises(ValidationError):
        services.reaction_add(review=review, person=emma, text="Te vroeg")


def test_a_changed_framework_keeps_earlier_reviews_readable(
    client, emma, milan, review, online, privacy
):
    """HR renames a competency and rewrites a level, then retires it: the old review still
    shows what Emma and Milan read when they chose."""
    self_assessed(review, {online: 3, privacy: 2})
    services.review_submit(
        review=review,
        reviewer=milan,
        decisions=[services.Decision(online.pk, 3), services.Decision(privacy.pk, 2)],
    )
    online.name = "Online gesprekken voeren"
    online.save()
    online.levels.filter(level=3).update(behaviour="Iets heel anders")
    services.competency_set_active(competency=online, active=False, changed_by=None)

    client.force_login(emma)
    content = client.get(review.get_absolute_url()).content.decode()

    assert "Online communicatie" in content
    assert "Online communicatie: gedrag op niveau 3" in content
    assert "Iets heel anders" not in content


def test_a_resubmission_before_the_review_replaces_the_lines(emma, milan, review, online, privacy):
    entries = [
        services.SelfAssessment(online.pk, 2, "Eerst"),
        services.SelfAssessment(privacy.pk, 2, "Eerst"),
    ]
    services.self_assessment_submit(review=review, person=emma, entries=entries)
    entries[0] = services.SelfAssessment(online.pk, 3, "Later beter bedacht")
    services.self_assessment_submit(review=review, person=emma, entries=entries)
    assert review.lines.get(competency=online).self_level == 3
    assert review.lines.count() == 2
    # The manager was asked once.
    assert Notification.objects.filter(recipient=milan).count() == 1


def test_a_late_review_of_an_old_cycle_does_not_overwrite_a_newer_level(
    emma, milan, communication, online, privacy
):
    today = timezone.localdate()
    new = CycleFactory(departments=[communication])
    old = CycleFactory(
        departments=[communication],
        starts_on=today - datetime.timedelta(days=100),
        self_assessment_due=today - datetime.timedelta(days=1),
        ends_on=today + datetime.timedelta(days=1),
    )
    for cycle, level in ((new, 4), (old, 1)):
        review = self_assessed(
            ReviewFactory(cycle=cycle, employee=emma), {online: level, privacy: level}
        )
        services.review_submit(
            review=review,
            reviewer=milan,
            decisions=[services.Decision(online.pk, level), services.Decision(privacy.pk, level)],
        )
    assert AssessedLevel.objects.get(person=emma, competency=online).level == 4


def test_the_manager_gets_the_request_by_e_mail_through_the_outbox(
    emma, milan, review, online, privacy, mailoutbox, django_capture_on_commit_callbacks
):
    entries = [
        services.SelfAssessment(online.pk, 3, "Voorbeeld"),
        services.SelfAssessment(privacy.pk, 2, "Voorbeeld"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        services.self_assessment_submit(review=review, person=emma, entries=entries)
    (message,) = mailoutbox
    assert message.to == ["milan@example.com"]
    assert "Emma Jansen heeft de eigen competenties beoordeeld" in message.subject
    assert Notification.objects.get(recipient=milan).email_status == "sent"
