"""Other apps' records become kits through their declared `describe` (hrsocial.shareables),
and ask back through `provided(...)`; sharing imports none of them."""

import pytest
from django.contrib.contenttypes.models import ContentType

from hrsocial.plugins import provided
from hrsocial.shareables import ShareFigures
from sharing.models import ShareKit
from tests.factories import DepartmentFactory
from tests.sharing.factories import ShareFactory

pytestmark = pytest.mark.django_db


def test_the_kit_of_a_record_is_made_on_first_use_and_then_refreshed(test_shareable):
    department = DepartmentFactory(name="Data")
    url = provided("share_kit_url")(department)
    kit = ShareKit.objects.get()
    assert url == f"/sharing/kits/{kit.pk}/"
    assert kit.title == "Werken bij Data" and kit.shareable_key == "tests.department"
    assert kit.content_type == ContentType.objects.get_for_model(department)
    department.name = "Data & AI"
    department.save()
    assert provided("share_kit_url")(department) == url
    kit.refresh_from_db()
    assert kit.title == "Werken bij Data & AI"
    assert ShareKit.objects.count() == 1


def test_a_record_that_is_no_longer_available_has_no_share_page(test_shareable):
    department = DepartmentFactory(name="Data")
    provided("share_kit_url")(department)
    department.name = "Gesloten Data"
    department.save()
    assert provided("share_kit_url")(department) is None
    assert ShareKit.objects.get().status == ShareKit.Status.WITHDRAWN


def test_a_model_that_is_not_declared_is_not_shareable(db):
    assert provided("share_kit_url")(DepartmentFactory()) is None


def test_share_figures_per_channel(test_shareable, emma, cas, client):
    department = DepartmentFactory(name="Data")
    provided("share_kit_url")(department)
    kit = ShareKit.objects.get()
    share = ShareFactory(kit=kit, sharer=emma, channel="x")
    ShareFactory(kit=kit, sharer=cas, channel="x")
    client.get(f"/s/{share.code}", HTTP_USER_AGENT="Mozilla/5.0 Firefox/130.0")
    figures = provided("share_figures")(department)
    assert figures == ShareFigures(shares={"x": 2}, clicks={"x": 1})
    assert provided("share_figures")(DepartmentFactory(name="Niets")) == ShareFigures()
