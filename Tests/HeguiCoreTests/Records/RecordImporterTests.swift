import HeguiXML
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@testable import HeguiCore

/// The employee roster kind used across the records tests.
let employeeKind = RecordKind(
    id: "employee", title: LocalizedText(zh: "职工", en: "employee"), keyField: "employeeId",
    fields: [
        FieldDefinition(name: "employeeId", type: .string, labels: ["工号"], required: true, location: here),
        FieldDefinition(name: "name", type: .string, labels: ["姓名"], location: here),
        FieldDefinition(
            name: "gender", type: .enumeration, labels: ["性别"], allowedValues: ["男", "女"], location: here),
        FieldDefinition(name: "hiredOn", type: .date, labels: ["入职日期"], location: here),
        FieldDefinition(name: "salary", type: .decimal, labels: ["月工资"], location: here),
        FieldDefinition(name: "member", type: .boolean, labels: ["是否会员"], location: here),
        FieldDefinition(name: "age", type: .integer, labels: ["年龄"], location: here),
    ], location: here)

/// A second kind, for bundles and folders.
let meetingKind = RecordKind(
    id: "meeting", title: LocalizedText(zh: "会议", en: "meeting"), dateField: "heldOn",
    fields: [FieldDefinition(name: "heldOn", type: .date, labels: ["日期"], required: true, location: here)],
    location: here)

private let here = SourceLocation(file: "test.xml", line: 1, column: 1)

/// The messages of a thrown `DiagnosticsError`, one GCC-style line each.
func diagnosticLines(_ body: () throws -> Void) -> [String] {
    do {
        try body()
        return []
    } catch let error as DiagnosticsError {
        return error.diagnostics.map(\.description)
    } catch {
        return ["unexpected \(error)"]
    }
}

@Suite struct RecordImporterTests {
    let importer = RecordImporter(kinds: [employeeKind, meetingKind])

    func table(_ text: String, path: String = "employee.csv") throws -> RecordTable {
        try importer.importCSV(bytes: Array(text.utf8), path: path, kind: employeeKind)
    }

    func errors(_ text: String, importer: RecordImporter? = nil) -> [String] {
        diagnosticLines {
            _ = try (importer ?? self.importer).importCSV(bytes: Array(text.utf8), path: "e.csv", kind: employeeKind)
        }
    }

    /// Every cell of a table, as shown, row by row.
    func cells(_ table: RecordTable) -> [[String]] {
        (0..<table.count).map { row in
            table.kind.fields.indices.map { table.value(column: $0, at: row)?.description ?? "" }
        }
    }

    @Test func sameRosterInEveryEncodingGivesTheSameTable() throws {
        let utf8 = "工号,姓名,性别\nE1,张三,男\n"
        let gbBytes: [UInt8] =
            [0xB9, 0xA4, 0xBA, 0xC5, 0x2C, 0xD0, 0xD5, 0xC3, 0xFB, 0x2C, 0xD0, 0xD4, 0xB1, 0xF0, 0x0A]  // 工号,姓名,性别
            + Array("E1,".utf8) + [0xD5, 0xC5, 0xC8, 0xFD, 0x2C, 0xC4, 0xD0, 0x0A]  // 张三,男
        let variants: [[UInt8]] = [
            Array(utf8.utf8), [0xEF, 0xBB, 0xBF] + Array(utf8.utf8), gbBytes,
            Array(utf8.replacingOccurrences(of: "\n", with: "\r\n").utf8),
        ]
        var seen: [[[String]]] = []
        for bytes in variants {
            let table = try importer.importCSV(bytes: bytes, path: "employee.csv", kind: employeeKind)
            seen.append(cells(table))
            #expect(table.lines == [2])
        }
        #expect(seen.allSatisfy { $0 == [["E1", "张三", "男", "", "", "", ""]] })
    }

    @Test func englishNamesAndChineseLabelsBothMatch() throws {
        let table = try table("employeeId, 姓名 ,入职日期,salary,是否会员,age\nE1,李四,2019/3/5 0:00,\"1,234.50\",是,42\n")
        #expect(cells(table) == [["E1", "李四", "", "2019-03-05", "1234.5", "true", "42"]])
        #expect(
            table.files == [
                RecordFile(
                    path: "employee.csv",
                    sha256: sha256Hex(Array("employeeId, 姓名 ,入职日期,salary,是否会员,age\nE1,李四,2019/3/5 0:00,\"1,234.50\",是,42\n".utf8))
                )
            ])
    }

    @Test func quotedNewlinesKeepLaterLineNumbersRight() throws {
        let table = try table("工号,姓名\nE1,\"王\n五\"\n\nE2,\"a, \"\"b\"\"\"\n")
        #expect(table.lines == [2, 5])
        #expect(table.value("name", at: 0) == .text("王\n五"))
        #expect(table.value("name", at: 1) == .text("a, \"b\""))
    }

    @Test func headerOnlyIsPresentAndEmpty() throws {
        #expect(try table("工号,姓名\r\n").count == 0)
    }

    @Test func shortRowsHaveEmptyTrailingCellsAndBlankRowsAreSkipped() throws {
        let table = try table("工号,姓名,性别\nE1\n,,\nE2,赵六\n")
        #expect(cells(table).map { Array($0.prefix(3)) } == [["E1", "", ""], ["E2", "赵六", ""]])
        #expect(table.lines == [2, 4])
    }

    @Test func badCellsAreReportedExactly() {
        let text = """
            工号,入职日期,性别,是否会员,月工资,年龄
            E1,2019-02-30,男,是,100,30
            E2,2019-02-29,男,是,100,30
            E3,2020-02-29,X,maybe,１２,3.5
            E4,2019-13-01,女,Y,abc,

            """
        #expect(
            errors(text) == [
                "e.csv:2:4: error: field 'hiredOn': '2019-02-30' is not a valid date",
                "e.csv:3:4: error: field 'hiredOn': '2019-02-29' is not a valid date",
                "e.csv:4:15: error: field 'gender': 'X' is not one of 男, 女",
                "e.csv:4:17: error: field 'member': 'maybe' is not a boolean (use 是/否, Y/N, true/false or 1/0)",
                "e.csv:4:23: error: field 'salary': '１２' is not a number",
                "e.csv:4:26: error: field 'age': '3.5' is not a whole number",
                "e.csv:5:4: error: field 'hiredOn': '2019-13-01' is not a valid date",
                "e.csv:5:19: error: field 'salary': 'abc' is not a number",
            ])
    }

    @Test func brokenQuotesAreLocated() {
        #expect(
            errors("工号,姓名\nE1,\"ab\"c\nE2,\"open\n") == [
                "e.csv:2:8: error: unexpected character after closing quote",
                "e.csv:3:4: error: unterminated quoted field",
            ])
    }

    @Test func headerProblems() {
        #expect(
            errors("姓名,xyz,性别,gender\n张三,1,男,男\n") == [
                "e.csv:1:1: error: missing required column 'employeeId' (工号)",
                "e.csv:1:4: error: unknown column 'xyz' for kind 'employee' (expected: employeeId (工号), name (姓名), gender (性别), hiredOn (入职日期), salary (月工资), member (是否会员), age (年龄))",
                "e.csv:1:11: error: column 'gender' repeats field 'gender' (性别), already given in column 3",
            ])
        #expect(errors("") == ["e.csv:1:1: error: file is empty; expected a header row naming the columns of kind 'employee'"])
    }

    @Test func rowsWithTooManyCellsAndValuesWithoutHeader() {
        #expect(errors("工号,姓名\nE1,张三,extra\n") == ["e.csv:2:7: error: row has 3 cells but the header has 2 columns"])
        #expect(errors("工号,,姓名\nE1,,a\nE2,x,b\n") == ["e.csv:3:4: error: value in column 2, which has no header"])
    }

    @Test func requiredCellsAndDuplicateKeys() {
        #expect(
            errors("工号,姓名\nE0001,a\n  ,b\nE0002,c\nE0001,d\n") == [
                "e.csv:3:1: error: field 'employeeId' is required but empty",
                "e.csv:5:1: error: duplicate key 'E0001' (first at line 2)",
            ])
    }

    @Test func everyErrorAtOnceUpToTheLimit() {
        var text = "工号,年龄\n"
        for i in 1...5 { text += "E\(i),x\(i)\n" }
        #expect(errors(text).count == 5)
        let limited = errors(text, importer: RecordImporter(kinds: [employeeKind], errorLimit: 2))
        #expect(
            limited == [
                "e.csv:2:4: error: field 'age': 'x1' is not a number",
                "e.csv:3:4: error: field 'age': 'x2' is not a number",
                "e.csv: error: 3 more errors not shown (error limit 2)",
            ])
    }

    // MARK: XML

    func attribute(_ name: String, _ value: String, line: Int, column: Int) -> XMLAttribute {
        XMLAttribute(name: name, value: value, location: SourceLocation(file: "r.xml", line: line, column: column))
    }

    func element(_ name: String, line: Int, _ attributes: [(String, String)]) -> XMLElement {
        var column = 5 + name.count  // `<` at column 3, then the name and a space
        var list: [XMLAttribute] = []
        for (key, value) in attributes {
            list.append(attribute(key, value, line: line, column: column))
            column += key.count + value.count + 4
        }
        return XMLElement(name: name, attributes: list, location: SourceLocation(file: "r.xml", line: line, column: 3))
    }

    func records(_ children: [XMLElement]) -> XMLElement {
        XMLElement(
            name: "records", namespace: "urn:hegui:records", children: children,
            location: SourceLocation(file: "r.xml", line: 1, column: 1))
    }

    @Test func xmlBundleFillsOneTablePerKindMentioned() throws {
        let root = records([
            element("employee", line: 2, [("employeeId", "E1"), ("gender", "女"), ("hiredOn", "2019-01-05")]),
            element("employee", line: 3, [("工号", "E2"), ("是否会员", "否")]),
        ])
        let tables = try importer.importXML(root: root, bytes: Array("<records/>".utf8), path: "r.xml")
        #expect(Array(tables.keys) == ["employee"])
        let table = tables["employee"]!
        #expect(table.lines == [2, 3])
        #expect(cells(table) == [["E1", "", "女", "2019-01-05", "", "", ""], ["E2", "", "", "", "", "false", ""]])
        #expect(table.files[0].sha256 == sha256Hex(Array("<records/>".utf8)))
    }

    @Test func xmlErrorsAreAtTheAttribute() {
        let root = records([
            element("employee", line: 2, [("employeeId", "E1"), ("hiredOn", "2019-02-29")]),
            element("employee", line: 3, [("name", "x"), ("badge", "7")]),
            element("employee", line: 4, [("employeeId", "E1")]),
            element("visitor", line: 5, []),
        ])
        let lines = diagnosticLines { _ = try importer.importXML(root: root, bytes: nil, path: "r.xml") }
        #expect(
            lines == [
                "r.xml:2:29: error: field 'hiredOn': '2019-02-29' is not a valid date",
                "r.xml:3:3: error: missing required attribute 'employeeId' (工号)",
                "r.xml:3:22: error: unknown attribute 'badge' for kind 'employee' (expected: employeeId (工号), name (姓名), gender (性别), hiredOn (入职日期), salary (月工资), member (是否会员), age (年龄))",
                "r.xml:4:13: error: duplicate key 'E1' (first at line 2)",
                "r.xml:5:3: error: unknown record kind <visitor> (known kinds: employee, meeting)",
            ])
        let wrongRoot = XMLElement(name: "profile", location: SourceLocation(file: "r.xml", line: 1, column: 1))
        #expect(
            diagnosticLines { _ = try importer.importXML(root: wrongRoot, bytes: nil, path: "r.xml") } == [
                "r.xml:1:1: error: expected the root element <records>, found <profile>"
            ])
    }

    // MARK: Folders

    func makeFolder(_ files: [String: [UInt8]]) -> String {
        var template = Array("/tmp/hegui-records-XXXXXX".utf8CString)
        let path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
        for (name, bytes) in files {
            let file = fopen(path + "/" + name, "wb")!
            _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
            fclose(file)
        }
        return path
    }

    @Test func folderImportReadsKnownCSVsAndWarnsAboutOthers() throws {
        let employees = Array("工号,姓名\nE1,张三\nE2,李四\n".utf8)
        let folder = makeFolder([
            "employee.csv": employees, "meeting.csv": Array("日期\n".utf8), "notes.txt": [0x41],
            "payroll.csv": Array("x\n1\n".utf8),
        ])
        let set = try importer.importDirectory(folder)
        #expect(set.tables.keys.sorted() == ["employee", "meeting"])
        #expect(set.tables["meeting"]!.count == 0)
        #expect(set.tables["employee"]!.count == 2)
        #expect(
            set.inputs == [
                InputFile(path: folder + "/employee.csv", kind: "employee", sha256: sha256Hex(employees), records: 2),
                InputFile(path: folder + "/meeting.csv", kind: "meeting", sha256: sha256Hex(Array("日期\n".utf8)), records: 0),
            ])
        #expect(
            set.warnings.map(\.description) == [
                "\(folder)/payroll.csv: warning: 'payroll.csv' is named after no record kind (known kinds: employee, meeting); file ignored"
            ])
    }

    @Test func folderImportCollectsErrorsOfEveryFile() {
        let folder = makeFolder([
            "employee.csv": Array("工号,年龄\nE1,x\n".utf8), "meeting.csv": Array("日期\n2019-02-29\n".utf8),
        ])
        #expect(
            diagnosticLines { _ = try importer.importDirectory(folder) } == [
                "\(folder)/employee.csv:2:4: error: field 'age': 'x' is not a number",
                "\(folder)/meeting.csv:2:1: error: field 'heldOn': '2019-02-29' is not a valid date",
            ])
    }

    /// A file over the size limit is refused from its size alone, before anything is read or allocated.
    @Test func aFileOverTheSizeLimitIsRefusedBeforeReading() throws {
        let folder = makeFolder(["employee.csv": Array("工号\nE1\n".utf8)])
        // Sparse: takes no disk space, but reports 3 GiB.
        #expect(truncate(folder + "/employee.csv", 3 << 30) == 0)
        let error = #expect(throws: UnreadableFileError.self) { try importer.importDirectory(folder) }
        #expect(error?.line(.en) == folder + "/employee.csv: error: is larger than the 2 GiB limit")
        #expect(error?.line(.zhCN) == folder + "/employee.csv: error: 超过 2 GiB 的大小上限")
    }

    @Test func missingFolderIsUnreadable() {
        #expect(throws: UnreadableFileError.self) { try importer.importDirectory("/nonexistent/records") }
    }

    @Test func sha256IsLowerCaseHex() {
        #expect(sha256Hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
