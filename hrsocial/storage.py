"""Storage classes of our own: only what django-storages does not have."""

from storages.backends.s3 import S3Storage


class PrivateS3Storage(S3Storage):
    """A bucket prefix whose files are never linked to: they are streamed by a view after its
    permission check (helpdesk attachments), never handed out as (signed) URLs."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise ValueError("These files have no URL; serve them through their download view.")
