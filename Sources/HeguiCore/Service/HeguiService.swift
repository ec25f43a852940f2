import Foundation
import HeguiBase

/// The operations every front end offers (the `hegui` command line, a web server): each takes parsed
/// values and returns a value or throws `ServiceError`; none prints, exits or parses arguments.
/// Patrols, rectification, export, history and diff are `Ledger`'s own methods on an opened ledger.
public enum HeguiService {
    /// Loads and validates the packs at these paths (the shipped rules when empty), every problem at
    /// its line. Throws only when the shipped rules or the schema cannot be found.
    public static func validate(paths: [String]) throws(ServiceError) -> LoadedPacks {
        do {
            let loader = try RulePackLoader.shipped()
            return loader.load(paths: paths.isEmpty ? [try RulesLocator.rulesDirectory()] : paths)
        } catch {
            throw .rules(rulesProblem(error))
        }
    }

    /// Every valid pack at these paths (the shipped rules when empty); any problem stops the call.
    public static func packs(rules: [String]) throws(ServiceError) -> [RulePack] {
        let loaded: LoadedPacks
        do {
            let paths = rules.isEmpty ? [try RulesLocator.rulesDirectory()] : rules
            loaded = try RulePackLoader.shipped().load(paths: paths)
        } catch {
            throw .rules(rulesProblem(error))
        }
        guard loaded.isValid else { throw .rules(.invalid(loaded)) }
        return loaded.packs
    }

    /// The packs with the selected ids (all when none are selected).
    public static func select(_ ids: [String], from all: [RulePack]) throws(ServiceError) -> [RulePack] {
        let unknown = ids.filter { id in !all.contains { $0.id == id } }
        guard unknown.isEmpty else { throw .unknownPacks(unknown, available: all.map(\.id)) }
        return ids.isEmpty ? all : all.filter { ids.contains($0.id) }
    }

    /// Imports the records folder for the packs' kinds; any bad cell stops the call, with no score.
    public static func records(
        _ directory: String, packs: [RulePack], encoding: TextEncoding
    ) throws(ServiceError)
        -> RecordSet
    {
        let kinds = RecordCatalog.merge(packs).kinds
        let records: RecordSet
        do {
            records = try RecordImporter(kinds: kinds, encoding: encoding).importDirectory(directory)
        } catch let error as DiagnosticsError {
            // Every problem counts, also those the error limit only counted ("78 more errors not shown").
            // The line saying how many were not shown is itself an error diagnostic: it stands for them.
            let listed = error.diagnostics.filter { $0.severity == .error }.count
            let problems = error.notShown > 0 ? listed - 1 + error.notShown : listed
            throw .records(error.diagnostics, problems: problems)
        } catch {
            throw .input(from: error)
        }
        // Nothing to judge is not a score of 0 and 52 things to fix: the run cannot start.
        guard !records.inputs.isEmpty else {
            throw .noRecords(directory, examples: kinds.prefix(4).map { "\($0.id).csv" })
        }
        return records
    }

    /// Runs every test case of the packs at these paths.
    public static func test(rules: [String], today: Day) throws(ServiceError) -> PackTestRun {
        let packs = try packs(rules: rules)
        let results = packs.flatMap { pack in pack.testCases.map { PackTestRunner.run($0, of: pack, today: today) } }
        return PackTestRun(
            packs: packs, results: results, coverageGaps: packs.flatMap(PackTestRunner.coverageGaps),
            untested: packs.filter(\.testCases.isEmpty).map(\.id))
    }

    /// Imports, evaluates every selected pack and, when asked, records the run in the ledger.
    public static func check(_ request: CheckRequest) throws(ServiceError) -> CheckRun {
        try check(request, loaded: try packs(rules: request.rules))
    }

    /// A check with the packs already loaded (`packs(rules:)`), so a batch loads them once.
    public static func check(_ request: CheckRequest, loaded: [RulePack]) throws(ServiceError) -> CheckRun {
        let packs = try select(request.packIDs, from: loaded)
        // Import with every loaded pack's kinds, so files other packs read are not "unknown".
        var records = try records(request.records, packs: loaded, encoding: request.encoding)
        let assessor = try assessor(packs, request)
        let mismatches = packs.compactMap { pack in
            pack.periodUnit.flatMap { request.period.isOne($0) ? nil : (pack: pack.id, unit: $0) }
        }
        let ledger = try openLedger(request, profile: assessor.profile)
        try attach(ledger, to: &records, packs: loaded, request: request)
        let assessment = assessor.assess(records, period: request.period)
        var run = CheckRun(
            assessment: assessment, packs: packs, warnings: records.warnings, periodMismatches: mismatches,
            recorded: nil, ledgerPath: ledger?.path, items: [], history: [],
            auditChain: nil, ranAt: request.ranAt, today: request.today)
        if let ledger {
            do {
                if request.recordRun {
                    run.recorded = try ledger.recordRun(assessment, packs: packs, ranAt: request.ranAt, today: request.today)
                }
                run.items = try ledger.items()
                run.history = try ledger.runs()
                run.auditChain = try ledger.verifyChain()
            } catch {
                throw .ledger(path: request.shownLedgerPath, .record, reason: ServiceError.ledgerReason(error))
            }
        }
        return run
    }

    /// A check that reads the ledger but records no run: what the review pack shows.
    public static func report(_ request: CheckRequest) throws(ServiceError) -> CheckRun {
        var reading = request
        reading.recordRun = false
        return try check(reading)
    }

    /// Evaluates one indicator or veto over the records, reading the ledger as check does (never
    /// recording), so AK08 explains what check found.
    public static func explain(id: String, request: CheckRequest) throws(ServiceError) -> Explanation {
        let loaded = try packs(rules: request.rules)
        let packs = try select(request.packIDs, from: loaded)
        guard
            let pack = packs.first(where: { pack in
                pack.indicators.contains { $0.id == id } || pack.vetoes.contains { $0.id == id }
            })
        else {
            throw .unknownRule(id, packs: packs.map(\.id))
        }
        var records = try records(request.records, packs: loaded, encoding: request.encoding)
        var reading = request
        reading.recordRun = false
        let assessor = try assessor([pack], request, profilePacks: packs)
        try attach(try openLedger(reading, profile: assessor.profile), to: &records, packs: loaded, request: reading)
        let assessment = assessor.evaluator(for: pack).evaluate(
            records, period: request.period)
        if let finding = assessment.findings.first(where: { $0.id == id }),
            let indicator = pack.indicators.first(where: { $0.id == id })
        {
            return .indicator(finding, indicator, pack: pack, period: request.period)
        }
        guard let veto = assessment.vetoes.first(where: { $0.id == id }),
            let definition = pack.vetoes.first(where: { $0.id == id })
        else {
            throw .unknownRule(id, packs: packs.map(\.id))
        }
        return .veto(veto, definition, pack: pack)
    }

    // MARK: - Steps

    /// The assessor for the packs with the request's profile and waivers (read against `profilePacks`).
    static func assessor(
        _ packs: [RulePack], _ request: CheckRequest, profilePacks: [RulePack]? = nil
    )
        throws(ServiceError) -> Assessor
    {
        let known = profilePacks ?? packs
        do {
            return Assessor(
                packs: packs, profile: try request.profile.map { try Profile.load($0, packs: known) } ?? Profile(),
                waivers: try request.waivers.map { try WaiverFile.load($0, packs: known) } ?? [], today: request.today)
        } catch {
            throw .input(from: error)
        }
    }

    /// Opens the ledger a request reads: created when the run is to be recorded, otherwise only when
    /// the file exists (reading never creates one); nil when not used.
    /// In a shared PostgreSQL store the run goes to one enterprise's ledger: `enterprise`, else the profile's
    /// credit code (registering the enterprise under the profile's name when the run is recorded).
    static func openLedger(_ request: CheckRequest, profile: Profile) throws(ServiceError) -> (any LedgerStore)? {
        guard request.useLedger else { return nil }
        if let store = request.store { return store }
        if PostgresURL.isPostgres(request.ledgerPath), let code = request.enterprise ?? profile.creditCode {
            do {
                if let named = request.enterprise, let fromProfile = profile.creditCode, named != fromProfile {
                    throw LedgerError.invalidArgument(
                        LocalizedText(.federation(.profileNamesOtherEnterprise(profile: fromProfile, flag: named))))
                }
                let federation = try Federation(url: PostgresURL(parsing: request.ledgerPath))
                if let known = try federation.enterprise(creditCode: code) {
                    return try federation.ledger(creditCode: known.creditCode)
                }
                // Reading an enterprise that never recorded a run: there is no ledger to read yet.
                guard request.recordRun, let name = profile.enterprise, !name.isEmpty else {
                    if request.recordRun || request.enterprise != nil {
                        throw LedgerError.invalidArgument(LocalizedText(.federation(.unknownEnterprise(code: code))))
                    }
                    return nil
                }
                return try federation.ledger(for: Enterprise(creditCode: code, name: name))
            } catch {
                throw .ledger(path: request.shownLedgerPath, .open, reason: ServiceError.ledgerReason(error))
            }
        }
        return try openLedger(request)
    }

    /// Opens the ledger the request names by itself (the SQLite file, or the PostgreSQL URL's own schema).
    static func openLedger(_ request: CheckRequest) throws(ServiceError) -> (any LedgerStore)? {
        guard request.useLedger,
            request.recordRun || PostgresURL.isPostgres(request.ledgerPath)
                || FileManager.default.fileExists(atPath: request.ledgerPath)
        else {
            return nil
        }
        do {
            return try LedgerStores.open(request.ledgerPath, create: request.recordRun)
        } catch {
            throw .ledger(path: request.shownLedgerPath, .open, reason: ServiceError.ledgerReason(error))
        }
    }

    /// Lets packs read the ledger as the `rectification` kind (安康杯 AK08) when the records folder
    /// has no rectification file of its own.
    static func attach(
        _ ledger: (any LedgerStore)?, to records: inout RecordSet, packs: [RulePack], request: CheckRequest
    )
        throws(ServiceError)
    {
        guard let ledger else { return }
        let kinds = RecordCatalog.merge(packs).kinds
        // Patrols recorded with `hegui inspect patrol` count when the folder has no patrol file.
        if records.tables["patrol"] == nil, let kind = kinds.first(where: { $0.id == "patrol" }) {
            do {
                let patrols = try ledger.patrols()
                if !patrols.isEmpty {
                    records.tables["patrol"] = LedgerPatrolRecords.table(patrols, kind: kind, ledgerPath: request.shownLedgerPath)
                }
            } catch {
                throw .ledger(path: request.shownLedgerPath, .readItems, reason: ServiceError.ledgerReason(error))
            }
        }
        guard records.tables["rectification"] == nil, let kind = kinds.first(where: { $0.id == "rectification" }) else {
            return
        }
        do {
            records.tables["rectification"] = try ledger.rectificationTable(kind: kind, today: request.today)
        } catch {
            throw .ledger(path: request.shownLedgerPath, .readItems, reason: ServiceError.ledgerReason(error))
        }
    }

    /// What kept the packs from loading.
    static func rulesProblem(_ error: any Error) -> ServiceError.RulesProblem {
        switch error {
        case let unreadable as UnreadableFileError: .unreadable(unreadable)
        case let diagnostics as DiagnosticsError: .diagnostics(diagnostics.diagnostics)
        default: .other("\(error)")
        }
    }
}
