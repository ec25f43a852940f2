import Foundation
import HeguiBase
import HeguiXML
import Testing

@testable import HeguiCore

/// The fast `<sheetData>` scanner against libxml2, the reference: every workbook the suite builds
/// imports to the same tables and diagnostics either way, and constructs outside the scanner's narrow
/// shape are handed back to libxml2, which gives the right rows or the located error.
@Suite(.serialized)
struct XLSXFastPathTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let head = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let main = #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#
    static let workbook = XLSXWorkbook(sharedStrings: ["工号", "E0001", "a&b"], dateStyles: [false, true], date1904: false)

    /// One reading of sheet XML fed in `chunk`-byte pieces; nil when the fast-only path declined.
    static func read(_ xml: String, _ parsing: XLSXSheetReader.Parsing, chunk: Int = 1 << 16) -> String? {
        XLSXSheetDifferential.outcome(Array(xml.utf8), chunk: chunk, parsing: parsing, workbook: workbook)
    }

    /// The shapes writers produce: read by the scanner (not declined) exactly as libxml2 reads them,
    /// whatever the chunk boundaries.
    @Test(
        "sheets as Excel, WPS, libxlsxwriter and openpyxl write them are read by the fast path as libxml2 reads them",
        arguments: 0..<3)
    func writerShapes(seed: Int) throws {
        let xml = Self.shapes[seed]
        let reference = try #require(Self.read(xml, .reference))
        #expect(!reference.contains("error:"), "\(reference)")
        for chunk in [1, 2, 3, 7, 64, 1000, 1 << 16] {
            #expect(Self.read(xml, .fastOnly, chunk: chunk) == reference, "chunk \(chunk)")
            #expect(Self.read(xml, .fast, chunk: chunk) == reference, "chunk \(chunk)")
        }
    }

    @Test("what the fast path reads: entities, character references, inline and rich text, formulas, booleans, hidden columns")
    func fastReading() throws {
        let reading = try #require(Self.read(Self.shapes[1], .fastOnly))
        #expect(
            reading == """
                hidden [2, 3]
                row 1: 1/text 工号 | 2/text a & b <c> "d" 'e' 中文
                row 2: 1/boolean 1 | 2/number 3 | 3/text xy | 4/error #DIV/0!
                row 4: 1/text  合计 二
                """.replacingOccurrences(of: "工号", with: "\\xe5\\xb7\\xa5\\xe5\\x8f\\xb7")
                .replacingOccurrences(of: "中文", with: "\\xe4\\xb8\\xad\\xe6\\x96\\x87")
                .replacingOccurrences(of: " 合计 二", with: " \\xe5\\x90\\x88\\xe8\\xae\\xa1 \\xe4\\xba\\x8c"))
    }

    @Test(
        "constructs outside the narrow shape are left to libxml2, which reads them right",
        arguments: [
            // A comment between rows, CDATA in a value, a prefixed element, an undeclared attribute
            // prefix, a processing instruction, a character reference with a capital X.
            (#"<sheetData><!-- 注 --><row r="1"><c r="A1"><v>7</v></c></row></sheetData>"#, "hidden []\nrow 1: 1/number 7"),
            (#"<sheetData><row r="1"><c r="A1" t="str"><v><![CDATA[<b>]]></v></c></row></sheetData>"#, "hidden []\nrow 1: 1/text <b>"),
            (#"<sheetData><row r="1"><x:c xmlns:x="urn:x" r="A1"><x:v>7</x:v></x:c></row></sheetData>"#, "hidden []\nrow 1: 1/number 7"),
            (#"<sheetData><row r="1" q:h="1"><c r="A1"><v>7</v></c></row></sheetData>"#, "error"),
            (#"<sheetData><?pi x?><row r="1"><c r="A1"><v>7</v></c></row></sheetData>"#, "hidden []\nrow 1: 1/number 7"),
            (#"<sheetData><row r="1"><c r="A1" t="str"><v>&#X41;</v></c></row></sheetData>"#, "error"),
            // sheetData where the handler skips (an extension list: no rows) or collects (a value).
            (#"<extLst><sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData></extLst>"#, "hidden []"),
            (#"<v><sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData></v>"#, "hidden []\nrow 1: 1/number 7"),
        ])
    func fallback(content: String, expected: String) throws {
        let xml = Self.head + "<worksheet \(Self.main)>" + content + "</worksheet>"
        #expect(Self.read(xml, .fastOnly) == nil, "the scanner should decline")
        let reading = try #require(Self.read(xml, .fast))
        #expect(reading == Self.read(xml, .reference))
        if expected == "error" {
            #expect(reading.contains("error: book.xlsx!xl/worksheets/sheet1.xml:2:"), "\(reading)")
        } else {
            #expect(reading == expected)
        }
    }

    @Test("a whole prefixed sheet is read by libxml2 as before")
    func prefixedSheet() throws {
        let xml = Self.head + #"<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>"#
        #expect(Self.read(xml, .fast) == "hidden []\nrow 1: 1/number 7")
    }

    @Test("a DOCTYPE, an unknown entity or broken markup inside sheetData is the reference's located error")
    func locatedErrors() throws {
        let cases = [
            (
                #"<sheetData><!DOCTYPE x [<!ENTITY e "1">]><row r="1"/></sheetData>"#,
                "error: book.xlsx!xl/worksheets/sheet1.xml:2:"
            ),
            (#"<sheetData><row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row></sheetData>"#, "Entity 'nbsp' not defined"),
            (#"<sheetData><row r="1"><c r="A1"><v>1</c></row></sheetData>"#, "Opening and ending tag mismatch"),
            (#"<sheetData><row r="1"><c r="A1" r="B1"><v>1</v></c></row></sheetData>"#, "Attribute r redefined"),
            (#"<sheetData><row r="1"><c r="A1"><v>1</v></c></row>"#, "error: book.xlsx!xl/worksheets/sheet1.xml"),
        ]
        for (content, expected) in cases {
            let xml = Self.head + "<worksheet \(Self.main)>" + content + "</worksheet>"
            #expect(Self.read(xml, .fastOnly) == nil)
            let reading = try #require(Self.read(xml, .fast))
            #expect(reading == Self.read(xml, .reference))
            #expect(reading.contains(expected), "\(reading)")
        }
        // A DOCTYPE is refused where it stands, before libxml2 reads it.
        let doctype = Self.head + "<worksheet \(Self.main)><sheetData><!DOCTYPE x></sheetData></worksheet>"
        let column = "<worksheet \(Self.main)><sheetData>".count + 1
        #expect(
            Self.read(doctype, .fast)
                == "error: book.xlsx!xl/worksheets/sheet1.xml:2:\(column): error: DOCTYPE declarations are not allowed (no DTDs or entities are loaded)")
    }

    @Test("a cell error found by the fast path is the reference's, located by sheet and cell")
    func cellErrors() throws {
        let xml = Self.head + "<worksheet \(Self.main)><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"B2\" t=\"s\"><v>9</v></c></row></sheetData></worksheet>"
        let reading = try #require(Self.read(xml, .fast))
        #expect(reading == Self.read(xml, .reference))
        #expect(
            reading == """
                hidden []
                row 1: 1/number 1
                error: book.xlsx!Sheet1!B2: error: shared-string index 9 is out of range (the workbook has 3 shared strings)
                """)
    }

    /// The sheets of `hegui-fuzz`'s seeds that writers produce.
    static let shapes: [String] = [
        head + #"<worksheet \#(main) xmlns:r="urn:r"><dimension ref="A1:D3"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetData><row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2" spans="1:4"><c r="A2" t="s"><v>2</v></c><c r="B2" s="1"><v>43467</v></c><c r="C2"><v>8.5</v></c><c r="D2"><v>1.5E-3</v></c></row></sheetData><pageMargins left="0.7"/></worksheet>"#,
        head + #"<worksheet \#(main)><dimension ref="A1:E4"/><cols><col min="2" max="3" width="9" hidden="1"/></cols><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>工号</t></is></c><c r="B1" t="inlineStr"><is><t>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#20013;&#x6587;</t></is></c></row><row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2"><f>SUM(1,2)</f><v>3</v></c><c r="C2" t="str"><f>"x"&amp;"y"</f><v>xy</v></c><c r="D2" t="e"><v>#DIV/0!</v></c><c r="E2" t="inlineStr"/></row><row r="4"><c r="A4" t="inlineStr"><is><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve"> 合计 </t></r><r><t>二</t></r><rPh sb="0" eb="1"><t>ゴウ</t></rPh></is></c></row></sheetData></worksheet>"#,
        head + #"<worksheet \#(main) xmlns:mc="urn:mc" mc:Ignorable="x14ac" xmlns:x14ac="urn:x14ac"><dimension ref="A1:C2"/><sheetData>"# + "\r\n"
            + #"<row r="1" spans="1:3" x14ac:dyDescent="0.25"><c r="A1" s="2"/><c r="B1" t="s"><v>1</v></c></row>"# + "\n"
            + #"<row r="2" spans="1:3" ht="15" customHeight="1"><c r="C2" t="d"><v>2019-03-01T00:00:00</v></c><c r="E2" t="inlineStr"><is><t>a&#13;"# + "\r\n" + #"b"# + "\r" + #"c</t></is></c><c r = 'D2' s='1' ><v>43525.5</v></c></row><row r="3"/></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>"#,
    ]
}
