"""The access map: every URL of the portal with the answer each role gets.

Each app declares its routes in `tests/<app>/access_map.py`:

    ROUTES = [
        Route("helpdesk:ticket-list", employees(200)),
        Route("helpdesk:ticket-detail", {**employees(404), "employee": 200, "hr": 200},
              kwargs=lambda w: {"pk": w.ticket.pk}),
        Route("helpdesk:ticket-close", hr_only(302), method="post",
              kwargs=lambda w: {"pk": w.ticket.pk}),
    ]

    def setup(world):            # optional: objects the routes need
        world.ticket = TicketFactory(asker=world.employee)

`tests/test_access_map.py` fails for any URL pattern that is not declared, and checks every
declared answer for every role. The world has the personas: employee (reports to manager),
manager, hr (HR and HR lead), colleague (an employee elsewhere), alumnus, freelancer.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

ROLES = ("visitor", "employee", "manager", "hr", "alumnus", "freelancer")
LOGIN = "login"  # a redirect to the sign-in page


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name", or "path:<pattern>" for a pattern without a name
    expect: dict
    method: str = "get"
    kwargs: Callable | None = None  # world -> URL kwargs
    data: Callable | dict | None = None  # POST data, or world -> POST data
    query: str = ""  # appended to the URL, e.g. "?q=linkedin"
    headers: dict = field(default_factory=dict)
    # user -> headers sent instead of signing in (an API's bearer token); visitors send none.
    auth: Callable | None = None

    def __post_init__(self):
        missing = set(ROLES) - set(self.expect)
        if missing:
            raise ValueError(f"{self.name}: no expected answer for {sorted(missing)}")


def everyone(status=200) -> dict:
    return dict.fromkeys(ROLES, status)


def signed_in(status=200) -> dict:
    return {**dict.fromkeys(ROLES, status), "visitor": LOGIN}


def employees(status=200, others=403) -> dict:
    """Staff (employees, managers, HR); alumni and freelancers get `others`."""
    return {
        "visitor": LOGIN,
        "employee": status,
        "manager": status,
        "hr": status,
        "alumnus": others,
        "freelancer": others,
    }


def hr_only(status=200, others=403) -> dict:
    return {**employees(others, others), "hr": status}


def managers_only(status=200, others=403) -> dict:
    return {**employees(others, others), "manager": status}


def network(status=200, others=403) -> dict:
    """Alumni and freelancers (practice 10); HR manages the network too."""
    return {**employees(others, others), "alumnus": status, "freelancer": status, "hr": status}
