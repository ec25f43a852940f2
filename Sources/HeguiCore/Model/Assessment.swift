/// A records file that went into an assessment, with its content hash.
public struct InputFile: Hashable, Sendable, Codable {
    /// The path as read.
    public var path: String
    /// The record kind it holds.
    public var kind: String
    /// The SHA-256 of the file's bytes, lower-case hex.
    public var sha256: String
    /// How many records it held.
    public var records: Int

    /// Creates an input file entry.
    public init(path: String, kind: String, sha256: String, records: Int) {
        self.path = path
        self.kind = kind
        self.sha256 = sha256
        self.records = records
    }
}

/// A whole run's result: every selected pack over one period.
public struct Assessment: Hashable, Sendable, Codable {
    /// The assessed period.
    public var period: Period
    /// The enterprise's name, from the profile.
    public var enterprise: String?
    /// Each pack's assessment, in the order the packs were loaded (sorted by file name).
    public var packs: [PackAssessment]
    /// The records files read.
    public var inputs: [InputFile]

    /// Creates an assessment.
    public init(period: Period, enterprise: String?, packs: [PackAssessment], inputs: [InputFile]) {
        self.period = period
        self.enterprise = enterprise
        self.packs = packs
        self.inputs = inputs
    }

    /// Whether every pack passed.
    public var passed: Bool { packs.allSatisfy(\.passed) }

    /// Whether there is nothing to fix: every pack passed, no veto fired or erred, and no indicator
    /// failed, erred or went unattested. A pack can pass its grade with a failed indicator; CI and
    /// the compliance officer still need to hear about it, so `hegui check` exits 1 unless clean.
    public var isClean: Bool {
        packs.allSatisfy { pack in
            pack.passed && !pack.vetoes.contains { $0.fired || $0.hasError }
                && pack.findings.allSatisfy { [.pass, .notApplicable, .waived, .notSelected].contains($0.outcome) }
        }
    }
}
