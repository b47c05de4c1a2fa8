import datetime
import io

import factory
from django.utils import timezone
from PIL import Image

from sharing.models import Campaign, CaptionVariant, Share, ShareKit


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign
        django_get_or_create = ["name"]

    name = "Werken bij week 2027"
    slug = "werken-bij-week-2027"


class KitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ShareKit

    title = factory.Sequence(lambda n: f"Ons nieuwe kantoor {n}")
    summary = "Zuiderlicht opent een kantoor in Utrecht."
    url = "https://www.example.com/blog/kantoor"
    status = ShareKit.Status.PUBLISHED
    starts_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    disclosure = "#ikwerkbijzuiderlicht"


class VariantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaptionVariant

    kit = factory.SubFactory(KitFactory)
    channel = "linkedin"
    text = factory.Sequence(lambda n: f"Mooi nieuws van ons team, deel {n}!")


class ShareFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Share

    kit = factory.SubFactory(KitFactory)
    channel = "linkedin"
    text = "Trots op ons nieuwe kantoor #ikwerkbijzuiderlicht"


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "orange").save(out, "PNG")
    return out.getvalue()


BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"
