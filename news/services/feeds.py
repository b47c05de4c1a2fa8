"""The personal feed's secret address: made, replaced and removed by its owner (the same
rules as the trainings calendar address)."""

from django.db import transaction

from hrsocial import audit
from news.models import FeedToken, new_feed_token


def feed_token_renew(*, person) -> FeedToken:
    """A new secret address; the old one (if any) stops working at once."""
    with transaction.atomic():
        token, created = FeedToken.objects.get_or_create(person=person)
        if not created:
            token.token = new_feed_token()
            token.save(update_fields=["token"])
        audit.record(actor=person, action="news.feed_renew", target=token)
    return token


def feed_token_revoke(*, person) -> bool:
    deleted, _rows = FeedToken.objects.filter(person=person).delete()
    if deleted:
        audit.record(actor=person, action="news.feed_revoke", target=person)
    return bool(deleted)
