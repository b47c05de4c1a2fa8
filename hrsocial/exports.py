"""HR's table exports: one convention for every app, as CSV or XLSX.

    return table_export(
        header=[_("Name"), _("Department")],
        rows=((p.full_name, p.department) for p in people),  # any iterable, read lazily
        filename=f"people-{timezone.localdate():%Y-%m-%d}",
        file_format=export_format(request),  # "csv" (the default) or "xlsx"
    )

CSV is made for a Dutch Excel: semicolon-separated (Excel in the Netherlands reads a comma as
the decimal separator), UTF-8 with a byte-order mark (without it Excel reads Windows-1252 and
garbles "Zoë"), streamed line by line so that a large table never fills memory.

XLSX has one sheet with the header row frozen; text cells are always written as text.

Values, the same in every export:
- text: a cell that starts with = + - @, a tab or a carriage return gets a leading apostrophe
  (`formula_guard`), in CSV and XLSX alike: a spreadsheet would otherwise run it as a
  formula ("=HYPERLINK(...)" in a question's subject). Numbers are not text and stay as they are.
- dates as ISO 8601 (2027-01-14) and moments in the portal's time zone to the minute
  (2027-01-14 09:00): unambiguous for people and machines in either language. In XLSX they are
  real dates with that display format.
- whole numbers as they are; other numbers in CSV with a decimal comma, which the Dutch Excel
  the CSV is made for reads as a number (it would read 4.5 as a date); in XLSX real numbers.
- None is an empty cell.
"""

import csv
import datetime
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMATS = ("csv", "xlsx")
DATE_FORMAT = "%Y-%m-%d"
MOMENT_FORMAT = "%Y-%m-%d %H:%M"
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def formula_guard(text: str) -> str:
    """The text as a spreadsheet shows it without running it (OWASP's CSV injection advice)."""
    return "'" + text if text.startswith(FORMULA_START) else text


def export_format(request) -> str:
    """The format asked for with `format=xlsx` (GET or POST); CSV otherwise."""
    asked = request.POST.get("format") or request.GET.get("format")
    return asked if asked in FORMATS else "csv"


def table_export(
    *, header: Sequence[str], rows: Iterable[Sequence], filename: str, file_format: str = "csv"
):
    """A download of the table: `filename` is without extension."""
    if file_format == "xlsx":
        response = FileResponse(
            _xlsx_file(header, rows), content_type=CONTENT_TYPES["xlsx"], as_attachment=True
        )
    else:
        response = StreamingHttpResponse(csv_lines(header, rows), content_type=CONTENT_TYPES["csv"])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    # Exports hold personal data: no shared cache keeps a copy.
    response["Cache-Control"] = "private, no-store"
    return response


class _Echo:
    """A file that hands back what is written, so csv.writer yields lines one by one."""

    def write(self, value):
        return value


def csv_lines(header: Sequence[str], rows: Iterable[Sequence]) -> Iterator[str]:
    writer = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff" + writer.writerow([_csv_value(v) for v in header])
    for row in rows:
        yield writer.writerow([_csv_value(v) for v in row])


def _csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        return str(value).replace(".", ",")
    if isinstance(value, datetime.datetime):
        return _local(value).strftime(MOMENT_FORMAT)
    if isinstance(value, datetime.date):
        return value.strftime(DATE_FORMAT)
    return formula_guard(str(value))


def _local(moment: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment


def _xlsx_file(header: Sequence[str], rows: Iterable[Sequence]):
    """The workbook in a temporary file (write-only mode keeps one row in memory at a time)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)

    def cell(value, *, font=None):
        if isinstance(value, datetime.datetime):
            # Excel knows no time zones: the moment as the portal shows it.
            minute = _local(value).replace(tzinfo=None, second=0, microsecond=0)
            result = WriteOnlyCell(sheet, minute)
            result.number_format = "yyyy-mm-dd hh:mm"
        elif isinstance(value, datetime.date):
            result = WriteOnlyCell(sheet, value)
            result.number_format = "yyyy-mm-dd"
        elif value is None or isinstance(value, int | float | Decimal):
            result = WriteOnlyCell(sheet, value)
        else:
            # Control characters other than tab and line breaks are not allowed in XLSX.
            text = ILLEGAL_CHARACTERS_RE.sub("", formula_guard(str(value)))
            result = WriteOnlyCell(sheet, text)
            result.data_type = "s"  # text, even when it looks like a formula or a number
        if font is not None:
            result.font = font
        return result

    sheet.append([cell(v, font=bold) for v in header])
    for row in rows:
        sheet.append([cell(v) for v in row])
    # FileResponse closes the file once it is sent; the file system removes it then.
    output = tempfile.TemporaryFile()  # noqa: SIM115
    workbook.save(output)
    output.seek(0)
    return output
