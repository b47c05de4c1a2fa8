"""The overview employees read: grouped, golden rule first, searchable, printable, quick."""

import pytest

from guidelines.models import Acknowledgement
from hrsocial.search import search_source
from tests.guidelines.factories import CategoryFactory, open_tips, published_tip
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def test_it_shows_the_golden_rule_first_then_the_tips_by_category(client, emma):
    later = CategoryFactory(name="Werving", order=20)
    first = CategoryFactory(name="Je eigen accounts", order=10)
    published_tip(title="Deel vacatures", category=later)
    published_tip(title="Vertel waar je werkt", category=first)
    published_tip(title="Gebruik je gezond verstand", category=later, is_golden_rule=True)
    client.force_login(emma)
    html = client.get("/guidelines/").content.decode()
    in_order = (
        "De gouden regel", "Gebruik je gezond verstand", "Je eigen accounts",
        "Vertel waar je werkt", "Werving", "Deel vacatures",
    )  # fmt: skip
    positions = [html.index(text) for text in in_order]
    assert positions == sorted(positions)


def test_it_shows_do_and_rather_not_examples_and_the_explanation(client, emma):
    published_tip(
        do_examples="Bedank een collega", dont_examples="Klagen over een klant", body="*Uitleg*"
    )
    client.force_login(emma)
    html = client.get("/guidelines/").content.decode()
    assert "Wel doen" in html and "Bedank een collega" in html
    assert "Liever niet" in html and "Klagen over een klant" in html
    assert "<em>Uitleg</em>" in html and "Lees de uitleg" in html


def test_it_is_in_english_for_english_readers(client, emma):
    published_tip(title="Gebruik je gezond verstand", title_en="Use your common sense")
    emma.preferred_language = "en"
    emma.save()
    client.force_login(emma)
    html = client.get("/guidelines/", headers={"Accept-Language": "en"}).content.decode()
    assert "Use your common sense" in html and "Tips for social media" in html


def test_search_finds_tips_by_their_words(client, emma):
    published_tip(title="Deel vacatures in je netwerk", tip="Een collega die deelt, werkt beter.")
    published_tip(title="Klanten", tip="Complimenten online, kritiek binnen.")
    client.force_login(emma)
    html = client.get("/guidelines/?q=vacatures").content.decode()
    assert "Deel vacatures in je netwerk" in html and "Complimenten online" not in html
    assert "1 tip gevonden voor ‘vacatures’." in html


def test_a_search_without_results_says_so(client, emma):
    published_tip()
    client.force_login(emma)
    assert "Geen tips gevonden" in client.get("/guidelines/?q=blockchain").content.decode()


def test_the_global_search_and_other_apps_find_published_tips_only(emma, anouk):
    published_tip(title="Vacatures delen")
    published_tip(title="Vacatures concept").__class__.objects.filter(
        title="Vacatures concept"
    ).update(status="draft")
    assert [str(g) for g in search_source("guidelines", emma, "vacatures")] == ["Vacatures delen"]
    assert search_source("guidelines", anouk, "vacatures") == []


def test_the_overview_is_printable(client, emma):
    published_tip()
    client.force_login(emma)
    html = client.get("/guidelines/").content.decode()
    assert "data-print" in html and "guidelines/guidelines.css" in html


def test_the_overview_offers_one_click_for_the_outstanding_tips_that_were_opened(client, emma):
    tips = [published_tip() for _n in range(4)]
    Acknowledgement.objects.create(person=emma, guideline=tips[0], version=1)
    open_tips(emma, *tips[:3])
    client.force_login(emma)
    html = client.get("/guidelines/").content.decode()
    assert "Ik heb de 2 tips die ik opende gelezen en begrepen" in html
    assert f'name="seen" value="{tips[1].pk}:1"' in html
    assert f'name="seen" value="{tips[2].pk}:1"' in html
    assert f'name="seen" value="{tips[0].pk}:1"' not in html  # done
    assert f'name="seen" value="{tips[3].pk}:1"' not in html  # not opened


def test_the_overview_costs_the_same_queries_for_5_or_50_tips(client, emma):
    def queries():
        return count_queries(client, "/guidelines/")

    client.force_login(emma)
    tips = [published_tip(category=CategoryFactory(name=f"C{n % 3}")) for n in range(5)]
    Acknowledgement.objects.create(person=emma, guideline=tips[0], version=1)
    few = queries()
    for n in range(45):
        published_tip(category=CategoryFactory(name=f"C{n % 7}"))
    assert queries() == few


def test_the_detail_page_shows_versions_and_the_acknowledgement(client, emma):
    tip = published_tip(title="Privacy")
    client.force_login(emma)
    html = client.get(tip.get_absolute_url()).content.decode()
    assert (
        "Versie 1" in html
        and "Gelezen en begrepen" in html
        and 'name="next" value="detail"' in html
    )
    response = client.post(f"/guidelines/{tip.pk}/acknowledge/", {"version": 1, "next": "detail"})
    assert response["Location"] == tip.get_absolute_url()


def test_alumni_and_freelancers_have_no_tips_page(client, anouk, femke):
    for person in (anouk, femke):
        client.force_login(person)
        assert client.get("/guidelines/").status_code == 403
        assert client.get("/guidelines/check/").status_code == 403


def test_an_explanation_is_rendered_once_and_again_when_it_changes(client, emma, monkeypatch):
    from hrsocial import text

    rendered = []
    convert = text._converter

    def counting_converter():
        rendered.append(1)
        return convert()

    monkeypatch.setattr(text, "_converter", counting_converter)
    tip = published_tip(body="**Eerst** dit, één keer")
    client.force_login(emma)
    client.get("/guidelines/")
    client.get("/guidelines/")
    assert len(rendered) == 1
    tip.body = "**Nu** dat"
    tip.save()
    assert "<strong>Nu</strong> dat" in client.get("/guidelines/").content.decode()
    assert len(rendered) == 2
