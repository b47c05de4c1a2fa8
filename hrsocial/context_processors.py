from django.conf import settings

from hrsocial import navigation


def portal(request):
    """What base.html needs on every page: the navigation for this user's roles."""
    if not hasattr(request, "user"):
        return {}
    main, hr = navigation.items_for(request, "main"), navigation.items_for(request, "hr")
    return {
        "nav_items": main,
        # The footer offers the helpdesk only to those who may use it (it is in their
        # navigation); everyone else, signed out too, gets HR's e-mail address.
        "helpdesk_url": next((item["url"] for item in main if item["key"] == "helpdesk"), ""),
        "hr_contact_email": settings.HR_CONTACT_EMAIL,
        # Alumni and freelancers, whose network is not open yet: the 403 page tells them
        # what they can do instead of blaming a missing HR or manager role.
        "in_network": navigation.network(request.user),
        "nav_hr_items": hr,
        # What the rendered navigation depends on, for base.html's fragment cache.
        "nav_key": navigation.cache_key(main, hr),
        "self_signup_enabled": settings.SELF_SIGNUP_ENABLED,
    }
