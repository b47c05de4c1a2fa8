"""The platform's own pages: home, notification centre, colleague directory."""

from bench.common import Page


def seed(ctx):
    """Give the employee a full notification centre (the list must not slow down with rows)."""
    from notifications.models import Notification
    from notifications.services import notify
    from people.models import User

    emma = User.objects.get(email="employee@example.com")
    missing = 500 - Notification.objects.filter(recipient=emma).count()
    for number in range(max(missing, 0)):
        notify([emma], "general", f"Bench-melding {number}", "Tekst van de melding.", url="/")
    Notification.objects.filter(recipient=emma).update(email_status="none")
    count = Notification.objects.filter(recipient=emma).count()
    ctx.log(f"foundation: the employee has {count} notifications")


def pages(ctx):
    return [
        Page("home (Mijn overzicht)", "/"),
        Page("notification centre", "/notifications/"),
        Page("colleague directory, page 2", "/people/?page=2"),
        Page("colleague search", "/people/?q=jansen"),
    ]
