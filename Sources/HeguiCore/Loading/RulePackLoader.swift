import Foundation
import HeguiBase
import HeguiXML

/// The packs read from a set of paths, with every problem found on the way.
public struct LoadedPacks: Sendable {
    /// The packs that were read, sorted by file path (also those with errors, for browsing).
    public var packs: [RulePack]
    /// Every schema and meaning error and warning, sorted by location.
    public var diagnostics: [Diagnostic]
    /// Files or folders that could not be read at all.
    public var unreadable: [UnreadableFileError]

    /// Whether every pack is valid.
    public var isValid: Bool { unreadable.isEmpty && !diagnostics.containsErrors }
}

/// Finds, parses, schema-validates and reads rule packs.
public struct RulePackLoader: Sendable {
    /// The XSD every pack is validated against.
    public let schemaPath: String

    /// Creates a loader that validates against this XSD.
    public init(schemaPath: String) {
        self.schemaPath = schemaPath
    }

    /// A loader using the XSD of the shipped rules folder (see `RulesLocator`).
    public static func shipped() throws -> RulePackLoader {
        RulePackLoader(schemaPath: try RulesLocator.schemaPath())
    }

    /// The pack files at these paths: files as given, folders' `*.xml` files (not recursive), sorted.
    public static func packFiles(at paths: [String]) -> (files: [String], unreadable: [UnreadableFileError]) {
        var files: [String] = []
        var unreadable: [UnreadableFileError] = []
        for path in paths {
            if ShippedRules.isFolder(path) {
                files += ShippedRules.packPaths
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                unreadable.append(UnreadableFileError(path: path, .files(.noSuchFileOrFolder)))
                continue
            }
            if isDirectory.boolValue {
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                    unreadable.append(UnreadableFileError(path: path, .files(.cannotListFolder)))
                    continue
                }
                let base = path.hasSuffix("/") ? String(path.dropLast()) : path
                files += names.filter { $0.hasSuffix(".xml") }.sorted().map { "\(base)/\($0)" }
            } else {
                files.append(path)
            }
        }
        return (files, unreadable)
    }

    /// Loads every pack at these paths and reports every problem in one go.
    public func load(paths: [String]) -> LoadedPacks {
        let (files, unreadableFiles) = RulePackLoader.packFiles(at: paths)
        var unreadable = unreadableFiles
        if files.isEmpty && unreadable.isEmpty {
            // Nothing to check must not look like everything checked: CI would go green on a wrong path.
            unreadable.append(UnreadableFileError(path: paths.joined(separator: " "), .files(.noRulePacks)))
        }
        var diagnostics: [Diagnostic] = []
        var packs: [RulePack] = []
        let schema: XMLSchema
        do {
            schema = try ShippedRules.bytes(at: schemaPath).map { try XMLSchema(bytes: $0, path: schemaPath) }
                ?? XMLSchema(contentsOf: schemaPath)
        } catch let error as UnreadableFileError {
            return LoadedPacks(packs: [], diagnostics: [], unreadable: [error])
        } catch let error as DiagnosticsError {
            return LoadedPacks(packs: [], diagnostics: error.diagnostics, unreadable: [])
        } catch {
            return LoadedPacks(
                packs: [], diagnostics: [], unreadable: [UnreadableFileError(path: schemaPath, .files(.cannotRead))])
        }
        var packFiles: [String: String] = [:]
        for file in files {
            let document: XMLDocument
            do {
                // Recovering, so a malformed tag does not hide the file's other problems.
                let recovered = try ShippedRules.bytes(at: file).map { try XMLDocument.recovering(bytes: $0, path: file) }
                    ?? XMLDocument.recovering(contentsOf: file)
                document = recovered.document
                diagnostics += recovered.errors
            } catch let error as UnreadableFileError {
                unreadable.append(error)
                continue
            } catch let error as DiagnosticsError {
                diagnostics += error.diagnostics
                continue
            } catch {
                unreadable.append(UnreadableFileError(path: file, .files(.cannotRead)))
                continue
            }
            let (read, problems) = RulePackLoader.read(document, schema: schema)
            diagnostics += problems
            if let pack = read {
                if let first = packFiles[pack.id] {
                    diagnostics.append(Diagnostic(at: pack.location, .rules(.duplicatePack(id: pack.id, place: first))))
                }
                packFiles[pack.id] = file
                packs.append(pack)
            }
        }
        let (_, catalogDiagnostics) = RecordCatalog.merge(packs)
        diagnostics += catalogDiagnostics
        return LoadedPacks(packs: packs, diagnostics: Array(Set(diagnostics)).sortedByLocation(), unreadable: unreadable)
    }
}

extension RulePackLoader {
    /// One parsed pack document: validated against the schema, then read for meaning; the pack (when
    /// one could be built) and every problem found.
    public static func read(_ document: XMLDocument, schema: XMLSchema) -> (pack: RulePack?, diagnostics: [Diagnostic]) {
        var diagnostics = schema.validate(document)
        var reader = PackReader()
        let pack = reader.read(document.root)
        diagnostics += reader.diagnostics
        return (pack, diagnostics)
    }
}

/// Where the shipped rules live: `$HEGUI_RULES`, `./rules`, the `rules/` folder found by walking up
/// from the executable (so `.build/release/hegui` in a checkout finds the repository's packs), else
/// the copies built into hegui (`ShippedRules`), so a binary copied alone still has its packs.
public enum RulesLocator {
    /// The shipped rules folder.
    public static func rulesDirectory() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let explicit = environment["HEGUI_RULES"], !explicit.isEmpty { candidates.append(explicit) }
        candidates.append(FileManager.default.currentDirectoryPath + "/rules")
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(directory.appendingPathComponent("rules").path)
            directory = directory.deletingLastPathComponent()
        }
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate + "/schema/rule-pack.xsd") {
            return candidate
        }
        if !ShippedRules.packPaths.isEmpty { return ShippedRules.folder }
        throw UnreadableFileError(
            path: "rules/schema/rule-pack.xsd", .files(.noShippedRules))
    }

    /// The shipped XSD.
    public static func schemaPath() throws -> String {
        try rulesDirectory() + "/schema/rule-pack.xsd"
    }
}
