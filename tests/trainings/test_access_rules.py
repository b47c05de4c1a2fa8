"""The access rules the training and proposal pages take from trainings.permissions."""

from django.urls import reverse

from trainings import permissions, services


def test_a_manager_may_propose_a_published_training_to_their_team_only(
    client, milan, emma, training
):
    assert permissions.reports_to_propose_to(milan, training) == [emma]
    assert permissions.reports_to_propose_to(emma, training) == []
    training.is_published = False
    assert permissions.reports_to_propose_to(milan, training) == []


def test_only_the_employee_answers_a_proposal(client, milan, emma, training):
    proposal = services.training_propose(training=training, employee=emma, proposed_by=milan)
    url = reverse("trainings:proposal-detail", args=[proposal.pk])
    client.force_login(emma)
    assert client.get(url).context["decline_form"] is not None
    client.force_login(milan)
    response = client.get(url)
    assert (response.status_code, response.context["decline_form"]) == (200, None)
