"""Who knows what: people opt in with topics; colleagues find them by topic or by a
competency at level 3 or 4."""

import pytest
from django.urls import reverse

from competencies.models import ExpertiseTag, ExpertProfile
from tests.competencies.factories import assess, expert
from tests.factories import UserFactory
from tests.queries import count_queries


def test_people_opt_in_with_their_topics(client, emma):
    client.force_login(emma)
    response = client.post(
        reverse("competencies:expert-profile"),
        {
            "is_listed": "on",
            "tags": "LinkedIn-advertenties, TikTok; tiktok, #Canva",
            "ask_me_about": "Een campagne op LinkedIn opzetten.",
        },
    )
    assert response.status_code == 302
    profile = ExpertProfile.objects.get(person=emma)
    assert profile.is_listed
    assert sorted(tag.name for tag in profile.tags.all()) == [
        "Canva",
        "LinkedIn-advertenties",
        "TikTok",
    ]
    assert profile.tags_text == "LinkedIn-advertenties, TikTok, Canva"


def test_nobody_appears_without_opting_in(client, emma, milan, cas):
    expert(cas, "TikTok", listed=False)
    expert(milan, "TikTok")
    client.force_login(emma)
    content = client.get(reverse("competencies:experts"), {"q": "TikTok"}).content.decode()
    assert "Milan de Vries" in content
    assert "Cas Peters" not in content


def test_found_by_topic_with_a_typo_or_another_case(client, emma, milan, cas):
    expert(milan, "LinkedIn-advertenties", ask_me_about="Campagnes meten")
    expert(cas, "Privacy")
    client.force_login(emma)
    content = client.get(reverse("competencies:experts"), {"q": "linkedin"}).content.decode()
    assert "Milan de Vries" in content
    assert "Cas Peters" not in content
    content = client.get(reverse("competencies:experts"), {"tag": "privacy"}).content.decode()
    assert "Cas Peters" in content
    assert "Milan de Vries" not in content


def test_found_by_a_competency_at_level_3_or_4(client, emma, milan, cas, online):
    expert(milan, "LinkedIn")
    expert(cas, "Excel")
    assess(milan, online, 3)
    assess(cas, online, 2)
    client.force_login(emma)
    url = reverse("competencies:experts")
    content = client.get(url, {"competency": online.pk, "level": 3}).content.decode()
    assert "Milan de Vries" in content
    assert "Online communicatie: 3 – gevorderd" in content
    assert "Cas Peters" not in content
    content = client.get(url, {"competency": online.pk, "level": 4}).content.decode()
    assert "Milan de Vries" not in content


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"level": "2"}, "Kies niveau 3 of 4."),
        ({"level": "x"}, "Kies niveau 3 of 4."),
        ({"competency": "999999"}, "Kies een van de competenties uit de lijst."),
    ],
)
def test_bad_search_input_gets_a_clear_message(client, emma, query, message):
    client.force_login(emma)
    response = client.get(reverse("competencies:experts"), query)
    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.parametrize(
    ("tags", "message"),
    [
        ("x" * 41, "hoogstens 40 tekens"),
        (", ".join(f"onderwerp {n}" for n in range(13)), "hoogstens 12 onderwerpen"),
        ("", "minstens één onderwerp"),
    ],
)
def test_bad_topics_are_refused_and_nothing_is_saved(client, emma, tags, message):
    client.force_login(emma)
    response = client.post(
        reverse("competencies:expert-profile"), {"is_listed": "on", "tags": tags}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ExpertProfile.objects.exists()
    assert not ExpertiseTag.objects.exists()


def test_the_profile_card_shows_topics_only_when_listed(client, emma, milan, cas, online):
    assess(milan, online, 4)
    expert(milan, "TikTok", ask_me_about="Korte video's")
    client.force_login(cas)
    content = client.get(reverse("people:profile", args=[milan.pk])).content.decode()
    assert "TikTok" in content
    assert "Online communicatie: 4 – expert" in content
    expert(milan, "TikTok", listed=False)
    content = client.get(reverse("people:profile", args=[milan.pk])).content.decode()
    assert "TikTok" not in content
    assert "Online communicatie" not in content


def test_the_own_profile_card_invites_to_opt_in(client, emma):
    client.force_login(emma)
    content = client.get(reverse("people:profile", args=[emma.pk])).content.decode()
    assert "Je staat nog niet in “wie weet wat”" in content


def test_the_list_costs_the_same_queries_for_5_or_50_experts(
    client, emma, online, django_assert_max_num_queries
):
    def count():
        return count_queries(client, reverse("competencies:experts"))

    client.force_login(emma)
    people = [UserFactory() for _ in range(50)]
    for person in people[:5]:
        expert(person, "TikTok", "Canva")
        assess(person, online, 4)
    client.get(reverse("competencies:experts"))
    five = count()
    for person in people[5:]:
        expert(person, "TikTok", "Canva")
        assess(person, online, 4)
    assert count() == five


def test_the_global_search_finds_listed_experts(client, emma, milan):
    expert(milan, "TikTok")
    client.force_login(emma)
    content = client.get(reverse("search"), {"q": "tiktok"}).content.decode()
    assert "Wie weet wat" in content
    assert "Milan de Vries" in content
