"""What other apps may use of the helpdesk (practice 3); nothing else of it is public."""

from helpdesk.queue import shared_counts

__all__ = ["question_figures"]


def question_figures() -> dict:
    """{"all": {status: n}, "public": {status: n}}: questions per status, all and without the
    confidential ones (from the cache the queue uses)."""
    return shared_counts()
