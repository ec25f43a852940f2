#!/usr/bin/env python3
"""Converts a CSV records folder to Excel workbooks laid out as people keep 台账.

    python3 scripts/records-to-xlsx.py SRC OUT [--layout per-kind|one-workbook] [--title] [--total]
        [--two-row-header] [--index-column] [--date1904]

--layout per-kind      one workbook per kind (employee.xlsx), its sheet named by the kind's Chinese title
--layout one-workbook  one workbook (台账.xlsx), a sheet per kind named alternately by id and Chinese title
--title                a merged title row (2019年职工花名册) above the header
--total                a 合计 row, a note and a 制表人 line below the table
--two-row-header       a group row (基本信息 / 其他信息, merged) above the field labels
--index-column         a 序号 column in front
--date1904             the workbook uses the 1904 date system
--into TEMPLATE        fill a copy of the workbook `hegui template` wrote (台账模板.xlsx) instead, saved
                       as OUT/台账.xlsx: each kind's rows under its sheet's header, in the template's columns

Cells are typed as Excel types them: dates as date serials with a date format, numbers as numbers,
booleans as TRUE/FALSE, text as shared strings. Used by the end-to-end tests (same findings as the
CSV folder) and by anyone who wants the fixtures as workbooks. Needs openpyxl.
"""
import argparse
import csv
import datetime
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

NS = ""


def kinds_from_rules(rules):
    """Record kinds from the packs: id -> (Chinese title, {label or name: (name, type)})."""
    kinds = {}
    for path in sorted(glob.glob(os.path.join(rules, "*.xml"))):
        root = ET.parse(path).getroot()
        for kind in root.iter():
            if not kind.tag.endswith("record-kind"):
                continue
            title = next((t.text for t in kind if t.tag.endswith("title") and t.get("lang") == "zh-CN"), kind.get("id"))
            fields = {}
            for field in kind:
                if field.tag.endswith("field"):
                    fields[field.get("name")] = (field.get("name"), field.get("type"))
                    for label in (field.get("label") or "").split("|"):
                        if label:
                            fields[label] = (field.get("name"), field.get("type"))
            kinds.setdefault(kind.get("id"), (title, fields))
    return kinds


DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")


def typed(text, kind):
    """The cell value for a CSV text of a field type."""
    if text == "":
        return None
    if kind == "date":
        match = DATE.match(text.split(" ")[0])
        if match:
            return datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        return text
    if kind in ("integer", "decimal"):
        plain = text.replace(",", "")
        try:
            number = float(plain)
        except ValueError:
            return text
        return int(number) if kind == "integer" and number == int(number) else number
    if kind == "boolean":
        if text in ("是", "Y", "y", "yes", "true", "TRUE", "1"):
            return True
        if text in ("否", "N", "n", "no", "false", "FALSE", "0"):
            return False
    return text


def fill_sheet(sheet, rows, fields, title, options):
    header, body = rows[0], rows[1:]
    types = [fields.get(label, (label, "string"))[1] for label in header]
    labels = (["序号"] if options.index_column else []) + header
    width = len(labels)
    row = 1
    if options.title:
        sheet.cell(row=1, column=1, value=f"2019年{title}").font = Font(bold=True, size=14)
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        row = 2
    if options.two_row_header:
        # Group titles merged across the upper header row; 序号 merged down over both rows.
        first = 2 if options.index_column else 1
        half = max(first, (first + width) // 2)
        sheet.cell(row=row, column=first, value="基本信息")
        if half > first:
            sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=half)
        if width > half:
            sheet.cell(row=row, column=half + 1, value="其他信息")
            if width > half + 1:
                sheet.merge_cells(start_row=row, start_column=half + 1, end_row=row, end_column=width)
        row += 1
    for column, label in enumerate(labels, start=1):
        sheet.cell(row=row, column=column, value=label).font = Font(bold=True)
    if options.two_row_header and options.index_column:
        # 序号 is merged down over both header rows: its text stays in the upper cell.
        sheet.cell(row=row - 1, column=1, value="序号")
        sheet.cell(row=row, column=1, value=None)
        sheet.merge_cells(start_row=row - 1, start_column=1, end_row=row, end_column=1)
    row += 1
    for number, values in enumerate(body, start=1):
        cells = ([number] if options.index_column else []) + [typed(v, t) for v, t in zip(values, types)]
        for column, value in enumerate(cells, start=1):
            if value is None:
                continue
            cell = sheet.cell(row=row, column=column, value=value)
            if isinstance(value, datetime.date):
                cell.number_format = "yyyy-mm-dd"
        row += 1
    if options.total:
        sheet.cell(row=row, column=1, value="合计")
        sheet.cell(row=row, column=2, value=f"共 {len(body)} 条")
        sheet.cell(row=row + 1, column=1, value="注：本表据 2019 年原始记录整理。")
        sheet.cell(row=row + 2, column=1, value="制表人：工会办")
    for column in range(1, width + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 14


def fill_template(options, kinds):
    """Fills the template's sheets (named by the kinds' Chinese titles, or ids) with the CSV rows."""
    book = openpyxl.load_workbook(options.into)
    for path in sorted(glob.glob(os.path.join(options.src, "*.csv"))):
        kind = os.path.splitext(os.path.basename(path))[0]
        if kind not in kinds:
            continue
        title, fields = kinds[kind]
        sheet = book[title] if title in book.sheetnames else book[kind]
        columns = {fields[cell.value][0]: cell.column for cell in sheet[1] if cell.value in fields}
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = [row for row in csv.reader(handle)]
        header = [fields.get(label, (label, "string")) for label in rows[0]]
        for number, values in enumerate(rows[1:], start=2):
            for (name, kind_type), value in zip(header, values):
                cell_value = typed(value, kind_type)
                if cell_value is not None:
                    sheet.cell(row=number, column=columns[name], value=cell_value)
    os.makedirs(options.out, exist_ok=True)
    book.save(os.path.join(options.out, "台账.xlsx"))
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("src")
    parser.add_argument("out")
    parser.add_argument("--layout", choices=["per-kind", "one-workbook"], default="per-kind")
    parser.add_argument("--rules", default=os.path.join(os.path.dirname(__file__), "..", "rules"))
    parser.add_argument("--title", action="store_true")
    parser.add_argument("--total", action="store_true")
    parser.add_argument("--two-row-header", action="store_true")
    parser.add_argument("--index-column", action="store_true")
    parser.add_argument("--date1904", action="store_true")
    parser.add_argument("--into")
    options = parser.parse_args()
    kinds = kinds_from_rules(options.rules)
    os.makedirs(options.out, exist_ok=True)

    def new_workbook():
        book = openpyxl.Workbook()
        if options.date1904:
            book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
        book.remove(book.active)
        return book

    if options.into:
        return fill_template(options, kinds)
    shared = new_workbook() if options.layout == "one-workbook" else None
    for index, path in enumerate(sorted(glob.glob(os.path.join(options.src, "*.csv")))):
        kind = os.path.splitext(os.path.basename(path))[0]
        if kind not in kinds:
            continue
        title, fields = kinds[kind]
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = [row for row in csv.reader(handle)]
        if not rows:
            continue
        if shared is not None:
            name = kind if index % 2 == 0 else title
            fill_sheet(shared.create_sheet(name[:31]), rows, fields, title, options)
        else:
            book = new_workbook()
            fill_sheet(book.create_sheet(title[:31]), rows, fields, title, options)
            book.save(os.path.join(options.out, kind + ".xlsx"))
    if shared is not None:
        shared.save(os.path.join(options.out, "台账.xlsx"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
