import Foundation
import GRDB

extension Ledger {
    /// The field names `rectificationTable` fills, compared without case, `_` or `-` (`found_on` = `foundOn`).
    public static let recordFieldNames = [
        "id", "source", "pack", "indicator", "groupKey", "period", "patrolID", "patrol", "foundOn", "finder", "location",
        "description", "category", "grade", "measure", "funds", "department", "responsible", "deadline",
        "rechecker", "status", "submittedBy", "verifiedBy", "verifiedOn", "struckOff", "overdue", "everOverdue",
        "missedDeadline", "evidenceCount", "published", "publishedOn",
    ]

    /// The ledger as records of the pack-declared `rectification` kind, so rules can check 整改 itself
    /// (e.g. every 重大 issue struck off). Each declared field with a known name (`recordFieldNames`) is
    /// filled, converted to its declared type; other fields stay empty. Provenance: the file is the ledger
    /// path (its hash is the audit chain head), the line is the item id.
    public func rectificationTable(kind: RecordKind, today: Day) throws -> RecordTable {
        let (items, head) = try database.read { db in
            let rows = try ItemRow.fetchAll(db, sql: "SELECT * FROM rectification_items ORDER BY id")
            let head = try String.fetchOne(db, sql: "SELECT hash FROM events ORDER BY id DESC LIMIT 1")
            return (rows, head)
        }
        let models = try items.map { try $0.item() }
        var table = RecordTable(emptyOf: kind)
        for (index, field) in kind.fields.enumerated() {
            let name = Self.normalizedFieldName(field.name)
            for item in models {
                table.columns[index].append(Self.recordValue(name, of: item, today: today), as: field)
            }
        }
        if !models.isEmpty {
            table.files = [RecordFile(path: path, sha256: head ?? AuditChain.genesis)]
        }
        table.fileStarts = table.files.isEmpty ? [] : [0]
        table.lines = ContiguousArray(models.map { Int32(clamping: $0.id) })
        return table
    }

    /// `foundOn`, `found_on`, `FOUND-ON` → `foundon`.
    static func normalizedFieldName(_ name: String) -> String {
        name.lowercased().filter { $0 != "_" && $0 != "-" }
    }

    /// A field's candidate values for an item: the first is the plain one; enums may match a later
    /// one (a pack that lists `审核通过（已销号）` rather than `verified`).
    static func recordValue(_ name: String, of item: RectificationItem, today: Day) -> [Value] {
        func text(_ s: String?) -> [Value] { s.map { [.text($0)] } ?? [] }
        switch name {
        case "id": return [.number(Double(item.id))]
        case "source": return [.text(item.source.rawValue), .text(item.source == .check ? "检查" : "巡视")]
        case "pack": return text(item.pack)
        case "indicator": return text(item.indicator)
        case "groupkey": return text(item.groupKey)
        case "period": return text(item.period)
        case "patrolid", "patrol": return item.patrolID.map { [.text(String($0))] } ?? []
        case "foundon": return [.date(item.foundOn)]
        case "finder": return text(item.finder)
        case "location": return text(item.location)
        case "description": return [.text(item.description)]
        case "category": return [.text(item.category)]
        case "grade": return [.text(item.grade)]
        case "measure": return text(item.measure)
        case "funds": return item.funds.map { [.number($0)] } ?? []
        case "department": return text(item.department)
        case "responsible": return text(item.responsible)
        case "deadline": return [.date(item.deadline)]
        case "rechecker": return text(item.rechecker)
        case "status": return [.text(item.status.rawValue), .text(item.status.title.zhCN), .text(item.status.title.en)]
        case "submittedby": return text(item.submittedBy)
        case "verifiedby": return text(item.verifiedBy)
        case "verifiedon": return item.verifiedOn.map { [.date($0)] } ?? []
        case "struckoff": return [.boolean(item.status.isClosed)]
        case "overdue": return [.boolean(item.isOverdue(on: today))]
        case "everoverdue": return [.boolean(item.wasEverOverdue(on: today))]
        case "misseddeadline": return item.missedDeadline.map { [.date($0)] } ?? []
        case "published": return [.boolean(item.publishedOn != nil)]
        case "publishedon": return item.publishedOn.map { [.date($0)] } ?? []
        case "evidencecount": return [.number(Double(item.evidence.count))]
        default: return []
        }
    }
}

extension Column {
    /// Appends the first candidate that fits the field's type (and, for enums, its allowed values); else empty.
    mutating func append(_ candidates: [Value], as field: FieldDefinition) {
        switch self {
        case .number(var values):
            self = .number([])
            var n = Double.nan
            for value in candidates {
                let x: Double? =
                    switch value {
                    case .number(let x): x
                    case .text(let s): Double(s)
                    case .boolean(let b): b ? 1 : 0
                    default: nil
                    }
                if let x {
                    n = x
                    break
                }
            }
            values.append(n)
            self = .number(values)
        case .date(var values):
            self = .date([])
            var d = Column.emptyDate
            for value in candidates {
                if case .date(let day) = value { d = day.ordinal; break }
                if case .text(let s) = value, let day = Day(iso: s) { d = day.ordinal; break }
            }
            values.append(d)
            self = .date(values)
        case .boolean(var values):
            self = .boolean([])
            var b = Column.emptyBoolean
            for value in candidates {
                if case .boolean(let x) = value { b = x ? 1 : 0; break }
                if case .text(let s) = value, s == "true" || s == "false" { b = s == "true" ? 1 : 0; break }
            }
            values.append(b)
            self = .boolean(values)
        case .text(var column):
            self = .text(TextColumn())
            let texts = candidates.map(\.description)
            let chosen =
                field.type == .enumeration && !field.allowedValues.isEmpty
                ? texts.first { field.allowedValues.contains($0) } ?? texts.first
                : texts.first
            column.append(chosen)
            self = .text(column)
        }
    }
}
