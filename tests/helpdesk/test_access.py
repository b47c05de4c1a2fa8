"""Who may open which question: the asker, HR, and nobody else — not by guessing URLs."""

import pytest
from django.urls import reverse

from helpdesk import services
from hrsocial.models import AuditEntry
from tests.helpdesk.factories import PDF, ask, checked, hr_colleague

pytestmark = pytest.mark.django_db


def test_an_employee_cannot_open_another_employees_question_by_its_url(client, emma, cas):
    question, _token = ask(emma, upload=checked("concept.pdf", PDF))
    client.force_login(cas)
    for name in ("question-detail", "question-asked"):
        assert client.get(reverse(f"helpdesk:{name}", args=[question.pk])).status_code == 404
    for name in ("question-follow-up", "question-close", "question-rate"):
        response = client.post(reverse(f"helpdesk:{name}", args=[question.pk]), {"body": "Hoi"})
        assert response.status_code == 404
    attachment = question.attachments.get()
    assert client.get(attachment.get_absolute_url()).status_code == 404
    assert client.get(question.get_manage_url()).status_code == 403


def test_a_manager_never_sees_the_questions_of_their_reports(client, emma, milan):
    question, _token = ask(emma, subject="Mag ik solliciteren via LinkedIn?")
    client.force_login(milan)
    assert client.get(question.get_absolute_url()).status_code == 404
    assert "solliciteren" not in client.get(reverse("helpdesk:index")).content.decode()
    assert "solliciteren" not in client.get(reverse("home")).content.decode()


def test_hr_staff_who_are_not_the_assignee_cannot_open_a_confidential_question(
    client, emma, hanna, category
):
    fleur = hr_colleague(full_name="Fleur Dekker")
    youssef = hr_colleague(full_name="Youssef El Amrani")
    question, _token = ask(
        emma, category=category, confidential=True, subject="Ik word online lastiggevallen"
    )
    services.question_assign(question=question, assignee=fleur, assigned_by=hanna)

    client.force_login(youssef)
    assert client.get(question.get_manage_url()).status_code == 404
    assert "lastiggevallen" not in client.get(reverse("helpdesk:queue")).content.decode()
    assert (
        client.post(reverse("helpdesk:question-note", args=[question.reference])).status_code == 404
    )
    admin_list = client.get(reverse("admin:helpdesk_question_changelist"))
    assert "lastiggevallen" not in admin_list.content.decode()

    for person in (fleur, hanna):  # the assignee and the HR lead
        client.force_login(person)
        assert client.get(question.get_manage_url()).status_code == 200


def test_opening_a_confidential_question_is_written_to_the_audit_log(client, emma, hanna):
    question, _token = ask(emma, confidential=True)
    client.force_login(hanna)
    client.get(question.get_manage_url())
    entry = AuditEntry.objects.get(action="helpdesk.view_confidential")
    assert entry.actor == hanna and entry.target_id == str(question.pk)


def test_opening_an_ordinary_question_is_not_audited(client, emma, hanna):
    question, _token = ask(emma)
    client.force_login(hanna)
    client.get(question.get_manage_url())
    assert not AuditEntry.objects.filter(action="helpdesk.view_confidential").exists()


def test_internal_notes_never_reach_the_asker(client, emma, hanna, category):
    question, _token = ask(emma, category=category)
    services.question_note(
        question=question,
        author=hanna,
        body="Let op: Emma vroeg dit eerder ook.",
        upload=checked("intern.pdf", PDF),
    )
    services.question_reply(question=question, author=hanna, body="Dat mag, zonder klantnamen.")
    client.force_login(emma)
    page = client.get(question.get_absolute_url()).content.decode()
    assert "Dat mag, zonder klantnamen." in page
    assert "eerder ook" not in page and "intern.pdf" not in page
    note_file = question.attachments.get(name="intern.pdf")
    assert client.get(note_file.get_absolute_url()).status_code == 404
    client.force_login(hanna)
    assert client.get(note_file.get_absolute_url()).status_code == 200


def test_a_named_question_cannot_be_assigned_to_its_asker(emma, hanna):
    fleur = hr_colleague()
    question, _token = ask(fleur)
    with pytest.raises(Exception, match="eigen vraag"):
        services.question_assign(question=question, assignee=fleur, assigned_by=hanna)


def test_only_hr_leads_lift_confidentiality(emma, hanna):
    fleur = hr_colleague()
    question, _token = ask(emma, confidential=True)
    services.question_assign(question=question, assignee=fleur, assigned_by=hanna)
    with pytest.raises(Exception, match="HR-leidinggevende"):
        services.question_set_confidential(question=question, confidential=False, changed_by=fleur)
    services.question_set_confidential(question=question, confidential=False, changed_by=hanna)
    question.refresh_from_db()
    assert not question.is_confidential
    assert AuditEntry.objects.filter(action="helpdesk.confidential").exists()
