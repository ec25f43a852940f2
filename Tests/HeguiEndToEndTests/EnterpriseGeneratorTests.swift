import Foundation
import HeguiCore
import Testing

/// `hegui-bench enterprises`: the folders a federation benchmark runs `hegui batch` on — mixed sizes,
/// valid credit codes, and the same bytes for a seed however many threads write them.
@Suite struct EnterpriseGeneratorTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs the debug `hegui-bench enterprises` into `folder`; returns what it printed.
    static func generate(_ folder: URL, count: Int, jobs: Int) throws -> String {
        try bench([
            "enterprises", "--out", folder.path, "--count", "\(count)", "--seed", "2019", "--jobs", "\(jobs)", "--rules", "rules",
        ])
    }

    /// Runs the debug `hegui-bench` to the end (stopped after 10 minutes, a safety net against a hang);
    /// returns what it printed.
    static func bench(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = root.appendingPathComponent(".build/debug/hegui-bench")
        process.arguments = arguments
        process.currentDirectoryURL = root
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        nonisolated(unsafe) var printed = Data()
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) { printed = out.fileHandleForReading.readDataToEndOfFile() }
        let deadline = Date().addingTimeInterval(600)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        let hung = process.isRunning
        if hung { process.terminate() }
        process.waitUntilExit()
        reading.wait()
        try #require(!hung, "hegui-bench \(arguments.joined(separator: " ")) did not finish")
        try #require(process.terminationStatus == 0, "hegui-bench \(arguments.joined(separator: " ")) failed")
        return String(decoding: printed, as: UTF8.self)
    }

    /// Every file under `folder`, relative path → bytes.
    static func files(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                result[name] = try Data(contentsOf: url)
            }
        }
        return result
    }

    @Test func eightEnterprisesAreTheSameBytesOnOneThreadAndOnThree() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("hegui-enterprises-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let one = base.appendingPathComponent("one"), three = base.appendingPathComponent("three")
        #expect(try Self.generate(one, count: 8, jobs: 1) == "wrote 8 enterprise folders to \(one.path): 3936 employees in all, seed 2019\n")
        #expect(try Self.generate(three, count: 8, jobs: 3) == "wrote 8 enterprise folders to \(three.path): 3936 employees in all, seed 2019\n")

        let folders = try FileManager.default.contentsOfDirectory(atPath: one.path).sorted()
        #expect(folders == (1...8).map { String(format: "e%05d", $0) })
        let written = try Self.files(one)
        #expect(written.count == 8 * 37)  // 36 record kinds of the three packs and the profile, per enterprise
        #expect(try Self.files(three) == written)

        #expect(
            String(decoding: written["e00001/profile.xml"] ?? Data(), as: UTF8.self) == """
                <?xml version="1.0" encoding="UTF-8"?>
                <profile enterprise="宁波测试企业00001（114人）" code="91330200100000001W"/>

                """)
        // Mixed sizes on a log scale; each roster has exactly the named head count on 31 December.
        var sizes: [Int] = []
        for folder in folders {
            let profile = String(decoding: written[folder + "/profile.xml"] ?? Data(), as: UTF8.self)
            let code = try #require(profile.components(separatedBy: "code=\"").last?.prefix { $0 != "\"" })
            #expect(CreditCode.complete(String(code.dropLast())) == String(code), "\(folder): \(code)")
            let size = try #require(Int(profile.split(separator: "（")[1].prefix { $0.isNumber }))
            sizes.append(size)
            let roster = String(decoding: written[folder + "/employee.csv"] ?? Data(), as: UTF8.self)
            let onRosterAtYearEnd = roster.split(separator: "\n").dropFirst().filter {
                $0.split(separator: ",", omittingEmptySubsequences: false)[5].isEmpty
            }
            #expect(onRosterAtYearEnd.count == size, "\(folder)")
        }
        #expect(sizes == [114, 508, 202, 116, 819, 77, 171, 1929])
    }

    /// 72 employees and 2 leavers make a roster of 74 rows, twice 37: striding by 37 for the key finance posts
    /// met only two rows and never finished. Now the year is written with its 5 key posts.
    @Test func aRosterOfTwiceThirtySevenRowsIsGenerated() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hegui-factory-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let printed = try Self.bench(["generate", "--out", folder.path, "--employees", "72", "--seed", "2019", "--rules", "rules"])
        #expect(printed.hasPrefix("wrote \(folder.path): 72 employees, "))
        let roster = try String(contentsOf: folder.appendingPathComponent("employee.csv"), encoding: .utf8)
        let rows = roster.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.count == 74)
        #expect(rows.filter { $0[5].isEmpty }.count == 72)
        #expect(rows.filter { $0.last == "是" }.count == 5)
    }
}
