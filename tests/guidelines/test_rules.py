"""HR maintains the checker's rules and word lists on a page of their own."""

import pytest

from guidelines.models import Rule, Term
from guidelines.services import draft_check
from hrsocial.models import AuditEntry
from tests.guidelines.factories import committed, published_tip

pytestmark = pytest.mark.django_db

RULE = "/guidelines/manage/rules/confidential/"
TERMS = "/guidelines/manage/rules/confidential/terms/"


@pytest.fixture
def hr_client(client, hanna):
    client.force_login(hanna)
    return client


def test_hr_sees_every_rule_with_its_severity(hr_client):
    html = hr_client.get("/guidelines/manage/rules/").content.decode()
    for label in (
        "Vertrouwelijke termen",
        "Burgerservicenummers (BSN)",
        "Te lang voor het netwerk",
    ):
        assert label in html


def test_hr_adds_terms_in_bulk_and_the_checker_uses_them_at_once(hr_client, hanna):
    with committed():
        response = hr_client.post(
            TERMS,
            {
                "terms": "Project Eikenhout\nKlant Bakker BV\n\nproject eikenhout",
                "explanation": "Vraag het eerst",
                "internal_note": "NDA",
            },
        )
    assert response.status_code == 302
    assert sorted(
        Term.objects.filter(rule__kind="confidential").values_list("text", flat=True)
    ) == [
        "Klant Bakker BV",
        "Project Eikenhout",
    ]
    assert [f.explanation for f in draft_check("Vandaag bij klant bakker bv")] == [
        "Vraag het eerst"
    ]
    assert AuditEntry.objects.filter(action="guidelines.terms-add", actor=hanna).exists()


def test_terms_already_on_the_list_are_skipped_and_reported(hr_client):
    hr_client.post(TERMS, {"terms": "Project Eikenhout"})
    response = hr_client.post(TERMS, {"terms": "PROJECT EIKENHOUT\nNieuwe Klant"}, follow=True)
    assert "Eén term toegevoegd. Eén stond al op de lijst." in response.content.decode()


def test_one_bad_line_saves_nothing_and_says_which(hr_client):
    response = hr_client.post(TERMS, {"terms": "Goede term\nx\nfoo*bar\nre*"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Regel 2 (‘x’)" in html and "Regel 3 (‘foo*bar’)" in html and "Regel 4 (‘re*’)" in html
    assert not Term.objects.filter(rule__kind="confidential").exists()


def test_an_empty_list_is_refused(hr_client):
    response = hr_client.post(TERMS, {"terms": "  \n  "})
    assert response.status_code == 400
    assert "Dit veld is verplicht." in response.content.decode()


def test_regular_expression_characters_are_fine_in_terms(hr_client):
    with committed():
        hr_client.post(TERMS, {"terms": "C++\nA.B.\n[geheim]\n(x|y)"})
    assert [f.text for f in draft_check("C++ en A.B. en [geheim] en (x|y) maar niet xy")] == [
        "C++", "A.B.", "[geheim]", "(x|y)",
    ]  # fmt: skip


def test_hr_removes_a_term(hr_client):
    with committed():
        hr_client.post(TERMS, {"terms": "Project Eikenhout"})
    term = Term.objects.get(text="Project Eikenhout")
    with committed():
        response = hr_client.post(f"/guidelines/manage/terms/{term.pk}/delete/")
    assert response.status_code == 302
    assert list(draft_check("Project Eikenhout")) == []


def test_hr_changes_a_rules_severity_tip_and_guideline(hr_client):
    tip = published_tip(title="Vertrouwelijk blijft binnen")
    with committed():
        response = hr_client.post(
            "/guidelines/manage/rules/phone/",
            {
                "severity": "stop",
                "tip": "Nooit nummers delen.",
                "tip_en": "",
                "guideline": tip.pk,
                "is_active": "on",
            },
        )
    assert response.status_code == 302
    [finding] = draft_check("06-12345678")
    assert (finding.severity, finding.tip, finding.guideline_title) == (
        "stop", "Nooit nummers delen.", "Vertrouwelijk blijft binnen",
    )  # fmt: skip


def test_a_rule_needs_a_tip_and_a_known_severity(hr_client):
    response = hr_client.post("/guidelines/manage/rules/phone/", {"severity": "panic", "tip": ""})
    assert response.content.decode().count("is-invalid") >= 2
    assert Rule.objects.get(kind="phone").severity == "think"


def test_the_term_list_is_searchable_and_paged(hr_client):
    hr_client.post(TERMS, {"terms": "\n".join(f"Klant {n:03d}" for n in range(120))})
    html = hr_client.get(RULE + "?q=klant 119").content.decode()
    assert "Klant 119" in html and "Klant 118" not in html
    assert "Pagina 1 van 3" in hr_client.get(RULE).content.decode()


def test_an_unknown_rule_is_not_found(hr_client):
    assert hr_client.get("/guidelines/manage/rules/unicorns/").status_code == 404


def test_word_lists_only_exist_for_list_rules(hr_client):
    response = hr_client.post("/guidelines/manage/rules/bsn/terms/", {"terms": "iets"})
    assert response.status_code == 404
    assert not Term.objects.filter(text="iets").exists()


def test_missing_rules_can_be_restored_with_their_defaults(hr_client):
    with committed():
        Rule.objects.filter(kind="internal").delete()
    html = hr_client.get("/guidelines/manage/rules/").content.decode()
    assert "Markeringen ‘alleen intern’" in html.split("Sommige regels ontbreken")[1]
    with committed():
        hr_client.post("/guidelines/manage/rules/restore/")
    rule = Rule.objects.get(kind="internal")
    assert rule.terms.filter(text="vertrouwelijk").exists()


def test_employees_cannot_change_rules(client, emma):
    client.force_login(emma)
    assert client.post(TERMS, {"terms": "iets"}).status_code == 403
    assert not Term.objects.filter(text="iets").exists()
