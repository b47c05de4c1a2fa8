"""People's own entry in the expert finder ("wie weet wat")."""

import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from competencies.models import ExpertiseTag, ExpertProfile

MAX_TAGS = 12
MAX_TAG_LENGTH = 40


def tags_parse(text: str) -> list[str]:
    """ "TikTok, LinkedIn-advertenties; tiktok" -> ["TikTok", "LinkedIn-advertenties"]:
    split on commas, semicolons and new lines, spaces tidied, duplicates (any case) dropped."""
    names, seen = [], set()
    for raw in re.split(r"[,;\n]", text or ""):
        name = " ".join(raw.split()).lstrip("#")
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    too_long = [name for name in names if len(name) > MAX_TAG_LENGTH]
    if too_long:
        raise ValidationError(
            _("A topic can have at most %(max)s characters: %(tags)s")
            % {"max": MAX_TAG_LENGTH, "tags": ", ".join(too_long)},
            code="tag_length",
        )
    if len(names) > MAX_TAGS:
        raise ValidationError(
            _("Choose at most %(max)s topics.") % {"max": MAX_TAGS}, code="tag_count"
        )
    return names


def _tag(name: str) -> ExpertiseTag:
    existing = ExpertiseTag.objects.filter(name__iexact=name).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            return ExpertiseTag.objects.create(name=name)
    except IntegrityError:  # someone created it at the same moment
        return ExpertiseTag.objects.get(name__iexact=name)


def expert_profile_save(*, person, is_listed: bool, tags: str, ask_me_about: str) -> ExpertProfile:
    """Save someone's own expert entry. They appear in the finder only when `is_listed`."""
    names = tags_parse(tags)
    ask_me_about = " ".join((ask_me_about or "").split())
    if len(ask_me_about) > 300:
        raise ValidationError(_("Keep it to one sentence (300 characters)."), code="long")
    if is_listed and not names and not ask_me_about:
        raise ValidationError(
            _("Add at least one topic, so colleagues know what to ask you about."),
            code="empty",
        )
    with transaction.atomic():
        profile, _created = ExpertProfile.objects.get_or_create(person=person)
        tag_objects = [_tag(name) for name in names]
        profile.tags.set(tag_objects)
        profile.is_listed = is_listed
        profile.ask_me_about = ask_me_about
        profile.tags_text = ", ".join(tag.name for tag in tag_objects)[:500]
        profile.save()
    return profile
