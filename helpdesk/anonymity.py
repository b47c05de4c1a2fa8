"""How an anonymous question reaches its asker without telling anyone who that is.

HR must never learn who asked an anonymous question: not from the pages, the admin, the
e-mails, the notifications or the audit log. Yet replies have to reach the asker. So an
anonymous `Question` stores no reference to a person. It keeps exactly two things:

* `access_token_hash`: the SHA-256 of a random token that only the asker receives, once, in
  their private link (`/helpdesk/private/<token>/`). The token itself is never stored, so nobody
  who reads the database or the admin can rebuild the link. Whoever holds the link and is signed
  in as an employee can follow the question; that is what makes the link private.
* `asker_mailbox`: a keyed hash (HMAC-SHA256 with the site's SECRET_KEY) of the asker's user id.
  It lets the asker's own pages ("My questions", the home panel) find their anonymous questions,
  and lets the periodic task `notify_anonymous_askers` deliver "there is news" to the right
  notification centre. It names nobody: turning it back into a person needs the secret key,
  which HR does not have, and trying every employee with it. It is never shown anywhere.

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

import hashlib
import secrets

from django.utils.crypto import constant_time_compare, salted_hmac

MAILBOX_SALT = "hrsocial.helpdesk.anonymous-asker"


def mailbox_for(user) -> str:
    """The sealed reference of `user` on their anonymous questions ("" for nobody)."""
    if user is None or not user.is_authenticated:
        return ""
    return salted_hmac(MAILBOX_SALT, str(user.pk), algorithm="sha256").hexdigest()


def new_access_token() -> str:
    """An unguessable token for the asker's private link (256 bits of randomness)."""
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_matches(token: str, token_hash: str) -> bool:
    return bool(token and token_hash) and constant_time_compare(hash_token(token), token_hash)
