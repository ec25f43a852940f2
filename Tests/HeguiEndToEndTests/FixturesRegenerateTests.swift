import Foundation
import Testing

/// fixtures/README.md promises the committed fixtures regenerate byte for byte; this holds it to that.
@Suite struct FixturesRegenerateTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("hegui-bench fixtures writes exactly the committed fixtures/ files")
    func committedFixturesAreWhatTheGeneratorWrites() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hegui-fixtures-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = Self.root.appendingPathComponent(".build/debug/hegui-bench")
        process.arguments = ["fixtures", "--out", folder.path]
        process.currentDirectoryURL = Self.root
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "hegui-bench fixtures failed")
        let written = try #require(FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted())
        let files = written.filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder) && !isFolder.boolValue
        }
        #expect(files.count > 100)
        var differing: [String] = []
        for path in files {
            let fresh = try Data(contentsOf: folder.appendingPathComponent(path))
            let committed = try? Data(contentsOf: Self.root.appendingPathComponent("fixtures").appendingPathComponent(path))
            if fresh != committed { differing.append(path) }
        }
        #expect(differing == [], "regenerate with: .build/debug/hegui-bench fixtures --out fixtures")
    }
}
