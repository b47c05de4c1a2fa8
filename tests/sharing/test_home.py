"""The home page's "To share" panel: kits for me that I have not shared yet."""

import pytest

from sharing.home import to_share
from tests.factories import UserFactory
from tests.sharing.factories import KitFactory, ShareFactory

pytestmark = pytest.mark.django_db


def test_it_lists_kits_i_have_not_shared_yet(client, emma, rf):
    shared, new = KitFactory(title="Al gedeeld"), KitFactory(title="Nieuw voor jou")
    ShareFactory(kit=shared, sharer=emma)
    client.force_login(emma)
    html = client.get("/").content.decode()
    assert "Om te delen" in html and "Nieuw voor jou" in html and "Al gedeeld" not in html
    assert new.title in html


def test_it_is_left_out_when_there_is_nothing_to_share(rf, db):
    request = rf.get("/")
    request.user = UserFactory()
    assert to_share(request) is None
