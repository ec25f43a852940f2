import Foundation
import HeguiCore
import Testing

/// The packs built into hegui are byte for byte the checkout's `rules/` folder, and load as they do.
@Suite struct BuiltInRulesTests {
    static let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("rules")

    @Test func builtInFilesAreTheRulesFolder() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.rules.path).filter { $0.hasSuffix(".xml") }
            .sorted()
        #expect(ShippedRules.packPaths == names.map { "<built-in>/rules/\($0)" })
        for name in names + ["schema/rule-pack.xsd"] {
            let onDisk = try [UInt8](Data(contentsOf: Self.rules.appendingPathComponent(name)))
            #expect(ShippedRules.bytes(at: "<built-in>/rules/\(name)") == onDisk, "\(name) differs from rules/\(name)")
        }
        #expect(ShippedRules.bytes(at: "rules/schema/rule-pack.xsd") == nil)
    }

    @Test func builtInPacksLoadLikeTheFolder() throws {
        let builtIn = RulePackLoader(schemaPath: ShippedRules.schemaPath).load(paths: [ShippedRules.folder])
        let folder = RulePackLoader(schemaPath: Self.rules.appendingPathComponent("schema/rule-pack.xsd").path)
            .load(paths: [Self.rules.path])
        #expect(builtIn.isValid, "\(builtIn.diagnostics) \(builtIn.unreadable)")
        #expect(builtIn.packs.map(\.id) == folder.packs.map(\.id))
        #expect(builtIn.packs.map(\.indicators.count) == folder.packs.map(\.indicators.count))
        #expect(
            builtIn.packs.map(\.location.file)
                == folder.packs.map { "<built-in>/rules/" + URL(fileURLWithPath: $0.location.file).lastPathComponent })
    }
}
