import HeguiXML
import Testing

@testable import HeguiCore

@Suite struct RecordTableTests {
    @Test func concatenationShiftsFilesAndReinternsText() throws {
        let importer = RecordImporter(kinds: [employeeKind])
        let first = try importer.importCSV(
            bytes: Array("工号,性别\nE1,男\nE2,女\n".utf8), path: "a.csv", kind: employeeKind)
        let second = try importer.importCSV(bytes: Array("工号,性别\nE3,女\n".utf8), path: "b.csv", kind: employeeKind)
        let table = RecordTable(concatenating: [first, second])
        #expect(table.count == 3)
        #expect(table.files.map(\.path) == ["a.csv", "b.csv"])
        #expect(table.path(at: 2) == "b.csv")
        #expect(table.lines == [2, 3, 2])
        #expect((0..<3).map { table.value("gender", at: $0) } == [.text("男"), .text("女"), .text("女")])
        guard case .text(let gender) = table.columns[table.columnIndex("gender")!] else { return #expect(Bool(false)) }
        #expect(gender.values == ["男", "女"])
    }
}
