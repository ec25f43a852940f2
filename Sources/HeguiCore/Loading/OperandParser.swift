import Foundation
import HeguiBase

/// The type a rule expects where an operand stands.
enum ExpectedType: Equatable, CustomStringConvertible {
    case number
    case text
    case boolean
    case date
    case duration

    init(_ field: FieldType) {
        switch field {
        case .integer, .decimal: self = .number
        case .string, .enumeration: self = .text
        case .boolean: self = .boolean
        case .date: self = .date
        }
    }

    init(_ parameter: ParameterType) {
        switch parameter {
        case .number: self = .number
        case .date: self = .date
        case .duration: self = .duration
        case .text: self = .text
        }
    }

    var description: String {
        switch self {
        case .number: "number"
        case .text: "text"
        case .boolean: "boolean"
        case .date: "date"
        case .duration: "duration"
        }
    }

    /// The type as messages name it (`a number`, `数值`).
    var typeName: TypeName {
        switch self {
        case .number: .number
        case .text: .text
        case .boolean: .boolean
        case .date: .date
        case .duration: .duration
        }
    }
}

/// Parses literal values of each type; shared by operands, parameter defaults and profiles.
enum LiteralParser {
    /// `3`, `-1.5`, `95%` (= 0.95).
    static func number(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.hasSuffix("%") {
            return Double(t.dropLast()).map { $0 / 100 }
        }
        guard let value = Double(t), value.isFinite else { return nil }
        return value
    }

    /// `true`/`false`, `是`/`否`, `Y`/`N`, `1`/`0`.
    static func boolean(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "是", "y", "yes", "1": true
        case "false", "否", "n", "no", "0": false
        default: nil
        }
    }

    /// A literal of the expected type, or nil when the text does not fit.
    static func value(_ text: String, as type: ExpectedType) -> Value? {
        switch type {
        case .number: number(text).map(Value.number)
        case .text: .text(text)
        case .boolean: boolean(text).map(Value.boolean)
        case .date: Day(iso: text).map(Value.date)
        case .duration: Duration(parsing: text).map(Value.duration)
        }
    }
}

/// Parses operand syntax against the pack's parameters and a record kind's fields, reporting
/// each problem at the attribute that holds it.
struct OperandParser {
    var parameters: [String: Parameter]
    /// The fields `@name` may refer to (the record being tested); nil where no record is in scope.
    var fields: [String: FieldDefinition]?
    /// The fields `^name` may refer to (the record a `<has>` is tested for); nil outside `<has>`.
    var outerFields: [String: FieldDefinition]? = nil

    /// Parses an operand that must have the expected type.
    func parse(
        _ text: String, as type: ExpectedType, at location: SourceLocation, into diagnostics: inout [Diagnostic]
    )
        -> Operand?
    {
        let t = text.trimmingCharacters(in: .whitespaces)
        for (prefix, make) in [("$periodStart", Operand.periodStart), ("$periodEnd", Operand.periodEnd)]
        where t.hasPrefix(prefix) {
            guard type == .date else {
                diagnostics.append(Diagnostic(at: location, .rules(.periodBoundOnlyDate(value: t, type: type.typeName))))
                return nil
            }
            let rest = t.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            if rest.isEmpty { return make(nil) }
            guard let sign = rest.first, sign == "+" || sign == "-" else {
                diagnostics.append(Diagnostic(at: location, .rules(.shiftNeedsSign(value: t, bound: prefix))))
                return nil
            }
            let amount = String(rest.dropFirst()).trimmingCharacters(in: .whitespaces)
            guard let duration = parse(amount, as: .duration, at: location, into: &diagnostics) else { return nil }
            return make(Operand.Shift(backwards: sign == "-", duration: duration))
        }
        if t.hasPrefix("$") {
            let name = String(t.dropFirst())
            guard let parameter = parameters[name] else {
                diagnostics.append(Diagnostic(at: location, .rules(.unknownParameter(name: name))))
                return nil
            }
            let actual = ExpectedType(parameter.type)
            guard actual == type || (type == .boolean && actual == .text) else {
                diagnostics.append(
                    Diagnostic(at: location, .rules(.parameterWrongType(name: name, actual: actual.typeName, expected: type.typeName))))
                return nil
            }
            return .parameter(name)
        }
        if t.hasPrefix("@") || t.hasPrefix("^") {
            let outer = t.hasPrefix("^")
            var name = String(t.dropFirst())
            var shift: Operand.Shift?
            if let signIndex = name.firstIndex(where: { $0 == "+" || $0 == "-" }) {
                let amount = String(name[name.index(after: signIndex)...]).trimmingCharacters(in: .whitespaces)
                let backwards = name[signIndex] == "-"
                name = String(name[..<signIndex]).trimmingCharacters(in: .whitespaces)
                guard type == .date else {
                    diagnostics.append(Diagnostic(at: location, .rules(.onlyDateFieldShifts(value: t))))
                    return nil
                }
                guard let duration = parse(amount, as: .duration, at: location, into: &diagnostics) else { return nil }
                shift = Operand.Shift(backwards: backwards, duration: duration)
            }
            if outer { return outerOperand(name, shift: shift, as: type, at: location, into: &diagnostics) }
            guard let fields else {
                diagnostics.append(Diagnostic(at: location, .rules(.noRecordInScope(name: name))))
                return nil
            }
            guard let field = fields[name] else {
                diagnostics.append(Diagnostic(at: location, .rules(.unknownFieldReference(name: name))))
                return nil
            }
            guard ExpectedType(field.type) == type else {
                diagnostics.append(
                    Diagnostic(
                        at: location,
                        .rules(.fieldWrongType(name: name, actual: ExpectedType(field.type).typeName, expected: type.typeName))))
                return nil
            }
            if let shift { return .fieldShifted(name, shift: shift) }
            return .field(name)
        }
        guard let value = LiteralParser.value(t, as: type) else {
            diagnostics.append(Diagnostic(at: location, .rules(.notOfType(value: t, type: type.typeName))))
            return nil
        }
        return .literal(value)
    }

    /// `^name`: a field of the record the enclosing `<has>` is tested for.
    private func outerOperand(
        _ name: String, shift: Operand.Shift?, as type: ExpectedType, at location: SourceLocation,
        into diagnostics: inout [Diagnostic]
    ) -> Operand? {
        guard let outerFields else {
            diagnostics.append(Diagnostic(at: location, .rules(.noOuterRecord(name: name))))
            return nil
        }
        guard let field = outerFields[name] else {
            diagnostics.append(Diagnostic(at: location, .rules(.unknownOuterField(name: name))))
            return nil
        }
        guard ExpectedType(field.type) == type else {
            diagnostics.append(
                Diagnostic(
                    at: location,
                    .rules(.outerFieldWrongType(name: name, actual: ExpectedType(field.type).typeName, expected: type.typeName))))
            return nil
        }
        return .outerField(name, shift: shift)
    }
}
