"""Mijn overzicht: the self-assessment to do, and the reviews waiting for a manager."""

from django.urls import reverse

from competencies import services
from tests.competencies.factories import self_assessed


def test_the_employee_sees_their_self_assessment_to_do(client, emma, review):
    client.force_login(emma)
    content = client.get(reverse("home")).content.decode()
    assert "Beoordeel jezelf in Najaar 2026" in content
    assert reverse("competencies:self-assessment", args=[review.pk]) in content


def test_the_manager_sees_the_reviews_waiting(client, milan, review, online, privacy):
    self_assessed(review, {online: 3, privacy: 2})
    client.force_login(milan)
    content = client.get(reverse("home")).content.decode()
    assert "Eén competentiebeoordeling te doen" in content
    assert reverse("competencies:manager-review", args=[review.pk]) in content


def test_after_the_review_the_employee_is_pointed_to_the_outcome(
    client, emma, milan, review, online, privacy
):
    self_assessed(review, {online: 3, privacy: 2})
    services.review_submit(
        review=review,
        reviewer=milan,
        decisions=[services.Decision(online.pk, 3), services.Decision(privacy.pk, 2)],
    )
    client.force_login(emma)
    assert "bekijk de uitkomst" in client.get(reverse("home")).content.decode()
    client.force_login(milan)
    assert "competentiebeoordeling te doen" not in client.get(reverse("home")).content.decode()


def test_nothing_to_do_means_no_panel(client, cas):
    client.force_login(cas)
    assert "competentiebeoordeling" not in client.get(reverse("home")).content.decode()
