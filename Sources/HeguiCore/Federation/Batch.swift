import Foundation
import HeguiBase

/// What `hegui batch` checks: every enterprise folder under one folder, for one period.
public struct BatchRequest: Sendable {
    /// The folder holding one folder per enterprise (records and `profile.xml` inside).
    public var folder: String
    /// The period to assess.
    public var period: Period
    /// The day for waivers, deadlines and overdue.
    public var today: Day
    /// Rule pack files or folders; empty for the shipped rules.
    public var rules: [String] = []
    /// Pack ids to evaluate; empty for all.
    public var packIDs: [String] = []
    /// How CSV files are encoded.
    public var encoding: TextEncoding = .automatic
    /// The language of the notes and errors.
    public var language: Language = .zhCN
    /// A shared PostgreSQL store (`postgresql://…`); nil keeps each enterprise's `hegui.sqlite` in its folder.
    public var ledger: String?
    /// Threads in this process.
    public var threads = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// A worker only helps with an open batch's jobs and leaves before the others finish.
    public var workerOnly = false
    /// How long a claimed job stays a worker's before another may take it up (a killed worker's job).
    public var leaseSeconds = 120.0
    /// When the run happens (a batch joined keeps the time it was started with).
    public var ranAt = Date()

    /// Creates a request.
    public init(folder: String, period: Period, today: Day) {
        self.folder = folder
        self.period = period
        self.today = today
    }
}

/// One enterprise's line in a batch summary.
public struct BatchEntry: Sendable, Codable, Hashable {
    /// One pack's result.
    public struct PackLine: Sendable, Codable, Hashable {
        public var pack: String
        public var score: Double
        public var maxScore: Double
        /// The grade id.
        public var grade: String
        /// The grade's title in the batch's language.
        public var gradeTitle: String
        public var passed: Bool
    }

    /// The enterprise folder's name under the batch folder.
    public var folder: String
    /// The enterprise's name (from its profile), when known.
    public var enterprise: String?
    /// Its 统一社会信用代码, when known.
    public var creditCode: String?
    public var packs: [PackLine] = []
    /// Fired vetoes as `pack/id`.
    public var vetoes: [String] = []
    /// Rectification items not struck off after the run.
    public var openItems = 0
    /// Of those, the ones past their deadline on the batch's day.
    public var overdueItems = 0
    /// Why the enterprise could not be checked, each a located error line; empty when it was.
    public var errors: [String] = []

    /// Whether the enterprise was checked (its own errors did not stop it).
    public var checked: Bool { errors.isEmpty }
    /// Whether it was checked, passed every pack and fired no veto.
    public var passed: Bool { checked && vetoes.isEmpty && packs.allSatisfy(\.passed) }
}

/// A batch's outcome: every enterprise of the batch, however many processes checked them.
public struct BatchSummary: Sendable, Codable, Hashable {
    public var period: String
    /// One entry per enterprise folder, by folder name.
    public var enterprises: [BatchEntry]
    /// How many of them this process checked.
    public var checkedHere: Int
}

/// Turns a service error into the located lines a batch entry keeps (the front end's wording).
public typealias BatchErrorText = @Sendable (ServiceError) -> [String]

/// Checks one enterprise folder: its profile names it, its records are checked against the loaded packs
/// and the run is recorded in its ledger once.
struct EnterpriseCheck: Sendable {
    let request: BatchRequest
    let packs: [RulePack]
    let federation: Federation?
    let ranAt: Date
    let describe: BatchErrorText

    /// The file naming the enterprise in its folder.
    static let profileName = "profile.xml"

    func run(folder name: String) -> BatchEntry {
        var entry = BatchEntry(folder: name)
        let directory = URL(fileURLWithPath: request.folder).appendingPathComponent(name).path
        let profilePath = directory + "/" + Self.profileName
        let hasProfile = FileManager.default.fileExists(atPath: profilePath)
        var check = CheckRequest(records: directory, period: request.period, today: request.today)
        check.rules = request.rules
        check.packIDs = request.packIDs
        check.encoding = request.encoding
        check.language = request.language
        check.profile = hasProfile ? profilePath : nil
        check.ranAt = ranAt
        // Without a shared store each enterprise keeps its own ledger in its folder.
        check.ledger = directory + "/hegui.sqlite"
        do {
            if hasProfile {
                let profile: Profile
                do {
                    profile = try Profile.load(profilePath, packs: packs)
                } catch {
                    throw ServiceError.input(from: error)
                }
                entry.enterprise = profile.enterprise
                entry.creditCode = profile.creditCode
            }
            if let federation {
                let enterprise = try identity(entry, profilePath: profilePath, hasProfile: hasProfile)
                let ledger: Ledger
                do {
                    ledger = try federation.ledger(for: enterprise)
                    // A job taken up again after its worker died may find its run already stored.
                    let stamp = AuditChain.timestamp(ranAt)
                    check.recordRun = !(try ledger.runs().contains { $0.ranAt == stamp && $0.period == request.period.label })
                } catch {
                    throw ServiceError.ledger(path: federation.url.redacted, .open, reason: ServiceError.ledgerReason(error))
                }
                check.ledger = federation.ledgerURL(creditCode: enterprise.creditCode)
                check.store = ledger
            }
            let run = try HeguiService.check(check, loaded: packs)
            entry.packs = run.assessment.packs.map {
                BatchEntry.PackLine(
                    pack: $0.pack, score: $0.score, maxScore: $0.maxScore, grade: $0.grade.id,
                    gradeTitle: $0.grade.title.text(request.language), passed: $0.passed)
            }
            entry.vetoes = run.assessment.packs.flatMap { pack in pack.vetoes.filter(\.fired).map { "\(pack.pack)/\($0.id)" } }
            entry.openItems = run.items.filter { !$0.status.isClosed }.count
            entry.overdueItems = run.items.filter { $0.isOverdue(on: request.today) }.count
        } catch let error as ServiceError {
            entry.errors = describe(error)
        } catch {
            entry.errors = describe(.other("\(error)"))
        }
        if !entry.checked { entry.packs = []; entry.vetoes = [] }
        return entry
    }

    /// The enterprise a shared store files the folder under: its profile's name and valid credit code.
    private func identity(_ entry: BatchEntry, profilePath: String, hasProfile: Bool) throws(ServiceError) -> Enterprise {
        let location = SourceLocation(file: profilePath, line: 1, column: 1)
        guard hasProfile else {
            throw .input([Diagnostic(at: SourceLocation(file: profilePath), .federation(.noProfile))])
        }
        guard let code = entry.creditCode, let name = entry.enterprise, !name.isEmpty else {
            throw .input([Diagnostic(at: location, .federation(.profileNeedsIdentity))])
        }
        if let problem = CreditCode.problem(code) {
            throw .input([Diagnostic(at: location, problem)])
        }
        return Enterprise(creditCode: code, name: name)
    }
}
