from notifications.services import unread_count


def unread(request):
    """The unread count in the navigation bar: one COUNT on an indexed column per page."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": unread_count(user)}
