"""Reading an HRIS export (CSV or XLSX) into a checked plan of changes, and previewing it.

`read_people_file(data)` parses the file and checks every row in one pass: each row through
`PersonRowForm` (its own values), then the rows against each other and the database
(duplicates, people matched twice, unknown managers, management cycles). It changes nothing
and returns an `ImportPlan` with every problem found, each with its line number. Then
`preview_changes(plan)` tells what an import would do (new, updated, ended, unchanged), still
without writing; `people.services.people_import` applies a valid plan in one transaction.

Columns (the header row names them, in any order; Dutch names are accepted too):
    email (required), full_name (required), employee_number, department (name or code),
    job_role, manager (the manager's employee number or e-mail), start_date, end_date
    (YYYY-MM-DD or DD-MM-YYYY), preferred_language (nl/en), kind (employee/alumnus/freelancer)
"""

import csv
import datetime
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass, field

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from people.models import Department, JobRole, User

MAX_ROWS = 20_000
# An XLSX file is a zip archive: refuse one that unpacks to far more than any HRIS export
# (a "zip bomb" would otherwise fill the memory of the web process).
MAX_XLSX_UNPACKED_BYTES = 200 * 1024 * 1024

COLUMN_ALIASES = {
    "email": "email",
    "e-mail": "email",
    "emailadres": "email",
    "e-mailadres": "email",
    "full_name": "full_name",
    "name": "full_name",
    "naam": "full_name",
    "employee_number": "employee_number",
    "personeelsnummer": "employee_number",
    "department": "department",
    "afdeling": "department",
    "job_role": "job_role",
    "functie": "job_role",
    "manager": "manager",
    "leidinggevende": "manager",
    "start_date": "start_date",
    "startdatum": "start_date",
    "in_dienst": "start_date",
    "end_date": "end_date",
    "einddatum": "end_date",
    "uit_dienst": "end_date",
    "preferred_language": "preferred_language",
    "language": "preferred_language",
    "taal": "preferred_language",
    "kind": "kind",
    "soort": "kind",
    # Optional: where the alumni network's invitation goes on the end date (the work address
    # stops with the job), and how a boomerang's network account is found again.
    "private_email": "private_email",
    "personal_email": "private_email",
    "prive_email": "private_email",
    "privé_email": "private_email",
    "prive_e-mail": "private_email",
    "privé_e-mail": "private_email",
    "privé-e-mailadres": "private_email",
    "prive-e-mailadres": "private_email",
}
REQUIRED_COLUMNS = ("email", "full_name")
DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")
# The fields an import sets; the e-mail address and the manager come on top.
PERSON_FIELDS = (
    "full_name",
    "employee_number",
    "department",
    "job_role",
    "start_date",
    "end_date",
    "preferred_language",
    "kind",
)


class ImportFileError(Exception):
    """The file as a whole cannot be read: the message says why, in the user's language."""

    def __init__(self, message, line: int = 1):
        super().__init__(message)
        self.line = line


@dataclass
class RowError:
    line: int
    message: str

    def __str__(self):
        return _("line %(line)s: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class PersonRow:
    line: int
    email: str
    full_name: str
    employee_number: str | None
    department: Department | None
    job_role: JobRole | None
    manager_ref: str
    start_date: datetime.date | None
    end_date: datetime.date | None
    preferred_language: str
    kind: str
    existing: User | None = None
    private_email: str = ""
    # A boomerang: the former employee account that held this employee number, which moves
    # to the network account the row matched (see _boomerangs).
    releases_number_of: User | None = None


@dataclass
class ImportPlan:
    rows: list[PersonRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.errors


# --- One row: a form ---------------------------------------------------------------------------


class LookupField(forms.CharField):
    """A name or code looked up in a dict read once per file (no query per row)."""

    def __init__(self, *, lookup: dict, **kwargs):
        self.lookup = lookup
        super().__init__(required=False, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        found = self.lookup.get(value.lower())
        if found is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return found


class ImportDateField(forms.DateField):
    """A date in one of the HRIS formats; the message names the value and the column."""

    input_formats = DATE_FORMATS

    def __init__(self, *, column: str, **kwargs):
        self.column = column
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        try:
            return super().to_python(value)
        except forms.ValidationError:
            raise forms.ValidationError(
                _("“%(value)s” in %(column)s is not a date (use YYYY-MM-DD).")
                % {"value": value, "column": self.column},
                code="invalid",
            ) from None


class PersonRowForm(forms.Form):
    """One row of the HRIS file, checked on its own. Rules that need the other rows or the
    database (duplicates, matching, managers, cycles) are in `read_people_file`."""

    email = forms.EmailField(
        max_length=254,
        error_messages={
            "required": gettext_lazy("E-mail is empty."),
            "invalid": gettext_lazy("“%(value)s” is not a valid e-mail address."),
        },
    )
    full_name = forms.CharField(
        max_length=150,
        error_messages={
            "required": gettext_lazy("Name is empty."),
            "max_length": gettext_lazy("Name is longer than 150 characters."),
        },
    )
    employee_number = forms.CharField(
        max_length=30,
        required=False,
        error_messages={
            "max_length": gettext_lazy("Employee number is longer than 30 characters.")
        },
    )
    manager = forms.CharField(required=False)
    private_email = forms.EmailField(
        max_length=254,
        required=False,
        error_messages={
            "invalid": gettext_lazy("“%(value)s” is not a valid private e-mail address."),
        },
    )
    start_date = ImportDateField(column="start_date")
    end_date = ImportDateField(column="end_date")
    preferred_language = forms.ChoiceField(
        choices=User.Language.choices,
        required=False,
        error_messages={
            "invalid_choice": gettext_lazy("Unknown language “%(value)s” (use nl or en).")
        },
    )
    kind = forms.ChoiceField(
        choices=User.Kind.choices,
        required=False,
        error_messages={
            "invalid_choice": gettext_lazy(
                "Unknown kind “%(value)s” (use employee, alumnus or freelancer)."
            )
        },
    )

    def __init__(self, data):
        data = {key: value.strip() for key, value in data.items()}
        for name in ("email", "preferred_language", "kind", "private_email"):
            data[name] = data.get(name, "").lower()
        super().__init__(data)

    @classmethod
    def for_file(cls, *, departments: dict, job_roles: dict):
        """The form with the departments and job roles read once for the whole file."""
        fields = {
            "department": LookupField(
                lookup=departments,
                error_messages={"invalid_choice": gettext_lazy("Unknown department “%(value)s”.")},
            ),
            "job_role": LookupField(
                lookup=job_roles,
                error_messages={"invalid_choice": gettext_lazy("Unknown job role “%(value)s”.")},
            ),
        }
        return type(cls.__name__, (cls,), fields)

    def clean_employee_number(self):
        return self.cleaned_data["employee_number"] or None

    def clean_preferred_language(self):
        return self.cleaned_data["preferred_language"] or User.Language.DUTCH

    def clean_kind(self):
        return self.cleaned_data["kind"] or User.Kind.EMPLOYEE

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date is before the start date."))
        manager = (cleaned.get("manager") or "").lower()
        if manager and manager in (
            self.data["email"],
            (self.data.get("employee_number") or "").lower(),
        ):
            self.add_error("manager", _("Nobody can be their own manager."))
        private = cleaned.get("private_email")
        if private and private == self.data["email"]:
            self.add_error(
                "private_email",
                _("The private e-mail address is the same as the work e-mail address."),
            )
        return cleaned

    def messages(self) -> list[str]:
        return [message for errors in self.errors.values() for message in errors]


# --- The file ----------------------------------------------------------------------------------


def decode(data: bytes) -> str:
    """UTF-8 (with or without the BOM Excel writes), else Windows-1252 as Dutch Excel saves."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def is_xlsx(data: bytes) -> bool:
    """Told by the content, never by the file name: a zip archive with a workbook in it."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def read_table(data: bytes) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the rows (with their line numbers) of a CSV or XLSX file."""
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    if is_xlsx(data):
        return _read_xlsx(data)
    if data.startswith(b"PK\x03\x04") or b"\x00" in data:
        raise ImportFileError(_("This is not a CSV or XLSX file."))
    return _read_csv(decode(data))


def _read_csv(text: str):
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect, strict=True)
    rows = []
    try:
        header = next(reader)
        for values in reader:
            rows.append((reader.line_num, values))
            if len(rows) > MAX_ROWS:
                break
    except csv.Error as error:
        raise ImportFileError(_("Malformed CSV: %s") % error, line=reader.line_num) from error
    return header, rows


def _read_xlsx(data: bytes):
    from openpyxl import load_workbook

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if sum(info.file_size for info in archive.infolist()) > MAX_XLSX_UNPACKED_BYTES:
            raise ImportFileError(_("The XLSX file unpacks to more than 200 MB."))
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        lines = sheet.iter_rows(values_only=True)
        header = [_xlsx_text(v) for v in next(lines, ())]
        rows = []
        for number, values in enumerate(lines, start=2):
            rows.append((number, [_xlsx_text(v) for v in values]))
            if len(rows) > MAX_ROWS:
                break
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise ImportFileError(_("The XLSX file cannot be read.")) from error
    finally:
        if "workbook" in locals():
            workbook.close()
    # Excel pads rows with empty cells up to the widest one.
    while header and not header[-1]:
        header.pop()
    rows = [
        (line, values[: len(header)] + [""] * (len(header) - len(values))) for line, values in rows
    ]
    return header, rows


def _xlsx_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # an employee number typed as a number
    return str(value)


def read_people_file(data: bytes) -> ImportPlan:
    """Every problem of the file in one pass; see the module docstring."""
    plan = ImportPlan()
    try:
        header, table = read_table(data)
    except ImportFileError as error:
        plan.errors.append(RowError(error.line, str(error)))
        return plan

    columns = []
    for name in header:
        key = COLUMN_ALIASES.get(name.strip().lower().replace(" ", "_"))
        columns.append(key)
        if key is None and name.strip():
            plan.ignored_columns.append(name.strip())
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        plan.errors.append(RowError(1, _("Required column missing: %s.") % ", ".join(missing)))
        return plan

    records = []
    for line, values in table:
        if not any(v.strip() for v in values):
            continue
        if len(records) >= MAX_ROWS:
            plan.errors.append(RowError(line, _("More than %d rows: split the file.") % MAX_ROWS))
            return plan
        if len(values) != len(header):
            plan.errors.append(
                RowError(
                    line,
                    _("%(found)d values where the header has %(expected)d columns.")
                    % {"found": len(values), "expected": len(header)},
                )
            )
            continue
        records.append((line, {c: v for c, v in zip(columns, values, strict=True) if c}))

    _check_rows(plan, records)
    _check_manager_cycles(plan)
    plan.errors.sort(key=lambda e: e.line)
    return plan


def _check_rows(plan: ImportPlan, records: list[tuple[int, dict]]) -> None:
    """Each row through the form, then the rules between rows and against the database."""
    departments = {}
    for department in Department.objects.all():
        departments[department.name.lower()] = department
        if department.code:
            departments[department.code.lower()] = department
    job_roles = {role.title.lower(): role for role in JobRole.objects.all()}
    emails = [r.get("email", "").strip().lower() for _line, r in records]
    numbers = [r.get("employee_number", "").strip() for _line, r in records]
    people = User.objects.select_related("manager")
    by_email = {u.email.lower(): u for u in people.filter(email__in=[e for e in emails if e])}
    by_number = {
        u.employee_number: u for u in people.filter(employee_number__in=[n for n in numbers if n])
    }
    first_line_of: dict[tuple[str, str], int] = {}
    row_form = PersonRowForm.for_file(departments=departments, job_roles=job_roles)
    boomerang_by_number, boomerang_by_private = _boomerangs(records)
    matched_lines: dict[int, int] = {}  # account -> the first line that matched it

    for line, record in records:
        form = row_form(record)
        errors = [] if form.is_valid() else form.messages()
        email, number = form.data["email"], form.data.get("employee_number") or None
        for kind, key, message in (
            ("email", email, _("Duplicate e-mail %(key)s (also on line %(other)d).")),
            ("number", number, _("Duplicate employee number %(key)s (also on line %(other)d).")),
        ):
            if not key:
                continue
            other = first_line_of.setdefault((kind, key), line)
            if other != line:
                errors.append(message % {"key": key, "other": other})

        # Match: by employee number first, then by e-mail.
        existing = by_number.get(number) if number else None
        owner = by_email.get(email)
        if existing and owner and owner.pk != existing.pk:
            errors.append(
                _("E-mail %(email)s belongs to another person (%(name)s).")
                % {"email": email, "name": owner}
            )
        if existing is None and owner is not None:
            if number and owner.employee_number and owner.employee_number != number:
                errors.append(
                    _("E-mail %(email)s belongs to employee number %(number)s.")
                    % {"email": email, "number": owner.employee_number}
                )
            existing = owner

        # A boomerang: the row is the network account of an alumnus (found by their former
        # employee number or their private e-mail address), who becomes an employee again in
        # that one account, keeping its history. Their old, ended employee account gives up
        # the employee number to it.
        releases = None
        private = (form.data.get("private_email") or "").strip().lower()
        # Only a row that employs the person now (no end date in the past): an HRIS export
        # that still lists the old, ended employment leaves the network account alone.
        end = form.cleaned_data.get("end_date") if form.is_valid() else None
        hired = form.is_valid() and form.cleaned_data.get("kind") == User.Kind.EMPLOYEE
        hired = hired and not (end and end < timezone.localdate())
        if hired and (existing is None or existing.kind == User.Kind.FORMER_EMPLOYEE):
            returning = (boomerang_by_number.get(number) if number else None) or (
                boomerang_by_private.get(private) if private else None
            )
            # The row's work address may be free, the network account's own, or the old
            # account's (rehired under the same address): that one moves along too.
            if returning is not None and (
                owner is None or owner.pk in (returning.pk, existing.pk if existing else None)
            ):
                if existing is not None and existing.pk != returning.pk:
                    releases = existing
                existing = returning
                other = matched_lines.setdefault(existing.pk, line)
                if other != line:
                    errors.append(
                        _("This row is the same person as line %(other)d (%(name)s).")
                        % {"other": other, "name": existing}
                    )

        plan.errors += [RowError(line, message) for message in errors]
        cleaned = form.cleaned_data
        plan.rows.append(
            PersonRow(
                line=line,
                email=email,
                full_name=cleaned.get("full_name", ""),
                employee_number=number,
                department=cleaned.get("department"),
                job_role=cleaned.get("job_role"),
                manager_ref=form.data.get("manager", ""),
                start_date=cleaned.get("start_date"),
                end_date=cleaned.get("end_date"),
                preferred_language=cleaned.get("preferred_language", User.Language.DUTCH),
                kind=cleaned.get("kind", User.Kind.EMPLOYEE),
                existing=existing,
                private_email=cleaned.get("private_email") or "",
                releases_number_of=releases,
            )
        )
    _check_managers_exist(plan)


def _boomerangs(records) -> tuple[dict, dict]:
    """The network accounts the rows may point at, read once for the whole file: by former
    employee number and by private e-mail. An installed app provides the lookup (the alumni
    network: `people_import_boomerangs`); without it there are none."""
    from hrsocial.plugins import provided

    lookup = provided("people_import_boomerangs")
    if lookup is None:
        return {}, {}
    numbers = {r.get("employee_number", "").strip() for _line, r in records} - {""}
    privates = {r.get("private_email", "").strip().lower() for _line, r in records} - {""}
    return lookup(numbers=numbers, private_emails=privates)


def _check_managers_exist(plan: ImportPlan) -> None:
    in_file = {row.email for row in plan.rows} | {
        row.employee_number for row in plan.rows if row.employee_number
    }
    refs = {row.manager_ref for row in plan.rows if row.manager_ref} - in_file
    lowered = {ref.lower() for ref in refs}
    known = set(User.objects.filter(email__in=lowered).values_list("email", flat=True))
    known |= set(
        User.objects.filter(employee_number__in=refs).values_list("employee_number", flat=True)
    )
    found = in_file | known
    for row in plan.rows:
        ref = row.manager_ref
        if not ref or ref in found or ref.lower() in found:
            continue
        plan.errors.append(RowError(row.line, _("Unknown manager “%s”.") % ref))


def _check_manager_cycles(plan: ImportPlan) -> None:
    """Find management cycles in the organisation as it would be after the import."""
    # Everyone's manager after the import, keyed by e-mail.
    manager_of: dict[str, str | None] = dict(
        User.objects.filter(manager__isnull=False).values_list("email", "manager__email")
    )
    key_of_number = dict(
        User.objects.exclude(employee_number=None).values_list("employee_number", "email")
    )
    for row in plan.rows:
        if row.employee_number:
            key_of_number[row.employee_number] = row.email
        if row.existing is not None and row.existing.email != row.email:
            manager_of.pop(row.existing.email, None)
    line_of = {row.email: row.line for row in plan.rows}
    for row in plan.rows:
        ref = row.manager_ref
        manager_of[row.email] = key_of_number.get(ref, ref.lower()) if ref else None

    reported = set()
    for row in plan.rows:
        path, current = [], row.email
        while current is not None and current not in path:
            path.append(current)
            current = manager_of.get(current)
        if current is None or current != row.email or len(path) == 1:
            continue  # (someone as their own manager is the row form's message)
        cycle = frozenset(path)
        if cycle in reported:
            continue
        reported.add(cycle)
        description = " → ".join([*path, row.email])
        plan.errors.append(RowError(line_of[row.email], _("Management cycle: %s.") % description))


# --- What an import would do -------------------------------------------------------------------


@dataclass
class Change:
    """What importing one row does to that person."""

    line: int
    email: str
    full_name: str
    action: str  # "new", "updated", "returned" (a boomerang: employed again) or "unchanged"
    fields: list[str] = field(default_factory=list)
    ends: bool = False  # the employment ends with the import (an end date in the past)
    resumes: bool = False  # an end date moved into the future gives employee access back

    def as_dict(self) -> dict:
        return {
            "line": self.line,
            "email": self.email,
            "full_name": self.full_name,
            "action": self.action,
            "fields": self.fields,
            "ends": self.ends,
            "resumes": self.resumes,
        }


@dataclass
class ImportPreview:
    changes: list[Change]

    def of(self, action: str) -> list[Change]:
        return [c for c in self.changes if c.action == action]

    @property
    def ended(self) -> list[Change]:
        return [c for c in self.changes if c.ends]

    def fingerprint(self) -> str:
        """The same for the same changes: a confirm applies only what the preview showed."""
        summary = [
            (c.email, c.action, sorted(c.fields), c.ends, c.resumes)
            for c in sorted(self.changes, key=lambda c: c.email)
        ]
        return hashlib.sha256(json.dumps(summary).encode()).hexdigest()


def preview_changes(plan: ImportPlan) -> ImportPreview:
    """What `people.services.people_import` would change for a valid plan, writing nothing.
    It follows the same rules: a leaver the HRIS still lists as an employee stays a former
    employee until the end date says otherwise, a manager who has left manages nobody."""
    today = timezone.localdate()
    after: dict[str, tuple[str, datetime.date | None]] = {}  # email -> (kind, end date) after
    key_to_email: dict[str, str] = {}
    for row in plan.rows:
        kind = row.kind
        if (
            row.existing
            and row.existing.kind == User.Kind.FORMER_EMPLOYEE
            and kind == User.Kind.EMPLOYEE
        ):
            kind = User.Kind.FORMER_EMPLOYEE
        after[row.email] = (kind, row.end_date)
        key_to_email[row.email] = row.email
        if row.employee_number:
            key_to_email[row.employee_number] = row.email
    outside = {row.manager_ref for row in plan.rows if row.manager_ref} - set(key_to_email)
    for manager in User.objects.filter(
        email__in={r.lower() for r in outside}
    ) | User.objects.filter(employee_number__in=outside):
        key_to_email.setdefault(manager.email, manager.email)
        if manager.employee_number:
            key_to_email.setdefault(manager.employee_number, manager.email)
        after.setdefault(manager.email, (manager.kind, manager.end_date))

    def has_left(email):
        kind, end = after[email]
        return kind == User.Kind.FORMER_EMPLOYEE or (end is not None and end < today)

    changes = []
    for row in plan.rows:
        ref = row.manager_ref
        manager = (key_to_email.get(ref) or key_to_email.get(ref.lower())) if ref else None
        if manager is not None and has_left(manager):
            manager = None
        kind, end = after[row.email]
        ends = kind == User.Kind.EMPLOYEE and end is not None and end < today
        person = row.existing
        if person is None:
            changes.append(Change(row.line, row.email, row.full_name, "new", ends=ends))
            continue
        fields = [
            name
            for name in PERSON_FIELDS
            if name != "kind" and getattr(person, name) != getattr(row, name)
        ]
        if person.kind != kind:
            fields.append("kind")
        if person.email != row.email:
            fields.append("email")
        if (person.manager.email if person.manager_id else None) != manager:
            fields.append("manager")
        resumes = (
            kind == User.Kind.FORMER_EMPLOYEE and person.kind == kind and not (end and end < today)
        )
        # A boomerang: the row is a network account (found by _boomerangs) employed again.
        returns = person.kind in (User.Kind.ALUMNUS, User.Kind.FREELANCER) and (
            kind == User.Kind.EMPLOYEE
        )
        changes.append(
            Change(
                row.line,
                row.email,
                row.full_name,
                "returned" if returns else "updated" if fields else "unchanged",
                fields=fields,
                ends=ends,
                resumes=resumes,
            )
        )
    return ImportPreview(changes)
