"""The portal's Site row follows SITE_URL, so allauth's e-mails name this portal and its
address (not "example.com"). It is set after every `migrate`, which every start runs."""

from urllib.parse import urlsplit

from django.conf import settings

PORTAL_NAME = "hrsocial"


def site_follow_settings(sender=None, using="default", apps=None, **kwargs) -> None:
    if sender is not None and sender.name != "django.contrib.sites":
        return  # post_migrate fires once per app; the sites table exists after its own
    from django.contrib.sites.models import Site

    domain = urlsplit(settings.SITE_URL).netloc or "127.0.0.1:8000"
    Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID, defaults={"domain": domain, "name": PORTAL_NAME}
    )
    Site.objects.clear_cache()
