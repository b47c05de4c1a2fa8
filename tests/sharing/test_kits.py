"""HR and the comms group curate kits: bad input gets a clear message and saves nothing."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from django.urls import reverse

from notifications.models import Notification
from sharing.models import ShareKit
from tests.factories import UserFactory
from tests.sharing.factories import KitFactory, png_bytes

pytestmark = pytest.mark.django_db

FORM = {"title": "Open dag", "summary": "Kom kijken", "url": "https://www.example.com/open",
        "audience": "employees", "starts_at": "2026-01-05T09:00", "disclosure": ""}  # fmt: skip


@pytest.fixture
def hr_client(client, hanna, tmp_path):
    client.force_login(hanna)
    with override_settings(MEDIA_ROOT=tmp_path):
        yield client


def test_hr_creates_a_kit_with_an_image_checked_by_its_content(hr_client):
    image = SimpleUploadedFile("foto.gif", png_bytes(), content_type="image/gif")
    response = hr_client.post(reverse("sharing:kit-create"), {**FORM, "image": image})
    assert response.status_code == 302
    kit = ShareKit.objects.get()
    assert kit.status == ShareKit.Status.DRAFT and kit.image.name.endswith(".png")


def test_a_file_that_is_not_an_image_is_refused_and_nothing_is_saved(hr_client):
    fake = SimpleUploadedFile("foto.png", b"MZ\x90\x00 not an image", content_type="image/png")
    response = hr_client.post(reverse("sharing:kit-create"), {**FORM, "image": fake})
    assert response.status_code == 400
    assert "geen PNG-, JPEG- of WebP-afbeelding" in response.content.decode()
    assert not ShareKit.objects.exists()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.com/x", "mailto:a@b.nl"])
def test_a_web_address_that_is_not_http_is_refused(hr_client, url):
    response = hr_client.post(reverse("sharing:kit-create"), {**FORM, "url": url})
    assert response.status_code == 400
    assert not ShareKit.objects.exists()


def test_an_end_before_the_start_is_refused(hr_client):
    response = hr_client.post(reverse("sharing:kit-create"),
                              {**FORM, "ends_at": "2026-01-01T09:00"})  # fmt: skip
    assert response.status_code == 400
    assert not ShareKit.objects.exists()


def test_the_communications_group_has_hrs_rights_on_sharing(client):
    member = UserFactory()
    # Made by sharing's migration; get_or_create, as a transactional test may have flushed it.
    member.groups.add(Group.objects.get_or_create(name="Communicatie")[0])
    client.force_login(member)
    assert client.get(reverse("sharing:manage")).status_code == 200
    assert client.get(reverse("sharing:figures")).status_code == 200


def test_an_employee_cannot_curate_kits(client, emma):
    client.force_login(emma)
    assert client.get(reverse("sharing:manage")).status_code == 403


def test_publishing_tells_the_audience_once(hr_client, emma, cas, anouk):
    kit = KitFactory(status=ShareKit.Status.DRAFT)
    with TestCase.captureOnCommitCallbacks(execute=True):
        hr_client.post(reverse("sharing:kit-publish", args=[kit.pk]))
        hr_client.post(reverse("sharing:kit-publish", args=[kit.pk]))
    rows = Notification.objects.filter(category="sharing.new_kit")
    assert sorted(rows.values_list("recipient__email", flat=True)) == [
        "cas@example.com", "emma@example.com", "milan@example.com"]  # fmt: skip


def test_a_kit_for_some_departments_reaches_only_them(emma, cas):
    kit = KitFactory(audience="departments")
    kit.departments.add(emma.department)
    assert list(ShareKit.objects.shareable_by(emma)) == [kit]
    assert not ShareKit.objects.shareable_by(cas).exists()


def test_hr_adds_and_removes_suggested_texts(hr_client):
    kit = KitFactory()
    url = reverse("sharing:variant-add", args=[kit.pk])
    assert hr_client.post(url, {"channel": "linkedin", "text": "Kijk!"}).status_code == 302
    assert hr_client.post(url, {"channel": "myspace", "text": "Kijk!"}).status_code == 400
    variant = kit.variants.get()
    hr_client.post(reverse("sharing:variant-delete", args=[kit.pk, variant.pk]))
    assert not kit.variants.exists()
