"""The outbox the webhooks and the chat channels share (`WebhookDelivery`, `ChatMessage`: the
same status, attempts, claimed_at, next_attempt_at, response_status and last_error fields).

A row goes PENDING → SENDING (claimed by one worker: two never send the same row) → DELIVERED,
or back to PENDING with a later `next_attempt_at` (the notifications' backoff), or FAILED once
it has waited longer than `RETRY_FOR`. Every minute `sweep` gives back rows whose worker died
mid-send and queues the rows that are due again. The send itself, and what a failure means for
its endpoint or channel, stay with `integrations.webhooks` and `integrations.chat`.
"""

import requests
from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone


def claim(model, pk: int, *related: str):
    """The row, now SENDING and one attempt further, or None when it is not PENDING (sent,
    given up, or claimed by another worker in the meantime)."""
    claimed = model.objects.filter(pk=pk, status=model.Status.PENDING).update(
        status=model.Status.SENDING, claimed_at=timezone.now(), attempts=F("attempts") + 1
    )
    return model.objects.select_related(*related).get(pk=pk) if claimed else None


def post(url: str, **kwargs) -> tuple[str, int | None]:
    """POST through the checked, pinned connection; ("", status) for a 2xx answer, otherwise
    the error to record and the HTTP status if there was one."""
    from integrations.webhooks import post_pinned  # which imports this module

    try:
        response = post_pinned(url, **kwargs)
        response.close()
    except ValidationError as exc:
        return exc.messages[0], None
    except requests.RequestException as exc:
        return (exc.__class__.__name__ + ": " + str(exc))[:300], None
    if 200 <= response.status_code < 300:
        return "", response.status_code
    return f"HTTP {response.status_code}", response.status_code


def delivered(row, *, status: int | None) -> None:
    type(row).objects.filter(pk=row.pk).update(
        status=row.Status.DELIVERED, delivered_at=timezone.now(), response_status=status,
        last_error="",
    )  # fmt: skip


def failed(row, *, error: str, status: int | None = None, give_up: bool = False) -> bool:
    """Record a failed attempt: PENDING again after the backoff, or FAILED when `give_up` or
    when the row has waited longer than RETRY_FOR. True when it is given up."""
    from notifications.services import RETRY_FOR, retry_delay

    next_attempt_at = timezone.now() + retry_delay(row.attempts)
    give_up = give_up or next_attempt_at > row.created_at + RETRY_FOR
    type(row).objects.filter(pk=row.pk).update(
        status=row.Status.FAILED if give_up else row.Status.PENDING,
        next_attempt_at=next_attempt_at, response_status=status, last_error=error[:300],
    )  # fmt: skip
    return give_up


def sweep(model, schedule, *, now=None) -> int:
    """Rows claimed longer ago than SENDING_TIMEOUT (their worker died) are PENDING again; the
    due ones, at most 1,000, are handed to `schedule(ids)`. How many were queued."""
    from notifications.services import SENDING_TIMEOUT

    now = now or timezone.now()
    Status = model.Status
    model.objects.filter(status=Status.SENDING, claimed_at__lt=now - SENDING_TIMEOUT).update(
        status=Status.PENDING, next_attempt_at=now
    )
    due = list(
        model.objects.filter(status=Status.PENDING, next_attempt_at__lte=now)
        .order_by("pk").values_list("pk", flat=True)[:1000]
    )  # fmt: skip
    if due:
        schedule(due)
    return len(due)
