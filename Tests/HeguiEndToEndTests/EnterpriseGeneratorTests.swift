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
        let process = Process()
        process.executableURL = root.appendingPathComponent(".build/debug/hegui-bench")
        process.arguments = [
            "enterprises", "--out", folder.path, "--count", "\(count)", "--seed", "2019", "--jobs", "\(jobs)", "--rules", "rules",
        ]
        process.currentDirectoryURL = root
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let printed = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "hegui-bench enterprises failed")
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
}
