"""How an anonymous question reaches its asker without telling anyone who that is.

HR must never learn who asked an anonymous question: not from the pages, the admin, the
e-mails, the notifications or the audit log. Yet replies have to reach the asker. So an
anonymous `Question` stores no reference to a person. It keeps exactly two things:

* `access_token_hash`: the SHA-256 of a random token that only the asker receives, once, in
  their private link (`/helpdesk/private/<token>/`). The token itself is never stored, so nobody
  who reads the database or the admin can rebuild the link. Whoever holds the link and is signed
  in as an employee can follow the question; that is what makes the link private.
* `asker_mailbox`: a keyed hash (HMAC-SHA256 with the site's SECRET_KEY) of the asker's user id
  and a slot number: the person's first anonymous question gets slot 1, the next the lowest slot
  still free. Every question of one person therefore has a different mailbox (nothing in the
  table groups the questions of one asker), yet the asker's own pages find them: they compute
  the person's first slots and look those up (`mailboxes_of`). It names nobody: turning it back
  into a person needs the secret key, which HR does not have, and trying every employee with
  it. It is never shown anywhere, and the admin refuses lookups on it.

Nothing else links the person to the question: not the session (the private link lives only in
the asker's browser: the page after asking has the token in its own address), not the cache,
not the audit log. docs/PRIVACY.md has the threat model.

Replies therefore do not notify the asker at the moment HR sends them: the question is marked
as having news, and the periodic task tells all anonymous askers with news in one batch, with
a title and link that do not identify the question ("There is news about your anonymous
question", linking to "My questions"). The notification's time no longer equals the reply's,
and its row says nothing about which question it is about.

What remains: someone with the database *and* the secret key (a system administrator) could
work out who asked. That is the same trust the portal already places in them for everything
else; HR staff using the portal cannot. Asker actions on anonymous questions are not written
to the audit log, attachments get a neutral file name and lose the author metadata we can
remove (see `helpdesk.attachments`), and HR staff never see their own anonymous questions in
the queue (so nobody handles their own case without knowing it).
"""

import datetime
import hashlib
import secrets

from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy

from hrsocial.formatting import table_date

MAILBOX_SALT = "hrsocial.helpdesk.anonymous-asker"
# Slots are looked up this many at a time; a person with more anonymous questions costs one
# more (indexed) query per window.
SLOT_WINDOW = 64
MAX_WINDOWS = 64


def mailbox_for(user, slot: int = 1) -> str:
    """The sealed reference of `user`'s anonymous question in `slot` ("" for nobody)."""
    if user is None or not user.is_authenticated:
        return ""
    return salted_hmac(MAILBOX_SALT, f"{user.pk}:{slot}", algorithm="sha256").hexdigest()


def window(user, number: int) -> list[str]:
    """The mailboxes of slots number*SLOT_WINDOW+1 … (number+1)*SLOT_WINDOW."""
    first = number * SLOT_WINDOW + 1
    return [mailbox_for(user, slot) for slot in range(first, first + SLOT_WINDOW)]


def _used(candidates: list[str]) -> set[str]:
    from helpdesk.models import Question

    return set(
        Question.objects.filter(asker_mailbox__in=candidates).values_list(
            "asker_mailbox", flat=True
        )
    )


def mailboxes_of(user) -> list[str]:
    """The mailboxes of `user`'s anonymous questions: one query for most people (a window
    with no question in it ends the search)."""
    if user is None or not user.is_authenticated:
        return []
    found = []
    for number in range(MAX_WINDOWS):
        used = _used(window(user, number))
        if not used:
            break
        found += used
    return found


def new_mailbox(user) -> str:
    """The mailbox for `user`'s next anonymous question: the lowest free slot."""
    for number in range(MAX_WINDOWS):
        candidates = window(user, number)
        used = _used(candidates)
        for mailbox in candidates:
            if mailbox not in used:
                return mailbox
    raise RuntimeError("no free anonymous slot")


def is_asker_of(user, question) -> bool:
    """Whether `user` asked this anonymous question (for the rules only; never shown)."""
    return bool(question.asker_mailbox) and question.asker_mailbox in mailboxes_of(user)


def new_access_token() -> str:
    """An unguessable token for the asker's private link (256 bits of randomness)."""
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_matches(token: str, token_hash: str) -> bool:
    return bool(token and token_hash) and constant_time_compare(hash_token(token), token_hash)


# Times of an anonymous question are kept and shown as a day part, never to the minute: the
# minute would line it up with what the same person did with their name (issue 11).
DAY_PARTS = (
    (0, gettext_lazy("morning")),
    (12, gettext_lazy("afternoon")),
    (18, gettext_lazy("evening")),
)


def day_part_start(moment):
    """The start of the day part `moment` falls in, in local time (aware)."""
    local = timezone.localtime(moment)
    hour = max(start for start, _label in DAY_PARTS if start <= local.hour)
    return local.replace(hour=hour, minute=0, second=0, microsecond=0)


def day_part_end(moment):
    """The start of the next day part (midnight after the evening)."""
    start = day_part_start(moment)
    later = [hour for hour, _label in DAY_PARTS if hour > start.hour]
    if later:
        return start.replace(hour=later[0])
    next_day = start.date() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(next_day, datetime.time()))


def day_part_label(moment) -> str:
    """ "1 dec. 2026, middag": the date and the day part."""
    local = timezone.localtime(moment)
    label = next(text for start, text in reversed(DAY_PARTS) if start <= local.hour)
    return f"{table_date(local)}, {label}"
