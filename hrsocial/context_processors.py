from django.conf import settings

from hrsocial import navigation


def portal(request):
    """What base.html needs on every page: the navigation for this user's roles."""
    if not hasattr(request, "user"):
        return {}
    main, hr = navigation.items_for(request, "main"), navigation.items_for(request, "hr")
    return {
        "nav_items": main,
        "nav_hr_items": hr,
        # What the rendered navigation depends on, for base.html's fragment cache.
        "nav_key": navigation.cache_key(main, hr),
        "self_signup_enabled": settings.SELF_SIGNUP_ENABLED,
    }
