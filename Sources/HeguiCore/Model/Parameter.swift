import HeguiBase

/// The type of a parameter value.
public enum ParameterType: String, Hashable, Sendable, Codable {
    case number
    case date
    case duration
    case text

    /// The type as messages name it (`a duration`, `时长`).
    public var typeName: TypeName {
        switch self {
        case .number: .number
        case .date: .date
        case .duration: .duration
        case .text: .text
        }
    }
}

/// A named value (threshold, minimum wage, look-back window) that a profile may override.
public struct Parameter: Hashable, Sendable {
    /// The name used in rules as `$name`.
    public var name: String
    /// The value type.
    public var type: ParameterType
    /// The default value.
    public var defaultValue: Value
    /// The smallest allowed number, if bounded.
    public var minimum: Double?
    /// The largest allowed number, if bounded.
    public var maximum: Double?
    /// What the parameter means.
    public var title: LocalizedText
    /// Later values, each in force from its date (sorted); the default applies before the first.
    public var schedule: [EffectiveValue]
    /// Where the parameter is declared.
    public var location: SourceLocation

    /// Creates a parameter.
    public init(
        name: String, type: ParameterType, defaultValue: Value, minimum: Double? = nil, maximum: Double? = nil,
        title: LocalizedText, schedule: [EffectiveValue] = [], location: SourceLocation
    ) {
        self.schedule = schedule
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.minimum = minimum
        self.maximum = maximum
        self.title = title
        self.location = location
    }
}

/// A parameter value in force from a date on (until the next one).
public struct EffectiveValue: Hashable, Sendable {
    /// The first day the value applies.
    public var from: Day
    /// The value.
    public var value: Value

    /// Creates an effective value.
    public init(from: Day, value: Value) {
        self.from = from
        self.value = value
    }
}
