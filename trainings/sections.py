"""The "completed trainings" section on a person's profile."""

from hrsocial.home import Panel
from trainings import permissions
from trainings.models import Completion


def completed_trainings(request, person):
    """Shown to the person, their manager and HR: one's training history is not for
    every colleague to browse."""
    if not permissions.can_see_completions(request.user, person):
        return None
    completions = list(
        Completion.objects.filter(person=person).select_related("training", "session")[:50]
    )
    if not completions and request.user.pk != person.pk:
        return None
    return Panel(
        template="trainings/partials/profile_completions.html",
        context={"person": person, "completions": completions},
        order=20,
    )
