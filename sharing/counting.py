"""Counting a click without keeping who clicked, and counting text as the networks count it.

* `visitor_hash(request, day)`: an HMAC of the client's address and user agent under a key
  derived from SECRET_KEY and the day. The same browser gives the same hash all day (so it
  counts once), a different one tomorrow, and without the key nobody can link hashes to an
  address. Neither the address nor the user agent is stored.
* `is_bot(user_agent)`: link-preview fetchers and crawlers (LinkedInBot, Twitterbot,
  facebookexternalhit, WhatsApp, Slackbot, …) are not clicks.
* `x_length(text)`: X's weighted length (twitter-text v3): every URL counts 23, characters in
  the Latin, punctuation ranges count 1, others (CJK, emoji) count 2.
"""

import datetime
import hashlib
import hmac
import re

from django.conf import settings

from hrsocial.middleware import client_ip

BOT_MARKERS = (
    "bot", "crawler", "spider", "preview", "facebookexternalhit", "facebookcatalog", "whatsapp",
    "slack", "telegram", "discord", "skype", "embedly", "quora link", "pinterest", "vkshare",
    "w3c_validator", "curl", "wget", "python-requests",
    "google-inspectiontool", "iframely", "mastodon", "bluesky", "redditbot", "applebot",
)  # fmt: skip


_BOT = re.compile("|".join(re.escape(marker) for marker in BOT_MARKERS))


def is_bot(user_agent: str) -> bool:
    agent = (user_agent or "").lower()
    return not agent or _BOT.search(agent) is not None


def _day_key(day: datetime.date) -> bytes:
    return hmac.new(
        settings.SECRET_KEY.encode(), f"sharing-visitor:{day.isoformat()}".encode(), "sha256"
    ).digest()


def visitor_hash(request, day: datetime.date) -> str:
    address = client_ip(request) or ""
    agent = request.headers.get("user-agent", "")[:500]
    message = f"{address}\n{agent}".encode()
    return hmac.new(_day_key(day), message, hashlib.sha256).hexdigest()[:32]


URL = re.compile(r"https?://[^\s]+|www\.[^\s]+", re.IGNORECASE)
X_URL_LENGTH = 23
# twitter-text v3: the ranges that weigh 100 (one character); everything else weighs 200.
LIGHT = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))


def _weight(character: str) -> int:
    point = ord(character)
    return 1 if any(low <= point <= high for low, high in LIGHT) else 2


def x_length(text: str) -> int:
    length, position = 0, 0
    for match in URL.finditer(text):
        length += sum(_weight(c) for c in text[position : match.start()]) + X_URL_LENGTH
        position = match.end()
    return length + sum(_weight(c) for c in text[position:])


LIMITS = {"linkedin": 3000, "x": 280, "facebook": 63206, "whatsapp": 65536, "email": 5000}


def text_length(channel: str, text: str, *, with_link: bool = True) -> int:
    """The length the network counts for the text plus the link it gets."""
    if channel == "x":
        return x_length(text) + ((1 + X_URL_LENGTH) if with_link else 0)
    return len(text)
