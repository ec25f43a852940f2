import HeguiBase

/// The type of a record field.
public enum FieldType: String, Hashable, Sendable, Codable {
    case string
    case integer
    case decimal
    case boolean
    case date
    case enumeration = "enum"

    /// Whether values of this type are numbers.
    public var isNumeric: Bool { self == .integer || self == .decimal }

    /// The type as messages name it (`an integer`, `整数`).
    public var typeName: TypeName {
        switch self {
        case .string: .string
        case .integer: .integer
        case .decimal: .decimal
        case .boolean: .boolean
        case .date: .date
        case .enumeration: .enumeration
        }
    }
}

/// A field of a record kind: a column of a CSV file or an attribute of an XML record.
public struct FieldDefinition: Hashable, Sendable {
    /// The English field name, used in rules and as a column header.
    public var name: String
    /// The value type.
    public var type: FieldType
    /// Chinese column labels accepted as headers (the first is the canonical one).
    public var labels: [String]
    /// Whether every record must have a value.
    public var required: Bool
    /// The allowed values of an enum field.
    public var allowedValues: [String]
    /// Whether a number below zero is refused (hours, amounts, counts).
    public var nonNegative: Bool
    /// Where the field is declared.
    public var location: SourceLocation

    /// Creates a field.
    public init(
        name: String, type: FieldType, labels: [String] = [], required: Bool = false,
        allowedValues: [String] = [], nonNegative: Bool = false, location: SourceLocation
    ) {
        self.name = name
        self.type = type
        self.labels = labels
        self.required = required
        self.allowedValues = allowedValues
        self.nonNegative = nonNegative
        self.location = location
    }
}

/// A kind of record (employee, expense, hazard…) with its typed fields.
public struct RecordKind: Hashable, Sendable {
    /// The kind id; also the records file name (`employee.csv`).
    public var id: String
    /// The kind's name.
    public var title: LocalizedText
    /// The field that identifies a record in evidence, if any.
    public var keyField: String?
    /// The date field used to keep only the records of the assessed period; none for rosters.
    public var dateField: String?
    /// The fields in declaration order.
    public var fields: [FieldDefinition]
    /// Whether the pack needs at least one record of this kind (a roster): an empty file is an
    /// error for every rule reading it, never a vacuous pass.
    public var nonEmpty: Bool
    /// A second date field (a deadline): records are also kept when it falls in the window, so an
    /// item found in one period and due in the next is judged in the period it is due.
    public var dueField: String?
    /// Where the kind is declared.
    public var location: SourceLocation

    /// Creates a record kind.
    public init(
        id: String, title: LocalizedText, keyField: String? = nil, dateField: String? = nil,
        fields: [FieldDefinition], nonEmpty: Bool = false, location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.keyField = keyField
        self.dateField = dateField
        self.fields = fields
        self.nonEmpty = nonEmpty
        self.location = location
    }

    /// The field with this name.
    public func field(_ name: String) -> FieldDefinition? { fields.first { $0.name == name } }
}
