from django.urls import reverse

from notifications.models import Notification
from notifications.services import notify
from tests.factories import UserFactory
from tests.queries import count_queries


def test_the_navigation_shows_the_unread_count(client, emma):
    notify([emma], "general", "Een")
    notify([emma], "general", "Twee")
    client.force_login(emma)
    response = client.get(reverse("home"))
    assert b'data-testid="unread-count">2<' in response.content


def test_the_cached_unread_count_follows_every_change(client, emma):
    """The count is cached per person (notifications.services.unread_count): a new
    notification, one read and "all read" each show on the next page."""
    client.force_login(emma)
    (first,) = notify([emma], "general", "Een")
    assert b'data-testid="unread-count">1<' in client.get(reverse("home")).content
    notify([emma], "general", "Twee")
    assert b'data-testid="unread-count">2<' in client.get(reverse("home")).content
    client.post(reverse("notifications:open", args=[first.pk]))
    assert b'data-testid="unread-count">1<' in client.get(reverse("home")).content
    client.post(reverse("notifications:read-all"))
    assert b'data-testid="unread-count"' not in client.get(reverse("home")).content


def test_opening_marks_read_and_follows_the_link(client, emma):
    (row,) = notify([emma], "general", "Nieuwe tips", url="/people/")
    client.force_login(emma)
    response = client.post(reverse("notifications:open", args=[row.pk]))
    assert response.status_code == 302
    assert response["Location"] == "/people/"
    row.refresh_from_db()
    assert row.read_at is not None


def test_mark_read_with_htmx_returns_the_item(client, emma):
    (row,) = notify([emma], "general", "Nieuwe tips")
    client.force_login(emma)
    response = client.post(
        reverse("notifications:read", args=[row.pk]), headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert b"notification-unread" not in response.content
    assert b"Nieuwe tips" in response.content


def test_mark_all_read(client, emma, milan):
    notify([emma, milan], "general", "Hallo")
    client.force_login(emma)
    client.post(reverse("notifications:read-all"))
    assert Notification.objects.filter(recipient=emma, read_at__isnull=True).count() == 0
    assert Notification.objects.filter(recipient=milan, read_at__isnull=True).count() == 1


def test_nobody_opens_someone_elses_notification(client, emma, milan):
    (row,) = notify([emma], "general", "Privé")
    client.force_login(milan)
    assert client.post(reverse("notifications:open", args=[row.pk])).status_code == 404
    row.refresh_from_db()
    assert row.read_at is None


def test_preferences_are_saved_and_bad_values_ignored(client, emma):
    client.force_login(emma)
    client.post(
        reverse("notifications:preferences"),
        {"category-general": "digest", "category-unknown": "digest"},
    )
    client.post(reverse("notifications:preferences"), {"category-general": "carrier-pigeon"})
    assert list(emma.notification_preferences.values_list("category", "delivery")) == [
        ("general", "digest")
    ]


def test_the_list_runs_a_fixed_number_of_queries(client, emma, django_assert_num_queries):
    client.force_login(emma)
    notify([emma], "general", "Een")
    client.get(reverse("notifications:list"))  # warm up session and content types

    def count():
        return count_queries(client, reverse("notifications:list"))

    few = count()
    for _ in range(30):
        notify([emma], "general", "Meer")
    notify(UserFactory.create_batch(3), "general", "Anderen")
    assert count() == few
