"""HR's warning on "Mijn overzicht" when scheduled work does not run (no beat, no runner)."""

from hrsocial.home import Panel
from notifications import services


def schedule_warning(request) -> Panel | None:
    """No query on most views: the state is cached for a minute."""
    user = request.user
    if not (user.is_authenticated and user.is_hr):
        return None
    state = services.SCHEDULE_STATE.get()
    stale = services.schedule_is_stale(state)
    if not stale and not state["failed_emails"]:
        return None
    return Panel(
        template="notifications/partials/home_schedule_warning.html",
        context={"state": state, "stale": stale},
        order=1,
    )
