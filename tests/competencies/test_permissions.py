"""Who sees what: an employee their own profile, a manager their reports', HR everyone's
(audited). Nobody else, not even by typing the URL."""

import pytest
from django.test import override_settings
from django.urls import reverse

from competencies import permissions
from hrsocial.models import AuditEntry
from tests.competencies.factories import ReviewFactory, self_assessed
from tests.factories import UserFactory


@pytest.fixture
def sophie(db, cas):
    """A manager of another team (a peer of milan's), with cas as her report."""
    sophie = UserFactory(email="sophie@example.com", full_name="Sophie van Leeuwen")
    cas.manager = sophie
    cas.save(update_fields=["manager"])
    return sophie


def _pages(person, review):
    return [
        reverse("competencies:profile", args=[person.pk]),
        reverse("competencies:gaps", args=[person.pk]),
        reverse("competencies:review-detail", args=[review.pk]),
    ]


def test_an_employee_sees_their_own_profile_and_nobody_elses(client, emma, cas, cycle, review):
    client.force_login(emma)
    assert client.get(reverse("competencies:index")).status_code == 200
    for url in _pages(emma, review):
        assert client.get(url).status_code == 200, url
    cas_review = ReviewFactory(cycle=cycle, employee=cas)
    for url in _pages(cas, cas_review):
        assert client.get(url).status_code == 404, url


def test_a_manager_sees_their_direct_reports(client, milan, emma, review):
    client.force_login(milan)
    for url in _pages(emma, review):
        assert client.get(url).status_code == 200, url
    assert not AuditEntry.objects.filter(action="competencies.view").exists()


def test_a_manager_cannot_open_a_peers_report_by_url(
    client, milan, sophie, cas, cycle, online, privacy
):
    cas_review = self_assessed(ReviewFactory(cycle=cycle, employee=cas), {online: 2, privacy: 2})
    client.force_login(milan)
    for url in [
        *_pages(cas, cas_review),
        reverse("competencies:manager-review", args=[cas_review.pk]),
        reverse("competencies:self-assessment", args=[cas_review.pk]),
    ]:
        assert client.get(url).status_code == 404, url
    response = client.post(
        reverse("competencies:manager-review", args=[cas_review.pk]),
        {f"level_{online.pk}": "4", f"level_{privacy.pk}": "4", f"comment_{online.pk}": "x",
         f"comment_{privacy.pk}": "x"},
    )  # fmt: skip
    assert response.status_code == 404
    cas_review.refresh_from_db()
    assert not cas_review.is_reviewed
    # Sophie, her own manager, may.
    client.force_login(sophie)
    assert client.get(reverse("competencies:profile", args=[cas.pk])).status_code == 200


def test_the_whole_line_below_is_visible_only_when_configured(client, milan, emma, cycle):
    trainee = UserFactory(full_name="Tim Stagiair", department=emma.department, manager=emma)
    url = reverse("competencies:profile", args=[trainee.pk])
    client.force_login(milan)
    assert client.get(url).status_code == 404
    with override_settings(COMPETENCIES_MANAGER_SEES_WHOLE_LINE=True):
        assert client.get(url).status_code == 200
        assert set(permissions.team_of(milan)) == {emma, trainee}
        # Reviewing stays with the direct manager.
        assert not permissions.can_review(milan, trainee)
    assert set(permissions.team_of(milan)) == {emma}


def test_hr_sees_everyone_and_each_view_is_audited(client, hanna, emma, review):
    client.force_login(hanna)
    for url in _pages(emma, review):
        assert client.get(url).status_code == 200, url
    entries = AuditEntry.objects.filter(action="competencies.view", actor=hanna)
    assert sorted(entry.detail["page"] for entry in entries) == ["gaps", "profile", "review"]
    assert {entry.target_repr for entry in entries} >= {"Emma Jansen"}


def test_hr_looking_at_their_own_profile_is_not_audited(client, hanna):
    client.force_login(hanna)
    client.get(reverse("competencies:profile", args=[hanna.pk]))
    assert not AuditEntry.objects.filter(action="competencies.view").exists()


def test_alumni_and_freelancers_see_nothing(client, anouk, femke, emma):
    for outsider in (anouk, femke):
        client.force_login(outsider)
        assert client.get(reverse("competencies:index")).status_code == 403
        assert client.get(reverse("competencies:profile", args=[emma.pk])).status_code == 403
        assert client.get(reverse("competencies:experts")).status_code == 403


def test_hr_department_overview_is_audited(client, hanna, emma, communication):
    client.force_login(hanna)
    assert (
        client.get(reverse("competencies:department", args=[communication.pk])).status_code == 200
    )
    assert AuditEntry.objects.filter(
        action="competencies.view_department", target_repr="Communicatie"
    ).exists()
