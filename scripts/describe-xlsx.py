#!/usr/bin/env python3
"""Prints what openpyxl reads from a workbook, as JSON, for tests that check the workbooks hegui writes.

    python3 scripts/describe-xlsx.py FILE [--rows N]

For each sheet: name, cell values (first N rows, default 60; dates as YYYY-MM-DD, empty as ""), merged
ranges, frozen pane, autofilter, data validations (type, list, ranges), header comments, print footer,
landscape, and the fill colour of every filled cell in column A.
"""
import datetime
import json
import sys

import openpyxl


def text(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def main():
    path = sys.argv[1]
    limit = int(sys.argv[sys.argv.index("--rows") + 1]) if "--rows" in sys.argv else 60
    book = openpyxl.load_workbook(path)
    sheets = []
    for sheet in book.worksheets:
        rows = [[text(cell.value) for cell in row] for row in sheet.iter_rows(max_row=min(sheet.max_row, limit))]
        validations = [
            {"type": v.type, "list": (v.formula1 or "").strip('"'), "ranges": str(v.sqref)}
            for v in sheet.data_validations.dataValidation
        ]
        comments = {cell.coordinate: cell.comment.text for row in sheet.iter_rows(max_row=2) for cell in row if cell.comment}
        formats = {cell.coordinate: cell.number_format for cell in sheet[1] if cell.number_format != "General"}
        fills = {}
        for row in sheet.iter_rows(min_col=1, max_col=1):
            for cell in row:
                if cell.fill is not None and cell.fill.fill_type == "solid":
                    fills[cell.coordinate] = str(cell.fill.fgColor.rgb)
        widths = {key: dim.width for key, dim in sheet.column_dimensions.items() if dim.width}
        sheets.append(
            {
                "name": sheet.title,
                "rows": rows,
                "maxRow": sheet.max_row,
                "merged": sorted(str(r) for r in sheet.merged_cells.ranges),
                "freeze": sheet.freeze_panes,
                "autofilter": sheet.auto_filter.ref,
                "validations": validations,
                "comments": comments,
                "columnFormats": {k: sheet.column_dimensions[k].number_format for k in sheet.column_dimensions if False},
                "headerFormats": formats,
                "fills": fills,
                "widths": widths,
                "footer": sheet.oddFooter.left.text or sheet.oddFooter.center.text or "",
                "footerRight": sheet.oddFooter.right.text or "",
                "landscape": sheet.page_setup.orientation == "landscape",
                "paper": sheet.page_setup.paperSize,
            }
        )
    print(json.dumps({"sheets": sheets}, ensure_ascii=False))


if __name__ == "__main__":
    main()
