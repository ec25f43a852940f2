import Foundation
import HeguiBase
import Testing

@testable import HeguiCore

/// Every workbook the suite builds — the fixtures as 台账 in both layouts, with title and 合计 rows,
/// merged two-row headers, 序号 columns and the 1904 date system; hand-made sheets with inline and
/// rich strings, entities, character references, formulas, booleans and blank cells; and every hostile
/// workbook — imports to the same tables, inputs and diagnostics by the fast sheet path as by libxml2.
@Suite(.serialized)
struct XLSXFastPathImportTests {
    static let root = XLSXFastPathTests.root

    /// The shipped kinds, for an importer of records folders.
    static let kinds: [RecordKind] = {
        let loaded = RulePackLoader(schemaPath: ShippedRules.schemaPath).load(paths: [ShippedRules.folder])
        return RecordCatalog.merge(loaded.packs).kinds
    }()

    /// A folder's import as comparable text: inputs, warnings and notes, each table's rows, or the errors.
    static func fingerprint(_ folder: String, _ parsing: XLSXSheetReader.Parsing) -> String {
        var importer = RecordImporter(kinds: kinds)
        importer.sheetParsing = parsing
        do {
            let set = try importer.importDirectory(folder)
            var lines = set.inputs.map { "input \($0.path) \($0.kind) \($0.sha256) \($0.records)" }
            lines += set.warnings.map(\.description)
            for kind in set.tables.keys.sorted() {
                guard let table = set.tables[kind] else { continue }
                lines.append("== \(kind) \(table.files) absent \(table.absentColumns.sorted { $0.key < $1.key })")
                for row in 0..<table.count {
                    lines.append(
                        "\(table.lines[row]): " + table.columns.indices.map { table.value(column: $0, at: row)?.description ?? "∅" }.joined(separator: "|"))
                }
            }
            return lines.joined(separator: "\n")
        } catch let error as DiagnosticsError {
            return "errors:\n" + error.diagnostics.map(\.description).joined(separator: "\n")
        } catch {
            return "other: \(error)"
        }
    }

    static func python(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = root
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(String(decoding: message, as: UTF8.self))")
    }

    static func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "hegui-fastpath-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test(
        "the fixtures as workbooks, in every layout the conversion script writes, import the same by both paths, all by the fast one",
        arguments: [
            ["fixtures/ningbo-2019", "--layout", "per-kind", "--title", "--total"],
            ["fixtures/ningbo-2019", "--layout", "one-workbook"],
            ["fixtures/scenarios/overtime-37h", "--title", "--total", "--two-row-header", "--index-column", "--date1904"],
            ["fixtures/scenarios/unsigned-contract", "--layout", "one-workbook", "--title", "--total"],
        ])
    func convertedFixtures(arguments: [String]) throws {
        let out = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: out) }
        try Self.python(["scripts/records-to-xlsx.py", arguments[0], out] + arguments.dropFirst())
        let reference = Self.fingerprint(out, .reference)
        #expect(reference.contains("== employee"), "\(reference.prefix(2000))")
        // The fast path alone, never handing a sheet to libxml2, reads what libxml2 reads (so `.fast`,
        // which would only hand declined sheets back, reads it too).
        #expect(Self.fingerprint(out, .fastOnly) == reference)
    }

    @Test("hand-made sheets: inline and rich strings, entities, character references, formulas, booleans, blanks, 1900 and 1904 dates")
    func handMadeSheets() throws {
        let out = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: out) }
        try Self.python(["-c", Self.handMade, out])
        for folder in ["1900", "1904", "broken"] {
            let reference = Self.fingerprint(out + "/" + folder, .reference)
            #expect(Self.fingerprint(out + "/" + folder, .fast) == reference, "\(folder)")
            if folder != "broken" {
                #expect(Self.fingerprint(out + "/" + folder, .fastOnly) == reference, "\(folder)")
            }
        }
        let read = Self.fingerprint(out + "/1900", .fast)
        for line in [
            "1900/financeMeeting.xlsx!财务制度学习会: note: skipped 3 rows that are not records: above the header (row 1), total (row 7), blank (row 5); column not read: 备注 (D)",
            #"3: 2019-03-01|a & b <c> "d" 'e' 中文 学习|12"#,
            "4: 2019-03-02|合计之前 二|∅",
            "6: 2019-03-04|xy|1",
        ] {
            #expect(read.contains(line), "\(line)\n\(read)")
        }
        #expect(Self.fingerprint(out + "/1904", .fast).contains("3: 2023-03-02|"))
        #expect(
            Self.fingerprint(out + "/broken", .fast).contains(
                "financeMeeting.xlsx!财务制度学习会!C3: error: field 'attendees': the cell holds the Excel error '#N/A'"))
    }

    @Test("every hostile workbook gives the same located error by both paths")
    func hostileWorkbooks() throws {
        let out = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: out) }
        try Self.python(["scripts/hostile-workbooks.py", out])
        let cases = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(cases.count == 17)
        for name in cases {
            let reference = Self.fingerprint(out + "/" + name, .reference)
            #expect(Self.fingerprint(out + "/" + name, .fast) == reference, "\(name)")
            #expect(name == "good" || reference.hasPrefix("errors:"), "\(name): \(reference.prefix(500))")
        }
    }

    @Test("a part whose zip checksum does not match its bytes is a located error, exit 2's kind")
    func checksumMismatch() throws {
        let out = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let script = #"""
            import importlib.util, os, struct, sys
            spec = importlib.util.spec_from_file_location("hw", "scripts/hostile-workbooks.py")
            hw = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(hw)
            path = os.path.join(sys.argv[1], "financeMeeting.xlsx")
            hw.write_zip(path, hw.parts())
            data = bytearray(open(path, "rb").read())
            name = b"xl/worksheets/sheet1.xml"
            for signature, crc, length in ((b"PK\x03\x04", 14, 26), (b"PK\x01\x02", 16, 28)):
                at = 0
                while (at := data.find(signature, at)) >= 0:
                    start = at + (30 if signature == b"PK\x03\x04" else 46)
                    if data[start:start + len(name)] == name:
                        struct.pack_into("<I", data, at + crc, struct.unpack_from("<I", data, at + crc)[0] ^ 1)
                    at += 4
            open(path, "wb").write(bytes(data))
            """#
        try Self.python(["-c", script, out])
        for parsing in [XLSXSheetReader.Parsing.fast, .reference] {
            #expect(
                Self.fingerprint(out, parsing)
                    == "errors:\n\(out)/financeMeeting.xlsx!xl/worksheets/sheet1.xml: error: is damaged: its checksum does not match")
        }
    }

    @Test("the zip checksum, eight bytes at a time, is CRC-32 in any chunking")
    func zipChecksum() {
        var checksum = ZipChecksum()
        Array("123456789".utf8).withUnsafeBufferPointer { checksum.update($0) }
        #expect(checksum.value == 0xCBF4_3926)
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }
        var whole = ZipChecksum()
        bytes.withUnsafeBufferPointer { whole.update($0) }
        var pieces = ZipChecksum()
        for start in stride(from: 0, to: bytes.count, by: 13) {
            bytes[start..<min(start + 13, bytes.count)].withUnsafeBufferPointer { pieces.update($0) }
        }
        #expect(whole.value == pieces.value)
        #expect(whole.value != 0)
    }

    /// Writes OUT/1900, OUT/1904 and OUT/broken, each a financeMeeting.xlsx of hand-made sheet XML, with
    /// the hostile-workbook script's package parts.
    static let handMade = #"""
        import importlib.util, os, sys
        spec = importlib.util.spec_from_file_location("hw", "scripts/hostile-workbooks.py")
        hw = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(hw)
        out = sys.argv[1]
        head = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">'
                '<dimension ref="A1:C7"/><cols><col min="4" max="4" hidden="1"/></cols><sheetData>\r\n')
        rows = [
            '<row r="1" x14ac:dyDescent="0.25"><c r="A1" t="inlineStr"><is><t>2019年财务制度学习会台账</t></is></c></row>',
            '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="inlineStr"><is><t>参会人数</t></is></c><c r="D2" t="inlineStr"><is><t>备注</t></is></c></row>',
            '<row r="3" spans="1:3"><c r="A3" s="1"><v>43525</v></c><c r="B3" t="inlineStr"><is><t>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#20013;&#x6587; 学习</t></is></c><c r = "C3"  ><f>6*2</f><v>12</v></c><c r="D3" t="inlineStr"><is><t>hidden</t></is></c></row>',
            "<row r='4'><c r='A4' s='1'><v>43526.75</v></c><c r='B4' t='inlineStr'><is><r><rPr><b/><sz val='11'/></rPr><t xml:space='preserve'> 合计之前 </t></r><r><t>二</t></r><rPh sb='0' eb='1'><t>ゴウ</t></rPh></is></c><c r='C4'/></row>",
            '<row r="5"><c r="A5" t="inlineStr"><is><t xml:space="preserve">  </t></is></c><c r="B5" s="1"/><c r="C5" t="inlineStr"><is><t></t></is></c></row>',
            '<row r="6">\n  <c r="A6" s="1"><v>43528</v></c>\n  <c r="B6" t="str"><f>"x"&amp;"y"</f><v>xy</v></c>\n  <c r="C6" t="b"><v>1</v></c>\n</row>',
            '<row r="7"><c r="A7" t="inlineStr"><is><t>合计</t></is></c><c r="C7"><v>15</v></c></row>',
        ]
        def book(folder, sheet_rows, workbook=hw.WORKBOOK):
            os.makedirs(os.path.join(out, folder))
            xml = head + "\r\n".join(sheet_rows) + "</sheetData></worksheet>"
            hw.write_zip(os.path.join(out, folder, "financeMeeting.xlsx"),
                         hw.parts(**{"xl/worksheets/sheet1.xml": xml, "xl/workbook.xml": workbook}))
        book("1900", rows)
        book("1904", rows, hw.WORKBOOK.replace("<sheets>", '<workbookPr date1904="1"/><sheets>'))
        broken = list(rows)
        broken[2] = broken[2].replace('<f>6*2</f><v>12</v>', '<v>#N/A</v>').replace('<c r = "C3"  >', '<c r="C3" t="e">')
        book("broken", broken)
        """#
}
