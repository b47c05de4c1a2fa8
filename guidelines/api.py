"""What other apps may use of guidelines (practice 1); nothing else of guidelines is public.

Other apps import this module only (tests/hrsocial/test_architecture.py), so guidelines may
change its models, services and views without breaking them.
"""

from guidelines.models import Guideline
from guidelines.services import draft_check
from hrsocial.caching import CachedValue

__all__ = ["PUBLISHED_TIPS", "Guideline", "draft_check", "published_tips"]


def published_tips():
    """The tips everyone may read (a queryset)."""
    return Guideline.objects.published()


# The published tips' ids and titles, to choose from on busy pages (the helpdesk's question
# page); forgotten when a tip changes (guidelines.apps).
PUBLISHED_TIPS = CachedValue(
    "guidelines:published-tips",
    lambda: list(published_tips().only("pk", "title", "title_en").order_by("title")),
)
