#!/usr/bin/env python3
"""Prints what openpyxl reads from a workbook, as JSON, for the tests of the workbooks hegui writes.

    python3 scripts/describe-xlsx.py FILE [--rows N]

For each sheet: its name; cell values of the first N rows (default 60; dates as YYYY-MM-DD, booleans
as TRUE/FALSE, empty as ""); the type of every non-empty cell that is not text (n number, d date, b
boolean, f formula); merged ranges; frozen pane; autofilter; data validations (type, operator, list,
ranges); comments of the first two rows; header and footer; orientation and paper; the fill colour
of every filled cell in column A; column widths and the number format of each column's cells.
"""
import datetime
import json
import sys

import openpyxl
from openpyxl.utils import get_column_letter


def text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def kind(cell):
    if cell.data_type == "f":
        return "f"
    if cell.is_date:
        return "d"
    if isinstance(cell.value, bool):
        return "b"
    if isinstance(cell.value, (int, float)):
        return "n"
    return None


def main():
    path = sys.argv[1]
    limit = int(sys.argv[sys.argv.index("--rows") + 1]) if "--rows" in sys.argv else 60
    book = openpyxl.load_workbook(path)
    sheets = []
    for sheet in book.worksheets:
        rows, types = [], {}
        for row in sheet.iter_rows(max_row=min(sheet.max_row, limit)):
            rows.append([text(cell.value) for cell in row])
            for cell in row:
                if cell.value is not None and kind(cell):
                    types[cell.coordinate] = kind(cell)
        validations = [
            {
                "type": v.type,
                "operator": v.operator or "",
                "list": (v.formula1 or "").strip('"'),
                "ranges": str(v.sqref),
            }
            for v in sheet.data_validations.dataValidation
        ]
        comments = {cell.coordinate: cell.comment.text for row in sheet.iter_rows(max_row=2) for cell in row if cell.comment}
        fills = {}
        for row in sheet.iter_rows(min_col=1, max_col=1):
            for cell in row:
                if cell.fill is not None and cell.fill.fill_type == "solid":
                    fills[cell.coordinate] = str(cell.fill.fgColor.rgb)
        widths, column_formats = {}, {}
        for key, dim in sorted(sheet.column_dimensions.items()):
            if dim.width:
                # openpyxl groups equal neighbouring columns under the first; name each.
                for index in range(dim.min or 1, (dim.max or dim.min or 1) + 1):
                    letter = get_column_letter(index)
                    widths[letter] = dim.width
                    if dim.number_format and dim.number_format != "General":
                        column_formats[letter] = dim.number_format
        formats = {}
        for row in sheet.iter_rows(min_row=2, max_row=min(sheet.max_row, limit)):
            for cell in row:
                if cell.value is not None and cell.number_format != "General":
                    formats[cell.coordinate] = cell.number_format
        sheets.append(
            {
                "name": sheet.title,
                "rows": rows,
                "types": types,
                "maxRow": sheet.max_row,
                "merged": sorted(str(r) for r in sheet.merged_cells.ranges),
                "freeze": sheet.freeze_panes,
                "autofilter": sheet.auto_filter.ref,
                "validations": validations,
                "comments": comments,
                "fills": fills,
                "widths": widths,
                "columnFormats": column_formats,
                "cellFormats": formats,
                "footer": {
                    "left": sheet.oddFooter.left.text or "",
                    "center": sheet.oddFooter.center.text or "",
                    "right": sheet.oddFooter.right.text or "",
                },
                "repeatRows": sheet.print_title_rows or "",
                "landscape": sheet.page_setup.orientation == "landscape",
                "paper": int(sheet.page_setup.paperSize or 0),
            }
        )
    print(json.dumps({"sheets": sheets}, ensure_ascii=False))


if __name__ == "__main__":
    main()
