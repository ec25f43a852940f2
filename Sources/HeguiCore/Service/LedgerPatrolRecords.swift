/// The patrols recorded with `hegui inspect patrol` as records of the pack-declared `patrol` kind,
/// so AK08 counts them when the records folder has no patrol file of its own.
enum LedgerPatrolRecords {
    /// One row per ledger patrol: `id`, `startsOn` and `scope` filled, the other fields empty.
    /// Provenance: the file is the ledger, the line the patrol's id.
    static func table(_ patrols: [Patrol], kind: RecordKind, ledgerPath: String) -> RecordTable {
        var table = RecordTable(emptyOf: kind)
        for (index, field) in kind.fields.enumerated() {
            for patrol in patrols {
                let candidates: [Value] =
                    switch field.name {
                    case "id": [.text("\(patrol.id)")]
                    case "startsOn": [.date(patrol.date)]
                    case "scope": [.text(patrol.scope)]
                    default: []
                    }
                table.columns[index].append(candidates, as: field)
            }
        }
        if !patrols.isEmpty { table.files = [RecordFile(path: ledgerPath, sha256: "")] }
        table.fileStarts = table.files.isEmpty ? [] : [0]
        table.lines = ContiguousArray(patrols.map { Int32(clamping: $0.id) })
        return table
    }
}
