"""The HRIS import in the portal: a preview that changes nothing, then one confirmed import."""

import io
from datetime import date, timedelta

import pytest
import time_machine
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from hrsocial.exports import table_export
from hrsocial.models import AuditEntry
from people import services
from people.forms import MAX_IMPORT_BYTES
from people.models import ImportBatch, User
from tests.exports import response_bytes
from tests.factories import DepartmentFactory, UserFactory, make_hr

HEADER = "employee_number,email,full_name,department,manager,end_date\n"


@pytest.fixture
def hr(client, hanna):
    DepartmentFactory(name="ICT", code="ICT")
    client.force_login(hanna)
    return client


def upload(client, data: bytes, name="people.csv"):
    return client.post(reverse("people:import"), {"file": SimpleUploadedFile(name, data)})


def preview_of(client, data: bytes, name="people.csv") -> ImportBatch:
    response = upload(client, data, name)
    assert response.status_code == 302, response.content.decode()[:2000]
    return ImportBatch.objects.latest("uploaded_at")


def confirm(client, batch, *, invite="no", digest=None):
    return client.post(
        reverse("people:import-confirm", args=[batch.reference]),
        {"digest": digest or batch.digest, "invite": invite},
    )


def test_a_preview_shows_the_changes_and_saves_nothing(hr, hanna):
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    UserFactory(email="bram@example.com", employee_number="2", full_name="Bram", department=None)
    UserFactory(email="sem@example.com", employee_number="3", full_name="Sem", department=None)
    UserFactory(email="ilse@example.com", employee_number="4", full_name="Ilse", department=None)
    people_before = list(User.objects.order_by("pk").values())
    batch = preview_of(
        hr,
        (
            HEADER
            + "1,noor@example.com,Noor de Wit,ICT,2,\n"  # new, managed by Bram
            + "2,bram@example.com,Bram Smit,ICT,,\n"  # updated: name and department
            + f"3,sem@example.com,Sem,,,{yesterday}\n"  # employment ends
            + "4,ilse@example.com,Ilse,,,\n"  # unchanged
        ).encode(),
    )
    assert batch.status == ImportBatch.Status.PREVIEWED
    assert batch.preview["counts"] == {
        "new": 1,
        "updated": 2,
        "returned": 0,
        "unchanged": 1,
        "ended": 1,
    }
    updated = {c["email"]: c["fields"] for c in batch.preview["updated"]}
    assert updated["bram@example.com"] == ["full_name", "department"]
    assert updated["sem@example.com"] == ["end_date"]
    assert [c["email"] for c in batch.preview["ended"]] == ["sem@example.com"]
    # Nothing changed: no person, no e-mail, no import in the audit log.
    assert list(User.objects.order_by("pk").values()) == people_before
    assert mail.outbox == []
    assert not AuditEntry.objects.filter(action="people.import").exists()

    page = hr.get(reverse("people:import-detail", args=[batch.reference])).content.decode()
    assert "1 nieuwe persoon" in page and "2 personen bijgewerkt" in page
    assert "Noor de Wit" in page and "Bevestig en importeer" in page


def test_confirming_imports_exactly_once(hr, hanna, django_capture_on_commit_callbacks):
    batch = preview_of(hr, (HEADER + "1,noor@example.com,Noor de Wit,ICT,,\n").encode())
    with django_capture_on_commit_callbacks(execute=True):
        response = confirm(hr, batch)
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.DONE
    assert batch.result == {"created": 1, "updated": 0, "unchanged": 0}
    assert bytes(batch.data) == b"", "the file is not kept after the import"
    assert User.objects.filter(email="noor@example.com").count() == 1

    # A second confirm (a double click, a replayed form) is refused and imports nothing.
    User.objects.filter(email="noor@example.com").update(full_name="Noor, changed since")
    with django_capture_on_commit_callbacks(execute=True):
        response = confirm(hr, batch)
    follow = hr.get(response["Location"]).content.decode()
    assert "al bevestigd" in follow
    assert User.objects.get(email="noor@example.com").full_name == "Noor, changed since"
    assert AuditEntry.objects.filter(action="people.import").count() == 1


def test_a_task_delivered_twice_imports_once(hr, hanna):
    batch = preview_of(hr, (HEADER + "1,noor@example.com,Noor,ICT,,\n").encode())
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.QUEUED)
    services.import_batch_run(batch_id=batch.pk)
    services.import_batch_run(batch_id=batch.pk)
    assert AuditEntry.objects.filter(action="people.import").count() == 1


def test_another_file_than_the_previewed_one_is_refused(hr, django_capture_on_commit_callbacks):
    batch = preview_of(hr, (HEADER + "1,noor@example.com,Noor,ICT,,\n").encode())
    with django_capture_on_commit_callbacks(execute=True):
        confirm(hr, batch, digest="0" * 64)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.PREVIEWED
    assert not User.objects.filter(email="noor@example.com").exists()


def test_an_expired_preview_cannot_be_confirmed(hr, django_capture_on_commit_callbacks):
    batch = preview_of(hr, (HEADER + "1,noor@example.com,Noor,ICT,,\n").encode())
    later = timezone.now() + timedelta(minutes=services.IMPORT_PREVIEW_MINUTES + 1)
    with time_machine.travel(later, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            response = confirm(hr, batch)
        assert "verlopen" in hr.get(response["Location"]).content.decode()
        assert services.import_batches_purge() == 1
    batch.refresh_from_db()
    assert bytes(batch.data) == b"" and batch.status == ImportBatch.Status.FAILED
    assert "noor" not in str(batch.preview), "no names are kept after the hour"
    assert batch.preview["counts"]["new"] == 1
    assert not User.objects.filter(email="noor@example.com").exists()


def test_people_changed_since_the_preview_means_nothing_is_imported(
    hr, django_capture_on_commit_callbacks
):
    UserFactory(email="bram@example.com", employee_number="2", full_name="Bram", department=None)
    batch = preview_of(hr, (HEADER + "2,bram@example.com,Bram Smit,ICT,,\n").encode())
    User.objects.filter(email="bram@example.com").update(full_name="Bram Smit")  # someone else
    with django_capture_on_commit_callbacks(execute=True):
        response = confirm(hr, batch)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.FAILED
    assert "sinds het voorbeeld" in hr.get(response["Location"]).content.decode()
    assert User.objects.get(email="bram@example.com").department is None, "not imported"


def test_invitations_are_off_unless_chosen(hr, django_capture_on_commit_callbacks):
    batch = preview_of(hr, (HEADER + "1,noor@example.com,Noor,ICT,,\n").encode())
    page = hr.get(reverse("people:import-detail", args=[batch.reference])).content.decode()
    assert 'value="no" class="form-check-input" id="id_invite_0" required checked' in page
    with django_capture_on_commit_callbacks(execute=True):
        confirm(hr, batch)
    assert mail.outbox == []

    batch = preview_of(hr, (HEADER + "5,lotte@example.com,Lotte,ICT,,\n").encode())
    with django_capture_on_commit_callbacks(execute=True):
        confirm(hr, batch, invite="yes")
    assert [m.to for m in mail.outbox] == [["lotte@example.com"]]


def test_a_preview_is_only_for_who_uploaded_it(hr, client):
    batch = preview_of(hr, (HEADER + "1,noor@example.com,Noor,ICT,,\n").encode())
    client.force_login(make_hr(UserFactory(email="tweede-hr@example.com")))
    assert client.get(reverse("people:import-detail", args=[batch.reference])).status_code == 404
    assert confirm(client, batch).status_code == 404


def test_every_problem_is_found_in_one_pass_cycles_too(hr):
    batch = preview_of(
        hr,
        (
            HEADER
            + "1,a@example.com,Anna,ICT,2,\n"  # Anna and Bas manage each other
            + "2,b@example.com,Bas,ICT,1,\n"
            + "3,not-an-email,,Maan,,31-02-2020\n"  # four problems on one line
            + "4,d@example.com,Dirk,ICT,d@example.com,\n"  # own manager
        ).encode(),
    )
    assert batch.status == ImportBatch.Status.INVALID
    assert bytes(batch.data) == b"", "a file that cannot be imported is not kept"
    problems = [(e["line"], e["message"]) for e in batch.preview["errors"]]
    assert [line for line, _m in problems] == [2, 4, 4, 4, 4, 5]
    text = " ".join(message for _line, message in problems)
    for expected in ("Kringetje van leidinggevenden", "geen geldig e-mailadres", "Naam is leeg",
                     "Onbekende afdeling “Maan”", "end_date", "eigen leidinggevende"):  # fmt: skip
        assert expected in text, expected
    page = hr.get(reverse("people:import-detail", args=[batch.reference])).content.decode()
    assert "6 problemen gevonden" in page and "Onbekende afdeling “Maan”" in page


def test_problems_come_in_the_uploaders_language(hr, hanna):
    hanna.preferred_language = "en"
    hanna.save()
    hr.cookies["django_language"] = "en"
    batch = preview_of(hr, b"email,full_name,department\nnoor@example.com,Noor,Maan\n")
    assert batch.preview["errors"][0]["message"] == "Unknown department “Maan”."


def xlsx(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def test_an_xlsx_file_imports_like_a_csv(hr, django_capture_on_commit_callbacks):
    data = xlsx(
        [
            ["personeelsnummer", "e-mail", "naam", "afdeling", "leidinggevende", "in_dienst"],
            [1001, "noor@example.com", "Noor de Wit", "ICT", 1002, date(2021, 2, 15)],
            [1002, "bram@example.com", "Bram Smit", "ICT", None, "01-09-2016"],
        ]
    )
    batch = preview_of(hr, data, name="export.xlsx")
    assert batch.preview["counts"]["new"] == 2, batch.preview
    with django_capture_on_commit_callbacks(execute=True):
        confirm(hr, batch)
    noor = User.objects.get(email="noor@example.com")
    assert noor.employee_number == "1001" and noor.manager.employee_number == "1002"
    assert noor.start_date == date(2021, 2, 15)


def test_an_xlsx_export_imports_back(hr, django_capture_on_commit_callbacks):
    """The round trip: what hrsocial.exports writes, the importer reads (guarded text too)."""
    response = table_export(
        header=["email", "full_name", "employee_number", "start_date"],
        rows=[["noor@example.com", "Noor de Wit", "0042", date(2021, 2, 15)]],
        filename="people",
        file_format="xlsx",
    )
    batch = preview_of(hr, response_bytes(response), name="people.xlsx")
    with django_capture_on_commit_callbacks(execute=True):
        confirm(hr, batch)
    noor = User.objects.get(email="noor@example.com")
    assert (noor.full_name, noor.employee_number) == ("Noor de Wit", "0042")
    assert noor.start_date == date(2021, 2, 15)


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("photo.csv", b"\x89PNG\r\n\x1a\n\x00\x00binary", "geen CSV- of XLSX-bestand"),
        ("archive.xlsx", b"PK\x03\x04 not really a zip", "geen CSV- of XLSX-bestand"),
        ("broken.xlsx", "zip", "kan niet worden gelezen"),
        ("empty.csv", b"   \n", "leeg"),
    ],
)
def test_a_file_that_is_not_a_spreadsheet_gets_a_clear_message(hr, name, data, message):
    if data == "zip":
        import zipfile

        output = io.BytesIO()
        with zipfile.ZipFile(output, "w") as archive:
            archive.writestr("xl/workbook.xml", "<not a workbook")
        data = output.getvalue()
    batch = preview_of(hr, data, name=name)
    assert batch.status == ImportBatch.Status.INVALID
    assert message in batch.preview["errors"][0]["message"]


def test_an_oversized_or_missing_file_is_refused_before_reading(hr):
    response = upload(hr, b"x" * (MAX_IMPORT_BYTES + 1))
    assert response.status_code == 200
    assert "groter dan 10 MB" in response.content.decode()
    response = hr.post(reverse("people:import"), {})
    assert "Kies het bestand" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_the_import_runs_as_a_task_and_reports_its_progress(
    hr, hanna, django_capture_on_commit_callbacks
):
    rows = "".join(f"{n},p{n}@example.com,Persoon {n},ICT,,\n" for n in range(1, 121))
    batch = preview_of(hr, (HEADER + rows).encode())
    # While queued: the progress bar, polled by htmx, and a link for a browser without JS.
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.QUEUED)
    cache.set(services.import_progress_key(batch), [60, 240])
    page = hr.get(reverse("people:import-detail", args=[batch.reference])).content.decode()
    assert '<progress class="w-100" max="100" value="25"' in page
    assert 'data-hx-trigger="every 1s"' in page and 'aria-live="polite"' in page
    assert "Ververs deze pagina" in page
    partial = hr.get(
        reverse("people:import-progress", args=[batch.reference]), HTTP_HX_REQUEST="true"
    )
    assert 'value="25"' in partial.content.decode()

    # On the embedded default the confirmed import runs in-process after the commit.
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.PREVIEWED)
    cache.delete(services.import_progress_key(batch))
    with django_capture_on_commit_callbacks(execute=True):
        confirm(hr, batch)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.DONE
    assert cache.get(services.import_progress_key(batch)) == [240, 240]
    assert (
        User.objects.filter(email__endswith="@example.com", full_name__startswith="Persoon").count()
        == 120
    )
    done = hr.get(reverse("people:import-progress", args=[batch.reference]), HTTP_HX_REQUEST="true")
    assert done["HX-Refresh"] == "true", "the page reloads to show the result"
    page = hr.get(reverse("people:import-detail", args=[batch.reference])).content.decode()
    assert "Import klaar: 120 nieuw" in page


def test_a_failing_import_is_reported_not_left_running(hr, monkeypatch):
    batch = preview_of(hr, (HEADER + "1,noor@example.com,Noor,ICT,,\n").encode())
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.QUEUED)

    def broken(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(services, "people_import", broken)
    with pytest.raises(RuntimeError):
        services.import_batch_run(batch_id=batch.pk)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.FAILED and batch.result == {"error": True}
