"""The notification settings show each person only the categories that can reach them,
grouped by the app that sends them, with defaults that fit each kind of message."""

import re

import pytest
from django.urls import reverse

from notifications import categories
from notifications.categories import Delivery

pytestmark = pytest.mark.django_db

HR_ONLY = {
    "helpdesk.new_question",
    "helpdesk.assigned",
    "helpdesk.follow_up",
    "helpdesk.response_target",
    "helpdesk.rating",
}


def offered(client, person) -> list[str]:
    client.force_login(person)
    page = client.get(reverse("notifications:preferences")).content.decode()
    return re.findall(r'name="category-([\w.]+)" id="pref-[\w.]+-immediate"', page)


def test_an_employee_sees_neither_hr_s_nor_managers_categories(client, cas):
    keys = set(offered(client, cas))
    assert "helpdesk.answer" in keys and "trainings.enrolment" in keys
    assert not keys & (HR_ONLY | {"people.access", "trainings.approval", "competencies.review"})


def test_a_manager_also_sees_the_team_s_categories(client, milan, emma):
    keys = set(offered(client, milan))
    assert {"trainings.approval", "competencies.review"} <= keys
    assert not keys & (HR_ONLY | {"people.access"})


def test_hr_leads_see_every_category_but_the_networks_own(client, hanna):
    everything = {c.key for c in categories.all_categories()}
    # The network's categories are for its members (and invited freelancers) only.
    network = {"alumni.gig", "alumni.event", "alumni.membership", "alumni.invitation"}
    assert set(offered(client, hanna)) == everything - network


def test_an_alumna_sees_only_what_can_reach_her(client, anouk):
    assert offered(client, anouk) == [
        "general", "sharing.weekly", "sharing.new_kit", "sharing.monthly_clicks",
        "alumni.membership", "alumni.gig", "alumni.event", "people.second_factor_reset",
    ]  # fmt: skip


def test_categories_are_grouped_under_their_app_s_name(client, cas, in_english):
    client.force_login(cas)
    cas.preferred_language = "en"
    cas.save(update_fields=["preferred_language"])
    page = client.get(reverse("notifications:preferences")).content.decode()
    headings = re.findall(r'<h2 class="h4" id="pref-app-\d+">([^<]+)</h2>', page)
    assert headings == [
        "Notifications", "Guidelines", "Trainings", "Helpdesk", "Competencies", "News", "Sharing",
        "Recruitment", "People",
    ]  # fmt: skip


def test_a_choice_for_a_category_that_cannot_reach_the_person_is_ignored(client, cas):
    client.force_login(cas)
    client.post(
        reverse("notifications:preferences"),
        {"category-helpdesk.rating": "immediate", "category-helpdesk.answer": "digest"},
    )
    assert list(cas.notification_preferences.values_list("category", "delivery")) == [
        ("helpdesk.answer", "digest")
    ]


def test_defaults_are_not_all_immediately_by_e_mail():
    defaults = {c.key: c.default for c in categories.all_categories()}
    immediate = [key for key, default in defaults.items() if default == Delivery.IMMEDIATE]
    assert len(defaults) - len(immediate) >= 4
    # In bulk or can wait: the digest. Merely informative: the portal.
    assert defaults["guidelines.changed"] == defaults["trainings.feedback"] == Delivery.DIGEST
    assert defaults["helpdesk.rating"] == Delivery.PORTAL
    # What cannot wait stays immediate.
    assert defaults["helpdesk.answer"] == defaults["trainings.enrolment"] == Delivery.IMMEDIATE
