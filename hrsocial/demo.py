"""The shared context of `manage.py seed_demo`: each app's `<app>/demo.py` has a
`seed(ctx: DemoContext)` function, called in the order of INSTALLED_APPS. Seeding must be
idempotent: running the command twice changes nothing the second time."""

import random
from dataclasses import dataclass, field

DEMO_PASSWORD = "demo-pass-2026"

DEMO_ACCOUNTS = [
    ("employee@example.com", "employee, reports to the manager"),
    ("manager@example.com", "manager of the Communication team"),
    ("hr@example.com", "HR staff (and HR lead, admin access)"),
    ("alumni@example.com", "alumnus (former employee)"),
    ("freelancer@example.com", "freelancer"),
]


@dataclass
class DemoContext:
    stdout: object
    scale: int = 1
    rng: random.Random = field(default_factory=lambda: random.Random(2026))

    def log(self, message: str) -> None:
        self.stdout.write(f"  {message}")

    def person(self, email: str):
        from people.models import User

        return User.objects.get(email=email)
