"""What other practice apps may use of the alumni network."""

from alumni.permissions import is_member  # noqa: F401  (whether someone is a verified member)
