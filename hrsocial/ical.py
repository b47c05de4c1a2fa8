"""iCalendar (RFC 5545) building blocks shared by the apps that offer a calendar file
(trainings' sessions, the alumni network's events), written by hand: it is a small format.

What the RFC asks and calendars check: lines end in CRLF and are folded at 75 octets
(continuation lines start with a space, never splitting a UTF-8 character); TEXT values
escape backslash, semicolon, comma and newlines; times are in UTC ("Z"), so no VTIMEZONE is
needed and an event at 10:00 in Amsterdam shows at 10:00 in Amsterdam whatever the season.
"""

from datetime import UTC, datetime

CONTENT_TYPE = "text/calendar; charset=utf-8"


def escape_text(value: str) -> str:
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Split a content line into pieces of at most 75 octets (RFC 5545, 3.1)."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line
    pieces, current, size, limit = [], [], 0, 75
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, 74  # continuation lines begin with one space
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(events: list[list[str]], *, product: str, name: str = "") -> bytes:
    """A whole iCalendar object from VEVENT line lists, as UTF-8 bytes with CRLF endings."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{product}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    if name:
        lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    for event_lines in events:
        lines += event_lines
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode()
