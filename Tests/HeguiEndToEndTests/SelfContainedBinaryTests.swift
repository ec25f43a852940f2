import Foundation
import Testing

/// The binary carries its packs and schema: copied alone into an empty folder and run with a clean
/// environment from somewhere else, it still validates its packs and checks a records folder.
@Suite struct SelfContainedBinaryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs a program with no environment at all (`env -i`) in a folder.
    static func runClean(_ program: URL, _ args: [String], in folder: URL) throws -> (code: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = program
        process.arguments = args
        process.currentDirectoryURL = folder
        process.environment = [:]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        nonisolated(unsafe) var o = Data()
        nonisolated(unsafe) var e = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { o = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { e = err.fileHandleForReading.readDataToEndOfFile() }
        process.waitUntilExit()
        group.wait()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test func aCopiedBinaryValidatesItsPacksAndChecksRecords() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("hegui-alone-\(UUID().uuidString)")
        let binFolder = scratch.appendingPathComponent("bin")
        let elsewhere = scratch.appendingPathComponent("work")
        for folder in [binFolder, elsewhere] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        defer { try? FileManager.default.removeItem(at: scratch) }
        let binary = binFolder.appendingPathComponent("hegui")
        try FileManager.default.copyItem(at: HeguiRun.binary, to: binary)
        #expect(try FileManager.default.contentsOfDirectory(atPath: binFolder.path) == ["hegui"])
        let records = elsewhere.appendingPathComponent("records")
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("fixtures/ningbo-2019"), to: records)

        let validate = try Self.runClean(binary, ["validate"], in: elsewhere)
        #expect(validate.code == 0, "\(validate.out)\(validate.err)")
        // A clean environment has no locale: validate speaks its default, zh-CN.
        #expect(validate.out.hasPrefix("3 个规则包，"), "\(validate.out)")
        #expect(validate.out.hasSuffix("：0 个错误，0 个警告\n"), "\(validate.out)")

        let check = try Self.runClean(
            binary, ["check", "--records", "records", "--period", "2019", "--today", "2020-01-15", "--format", "json"],
            in: elsewhere)
        #expect(check.code == 0, "\(check.err)")
        let report = try jsonObject(check.out)
        let packs = try #require(report["packs"] as? [[String: Any]])
        #expect(
            packs.compactMap { $0["pack"] as? String }.sorted() == ["ankang-cup", "harmonious-enterprise", "union-finance"])
        #expect(packs.allSatisfy { $0["passed"] as? Bool == true })
        #expect(!check.err.contains("error"), "\(check.err)")
    }
}
