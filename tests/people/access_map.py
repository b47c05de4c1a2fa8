from tests.access import LOGIN, Route, employees, everyone, signed_in

ROUTES = [
    Route("people:directory", employees(200)),
    Route("people:directory", employees(200), query="?q=emma&page=2"),
    Route("people:profile-edit", signed_in(200)),
    Route("people:profile-edit", signed_in(200), method="post", data={"full_name": ""}),
    Route("people:set-language", everyone(302), method="post", data={"language": "en"}),
    # Colleagues see each other's card; alumni and freelancers only their own.
    Route(
        "people:profile",
        {**employees(200, others=404)},
        kwargs=lambda w: {"pk": w.colleague.pk},
    ),
    Route(
        "people:profile",
        {**signed_in(404), "alumnus": 200},
        kwargs=lambda w: {"pk": w.alumnus.pk},
    ),
]

__all__ = ["LOGIN", "ROUTES"]
