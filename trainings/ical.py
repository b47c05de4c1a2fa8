"""iCalendar (RFC 5545) for training sessions, written by hand: it is a small format.

What the RFC asks and calendars check: lines end in CRLF and are folded at 75 octets
(continuation lines start with a space, never splitting a UTF-8 character); TEXT values
escape backslash, semicolon, comma and newlines; times are in UTC ("Z"), so no VTIMEZONE is
needed and a session at 10:00 in Amsterdam shows at 10:00 in Amsterdam whatever the season.
An event keeps one UID per session, in the download, the e-mail and the feed alike, so a
calendar that has it twice updates one event; SEQUENCE says which version is newer.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

# The format's building blocks are shared (hrsocial.ical); these names stay importable here.
from hrsocial.ical import CONTENT_TYPE, escape_text, fold, utc  # noqa: F401
from hrsocial.ical import calendar as _calendar

PRODUCT = "-//hrsocial//Trainingen//NL"


def uid_for(session) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "hrsocial"
    return f"training-session-{session.pk}@{host}"


def event(session, *, status: str = "CONFIRMED", url: str = "", now=None) -> list[str]:
    """The VEVENT lines for one session. `status`: CONFIRMED, TENTATIVE or CANCELLED."""
    training = session.training
    description = [training.display_summary]
    if session.trainer:
        description.append(_("Trainer: %(name)s") % {"name": session.trainer})
    if session.online_url:
        description.append(session.online_url)
    if url:
        description.append(url)
    location = session.location or session.online_url
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid_for(session)}",
        f"DTSTAMP:{utc(now or timezone.now())}",
        f"DTSTART:{utc(session.starts_at)}",
        f"DTEND:{utc(session.ends_at)}",
        f"SUMMARY:{escape_text(training.display_title)}",
        f"DESCRIPTION:{escape_text(chr(10).join(d for d in description if d))}",
        f"SEQUENCE:{session.sequence}",
        f"LAST-MODIFIED:{utc(session.updated_at)}",
        f"STATUS:{'CANCELLED' if session.is_cancelled else status}",
        "TRANSP:OPAQUE",
    ]
    if location:
        lines.append(f"LOCATION:{escape_text(location)}")
    if url:
        lines.append(f"URL:{url}")
    lines.append("END:VEVENT")
    return lines


def calendar(events: list[list[str]], *, name: str = "") -> bytes:
    """A whole iCalendar object from VEVENT line lists, as UTF-8 bytes with CRLF endings."""
    return _calendar(events, product=PRODUCT, name=name)


def enrolment_calendar(enrolment, *, now=None) -> bytes:
    """The .ics of one enrolment: its session, tentative while the manager decides."""
    status = "CONFIRMED" if enrolment.is_confirmed else "TENTATIVE"
    if not enrolment.is_active:
        status = "CANCELLED"
    url = settings.SITE_URL + enrolment.get_absolute_url()
    return calendar([event(enrolment.session, status=status, url=url, now=now)])


def filename_for(session) -> str:
    start = timezone.localtime(session.starts_at)
    return f"training-{start:%Y%m%d}-{session.pk}.ics"
