"""The FAQ list takes who sees drafts from helpdesk.permissions."""

from django.urls import reverse

from tests.helpdesk.factories import FaqEntryFactory


def test_hr_finds_faq_drafts_in_the_list(client, hanna, emma):
    FaqEntryFactory(title="Nog niet klaar", is_published=False)
    client.force_login(hanna)
    assert "Nog niet klaar" in client.get(reverse("helpdesk:faq")).content.decode()
    client.force_login(emma)
    assert "Nog niet klaar" not in client.get(reverse("helpdesk:faq")).content.decode()
