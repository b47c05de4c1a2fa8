import io
import zipfile
from datetime import timedelta

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from recruitment.models import Vacancy
from tests.factories import DepartmentFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def upload(name="cv.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


class VacancyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vacancy

    title = factory.Sequence(lambda n: f"Communicatieadviseur {n}")
    slug = factory.Sequence(lambda n: f"communicatieadviseur-{n}")
    department = factory.SubFactory(DepartmentFactory)
    location = "Utrecht"
    postal_code = "3511 AA"
    hours_per_week = 36
    salary_min = 3500
    salary_max = 4800
    description = "Je maakt **ons verhaal** zichtbaar.\n\n- schrijven\n- delen\n\n# Kop"
    requirements = "Drie jaar ervaring."
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=3))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    status = Vacancy.Status.OPEN
    visibility = Vacancy.Visibility.PUBLIC
    referral_bonus = 1000


def apply_data(**overrides):
    data = {
        "name": "Sanne Visser",
        "email": "sanne@example.org",
        "phone": "0612345678",
        "motivation": "Ik wil graag bij jullie werken.",
        "long_retention": "0",
        "cv": upload(),
    }
    data.update(overrides)
    return data
