"""The Site row (django.contrib.sites) follows SITE_URL and PORTAL_NAME.

Migration hrsocial 0002 sets it once; the post_migrate handler below sets it again after
every `migrate`, so changing SITE_URL and deploying (which migrates) keeps it in step.
allauth's e-mails do not depend on the row at all (people.adapters.portal_site).
"""

from urllib.parse import urlsplit

from django.conf import settings


def site_sync(*, site_model, using="default") -> None:
    domain = urlsplit(settings.SITE_URL).netloc[:100]
    site_model.objects.using(using).update_or_create(
        pk=settings.SITE_ID, defaults={"domain": domain, "name": settings.PORTAL_NAME[:50]}
    )


def site_sync_after_migrate(sender=None, using="default", **kwargs):
    from django.contrib.sites.models import Site

    site_sync(site_model=Site, using=using)
    Site.objects.clear_cache()
