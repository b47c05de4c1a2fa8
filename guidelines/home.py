"""The employee's to-do on "Mijn overzicht": tips to (re-)acknowledge, naming changed ones."""

from guidelines.models import Guideline
from hrsocial.home import Panel


def acknowledgement_todo(request) -> Panel | None:
    """One query: the published tips this person has not acknowledged in their current
    version. Nothing to show once they are all done."""
    user = request.user
    if not (user.is_authenticated and user.is_employee):
        return None
    tips = list(Guideline.objects.outstanding_for(user).in_reading_order())
    if not tips:
        return None
    return Panel(
        template="guidelines/partials/home_todo.html",
        context={"tips": tips, "changed": [t for t in tips if t.acknowledged_before]},
        order=10,
    )
