"""The share page: the least used text first with the disclosure, warnings about a removed
disclosure, a near-duplicate, the length limit and the draft checker; one link per channel."""

import pytest
from django.urls import reverse

from guidelines.models import Rule
from guidelines.services import rules_ensure, terms_add
from sharing.models import Share
from sharing.services.sharing import network_url
from tests.guidelines.factories import committed
from tests.sharing.factories import KitFactory, ShareFactory, VariantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def kit(db):
    kit = KitFactory()
    VariantFactory(kit=kit, text="Eerste tekst over ons kantoor")
    VariantFactory(kit=kit, text="Tweede tekst over ons kantoor")
    return kit


@pytest.fixture
def emma_client(client, emma):
    client.force_login(emma)
    return client


def page(client, kit, **query):
    return client.get(reverse("sharing:kit", args=[kit.pk]), query)


def test_it_offers_the_least_used_text_first_with_the_disclosure_appended(emma_client, kit, cas):
    first, second = kit.variants.order_by("pk")
    ShareFactory(kit=kit, sharer=cas, variant=first)
    response = page(emma_client, kit)
    assert response.context["chosen"] == second
    assert response.context["form"].initial["text"] == (
        "Tweede tekst over ons kantoor\n\n#ikwerkbijzuiderlicht"
    )


def test_it_warns_when_the_edit_removed_the_disclosure(emma_client, kit):
    response = emma_client.post(reverse("sharing:kit-check", args=[kit.pk]),
                                {"channel": "linkedin", "text": "Kijk eens!"})  # fmt: skip
    assert response.context["review"].disclosure_missing
    assert "Reclamecode Social Media" in response.content.decode()


def test_it_warns_when_the_text_is_nearly_what_a_colleague_shared(emma_client, kit, cas):
    ShareFactory(kit=kit, sharer=cas, text="Trots op ons nieuwe kantoor! #ikwerkbijzuiderlicht")
    response = emma_client.post(
        reverse("sharing:kit-check", args=[kit.pk]),
        {"channel": "linkedin", "text": "Trots op ons nieuwe kantoor!! #ikwerkbijzuiderlicht"},
    )
    assert response.context["review"].near_duplicate
    different = emma_client.post(
        reverse("sharing:kit-check", args=[kit.pk]),
        {"channel": "linkedin", "text": "Vanaf maandag werk ik in Utrecht. #ikwerkbijzuiderlicht"},
    )
    assert not different.context["review"].near_duplicate


def test_the_draft_checker_flags_a_client_name_with_a_link_to_the_tip(emma_client, kit, hanna):
    with committed():
        rules_ensure()  # a transactional test before this one may have flushed the migration's
        terms_add(rule=Rule.objects.get(kind="confidential"), texts=["Bakker BV"],
                  added_by=hanna)  # fmt: skip
    response = emma_client.post(
        reverse("sharing:kit-check", args=[kit.pk]),
        {"channel": "linkedin", "text": "Net klaar bij Bakker BV #ikwerkbijzuiderlicht"},
    )
    findings = response.context["review"].findings
    assert [f.text for f in findings] == ["Bakker BV"]
    assert "Bakker BV" in response.content.decode()


def test_sharing_twice_gives_the_same_personal_link_and_counts_one_share(emma_client, kit):
    data = {"channel": "linkedin", "text": "Mijn eigen woorden #ikwerkbijzuiderlicht"}
    first = emma_client.post(reverse("sharing:kit-share", args=[kit.pk]), data)
    second = emma_client.post(reverse("sharing:kit-share", args=[kit.pk]), data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Share.objects.count() == 1


def test_a_text_over_xs_limit_as_x_counts_it_is_refused_and_nothing_is_saved(emma_client, kit):
    # X counts a URL as 23 and adds the link (a space and 23): 230 + 1 + 23 + 1 + 30 + 24.
    too_long = "a" * 230 + " https://www.example.com/ " + "b" * 30
    response = emma_client.post(reverse("sharing:kit-share", args=[kit.pk]),
                                {"channel": "x", "text": too_long})  # fmt: skip
    assert response.status_code == 400
    assert "te lang" in response.content.decode()
    assert not Share.objects.exists()
    # 525 characters, but the long URL counts 23: 200 + 1 + 23 + 24 = 248.
    fits = "a" * 200 + " https://www.example.com/" + "b" * 300
    response = emma_client.post(reverse("sharing:kit-share", args=[kit.pk]),
                                {"channel": "x", "text": fits})  # fmt: skip
    assert response.status_code == 302


def test_the_share_page_of_a_linkedin_link_shows_the_text_to_copy(emma_client, kit, emma):
    share = ShareFactory(kit=kit, sharer=emma, text="Mijn tekst")
    html = emma_client.get(reverse("sharing:share-detail", args=[share.code])).content.decode()
    assert 'id="copy-text"' in html and "Mijn tekst" in html
    assert network_url(share).startswith("https://www.linkedin.com/sharing/share-offsite/?url=http")
    assert f"%2Fs%2F{share.code}" in network_url(share)


def test_x_whatsapp_and_email_take_the_text(emma, kit):
    for channel, start in (("x", "https://x.com/intent/tweet?text=Hoi"),
                           ("whatsapp", "https://wa.me/?text=Hoi"),
                           ("email", "mailto:?subject=")):  # fmt: skip
        share = ShareFactory(kit=kit, sharer=emma, channel=channel, text="Hoi")
        assert network_url(share).startswith(start)


def test_nobody_outside_the_audience_opens_the_kit(client, anouk, kit):
    client.force_login(anouk)
    assert page(client, kit).status_code == 404


def test_another_persons_link_page_is_not_found(emma_client, kit, cas):
    share = ShareFactory(kit=kit, sharer=cas)
    assert emma_client.get(reverse("sharing:share-detail", args=[share.code])).status_code == 404
