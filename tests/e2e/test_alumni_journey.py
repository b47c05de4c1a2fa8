"""A former employee signs up for the alumni network with her private address; HR verifies
her; she sets her availability and shows interest in a gig; HR picks her, and she is told
(issue 17)."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from alumni.models import Gig, Membership, Profile
from notifications.models import Notification
from tests.e2e.conftest import assert_accessible, use_session_of
from tests.factories import UserFactory, make_hr

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "Lange-zin-voor-het-netwerk-2026!"


def switch_to(page, live_server, user):
    page.context.clear_cookies()
    if user is not None:
        use_session_of(page, live_server, user)


def test_sign_up_verify_set_availability_show_interest_and_be_picked(live_server, page, settings):
    settings.SELF_SIGNUP_ENABLED = True
    settings.SITE_URL = live_server.url  # the confirmation e-mail's link leads here
    hanna = make_hr(UserFactory(email="hanna@example.com", full_name="Hanna Bakker"))
    gig = Gig.objects.create(
        title="Webcare tijdens de campagne", description="Zes weken webcare.",
        starts_on=timezone.localdate() + datetime.timedelta(days=14), hours_per_week=12,
        place=Gig.Place.REMOTE, posted_by=hanna,
    )  # fmt: skip

    # Sanne signs up with her private address; her claims match no ended employment.
    switch_to(page, live_server, None)
    page.goto(live_server.url + "/accounts/signup/")
    assert_accessible(page)
    page.get_by_label("Volledige naam").fill("Sanne de Vries")
    page.get_by_label("E-mailadres").first.fill("sanne.prive@example.org")
    page.get_by_label("een oud-medewerker").check()
    page.get_by_label("Vroeger personeelsnummer").fill("9999")
    page.get_by_label("Wachtwoord", exact=False).first.fill(PASSWORD)
    page.get_by_label(re.compile("Wachtwoord.*bevestigen")).fill(PASSWORD)
    page.get_by_role("button", name="Maak mijn account aan").click()

    # She confirms her address from the e-mail and lands on the waiting page.
    (confirmation,) = [m for m in mail.outbox if m.to == ["sanne.prive@example.org"]]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", confirmation.body).group(0)
    page.goto(link)
    confirm = page.get_by_role("button", name=re.compile("Bevestig"))
    if confirm.count():
        confirm.click()
    page.goto(live_server.url + "/alumni/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Wacht op verificatie")
    assert_accessible(page)
    sanne = Membership.objects.get(user__email="sanne.prive@example.org").user
    assert Membership.objects.get(user=sanne).status == Membership.Status.PENDING
    page.goto(live_server.url + f"/alumni/gigs/{gig.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Wacht op verificatie")

    # HR verifies her in the queue.
    switch_to(page, live_server, hanna)
    page.goto(live_server.url + "/alumni/verification/")
    expect(page.get_by_text("sanne.prive@example.org")).to_be_visible()
    expect(page.get_by_text("9999")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Verifiëren Sanne de Vries").click()
    expect(page.get_by_text("Er wachten geen aanmeldingen.")).to_be_visible()
    assert Membership.objects.get(user=sanne).status == Membership.Status.VERIFIED

    # Sanne sets her availability: an end before the start is refused first.
    switch_to(page, live_server, sanne)
    page.goto(live_server.url + "/alumni/profile/")
    assert_accessible(page)
    start = timezone.localdate()
    page.get_by_label("Beschikbaar voor klussen vanaf", exact=True).fill(start.isoformat())
    page.get_by_label("Beschikbaar tot", exact=True).fill(
        (start - datetime.timedelta(days=1)).isoformat()
    )
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De beschikbaarheid kan niet eindigen voordat")).to_be_visible()
    assert not Profile.objects.filter(user=sanne, available_from__isnull=False).exists()
    page.get_by_label("Beschikbaar tot", exact=True).fill("")
    page.get_by_label("Uren per week", exact=True).fill("16")
    page.get_by_label("Vaardigheden en expertise", exact=True).fill("webcare, communicatie")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Je profiel is opgeslagen.")).to_be_visible()
    profile = Profile.objects.get(user=sanne)
    assert profile.available_from == start and profile.hours_per_week == 16

    # She shows interest in the gig with a note.
    page.goto(live_server.url + "/alumni/gigs/")
    page.get_by_role("link", name="Webcare tijdens de campagne").click()
    page.get_by_label("Een korte toelichting voor HR").fill("Dit deed ik vroeger al.")
    page.get_by_role("button", name="Ik heb interesse").click()
    expect(page.get_by_text("HR weet dat je interesse hebt.")).to_be_visible()
    assert_accessible(page)

    # HR sees her with her availability and picks her.
    switch_to(page, live_server, hanna)
    page.goto(live_server.url + f"/alumni/gigs/{gig.pk}/")
    expect(page.get_by_text("Dit deed ik vroeger al.")).to_be_visible()
    expect(page.get_by_text("16 uur per week").first).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Kiezen Sanne de Vries").click()
    expect(page.get_by_text("Sanne de Vries is gekozen")).to_be_visible()
    gig.refresh_from_db()
    assert gig.status == Gig.Status.FILLED and gig.picked == sanne

    # Sanne is told, in her notifications.
    assert Notification.objects.filter(recipient=sanne, category="alumni.gig").count() == 1
    switch_to(page, live_server, sanne)
    page.goto(live_server.url + "/notifications/")
    expect(page.get_by_text("Je bent gekozen voor de klus")).to_be_visible()
    assert_accessible(page)


def test_hr_invites_a_freelancer_who_signs_up_from_the_link(live_server, page, settings):
    settings.SITE_URL = live_server.url  # the invitation's link leads here
    hanna = make_hr(UserFactory(email="hanna@example.com", full_name="Hanna Bakker"))

    # HR invites Lotte with a personal message.
    switch_to(page, live_server, hanna)
    page.goto(live_server.url + "/alumni/")
    page.get_by_role("link", name="Een freelancer uitnodigen").click()
    assert_accessible(page)
    page.get_by_label("Naam").fill("Lotte de Zwart")
    page.get_by_label("E-mailadres").fill("lotte@zzp.example")
    page.get_by_label("Persoonlijk bericht").fill("We werken graag weer met je samen.")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.get_by_text("De uitnodiging is onderweg naar lotte@zzp.example.")).to_be_visible()
    assert_accessible(page)

    # Lotte follows the link from the e-mail; a KvK number of seven digits is refused.
    (invitation,) = [m for m in mail.outbox if m.to == ["lotte@zzp.example"]]
    link = re.search(r"https?://\S+/alumni/join/\S+/", invitation.body).group(0)
    switch_to(page, live_server, None)
    page.goto(link)
    assert_accessible(page)
    page.get_by_label("Wachtwoord").first.fill(PASSWORD)
    page.get_by_label("Wachtwoord (bevestigen)").fill(PASSWORD)
    page.get_by_label("KvK-nummer").fill("1234567")
    page.get_by_label("Uurtarief vanaf (euro)").fill("75")
    page.get_by_label("Uurtarief tot (euro)").fill("95")
    page.get_by_label("Expertisegebieden").fill("salarisadministratie, excel")
    page.get_by_role("button", name="Mijn aanmelding afronden").click()
    expect(page.get_by_text("Een KvK-nummer heeft precies acht cijfers.")).to_be_visible()
    assert_accessible(page)
    assert not Profile.objects.filter(user__email="lotte@zzp.example").exists()
    page.get_by_label("Wachtwoord").first.fill(PASSWORD)
    page.get_by_label("Wachtwoord (bevestigen)").fill(PASSWORD)
    page.get_by_label("KvK-nummer").fill("12345678")
    page.get_by_role("button", name="Mijn aanmelding afronden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn netwerkprofiel")
    profile = Profile.objects.get(user__email="lotte@zzp.example")
    assert profile.kvk_number == "12345678" and profile.hourly_rate_max == 95

    # HR sees the rate on her profile; it is hers and HR's only.
    switch_to(page, live_server, hanna)
    page.goto(live_server.url + f"/alumni/members/{profile.pk}/")
    expect(page.get_by_test_id("hourly-rate")).to_have_text("€ 75,00 – € 95,00")
    assert_accessible(page)
