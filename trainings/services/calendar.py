"""The personal calendar feed's secret address: made, replaced and removed by its owner."""

from django.db import transaction
from django.utils import timezone

from hrsocial import audit
from trainings.models import CalendarToken
from trainings.models.sessions import new_calendar_token


def calendar_token_renew(*, person) -> CalendarToken:
    """A new secret address; the old one (if any) stops working at once."""
    with transaction.atomic():
        token, created = CalendarToken.objects.get_or_create(person=person)
        if not created:
            token.token = new_calendar_token()
            token.last_used_at = None
            token.save(update_fields=["token", "last_used_at"])
        audit.record(actor=person, action="trainings.calendar_renew", target=token)
    return token


def calendar_token_revoke(*, person) -> bool:
    deleted, _rows = CalendarToken.objects.filter(person=person).delete()
    if deleted:
        audit.record(actor=person, action="trainings.calendar_revoke", target=person)
    return bool(deleted)


def calendar_token_used(*, token: CalendarToken, now=None) -> None:
    """Remember when the feed was last read (at most once an hour, to spare the database),
    so a person can see whether an old address is still in use somewhere."""
    now = now or timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 3600:
        CalendarToken.objects.filter(pk=token.pk).update(last_used_at=now)
