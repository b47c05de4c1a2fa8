"""The signed-in user is kept in the shared cache (people.signed_in), and any change to people
or groups takes effect on the next request, as it did without the cache."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from people.models import HR_GROUP
from tests.factories import UserFactory

pytestmark = pytest.mark.usefixtures("signed_in_user_cache")


@pytest.fixture
def signed_in_user_cache():
    with override_settings(PEOPLE_SIGNED_IN_USER_CACHE=True):
        yield


def _user_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        client.get(url)
    return sum('FROM "people_user"' in q["sql"] and "EXISTS" in q["sql"] for q in context)


def test_a_second_page_does_not_load_the_user_again(client, emma):
    client.force_login(emma)
    assert _user_queries(client, reverse("home")) == 1
    assert _user_queries(client, reverse("home")) == 0


def test_losing_hr_membership_takes_effect_on_the_next_request(client, hanna):
    client.force_login(hanna)
    assert client.get(reverse("helpdesk:queue")).status_code == 200
    hanna.groups.remove(Group.objects.get(name=HR_GROUP))
    assert client.get(reverse("helpdesk:queue")).status_code == 403


def test_a_deactivated_account_is_signed_out_at_once(client, emma):
    client.force_login(emma)
    assert client.get(reverse("home")).status_code == 200
    emma.is_active = False
    emma.save()
    response = client.get(reverse("home"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_new_report_makes_a_manager_at_once(client, cas):
    client.force_login(cas)
    assert client.get(reverse("competencies:team")).status_code == 403
    UserFactory(manager=cas)
    assert client.get(reverse("competencies:team")).status_code == 200


def test_a_changed_password_signs_out_other_sessions(client, emma):
    client.force_login(emma)
    assert client.get(reverse("home")).status_code == 200
    emma.set_password("een-nieuw-wachtwoord-2026")
    emma.save()
    assert client.get(reverse("home")).status_code == 302
