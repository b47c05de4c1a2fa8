"""The English twins of a kit's title, summary and suggested texts: English readers get them
when HR filled them in, the Dutch text otherwise (hrsocial.i18n.localized)."""

import datetime

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from notifications.models import Notification
from sharing.models import Share, ShareKit
from sharing.services.kits import kit_for_record, kit_publish
from sharing.services.sharing import network_url
from sharing.services.weekly import weekly_kits_send
from tests.recruitment.factories import VacancyFactory
from tests.sharing.factories import KitFactory, ShareFactory, VariantFactory

pytestmark = pytest.mark.django_db


def speaks(person, language):
    type(person).objects.filter(pk=person.pk).update(preferred_language=language)
    person.refresh_from_db()
    return person


@pytest.fixture
def kit(db):
    kit = KitFactory(
        title="Ons nieuwe kantoor", title_en="Our new office",
        summary="Kom kijken in Utrecht", summary_en="Come and see in Utrecht",
    )  # fmt: skip
    VariantFactory(kit=kit, text="Trots op ons kantoor", text_en="Proud of our office")
    return kit


def page(client, kit):
    return client.get(reverse("sharing:kit", args=[kit.pk]), {"channel": "linkedin"})


def test_an_english_reader_gets_the_english_kit_and_the_english_suggested_text(client, emma, kit):
    client.force_login(speaks(emma, "en"))
    response = page(client, kit)
    html = response.content.decode()
    assert "Our new office" in html and "Proud of our office" in html
    assert response.context["form"].initial["text"] == (
        "Proud of our office\n\n#ikwerkbijzuiderlicht"
    )
    assert "Our new office" in client.get(reverse("sharing:index")).content.decode()


def test_the_disclosure_has_an_english_twin_and_either_language_counts_as_kept(client, emma, kit):
    from sharing.services.sharing import text_review

    kit.disclosure, kit.disclosure_en = "Ik werk bij Zuiderlicht", "I work at Zuiderlicht"
    kit.save()
    client.force_login(speaks(emma, "en"))
    assert page(client, kit).context["form"].initial["text"] == (
        "Proud of our office\n\nI work at Zuiderlicht"
    )
    # Someone reading in English may post in Dutch: the Dutch disclosure is kept as well.
    for text, missing in (
        ("Trots op ons kantoor. Ik werk bij Zuiderlicht", False),
        ("Proud of our office. I work at Zuiderlicht", False),
        ("Proud of our office", True),
    ):
        review = text_review(kit=kit, channel="linkedin", text=text, sharer=emma, check=False)
        assert review.disclosure_missing is missing
    client.force_login(speaks(emma, "nl"))
    assert page(client, kit).context["form"].initial["text"].endswith("Ik werk bij Zuiderlicht")


def test_without_an_english_twin_english_readers_get_the_general_dutch_disclosure(
    client, emma, kit
):
    from sharing.models import SharingSettings

    general = SharingSettings.current()
    client.force_login(speaks(emma, "en"))
    assert page(client, kit).context["form"].initial["text"].endswith("#ikwerkbijzuiderlicht")
    kit.disclosure = ""
    kit.save()
    general.disclosure_en = "#iworkatzuiderlicht"
    general.save()
    assert page(client, kit).context["form"].initial["text"].endswith("#iworkatzuiderlicht")


def test_a_dutch_reader_gets_the_dutch_texts(client, emma, kit):
    client.force_login(speaks(emma, "nl"))
    response = page(client, kit)
    html = response.content.decode()
    assert "Ons nieuwe kantoor" in html and "Trots op ons kantoor" in html
    assert "Our new office" not in html and "Proud of our office" not in html
    assert response.context["form"].initial["text"].startswith("Trots op ons kantoor")


def test_without_english_texts_the_english_reader_gets_the_dutch_ones(client, emma):
    kit = KitFactory(title="Alleen Nederlands", summary="Samenvatting")
    VariantFactory(kit=kit, text="Nederlandse tekst")
    client.force_login(speaks(emma, "en"))
    response = page(client, kit)
    html = response.content.decode()
    assert "Alleen Nederlands" in html and "Nederlandse tekst" in html
    assert response.context["form"].initial["text"].startswith("Nederlandse tekst")


def test_an_empty_kit_text_falls_back_on_the_english_title(client, emma):
    kit = KitFactory(title="Open dag", title_en="Open day")
    client.force_login(speaks(emma, "en"))
    assert page(client, kit).context["form"].initial["text"].startswith("Open day")


def test_the_e_mail_share_takes_the_title_in_the_sharers_language(emma, kit):
    share = ShareFactory(kit=kit, sharer=emma, channel="email", text="Proud of our office")
    from django.utils import translation

    with translation.override("en"):
        assert "subject=Our%20new%20office" in network_url(share)
    with translation.override("nl"):
        assert "subject=Ons%20nieuwe%20kantoor" in network_url(share)


def test_the_new_kit_notice_and_the_weekly_mail_use_the_recipients_language(emma, cas, hanna):
    speaks(emma, "en")
    speaks(cas, "nl")
    kit = KitFactory(status=ShareKit.Status.DRAFT, title="Open dag", title_en="Open day")
    kit_publish(kit=kit, published_by=hanna)
    assert "Open day" in Notification.objects.get(recipient=emma, category="sharing.new_kit").title
    assert "Open dag" in Notification.objects.get(recipient=cas, category="sharing.new_kit").title
    ShareKit.objects.filter(pk=kit.pk).update(published_at=timezone.now() - datetime.timedelta(1))
    weekly_kits_send()
    assert "Open day" in Notification.objects.get(recipient=emma, category="sharing.weekly").body
    assert "Open dag" in Notification.objects.get(recipient=cas, category="sharing.weekly").body


def test_a_vacancy_s_kit_carries_both_languages_and_follows_its_edits(settings, tmp_path):
    settings.RECRUITMENT_CV_ROOT = tmp_path
    vacancy = VacancyFactory(title="Webredacteur", title_en="Web editor",
                             description="Je schrijft.", description_en="You write.")  # fmt: skip
    kit = kit_for_record(vacancy)
    assert (kit.title, kit.title_en) == ("Webredacteur", "Web editor")
    assert (kit.summary, kit.summary_en) == ("Je schrijft.", "You write.")
    vacancy.title_en = ""
    vacancy.save()
    assert kit_for_record(vacancy).title_en == ""


def test_hr_writes_the_english_twins_in_the_kit_and_variant_forms(client, hanna, tmp_path):
    client.force_login(hanna)
    form = {"title": "Open dag", "title_en": "Open day", "summary": "Kom kijken",
            "summary_en": "Come and see", "url": "https://www.example.com/open",
            "audience": "employees", "starts_at": "2026-01-05T09:00", "disclosure": ""}  # fmt: skip
    with override_settings(MEDIA_ROOT=tmp_path):
        assert client.post(reverse("sharing:kit-create"), form).status_code == 302
    kit = ShareKit.objects.get()
    assert (kit.title_en, kit.summary_en) == ("Open day", "Come and see")
    url = reverse("sharing:variant-add", args=[kit.pk])
    data = {"channel": "linkedin", "text": "Kijk!", "text_en": "Look!\r\n"}
    assert client.post(url, data).status_code == 302
    assert kit.variants.get().text_en == "Look!"
    assert "Look!" in client.get(reverse("sharing:kit-manage", args=[kit.pk])).content.decode()
    assert not Share.objects.exists()
