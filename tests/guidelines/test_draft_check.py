"""The checker as other apps call it: `draft_check(text, network)`, on HR's rules."""

import pytest
from django.core.cache import cache

from guidelines.checker import ruleset
from guidelines.models import Rule, Severity
from guidelines.services import draft_check
from tests.guidelines.factories import add_terms, committed, published_tip

pytestmark = pytest.mark.django_db


def kinds(result):
    return [(f.kind, f.text) for f in result]


def test_it_finds_a_confidential_term_as_a_whole_word_ignoring_case_and_accents():
    add_terms(Rule.Kind.CONFIDENTIAL, "Café Kolibrie")
    assert kinds(draft_check("Lunch bij cafe kolibrie vandaag!")) == [
        ("confidential", "cafe kolibrie")
    ]
    assert kinds(draft_check("CAFÉ   KOLIBRIE\nwas top")) == [("confidential", "CAFÉ   KOLIBRIE")]
    assert kinds(draft_check("Lunch bij Café Kolibriestraat")) == []


def test_an_accented_term_matches_unaccented_text_and_the_other_way_round():
    add_terms(Rule.Kind.CONFIDENTIAL, "Zonnedauw", "Coöperatie Noord")
    result = draft_check("Zonnedáuw en de Cooperatie Noord")
    assert [f.text for f in result] == ["Zonnedáuw", "Cooperatie Noord"]


def test_a_term_with_regular_expression_characters_is_taken_literally():
    add_terms(Rule.Kind.CONFIDENTIAL, "C++", "A.B.", "Project (X)")
    result = draft_check("Wij bouwen in C++ voor A.B. aan Project (X); niet voor AxB of C")
    assert [f.text for f in result] == ["C++", "A.B.", "Project (X)"]
    assert kinds(draft_check("ABC en C+")) == []


def test_a_term_ending_in_a_star_matches_longer_words():
    add_terms(Rule.Kind.FINANCIAL, "reorganis*")
    assert [f.text for f in draft_check("De reorganisatie en het reorganiseren")] == [
        "reorganisatie",
        "reorganiseren",
    ]


def test_the_longest_term_wins_and_a_shorter_one_still_matches_alone():
    add_terms(Rule.Kind.CONFIDENTIAL, "Noorderlicht", "Noorderlicht Twee")
    assert [f.text for f in draft_check("Noorderlicht Twee en Noorderlicht")] == [
        "Noorderlicht Twee",
        "Noorderlicht",
    ]


def test_internal_markers_financial_topics_and_negative_remarks_are_found():
    result = draft_check(
        "Vertrouwelijk: de omzet steeg. Die klant is echt waardeloos. Internal only."
    )
    assert kinds(result) == [
        ("internal", "Vertrouwelijk"),
        ("financial", "omzet"),
        ("negative", "waardeloos"),
        ("internal", "Internal only"),
    ]


def test_ordinary_words_that_contain_a_marker_are_not_findings():
    assert (
        kinds(draft_check("Onze interne communicatie en de internationale winstwaarschuwing")) == []
    )


def test_each_finding_has_a_severity_a_tip_and_the_guideline_it_comes_from(in_english):
    tip = published_tip(title="Persoonsgegevens", title_en="Personal data")
    with committed():
        rule = Rule.objects.get(kind=Rule.Kind.PHONE)
        rule.guideline, rule.severity, rule.tip, rule.tip_en = tip, "stop", "Geen", "No numbers"
        rule.save()
    [finding] = draft_check("Bel 06-12345678")
    assert finding.as_dict() == {
        "rule": "phone",
        "label": "Phone numbers",
        "severity": "stop",
        "severity_label": "Don't post",
        "start": 4,
        "end": 15,
        "text": "06-12345678",
        "tip": "No numbers",
        "explanation": "",
        "guideline": {"title": "Personal data", "url": tip.get_absolute_url()},
    }


def test_a_rule_linked_to_an_unpublished_tip_gives_no_link():
    tip = published_tip()
    with committed():
        Rule.objects.filter(kind=Rule.Kind.EMAIL).update(guideline=tip)
        ruleset.ruleset_changed()
    with committed():
        tip.status = "draft"
        tip.save()
    [finding] = draft_check("jan@example.com")
    assert finding.guideline_url == ""


def test_a_rule_that_is_switched_off_finds_nothing():
    with committed():
        Rule.objects.filter(kind=Rule.Kind.EMAIL).update(is_active=False)
        ruleset.ruleset_changed()
    assert kinds(draft_check("jan@example.com")) == []


def test_the_verdict_is_the_most_serious_finding():
    assert draft_check("Mooie dag vandaag!").verdict == Severity.FINE
    assert draft_check("De omzet steeg").verdict == Severity.THINK
    assert draft_check("De omzet steeg, vertrouwelijk").verdict == Severity.STOP


def test_the_network_adds_its_length_limit():
    text = "Zonnig! " * 40  # 320 characters
    assert kinds(draft_check(text, "linkedin")) == []
    [finding] = draft_check(text, "x")
    assert (finding.kind, finding.start, finding.end) == ("length", 280, 320)


def test_html_in_a_draft_is_shown_escaped():
    result = draft_check('<script>alert("x")</script> vertrouwelijk <b>')
    html = result.highlighted()
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html
    assert '<mark class="check-mark check-stop">' in html


def test_a_draft_of_only_emoji_gets_an_answer():
    result = draft_check("🎉🚀🌞")
    assert result.findings == []
    assert result.verdict == Severity.FINE
    assert result.notes  # says there was little to check


def test_right_to_left_text_is_checked_and_highlighted_in_place():
    add_terms(Rule.Kind.CONFIDENTIAL, "مشروع سري")
    text = "مرحبا مشروع سري 06-12345678"
    result = draft_check(text)
    assert kinds(result) == [("confidential", "مشروع سري"), ("phone", "06-12345678")]
    assert "مرحبا" in result.highlighted()


def test_highlighting_keeps_the_original_text_when_folding_changes_its_length():
    """ "ß" folds to "ss" and "ﬁ" to "fi": offsets still point into the original draft."""
    add_terms(Rule.Kind.CONFIDENTIAL, "Strasse Fink")
    text = "Die Straße ﬁnk en daarna vertrouwelijk"
    result = draft_check(text)
    assert [f.text for f in result] == ["Straße ﬁnk", "vertrouwelijk"]
    assert all(text[f.start : f.end] == f.text for f in result)


def test_a_draft_over_the_limit_is_refused():
    with pytest.raises(ValueError):
        draft_check("x" * 5001)


def test_a_change_reaches_a_process_that_compiled_the_rules_before():
    """Another web process compiled the rules; after HR adds a term, its next check rebuilds
    (the token in the shared cache changed) without being told directly."""
    assert kinds(draft_check("Project Eikenhout")) == []
    compiled_before = ruleset._compiled
    add_terms(Rule.Kind.CONFIDENTIAL, "Project Eikenhout")
    assert kinds(draft_check("Project Eikenhout")) == [("confidential", "Project Eikenhout")]
    assert ruleset._compiled is not compiled_before


def test_the_rules_are_compiled_once_per_change(django_assert_num_queries):
    draft_check("Eerste keer")
    with django_assert_num_queries(0):
        draft_check("Tweede keer, de regels staan in het geheugen")


def test_without_the_shared_cache_the_database_says_which_rules_are_current(
    django_assert_num_queries,
):
    draft_check("warm")
    cache.clear()
    with django_assert_num_queries(1):
        draft_check("de token komt uit de database")


def test_a_missing_rule_works_with_its_defaults():
    with committed():
        Rule.objects.filter(kind=Rule.Kind.INTERNAL).delete()
    assert kinds(draft_check("Dit is vertrouwelijk")) == [("internal", "vertrouwelijk")]


def test_it_handles_five_thousand_terms():
    add_terms(Rule.Kind.CONFIDENTIAL, *[f"Klant{n:04d} BV" for n in range(5000)])
    result = draft_check("Ik sprak Klant4999 BV en klant0001 bv, niet Klant5000 BV.")
    assert [f.text for f in result] == ["Klant4999 BV", "klant0001 bv"]


@pytest.mark.parametrize(
    "text",
    [
        "We gaan de plannen omzetten in daden",  # "omzet" is a whole word only
        "Een waardevolle klant en een idiomatische zin",  # not "waardeloos", not "idioot"
        "De winstwaarschuwing van de buren",  # "winst" inside a longer word
        "Interne communicatie en internationale contacten",  # "interne" is not a marker
        "Onze vertrouwelijkheidsverklaring staat online",  # not "vertrouwelijk" as a word
    ],
)
def test_word_lists_do_not_fire_on_words_that_merely_contain_a_term(text):
    assert kinds(draft_check(text)) == []
