"""Content that HR writes in two languages: a Dutch field and an optional English twin.

class Competency(models.Model):
    name = models.CharField(...)         # Dutch, required
    name_en = models.CharField(blank=True)

localized(competency, "name")  # English when English is active and filled in, else Dutch
"""

from django.utils import translation
from django.utils.functional import lazy


def localized(obj, field: str) -> str:
    if translation.get_language() == "en":
        english = getattr(obj, f"{field}_en", "")
        if english:
            return english
    return getattr(obj, field)


# For texts built before the language is known (a notification is rendered once per recipient
# language, see notifications.services.notify): evaluated when the text is.
localized_lazy = lazy(localized, str)
