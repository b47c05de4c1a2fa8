"""HR's tip form: an error summary at the top, linked to the fields, and required fields
marked for sighted and screen-reader users alike."""

import re

import pytest

from guidelines.models import Guideline
from tests.guidelines.factories import CategoryFactory, published_tip

pytestmark = pytest.mark.django_db


def summary_of(html: str) -> str:
    start = html.index("data-error-summary")
    return html[start : html.index("</div>", start)]


def test_a_form_with_errors_starts_with_a_summary_linked_to_the_fields(client, hanna):
    CategoryFactory()
    client.force_login(hanna)
    html = client.post("/guidelines/manage/new/", {"title": "", "order": "x"}).content.decode()
    summary = summary_of(html)
    assert 'role="alert"' in html[html.rindex("<div", 0, html.index("data-error-summary")) :]
    assert "Controleer het volgende" in summary
    for field_id, label in [
        ("id_category", "Categorie"),
        ("id_title", "Titel (Nederlands)"),
        ("id_tip", "De tip in één zin (Nederlands)"),
        ("id_order", "Volgorde"),
    ]:
        assert f'<a class="alert-link" href="#{field_id}">{label}</a>' in summary
        assert f'id="{field_id}"' in html
    assert html.index("data-error-summary") < html.index('<form method="post" class="col-lg-9"')
    assert not Guideline.objects.exists()


def test_a_change_without_a_note_is_in_the_summary(client, hanna):
    tip = published_tip(title="Deel wat al openbaar is")
    client.force_login(hanna)
    data = {
        "category": tip.category_id, "title": tip.title, "tip": "Iets anders", "order": 0,
        "kind": "material", "change_note": "",
    }  # fmt: skip
    summary = summary_of(client.post(f"/guidelines/manage/{tip.pk}/edit/", data).content.decode())
    assert '<a class="alert-link" href="#id_change_note">Wat is er veranderd (Nederlands)</a>' in (
        summary
    )


def test_a_form_without_errors_has_no_summary(client, hanna):
    client.force_login(hanna)
    assert "data-error-summary" not in client.get("/guidelines/manage/new/").content.decode()


def test_required_fields_are_marked_visibly_and_for_screen_readers(client, hanna):
    client.force_login(hanna)
    html = client.get("/guidelines/manage/new/").content.decode()
    assert "Velden met * zijn verplicht." in html
    for name in ("category", "title", "tip"):
        label = re.search(rf'<label\s+for="id_{name}"[^>]*>(.*?)</label>', html, re.S).group(1)
        assert '<span class="asteriskField">*</span>' in label
        assert re.search(rf'<(input|select)[^>]*name="{name}"[^>]*\brequired\b', html)
    label = re.search(r'<label\s+for="id_title_en"[^>]*>(.*?)</label>', html, re.S).group(1)
    assert "asteriskField" not in label
    assert not re.search(r'<input[^>]*name="title_en"[^>]*\brequired\b', html)
