"""The demo: kits with Dutch variants, a campaign, shares by several people with clicks."""

from io import StringIO

import pytest

from hrsocial.demo import DemoContext
from people import demo as people_demo
from sharing import demo
from sharing.models import Click, DailyFigure, Share, ShareKit

pytestmark = pytest.mark.django_db


def test_it_seeds_kits_shares_and_counted_clicks_once():
    ctx = DemoContext(stdout=StringIO())
    people_demo.seed(ctx)
    demo.seed(ctx)
    counts = ShareKit.objects.count(), Share.objects.count(), Click.objects.count()
    demo.seed(ctx)
    assert (ShareKit.objects.count(), Share.objects.count(), Click.objects.count()) == counts
    # Without recruitment's demo no vacancy kits: the curated ones and the year's.
    assert ShareKit.objects.count() == len(demo.KITS) + len(demo.YEAR_KITS)
    assert ShareKit.objects.filter(campaign__name="Werken bij week").count() == 2
    assert Share.objects.values("sharer").distinct().count() >= 5
    assert DailyFigure.objects.exists()


def test_it_shares_a_kit_of_the_year_every_fortnight_by_enough_colleagues_on_linkedin():
    """Every month holds one kit's first days: each shared by at least six people there."""
    ctx = DemoContext(stdout=StringIO())
    people_demo.seed(ctx)
    demo.seed(ctx)
    for _kind, title, *_texts in demo.YEAR_KITS:
        kit = ShareKit.objects.get(title=title)
        sharers = kit.shares.filter(channel="linkedin").values("sharer").distinct().count()
        assert sharers >= 6, title
        assert Click.objects.filter(share__kit=kit).exists(), title
