"""The "expertise" section on a person's profile page (people.sections)."""

from competencies import permissions
from competencies.models import EXPERT_LEVELS, AssessedLevel, ExpertProfile
from hrsocial.home import Panel


def expertise(request, person):
    """Colleagues see someone's topics and expert competencies only when that person opted in
    to "who knows what"; the person themselves sees how to opt in. Their manager and HR also
    get a link to the full competency profile."""
    viewer = request.user
    if not viewer.is_employee or not person.is_employee:
        return None
    own = viewer.pk == person.pk
    profile = ExpertProfile.objects.filter(person=person).prefetch_related("tags").first()
    listed = bool(profile and profile.is_listed)
    expert_levels = []
    if listed:
        expert_levels = list(
            AssessedLevel.objects.filter(
                person=person, level__gte=EXPERT_LEVELS[0], competency__is_active=True
            )
            .select_related("competency")
            .order_by("-level", "competency__name")
        )
    can_see_profile = not own and permissions.can_view_profile(viewer, person)
    if not (listed or own or can_see_profile):
        return None
    return Panel(
        template="competencies/partials/profile_expertise.html",
        context={
            "person": person,
            "profile": profile,
            "listed": listed,
            "own": own,
            "expert_levels": expert_levels,
            "can_see_profile": can_see_profile,
        },
        order=30,
    )
