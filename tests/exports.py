"""Reading the downloads of `hrsocial.exports` back in tests, as a spreadsheet would."""

import csv
import io


def response_bytes(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def read_csv(response) -> list[list[str]]:
    """The rows of a CSV download; it must be what a Dutch Excel opens as UTF-8."""
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response_bytes(response).decode("utf-8")
    assert text.startswith("\ufeff"), "a byte-order mark, so Excel reads UTF-8"
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def read_xlsx(response) -> list[list]:
    """The rows of an XLSX download's sheet, with None for an empty cell."""
    from openpyxl import load_workbook

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response_bytes(response)))
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]
