"""The one export convention (hrsocial.exports): CSV for a Dutch Excel, XLSX, formula guard."""

import datetime
import io
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.test import RequestFactory
from openpyxl import load_workbook

from hrsocial.exports import FORMULA_START, export_format, formula_guard, table_export
from tests.exports import read_csv, read_xlsx, response_bytes

AMSTERDAM = ZoneInfo("Europe/Amsterdam")  # the portal's TIME_ZONE
HEADER = ["Naam", "Datum", "Moment", "Aantal", "Gemiddelde", "Leeg"]


def export(rows, file_format="csv"):
    return table_export(header=HEADER, rows=rows, filename="test", file_format=file_format)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_it_guards_every_character_a_spreadsheet_starts_a_formula_with(start):
    value = start + 'HYPERLINK("http://evil")'
    assert formula_guard(value) == "'" + value
    csv_rows = read_csv(export([[value, None, None, None, None, None]]))
    assert csv_rows[1][0] == "'" + value
    xlsx_rows = read_xlsx(export([[value, None, None, None, None, None]], "xlsx"))
    # XML turns a lone carriage return into a line feed; the apostrophe stays in front.
    assert xlsx_rows[1][0] == "'" + value.replace("\r", "\n")


def test_the_guard_covers_exactly_the_six_characters():
    assert FORMULA_START == ("=", "+", "-", "@", "\t", "\r")
    assert formula_guard("Emma = HR") == "Emma = HR"
    assert formula_guard("") == ""


def test_csv_is_semicolon_separated_utf8_with_a_byte_order_mark():
    response = export([["Zoë; de Vries", None, None, 3, None, None]])
    raw = response_bytes(response)
    assert raw.startswith("\ufeff".encode())
    assert raw.decode("utf-8-sig").splitlines()[0] == "Naam;Datum;Moment;Aantal;Gemiddelde;Leeg"
    rows = read_csv(export([["Zoë; de Vries", None, None, 3, None, None]]))
    assert rows[1][0] == "Zoë; de Vries"  # quoted, not split
    assert response["Content-Disposition"] == 'attachment; filename="test.csv"'
    assert response["Cache-Control"] == "private, no-store"
    assert response.streaming, "a large export streams"


def test_dates_moments_and_numbers_are_written_the_same_way_everywhere(settings):
    moment = datetime.datetime(2027, 1, 14, 9, 0, tzinfo=AMSTERDAM)
    row = ["Emma", datetime.date(2027, 1, 14), moment, -3, 4.5, None]
    assert read_csv(export([row]))[1] == ["Emma", "2027-01-14", "2027-01-14 09:00", "-3", "4,5", ""]
    assert read_csv(export([[*row[:4], Decimal("12.50"), None]]))[1][4] == "12,50"


def test_an_xlsx_export_reads_back_with_real_dates_and_numbers():
    moment = datetime.datetime(2027, 1, 14, 9, 0, tzinfo=AMSTERDAM)
    rows = [
        ["Zoë", datetime.date(2027, 1, 14), moment, 8, 4.5, None],
        ["0612", None, None, 0, 0, ""],
    ]
    response = export(rows, "xlsx")
    assert response["Content-Disposition"] == 'attachment; filename="test.xlsx"'
    header, first, second = read_xlsx(response)
    assert header == HEADER
    assert first == [
        "Zoë",
        datetime.datetime(2027, 1, 14),  # noqa: DTZ001 - Excel knows no time zones
        datetime.datetime(2027, 1, 14, 9),  # noqa: DTZ001
        8,
        4.5,
        None,
    ]
    # Text stays text: a phone number keeps its leading zero.
    assert second[0] == "0612"
    sheet = load_workbook(io.BytesIO(response_bytes(export(rows, "xlsx")))).active
    assert sheet["A2"].data_type == "s"
    assert sheet["B2"].number_format == "yyyy-mm-dd"
    assert sheet.freeze_panes == "A2"


def test_an_xlsx_cell_never_holds_a_formula():
    response = export([["=1+1", None, None, None, None, None]], "xlsx")
    sheet = load_workbook(io.BytesIO(response_bytes(response))).active
    assert sheet["A2"].data_type == "s"
    assert sheet["A2"].value == "'=1+1"


def test_control_characters_do_not_break_an_xlsx_export():
    rows = read_xlsx(export([["Emma\x00\x07 Jansen", None, None, None, None, None]], "xlsx"))
    assert rows[1][0] == "Emma Jansen"


@pytest.mark.parametrize(
    "query, expected", [("", "csv"), ("?format=xlsx", "xlsx"), ("?format=exe", "csv")]
)
def test_the_format_is_csv_unless_xlsx_is_asked_for(query, expected):
    assert export_format(RequestFactory().get("/" + query)) == expected
    assert export_format(RequestFactory().post("/", {"format": "xlsx"})) == "xlsx"
