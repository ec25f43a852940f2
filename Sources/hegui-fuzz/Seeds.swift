import Foundation
import HeguiCore

/// Seed corpora made from the repository's fixtures, one folder per target.
enum Seeds {
    /// Writes `csv/`, `xml/` and `pack/` under `folder` from `fixtures/ningbo-2019` and `rules/`, and
    /// `xlsx-sheet/` from worksheets in the shapes Excel, WPS, libxlsxwriter and openpyxl write.
    static func write(to folder: String, root: String) throws {
        let kinds = FuzzContext.shared.kinds
        let fixtures = root + "/fixtures/ningbo-2019"
        var bundle = "<records>\n"
        for target in FuzzTarget.allCases {
            try FileManager.default.createDirectory(atPath: "\(folder)/\(target.rawValue)", withIntermediateDirectories: true)
        }
        for (index, kind) in kinds.enumerated() {
            guard let text = try? String(contentsOfFile: "\(fixtures)/\(kind.id).csv", encoding: .utf8) else { continue }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(12)
            // First byte: the kind; second: the chunk size for the differential.
            let csv = [UInt8(index), 5] + Array(lines.joined(separator: "\n").utf8) + [0x0A]
            try Data(csv).write(to: URL(fileURLWithPath: "\(folder)/csv/\(kind.id).csv"))
            let header = lines.first.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? []
            var records = "<records>\n"
            for line in lines.dropFirst().prefix(4) where !line.isEmpty {
                let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                let attributes = zip(header, cells).filter { !$1.isEmpty }.map { " \($0)=\"\(escape(String($1)))\"" }.joined()
                records += "  <\(kind.id)\(attributes)/>\n"
            }
            bundle += records.dropFirst("<records>\n".count)
            try (records + "</records>\n").write(toFile: "\(folder)/xml/\(kind.id).xml", atomically: true, encoding: .utf8)
        }
        try (bundle + "</records>\n").write(toFile: "\(folder)/xml/all.xml", atomically: true, encoding: .utf8)
        for (index, sheet) in sheets.enumerated() {
            // First byte: the chunk size the sheet is fed in.
            try Data([UInt8(index * 7 % 97)] + Array(sheet.utf8)).write(to: URL(fileURLWithPath: "\(folder)/xlsx-sheet/sheet\(index).xml"))
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: root + "/rules") where name.hasSuffix(".xml") {
            // Written, not copied, so seeding a folder again replaces the packs instead of failing.
            try Data(contentsOf: URL(fileURLWithPath: "\(root)/rules/\(name)")).write(to: URL(fileURLWithPath: "\(folder)/pack/\(name)"))
        }
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Worksheet XML as spreadsheet writers produce it, and a few constructs the fast path leaves to libxml2.
    static let sheets: [String] = {
        let head = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        let main = #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#
        return [
            // libxlsxwriter: shared strings, a date style, numbers.
            head + #"<worksheet \#(main) xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:D3"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData><row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2" spans="1:4"><c r="A2" t="s"><v>2</v></c><c r="B2" s="1"><v>43467</v></c><c r="C2"><v>8.5</v></c><c r="D2"><v>1.5E-3</v></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>"#,
            // openpyxl: inline strings, booleans, formulas with cached values, an error, hidden columns.
            head + #"<worksheet \#(main)><sheetPr><outlinePr summaryBelow="1" summaryRight="1"/></sheetPr><dimension ref="A1:E4"/><cols><col min="2" max="3" width="9" hidden="1" customWidth="1"/></cols><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>工号</t></is></c><c r="B1" t="inlineStr"><is><t>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#20013;&#x6587;</t></is></c></row><row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2"><f>SUM(1,2)</f><v>3</v></c><c r="C2" t="str"><f>"x"&amp;"y"</f><v>xy</v></c><c r="D2" t="e"><v>#DIV/0!</v></c><c r="E2" t="inlineStr"/></row><row r="4"><c r="A4" t="inlineStr"><is><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve"> 合计 </t></r><r><t>二</t></r><rPh sb="0" eb="1"><t>ゴウ</t></rPh></is></c></row></sheetData></worksheet>"#,
            // Excel: prefixed attributes outside the cells, spans, empty cells, self-closing rows.
            head + #"<worksheet \#(main) xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><dimension ref="A1:C2"/><sheetData>"# + "\n" + #"<row r="1" spans="1:3"><c r="A1" s="2"/><c r="B1" t="s"><v>1</v></c></row><row r="2" spans="1:3" ht="15" customHeight="1"><c r="C2" t="d"><v>2019-03-01T00:00:00</v></c></row><row r="3"/></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>"#,
            // Constructs the fast path leaves to libxml2: a comment, CDATA, a prefix, a carriage return.
            head + #"<worksheet \#(main)><sheetData><!-- note --><row r="1"><c r="A1" t="str"><v><![CDATA[<x>]]></v></c></row></sheetData></worksheet>"#,
            head + #"<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>"#,
            head + #"<worksheet \#(main)><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a"# + "\r\n" + #"b</t></is></c></row></sheetData></worksheet>"#,
            // Errors libxml2 reports: a mismatched tag, an unknown entity, a bad reference.
            head + #"<worksheet \#(main)><sheetData><row r="1"><c r="A1"><v>1</c></row></sheetData></worksheet>"#,
            head + #"<worksheet \#(main)><sheetData><row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row></sheetData></worksheet>"#,
            head + #"<worksheet \#(main)><sheetData><row r="2"><c r="A1"><v>1</v></c></row><row r="1"/></sheetData></worksheet>"#,
        ]
    }()
}
