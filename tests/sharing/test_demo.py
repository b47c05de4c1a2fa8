"""The demo: kits with Dutch variants, a campaign, shares by several people with clicks."""

from io import StringIO

import pytest

from hrsocial.demo import DemoContext
from people import demo as people_demo
from sharing import demo
from sharing.models import DailyFigure, Share, ShareKit

pytestmark = pytest.mark.django_db


def test_it_seeds_kits_shares_and_counted_clicks_once():
    ctx = DemoContext(stdout=StringIO())
    people_demo.seed(ctx)
    demo.seed(ctx)
    demo.seed(ctx)
    assert ShareKit.objects.count() == 3
    assert ShareKit.objects.filter(campaign__name="Werken bij week").count() == 2
    assert Share.objects.values("sharer").distinct().count() >= 5
    assert DailyFigure.objects.exists()
