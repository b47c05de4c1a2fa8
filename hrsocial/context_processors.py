from django.conf import settings

from hrsocial import navigation


def portal(request):
    """What base.html needs on every page: the navigation for this user's roles."""
    if not hasattr(request, "user"):
        return {}
    return {
        "nav_items": navigation.items_for(request, "main"),
        "nav_hr_items": navigation.items_for(request, "hr"),
        "self_signup_enabled": settings.SELF_SIGNUP_ENABLED,
    }
