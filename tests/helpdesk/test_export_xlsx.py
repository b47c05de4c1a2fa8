"""The queue export as XLSX: the same rows as the CSV, formulas as text, anonymity kept."""

import pytest
from django.test import TestCase
from django.urls import reverse

from hrsocial.models import AuditEntry
from tests.exports import read_csv, read_xlsx
from tests.helpdesk.factories import QuestionFactory, ask

pytestmark = pytest.mark.django_db


def test_the_queue_exports_as_xlsx_with_the_csvs_columns(client, emma, hanna):
    QuestionFactory(asker=emma, subject='@SUM(1+1)*cmd|" /C calc"!A0')
    client.force_login(hanna)
    url = reverse("helpdesk:queue-export")
    csv_rows = read_csv(client.post(url, {"status": ""}))
    xlsx_rows = read_xlsx(client.post(url, {"status": "", "format": "xlsx"}))
    assert xlsx_rows[0] == csv_rows[0]
    assert xlsx_rows[1][2] == csv_rows[1][2] == '\'@SUM(1+1)*cmd|" /C calc"!A0'
    assert xlsx_rows[1][5] == "Emma Jansen"
    assert AuditEntry.objects.filter(action="helpdesk.export").count() == 2


def test_an_anonymous_question_stays_anonymous_in_the_xlsx(client, emma, hanna, category):
    with TestCase.captureOnCommitCallbacks(execute=True):
        ask(emma, category=category, anonymous=True, subject="Collega deelt klantfoto")
    client.force_login(hanna)
    response = client.post(reverse("helpdesk:queue-export"), {"status": "", "format": "xlsx"})
    _header, row = read_xlsx(response)
    assert row[5] == "anoniem"
    assert isinstance(row[1], str), "only the part of the day, not the moment"
    assert "Emma" not in str(row)
