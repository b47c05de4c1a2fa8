import itertools

import pytest
from django.urls import reverse

from hrsocial import plugins
from hrsocial.shareables import ShareFigures
from recruitment import figures
from recruitment.models import Application, ReferrerPreference
from recruitment.sharing import describe_vacancy
from tests.recruitment.factories import VacancyFactory

pytestmark = pytest.mark.django_db
TOKENS = itertools.count()


def applications(vacancy, channel, n, **fields):
    Application.objects.bulk_create(
        Application(vacancy=vacancy, channel=channel, token=f"t-{next(TOKENS)}", **fields)
        for _i in range(n)
    )


def test_channel_rows_count_clicks_applications_and_hires_and_hide_small_groups(monkeypatch):
    vacancy = VacancyFactory()
    applications(vacancy, "linkedin", 6)
    applications(vacancy, "linkedin", 2, stage="hired")
    applications(vacancy, "x", 5)
    applications(vacancy, "email", 2)
    real = plugins.provided
    clicks = ShareFigures(clicks={"linkedin": 40, "x": 12, "email": 3})
    fake = lambda name: (lambda obj: clicks) if name == "share_figures" else real(name)  # noqa: E731
    monkeypatch.setattr("recruitment.figures.provided", fake)
    rows = {row.key: row for row in figures.channel_rows(vacancy)}
    assert rows["linkedin"].value == {"clicks": 40, "applications": 8, "hires": 2}
    assert rows["linkedin"].shown
    # Two e-mail applications are too few; hiding them alone would be undone by subtraction.
    assert rows["email"].hidden and rows["x"].hidden


def test_top_referrers_show_only_those_who_opted_in(client, hanna, emma, cas):
    vacancy = VacancyFactory()
    applications(vacancy, "referral", 3, referrer=emma, stage="hired")
    Application.objects.create(vacancy=vacancy, channel="referral", referrer=cas, token="cas-1")
    ReferrerPreference.objects.create(user=emma, show_name=True)
    client.force_login(hanna)
    html = client.get(reverse("recruitment:hr-figures")).content.decode()
    assert emma.full_name in html
    assert cas.full_name not in html


def test_a_vacancy_describes_its_share_for_sharing():
    vacancy = VacancyFactory()
    content = describe_vacancy(vacancy)
    assert content.title == vacancy.title
    assert content.url.endswith(f"/vacatures/{vacancy.slug}/")
    assert content.available and content.audience == "everyone"
    assert "<" not in content.summary
