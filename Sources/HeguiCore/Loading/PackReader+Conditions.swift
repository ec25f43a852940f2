import Foundation
import HeguiXML

extension PackReader {
    // MARK: - Conditions

    mutating func kind(_ element: XMLElement, _ attribute: String) -> RecordKind? {
        guard let id = element.attribute(attribute) else { return nil }
        guard let kind = kinds[id] else {
            error(at: element.location(ofAttribute: attribute), .unknownKind(id: id))
            return nil
        }
        return kind
    }

    /// The conditions inside a container (`where`, `that`, `all`…), joined by "and".
    mutating func condition(_ container: XMLElement?, _ kind: RecordKind) -> Condition? {
        guard let container else { return nil }
        let parts = container.children.compactMap { readCondition($0, kind) }
        return parts.count == 1 ? parts[0] : .all(parts)
    }

    mutating func readCondition(_ element: XMLElement, _ kind: RecordKind) -> Condition? {
        switch element.name {
        case "field": return readFieldCondition(element, kind)
        case "all": return .all(element.children.compactMap { readCondition($0, kind) })
        case "any": return .any(element.children.compactMap { readCondition($0, kind) })
        case "not": return condition(element, kind).map(Condition.not)
        case "has":
            guard let other = self.kind(element, "of"), let by = element.attribute("by") else { return nil }
            let to = element.attribute("to") ?? by
            guard let mine = kind.field(by) else {
                error(at: element.location(ofAttribute: "by"), .unknownField(field: by, kind: kind.id))
                return nil
            }
            guard let theirs = other.field(to) else {
                error(
                    at: element.location(ofAttribute: element.attribute("to") == nil ? "by" : "to"),
                    .unknownField(field: to, kind: other.id))
                return nil
            }
            if ExpectedType(mine.type) != ExpectedType(theirs.type) {
                error(
                    at: element.location,
                    .cannotLink(
                        from: "\(kind.id).\(by)", fromType: mine.type.rawValue, to: "\(other.id).\(to)", toType: theirs.type.rawValue))
            }
            // Inside the `<has>`, `^field` is a field of this record (`kind`); a nested `<has>` moves it on.
            let enclosing = outerKind
            outerKind = kind
            let filter = element.children.isEmpty ? nil : condition(element, other)
            outerKind = enclosing
            return .has(kind: other.id, by: by, to: to, where: filter)
        case "distinct":
            let fields = words(element.attribute("fields"))
            for field in fields where kind.field(field) == nil {
                error(at: element.location(ofAttribute: "fields"), .unknownField(field: field, kind: kind.id))
            }
            if fields.count < 2 { error(at: element.location(ofAttribute: "fields"), .distinctNeedsTwoFields) }
            return .distinct(fields)
        default:
            return nil  // The schema reports unknown elements.
        }
    }

    static let comparisonNames = [
        "equals", "not-equals", "less-than", "at-most", "greater-than", "at-least", "in", "between", "empty",
    ]

    mutating func readFieldCondition(_ element: XMLElement, _ kind: RecordKind) -> Condition? {
        guard let name = element.attribute("name") else { return nil }
        guard let field = kind.field(name) else {
            error(at: element.location(ofAttribute: "name"), .unknownField(field: name, kind: kind.id))
            return nil
        }
        let given = PackReader.comparisonNames.filter { element.attribute($0) != nil }
        guard given.count == 1, let op = given.first, let text = element.attribute(op) else {
            error(
                at: element.location,
                .needsOneComparison(field: name, count: given.count))
            return nil
        }
        let location = element.location(ofAttribute: op)
        let type = ExpectedType(field.type)
        let parser = OperandParser(
            parameters: parameters, fields: Dictionary(uniqueKeysWithValues: kind.fields.map { ($0.name, $0) }),
            outerFields: outerKind.map { Dictionary(uniqueKeysWithValues: $0.fields.map { ($0.name, $0) }) })
        func operand(_ text: String) -> Operand? {
            let result = parser.parse(text, as: type, at: location, into: &diagnostics)
            if field.type == .enumeration, case .literal(.text(let value))? = result, !field.allowedValues.contains(value) {
                error(at: location, .notAllowedValue(value: value, allowed: field.allowedValues.joined(separator: ", "), field: name))
            }
            return result
        }
        // A list is resolved once for all rows, so it cannot hold another field of the row.
        if op == "in" || op == "between", words(text).contains(where: { $0.hasPrefix("@") || $0.hasPrefix("^") }) {
            error(at: location, .comparisonTakesNoField(comparison: op))
            return nil
        }
        let comparison: Comparison
        switch op {
        case "equals": comparison = .equals(operand(text) ?? .literal(.text(text)))
        case "not-equals": comparison = .notEquals(operand(text) ?? .literal(.text(text)))
        case "less-than", "at-most", "greater-than", "at-least":
            if field.type == .boolean || field.type == .string || field.type == .enumeration {
                error(at: location, .comparesOnlyOrdered(comparison: op, field: name, type: field.type.typeName))
                return nil
            }
            guard let value = operand(text) else { return nil }
            comparison =
                switch op {
                case "less-than": .lessThan(value)
                case "at-most": .atMost(value)
                case "greater-than": .greaterThan(value)
                default: .atLeast(value)
                }
        case "in":
            let items = words(text).compactMap(operand)
            if items.isEmpty { error(at: location, .inNeedsAValue) }
            comparison = .isIn(items)
        case "between":
            if field.type == .boolean || field.type == .string || field.type == .enumeration {
                error(at: location, .comparesOnlyOrdered(comparison: "between", field: name, type: field.type.typeName))
                return nil
            }
            let items = words(text)
            guard items.count == 2, let low = operand(items[0]), let high = operand(items[1]) else {
                if items.count != 2 { error(at: location, .betweenNeedsTwoValues) }
                return nil
            }
            comparison = .between(low, high)
        default:
            comparison = .isEmpty(text == "true" || text == "1")
        }
        return .field(name, comparison)
    }
}
