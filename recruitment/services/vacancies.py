from django.db import transaction
from django.utils.text import slugify

from hrsocial import audit
from recruitment.models import Vacancy


def unique_slug(title: str, exclude_pk=None) -> str:
    base = slugify(title)[:140] or "vacature"
    slug, n = base, 1
    while Vacancy.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def vacancy_save(*, vacancy: Vacancy, by) -> Vacancy:
    """Save a vacancy from HR's form (already validated, `full_clean` included)."""
    with transaction.atomic():
        if not vacancy.slug:
            vacancy.slug = unique_slug(vacancy.title, vacancy.pk)
        created = vacancy.pk is None
        vacancy.full_clean()
        vacancy.save()
        audit.record(
            actor=by, action=f"recruitment.vacancy_{'create' if created else 'edit'}",
            target=vacancy,
        )  # fmt: skip
    return vacancy
