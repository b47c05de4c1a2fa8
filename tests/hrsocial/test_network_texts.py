"""Alumni, freelancers and visitors: every text they see is true for them (issue 12), now that
their network is open (issue 17). Each text in Dutch and in English."""

import io

import pytest
from django.core import mail
from django.core.cache import caches
from django.test import TestCase
from django.urls import reverse

from hrsocial.demo import DemoContext
from notifications.demo import seed as seed_welcome
from notifications.models import Notification
from people import services as people_services

pytestmark = pytest.mark.django_db

TEXTS = {
    "nl": {
        "helpdesk": "Stel ze aan HR via de vraagbaak",
        "mail_hr": 'Mail HR: <a href="mailto:hr@example.com">hr@example.com</a>',
        "tips": "Begin met de tips",
        "role_blame": "hoort bij een andere rol",
        "staff_only": "Deze pagina is voor de eigen medewerkers van de organisatie",
        "can_do": "Wat je hier wel kunt:",
        "network_promise": "kunnen lid worden van het netwerk",
        "login": "Log in met het e-mailadres waarop HR je uitnodigde.",
        "home": "Wat het portaal je nu biedt",
        "network_open": "de klussen en de berichten van HR",
        "welcome_network": "Hier houdt HR contact met oud-collega’s en freelancers:",
        "invitation_staff": "tips voor sociale media",
    },
    "en": {
        "helpdesk": "Ask HR through the helpdesk",
        "mail_hr": 'E-mail HR: <a href="mailto:hr@example.com">hr@example.com</a>',
        "tips": "Start with the tips",
        "role_blame": "belongs to another role",
        "staff_only": "This page is for the organisation's own staff",
        "can_do": "What you can do here:",
        "network_promise": "can join the network",
        "login": "Sign in with the e-mail address HR invited you with.",
        "home": "What the portal offers you today",
        "network_open": "its gigs (klussen) and HR",
        "welcome_network": "Here HR keeps in touch with former colleagues and freelancers:",
        "invitation_staff": "tips for social media",
    },
}


@pytest.fixture(autouse=True)
def fresh_fragments():
    caches["fragments"].clear()  # the footer is a cached fragment
    yield
    caches["fragments"].clear()


@pytest.fixture(params=["nl", "en"])
def language(request):
    return request.param


@pytest.fixture(params=["anouk", "femke"])
def outsider(request, language):
    person = request.getfixturevalue(request.param)
    person.preferred_language = language
    person.save()
    return person


def page(client, url, status=200) -> str:
    response = client.get(url)
    assert response.status_code == status
    return response.content.decode()


def test_their_footer_offers_an_address_not_the_helpdesk(client, outsider, language):
    client.force_login(outsider)
    html = page(client, reverse("home"))
    assert TEXTS[language]["helpdesk"] not in html
    assert TEXTS[language]["mail_hr"] in html


def test_an_employees_footer_links_to_the_helpdesk(client, emma):
    client.force_login(emma)
    html = page(client, reverse("home"))
    assert '<a href="/helpdesk/">Vragen? Stel ze aan HR via de vraagbaak.</a>' in html
    assert 'href="mailto:' not in html


def test_their_403_page_says_what_they_can_do_without_blaming_a_role(client, outsider, language):
    client.force_login(outsider)
    html = page(client, reverse("guidelines:index"), status=403)
    texts = TEXTS[language]
    assert texts["role_blame"] not in html
    assert texts["staff_only"] in html and texts["can_do"] in html
    for url in (reverse("home"), reverse("notifications:list"), reverse("people:profile-edit")):
        assert f'href="{url}"' in html
        assert client.get(url).status_code == 200  # what it offers is really open to them
    assert texts["mail_hr"] in html


def test_an_employees_403_page_still_names_the_role(client, emma):
    client.force_login(emma)
    assert "hoort bij een andere rol" in page(client, reverse("guidelines:manage"), status=403)


def test_their_home_page_is_an_honest_short_page(client, outsider, language):
    client.force_login(outsider)
    html = page(client, reverse("home"))
    texts = TEXTS[language]
    assert texts["home"] in html and texts["network_open"] in html
    for network_page in ("alumni:index", "alumni:gig-list"):
        assert f'href="{reverse(network_page)}"' in html
    assert f'href="{reverse("notifications:list")}"' in html
    assert f'href="{reverse("people:profile-edit")}"' in html
    assert texts["mail_hr"] in html
    assert texts["tips"] not in html


def test_employees_do_not_get_the_network_page(client, emma):
    client.force_login(emma)
    assert "Wat het portaal je nu biedt" not in page(client, reverse("home"))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_login_page_promises_no_network_to_visitors(client, language):
    client.cookies["django_language"] = language
    html = page(client, reverse("account_login"), status=200)
    texts = TEXTS[language]
    assert texts["login"] in html
    assert texts["network_promise"] not in html
    assert texts["helpdesk"] not in html  # visitors have no helpdesk either
    assert texts["mail_hr"] in html


def test_their_welcome_notification_does_not_send_them_to_the_tips(outsider, emma, language):
    emails = {
        "anouk@example.com": "alumni@example.com",
        "femke@example.com": "freelancer@example.com",
    }
    outsider.email = emails[outsider.email]
    outsider.save()
    emma.email = "employee@example.com"
    emma.save()
    with TestCase.captureOnCommitCallbacks(execute=True):
        seed_welcome(DemoContext(stdout=io.StringIO()))
    theirs = Notification.objects.get(recipient=outsider)
    assert TEXTS[language]["tips"] not in theirs.body
    assert TEXTS[language]["welcome_network"] in theirs.body
    assert "hr@example.com" in theirs.body
    assert "Begin met de tips" in Notification.objects.get(recipient=emma).body


def test_their_invitation_promises_no_tips(outsider, emma, language):
    outsider.set_unusable_password()
    outsider.save()
    people_services.invitation_send(person=outsider)
    [message] = mail.outbox
    assert TEXTS[language]["invitation_staff"] not in message.body
    assert TEXTS[language]["network_open"] in message.body
    emma.set_unusable_password()
    emma.save()
    people_services.invitation_send(person=emma)
    assert "tips voor sociale media" in mail.outbox[1].body
