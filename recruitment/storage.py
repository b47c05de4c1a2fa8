"""Private storage for CVs: outside MEDIA_ROOT and without a URL (served by HR's download
view after its permission check). The folder is read from settings at every use
(RECRUITMENT_CV_ROOT, default private/recruitment), so tests can point it elsewhere; with
several web servers it must be shared storage."""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class CvStorage(FileSystemStorage):
    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(
            getattr(settings, "RECRUITMENT_CV_ROOT", settings.BASE_DIR / "private" / "recruitment")
        )

    @property
    def location(self):
        return str(Path(self.base_location).resolve())

    def url(self, name):
        raise ValueError("CVs have no public URL; use HR's download view.")


_storage = CvStorage()


def cv_storage():
    return _storage
