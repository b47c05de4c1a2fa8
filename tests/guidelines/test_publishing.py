"""HR writes, publishes and changes tips; each publication is a version with a change note."""

import pytest
from django.core.exceptions import ValidationError

from guidelines import services
from guidelines.models import Acknowledgement, ChangeKind, Guideline
from hrsocial.models import AuditEntry
from notifications.models import Notification
from tests.guidelines.factories import (
    CategoryFactory,
    GuidelineFactory,
    change_tip,
    committed,
    published_tip,
)

pytestmark = pytest.mark.django_db


def test_a_new_tip_is_a_draft_nobody_but_hr_sees(client, emma, hanna):
    tip = GuidelineFactory(title="Geheime tip")
    client.force_login(emma)
    assert client.get(tip.get_absolute_url()).status_code == 404
    assert "Geheime tip" not in client.get("/guidelines/").content.decode()
    client.force_login(hanna)
    assert "alleen HR ziet hem" in client.get(tip.get_absolute_url()).content.decode()


def test_hr_writes_a_draft_and_publishes_it_as_version_one(client, hanna, emma):
    category = GuidelineFactory.build().category
    category.save()
    client.force_login(hanna)
    response = client.post(
        "/guidelines/manage/new/",
        {
            "category": category.pk,
            "title": "Gebruik je gezond verstand",
            "tip": "Zou je het hardop zeggen?",
            "order": 0,
        },
    )
    tip = Guideline.objects.get(title="Gebruik je gezond verstand")
    assert response.status_code == 302 and tip.status == Guideline.Status.DRAFT
    with committed():
        response = client.post(f"/guidelines/manage/{tip.pk}/publish/", {"change_note": ""})
    tip.refresh_from_db()
    assert response.status_code == 302
    assert (tip.status, tip.version, tip.ack_version) == ("published", 1, 1)
    version = tip.versions.get()
    assert (version.number, version.kind, version.published_by) == (1, "material", hanna)
    assert version.title == "Gebruik je gezond verstand"
    assert AuditEntry.objects.filter(action="guidelines.publish", actor=hanna).exists()
    # Employees hear about it (as chosen: a digest by default), HR herself not.
    assert Notification.objects.filter(recipient=emma, category="guidelines.changed").exists()
    assert not Notification.objects.filter(recipient=hanna, category="guidelines.changed").exists()


def test_a_bad_tip_is_refused_with_messages_and_nothing_is_saved(client, hanna):
    client.force_login(hanna)
    response = client.post("/guidelines/manage/new/", {"title": "", "tip": "x" * 300})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dit veld is verplicht." in html
    assert "niet meer dan 250 tekens" in html
    assert not Guideline.objects.exists()


def test_only_one_tip_can_be_the_golden_rule(client, hanna):
    golden = published_tip(is_golden_rule=True)
    other = GuidelineFactory(category=golden.category)
    client.force_login(hanna)
    data = {"category": other.category.pk, "title": other.title, "tip": other.tip, "order": 1,
            "is_golden_rule": "on"}  # fmt: skip
    response = client.post(f"/guidelines/manage/{other.pk}/edit/", data)
    assert "Een andere tip is al de gouden regel." in response.content.decode()
    other.refresh_from_db()
    assert not other.is_golden_rule


def test_editing_a_published_tip_publishes_a_version_with_its_note(client, hanna):
    tip = published_tip(title="Oud")
    client.force_login(hanna)
    data = {"category": tip.category.pk, "title": "Nieuw", "tip": tip.tip, "order": tip.order,
            "kind": "editorial", "change_note": "Titel verduidelijkt"}  # fmt: skip
    response = client.post(f"/guidelines/manage/{tip.pk}/edit/", data)
    assert response.status_code == 302
    tip.refresh_from_db()
    assert (tip.version, tip.ack_version, tip.title) == (2, 1, "Nieuw")
    assert tip.versions.get(number=2).change_note == "Titel verduidelijkt"
    assert tip.versions.get(number=1).title == "Oud"


def test_a_change_needs_a_note_and_a_kind(client, hanna):
    tip = published_tip()
    client.force_login(hanna)
    data = {"category": tip.category.pk, "title": "Anders", "tip": tip.tip, "order": 0}
    html = client.post(f"/guidelines/manage/{tip.pk}/edit/", data).content.decode()
    assert "Dit veld is verplicht." in html  # the kind of change
    assert "Vertel wat er veranderd is: lezers zien deze toelichting." in html
    tip.refresh_from_db()
    assert (tip.version, tip.title) == (1, tip.versions.get().title)


def test_moving_a_published_tip_needs_no_new_version(client, hanna, emma):
    tip = published_tip()
    Acknowledgement.objects.create(person=emma, guideline=tip, version=1)
    elsewhere = CategoryFactory(name="Privacy")
    client.force_login(hanna)
    data = {"category": elsewhere.pk, "title": tip.title, "title_en": tip.title_en, "tip": tip.tip,
            "tip_en": tip.tip_en, "body": tip.body, "do_examples": tip.do_examples,
            "dont_examples": tip.dont_examples, "order": 99, "kind": "material"}  # fmt: skip
    response = client.post(f"/guidelines/manage/{tip.pk}/edit/", data, follow=True)
    assert "de tekst is niet veranderd" in response.content.decode()
    tip.refresh_from_db()
    assert (tip.category, tip.order, tip.version) == (elsewhere, 99, 1)
    assert not Guideline.objects.outstanding_for(emma).exists()


def test_publishing_without_a_change_is_refused(hanna):
    tip = published_tip()
    with pytest.raises(ValidationError, match="Er is niets veranderd"):
        services.guideline_publish(guideline=tip, published_by=hanna, kind=ChangeKind.EDITORIAL)
    assert tip.versions.count() == 1


def test_a_material_change_asks_again_an_editorial_one_does_not():
    tip = published_tip()
    change_tip(tip, kind=ChangeKind.EDITORIAL, tip="Met een komma, verbeterd")
    assert (tip.version, tip.ack_version) == (2, 1)
    change_tip(tip, kind=ChangeKind.MATERIAL, tip="Iets heel anders")
    assert (tip.version, tip.ack_version) == (3, 3)


def test_unpublishing_takes_a_tip_off_the_overview_and_republishing_makes_a_version(
    client, hanna, emma
):
    tip = published_tip(title="Tijdelijk")
    client.force_login(hanna)
    assert client.post(f"/guidelines/manage/{tip.pk}/unpublish/").status_code == 302
    tip.refresh_from_db()
    assert tip.status == "draft"
    client.force_login(emma)
    assert "Tijdelijk" not in client.get("/guidelines/").content.decode()
    services.guideline_publish(guideline=tip, published_by=hanna, kind=ChangeKind.EDITORIAL)
    assert tip.versions.count() == 2


def test_the_publish_page_of_a_published_tip_sends_hr_to_editing(client, hanna):
    tip = published_tip()
    client.force_login(hanna)
    response = client.get(f"/guidelines/manage/{tip.pk}/publish/")
    assert response.status_code == 302
    assert response["Location"] == f"/guidelines/manage/{tip.pk}/edit/"


def test_readers_see_what_changed_between_versions(client, emma):
    tip = published_tip(tip="Deel gerust wat je trots maakt.")
    change_tip(tip, kind=ChangeKind.MATERIAL, tip="Deel gerust wat je blij maakt.")
    client.force_login(emma)
    html = client.get(f"/guidelines/{tip.pk}/changes/").content.decode()
    assert "Van versie 1 naar versie 2" in html
    assert '<del><span class="visually-hidden">[verwijderd: </span>trots' in html
    assert '<ins><span class="visually-hidden">[toegevoegd: </span>blij' in html


@pytest.mark.parametrize("query", ["?from=abc&to=9", "?from=2&to=1", "?from=&to=", "?from=-1"])
def test_odd_version_numbers_fall_back_to_the_latest_change(client, emma, query):
    tip = published_tip()
    change_tip(tip, kind=ChangeKind.MATERIAL, tip="Nieuw")
    client.force_login(emma)
    response = client.get(f"/guidelines/{tip.pk}/changes/{query}")
    assert response.status_code == 200
    assert "Van versie 1 naar versie 2" in response.content.decode()


def test_a_tip_with_one_version_has_nothing_to_compare(client, emma):
    tip = published_tip()
    client.force_login(emma)
    assert "nog maar één versie" in client.get(f"/guidelines/{tip.pk}/changes/").content.decode()


def test_markdown_in_a_tip_is_sanitised(client, emma):
    tip = published_tip(body="**Vet** <script>alert(1)</script> [link](javascript:alert(1))")
    client.force_login(emma)
    html = client.get(tip.get_absolute_url()).content.decode()
    assert "<strong>Vet</strong>" in html
    assert "<script>alert(1)" not in html and "javascript:" not in html


def test_employees_hear_of_a_material_change_but_not_of_an_editorial_one(emma, cas):
    tip = published_tip(title="Privacy")
    change_tip(tip, kind=ChangeKind.EDITORIAL, tip="Komma verplaatst")
    change_tip(tip, kind=ChangeKind.MATERIAL, tip="Nieuwe inhoud")
    titles = list(
        Notification.objects.filter(recipient=emma, category="guidelines.changed")
        .order_by("pk")
        .values_list("title", "body")
    )
    assert titles == [("Nieuwe tip: Privacy", ""), ("Gewijzigde tip: Privacy", "Aangepast")]
