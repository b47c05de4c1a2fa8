"""Reading an HRIS export (CSV) into a checked plan of changes.

`read_people_csv(data)` parses and validates every row against the file itself and the
database, and returns an `ImportPlan`. It changes nothing: either the plan has errors (each
with its line number and reason) and nothing is imported, or `people.services.people_import`
applies the whole plan in one transaction.

Columns (the header row names them, in any order; Dutch names are accepted too):
    email (required), full_name (required), employee_number, department (name or code),
    job_role, manager (the manager's employee number or e-mail), start_date, end_date
    (YYYY-MM-DD or DD-MM-YYYY), preferred_language (nl/en), kind (employee/alumnus/freelancer)
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from people.models import Department, JobRole, User

MAX_ROWS = 50_000

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
}
REQUIRED_COLUMNS = ("email", "full_name")
DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")


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
    start_date: date | None
    end_date: date | None
    preferred_language: str
    kind: str
    existing: User | None = None


@dataclass
class ImportPlan:
    rows: list[PersonRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.errors


def decode(data: bytes) -> str:
    """UTF-8 (with or without the BOM Excel writes), else Windows-1252 as Dutch Excel saves."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def parse_date(value: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()  # noqa: DTZ007 - a date, not a moment
        except ValueError:
            continue
    raise ValueError(value)


def read_people_csv(data: bytes) -> ImportPlan:
    plan = ImportPlan()
    text = decode(data)
    if not text.strip():
        plan.errors.append(RowError(1, _("The file is empty.")))
        return plan
    if "\x00" in text:
        plan.errors.append(RowError(1, _("This is not a CSV text file.")))
        return plan
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect, strict=True)
    try:
        header = next(reader)
    except csv.Error as error:
        plan.errors.append(RowError(1, _("The header row cannot be read: %s") % error))
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

    raw_rows = []
    try:
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            if len(raw_rows) >= MAX_ROWS:
                plan.errors.append(
                    RowError(reader.line_num, _("More than %d rows: split the file.") % MAX_ROWS)
                )
                return plan
            if len(values) != len(header):
                plan.errors.append(
                    RowError(
                        reader.line_num,
                        _("%(found)d values where the header has %(expected)d columns.")
                        % {"found": len(values), "expected": len(header)},
                    )
                )
                continue
            record = {c: v.strip() for c, v in zip(columns, values, strict=True) if c}
            raw_rows.append((reader.line_num, record))
    except csv.Error as error:
        plan.errors.append(RowError(reader.line_num, _("Malformed CSV: %s") % error))
        return plan

    _check_rows(plan, raw_rows)
    if plan.is_valid:
        _check_manager_cycles(plan)
    plan.errors.sort(key=lambda e: e.line)
    return plan


def _check_rows(plan: ImportPlan, raw_rows: list[tuple[int, dict]]) -> None:
    departments = {}
    for department in Department.objects.all():
        departments[department.name.lower()] = department
        if department.code:
            departments[department.code.lower()] = department
    job_roles = {role.title.lower(): role for role in JobRole.objects.all()}
    languages = {code for code, _label in User.Language.choices}
    kinds = {code for code, _label in User.Kind.choices}

    emails = [r["email"].lower() for _line, r in raw_rows if r.get("email")]
    numbers = [r["employee_number"] for _line, r in raw_rows if r.get("employee_number")]
    existing_by_email = {u.email.lower(): u for u in User.objects.filter(email__in=emails)}
    existing_by_number = {
        u.employee_number: u for u in User.objects.filter(employee_number__in=numbers)
    }
    seen_emails: dict[str, int] = {}
    seen_numbers: dict[str, int] = {}

    for line, record in raw_rows:
        errors = []

        def fail(message, _errors=errors):
            _errors.append(message)

        email = record.get("email", "").lower()
        try:
            validate_email(email)
        except ValidationError:
            fail(
                _("“%s” is not a valid e-mail address.") % email if email else _("E-mail is empty.")
            )
        if email in seen_emails:
            fail(
                _("Duplicate e-mail %(email)s (also on line %(other)d).")
                % {"email": email, "other": seen_emails[email]}
            )
        seen_emails.setdefault(email, line)

        full_name = record.get("full_name", "")
        if not full_name:
            fail(_("Name is empty."))
        elif len(full_name) > 150:
            fail(_("Name is longer than 150 characters."))

        number = record.get("employee_number") or None
        if number:
            if len(number) > 30:
                fail(_("Employee number is longer than 30 characters."))
            if number in seen_numbers:
                fail(
                    _("Duplicate employee number %(number)s (also on line %(other)d).")
                    % {"number": number, "other": seen_numbers[number]}
                )
            seen_numbers.setdefault(number, line)

        # Match: by employee number first, then by e-mail.
        existing = existing_by_number.get(number) if number else None
        by_email = existing_by_email.get(email)
        if existing and by_email and by_email.pk != existing.pk:
            fail(
                _("E-mail %(email)s belongs to another person (%(name)s).")
                % {"email": email, "name": by_email}
            )
        if existing is None and by_email is not None:
            if number and by_email.employee_number and by_email.employee_number != number:
                fail(
                    _("E-mail %(email)s belongs to employee number %(number)s.")
                    % {"email": email, "number": by_email.employee_number}
                )
            existing = by_email

        department = None
        if record.get("department"):
            department = departments.get(record["department"].lower())
            if department is None:
                fail(_("Unknown department “%s”.") % record["department"])
        job_role = None
        if record.get("job_role"):
            job_role = job_roles.get(record["job_role"].lower())
            if job_role is None:
                fail(_("Unknown job role “%s”.") % record["job_role"])

        dates = {}
        for column in ("start_date", "end_date"):
            try:
                dates[column] = parse_date(record.get(column, ""))
            except ValueError:
                dates[column] = None
                fail(
                    _("“%(value)s” in %(column)s is not a date (use YYYY-MM-DD).")
                    % {"value": record[column], "column": column}
                )
        if dates["start_date"] and dates["end_date"] and dates["end_date"] < dates["start_date"]:
            fail(_("The end date is before the start date."))

        language = (record.get("preferred_language") or "nl").lower()
        if language not in languages:
            fail(_("Unknown language “%s” (use nl or en).") % language)
        kind = (record.get("kind") or User.Kind.EMPLOYEE).lower()
        if kind not in kinds:
            fail(_("Unknown kind “%s” (use employee, alumnus or freelancer).") % kind)

        manager_ref = record.get("manager", "")
        if manager_ref and manager_ref.lower() in (email, (number or "").lower()):
            fail(_("Nobody can be their own manager."))

        for message in errors:
            plan.errors.append(RowError(line, message))
        plan.rows.append(
            PersonRow(
                line=line,
                email=email,
                full_name=full_name,
                employee_number=number,
                department=department,
                job_role=job_role,
                manager_ref=manager_ref,
                start_date=dates["start_date"],
                end_date=dates["end_date"],
                preferred_language=language,
                kind=kind,
                existing=existing,
            )
        )

    _check_managers_exist(plan)


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
    for row in plan.rows:
        ref = row.manager_ref
        if not ref or {ref, ref.lower()} & (in_file | known):
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
        if current is None or current != row.email:
            continue
        cycle = frozenset(path)
        if cycle in reported:
            continue
        reported.add(cycle)
        description = " → ".join([*path, row.email])
        plan.errors.append(RowError(line_of[row.email], _("Management cycle: %s.") % description))
