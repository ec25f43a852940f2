#!/usr/bin/env python3
"""Writes hostile `.xlsx` files, each in its own records folder, for the end-to-end tests.

    python3 scripts/hostile-workbooks.py OUT [CASE…]

OUT/<case>/financeMeeting.xlsx for each case: corrupt, bomb-declared, bomb-part-declared, bomb-streamed,
doctype-sheet, doctype-strings, doctype-workbook, doctype-styles, doctype-rels, entity-sheet, xls-renamed,
et-renamed, encrypted, million-rows, million-rows-streamed, sst-out-of-range.
Each must be refused by `hegui check` with a located error and exit 2. Only the standard library.
"""
import os
import shutil
import struct
import sys
import zipfile

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="财务制度学习会" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)
STYLES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>'
)
STRINGS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">'
    '<si><t>会议日期</t></si><si><t>议题</t></si></sst>'
)
DOCTYPE = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def sheet(rows_xml):
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
        + rows_xml
        + "</sheetData></worksheet>"
    )


GOOD_ROWS = '<row r="2"><c r="A2" s="1"><v>43525</v></c><c r="B2" t="inlineStr"><is><t>财务制度</t></is></c></row>'


def parts(**override):
    base = {
        "[Content_Types].xml": CONTENT_TYPES,
        "xl/workbook.xml": WORKBOOK,
        "xl/_rels/workbook.xml.rels": RELS,
        "xl/styles.xml": STYLES,
        "xl/sharedStrings.xml": STRINGS,
        "xl/worksheets/sheet1.xml": sheet(GOOD_ROWS),
    }
    base.update(override)
    return base


def write_zip(path, contents):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in contents.items():
            archive.writestr(name, text)


def patch_sizes(path, member, size):
    """Rewrites the declared uncompressed size of one member in its local header and central directory."""
    data = bytearray(open(path, "rb").read())
    name = member.encode()
    offset = 0
    while True:
        local = data.find(b"PK\x03\x04", offset)
        if local < 0:
            break
        name_length = struct.unpack_from("<H", data, local + 26)[0]
        if data[local + 30 : local + 30 + name_length] == name:
            struct.pack_into("<I", data, local + 22, size)
        offset = local + 4
    offset = 0
    while True:
        central = data.find(b"PK\x01\x02", offset)
        if central < 0:
            break
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46 : central + 46 + name_length] == name:
            struct.pack_into("<I", data, central + 24, size)
        offset = central + 4
    open(path, "wb").write(bytes(data))


def compound_file(stream_name):
    """The start of an OLE compound file (what .xls, .et and encrypted .xlsx are) naming one stream."""
    header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)
    entry = stream_name.encode("utf-16-le").ljust(64, b"\0") + bytes(64)
    return header + entry + bytes(512 - len(entry))


def write_million_rows(path, dimension=True):
    """A sheet of Excel's full 1,048,576 rows, its used range stated first as Excel writes it (or not
    stated, so only streaming every row finds the last)."""
    filler = '<row r="%d"><c r="A%d" s="1"><v>43525</v></c></row>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts().items():
            if name != "xl/worksheets/sheet1.xml":
                archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            head = sheet("").split("</sheetData>")[0]
            if dimension:
                head = head.replace("<sheetData>", '<dimension ref="A1:B1048576"/><sheetData>')
            member.write(head.encode())
            chunk = []
            for n in range(2, 1048577):
                chunk.append(filler % (n, n))
                if len(chunk) == 50000:
                    member.write("".join(chunk).encode())
                    chunk = []
            member.write(("".join(chunk) + "</sheetData></worksheet>").encode())


def main():
    out = sys.argv[1]
    wanted = set(sys.argv[2:])
    cases = {}

    def folder(case):
        # Cases not asked for are written to a scratch folder that is removed (cheap except million-rows).
        path = os.path.join(out, case if not wanted or case in wanted else ".skipped-" + case)
        os.makedirs(path, exist_ok=True)
        cases[case] = path
        return os.path.join(path, "financeMeeting.xlsx")

    good = folder("corrupt")
    write_zip(good, parts())
    data = open(good, "rb").read()
    open(good, "wb").write(data[: len(data) // 2] + bytes(64))

    path = folder("bomb-declared")
    write_zip(path, parts())
    patch_sizes(path, "xl/worksheets/sheet1.xml", 0xF0000000)

    path = folder("bomb-part-declared")
    write_zip(path, parts())
    patch_sizes(path, "xl/worksheets/sheet1.xml", 768 << 20)

    path = folder("bomb-streamed")
    filler = '<row r="%d"><c r="A%d" s="1"><v>43525</v></c></row>'
    write_zip(path, parts(**{"xl/worksheets/sheet1.xml": sheet("".join(filler % (n, n) for n in range(2, 200000)))}))
    patch_sizes(path, "xl/worksheets/sheet1.xml", 4096)

    write_zip(folder("doctype-sheet"), parts(**{"xl/worksheets/sheet1.xml": sheet(GOOD_ROWS).replace("?>", "?>" + DOCTYPE, 1)}))
    write_zip(folder("doctype-strings"), parts(**{"xl/sharedStrings.xml": STRINGS.replace("?>", "?>\n" + DOCTYPE, 1)}))
    write_zip(folder("doctype-workbook"), parts(**{"xl/workbook.xml": WORKBOOK.replace("?>", "?>" + DOCTYPE, 1)}))
    write_zip(folder("doctype-styles"), parts(**{"xl/styles.xml": STYLES.replace("?>", "?>" + DOCTYPE, 1)}))
    write_zip(folder("doctype-rels"), parts(**{"xl/_rels/workbook.xml.rels": RELS.replace("?>", "?>" + DOCTYPE, 1)}))
    # An external entity used without any DOCTYPE declaring it: undeclared, never fetched.
    entity = '<row r="2"><c r="A2" s="1"><v>43525</v></c><c r="B2" t="inlineStr"><is><t>&xxe;</t></is></c></row>'
    write_zip(folder("entity-sheet"), parts(**{"xl/worksheets/sheet1.xml": sheet(entity)}))

    open(folder("xls-renamed"), "wb").write(compound_file("Workbook"))
    open(folder("et-renamed"), "wb").write(compound_file("Book"))
    open(folder("encrypted"), "wb").write(compound_file("EncryptedPackage"))

    if not wanted or "million-rows" in wanted:
        write_million_rows(folder("million-rows"))
    if not wanted or "million-rows-streamed" in wanted:
        write_million_rows(folder("million-rows-streamed"), dimension=False)

    rows = '<row r="2"><c r="A2" s="1"><v>43525</v></c><c r="B2" t="s"><v>999</v></c></row>'
    write_zip(folder("sst-out-of-range"), parts(**{"xl/worksheets/sheet1.xml": sheet(rows)}))

    write_zip(folder("good"), parts())
    for case in os.listdir(out):
        if case.startswith(".skipped-"):
            shutil.rmtree(os.path.join(out, case))
    print("\n".join(sorted(case for case in cases if not wanted or case in wanted)))


if __name__ == "__main__":
    main()
