"""Private storage for helpdesk attachments: outside MEDIA_ROOT and without a URL.

Files are only ever served by `helpdesk.views.attachments.download`, after the permission check.
The location is read from settings at every use, so tests can point it at a temporary folder.
On several web servers, HELPDESK_ATTACHMENTS_ROOT must be shared storage, or the attachments
go to an S3-compatible bucket (settings.STORAGES["helpdesk_attachments"], without URLs either).
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages


class PrivateStorage(FileSystemStorage):
    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(settings.HELPDESK_ATTACHMENTS_ROOT)

    @property
    def location(self):
        return str(Path(self.base_location).resolve())

    def url(self, name):
        raise ValueError("Helpdesk attachments have no public URL; use the download view.")


def private_storage():
    return storages["helpdesk_attachments"]
