from notifications.services import notify
from tests.access import Route, hr_only, signed_in


def setup(world):
    (world.notification,) = notify([world.employee], "general", "Welkom", url="/")


# Only the recipient may open or mark a notification: others get 404, never 403, so
# notification ids cannot be probed.
OWN_NOTIFICATION = {**signed_in(404), "employee": 302}

ROUTES = [
    Route("notifications:list", signed_in(200)),
    Route("notifications:list", signed_in(200), query="?show=unread&page=3"),
    Route("notifications:preferences", signed_in(200)),
    Route(
        "notifications:preferences",
        signed_in(302),
        method="post",
        data={"category-general": "digest"},
    ),  # fmt: skip
    Route("notifications:read-all", signed_in(302), method="post"),
    Route("notifications:read-all", signed_in(405)),
    Route(
        "notifications:open",
        OWN_NOTIFICATION,
        method="post",
        kwargs=lambda w: {"pk": w.notification.pk},
    ),  # fmt: skip
    Route(
        "notifications:read",
        OWN_NOTIFICATION,
        method="post",
        kwargs=lambda w: {"pk": w.notification.pk},
    ),  # fmt: skip
    Route("notifications:read", signed_in(405), kwargs=lambda w: {"pk": w.notification.pk}),
    Route("notifications:scheduled-tasks", hr_only(200)),
]
