import Foundation
import HeguiBase
import HeguiXML

extension PackReader {
    // MARK: - Checks

    mutating func readCheck(_ element: XMLElement) -> Check? {
        let rule: CheckRule
        var boundsElement: XMLElement? = element
        switch element.name {
        case "every":
            guard let kind = kind(element, "of"), let that = element.child(named: "that") else { return nil }
            rule = .every(
                kind: kind.id, where: condition(element.child(named: "where"), kind), that: condition(that, kind) ?? .all([]))
            boundsElement = nil
        case "for-each":
            guard let kind = kind(element, "of") else { return nil }
            let by = words(element.attribute("group-by"))
            for field in by where kind.field(field) == nil {
                error(at: element.location(ofAttribute: "group-by"), .groupByNotAField(field: field, kind: kind.id))
            }
            let per = element.attribute("per").flatMap(PeriodUnit.init(rawValue:))
            if let per, kind.dateField == nil {
                error(at: element.location(ofAttribute: "per"), .perNeedsDateField(per: per.rawValue, kind: kind.id))
            }
            guard let inner = element.children.first(where: { $0.name != "where" }),
                let measure = readMeasure(inner, groupKind: kind.id)
            else { return nil }
            if case .ratio(let top, let bottom) = measure {
                guard case .aggregate(.sum, _, _, nil) = top, case .aggregate(.sum, _, _, nil) = bottom else {
                    error(at: inner.location, .forEachRatioOfSums)
                    return nil
                }
            }
            rule = .forEachGroup(
                kind: kind.id, by: by, per: per, where: condition(element.child(named: "where"), kind), measure: measure)
            boundsElement = inner
        case "in-every":
            guard let unit = element.attribute("period").flatMap(PeriodUnit.init(rawValue:)),
                let inner = element.children.first, let measure = readMeasure(inner, groupKind: nil)
            else { return nil }
            requireDateFields(measure, at: element.location, purpose: "in-every")
            rule = .inEvery(unit, measure)
            boundsElement = inner
        case "growth":
            guard let inner = element.children.first, let measure = readMeasure(inner, groupKind: nil) else { return nil }
            requireDateFields(measure, at: element.location, purpose: "growth")
            refuseBounds(inner)
            rule = .growth(measure)
        case "attested":
            let kind = kinds["attestation"]
            let needed = ["indicator", "attestedBy", "document"]
            if kind == nil || needed.contains(where: { kind?.field($0) == nil }) {
                error(at: element.location, .attestedNeedsKind)
            }
            rule = .attested
            boundsElement = nil
        default:
            guard let measure = readMeasure(element, groupKind: nil) else { return nil }
            rule = .measure(measure)
        }
        var requirement = Requirement()
        if let boundsElement {
            requirement = bounds(boundsElement, unitRange: isUnitMeasure(rule))
            // A bound that is present but invalid has its own diagnostic; only a truly absent one is reported here.
            if requirement.isEmpty && !["at-least", "at-most", "equals"].contains(where: { boundsElement.attribute($0) != nil }) {
                error(at: boundsElement.location, .needsBound(element: boundsElement.name))
            }
        }
        return Check(rule: rule, requirement: requirement, location: element.location)
    }

    /// Whether the check compares a share or ratio of counts, whose bounds must lie in 0…1.
    func isUnitMeasure(_ rule: CheckRule) -> Bool {
        switch rule {
        case .measure(.share), .inEvery(_, .share), .forEachGroup(_, _, _, _, .share): true
        default: false
        }
    }

    mutating func readMeasure(_ element: XMLElement, groupKind: String?) -> Measure? {
        switch element.name {
        case "count", "sum", "average", "minimum", "maximum", "distinct-count":
            let kindID: String
            if let of = element.attribute("of") {
                if groupKind != nil {
                    error(at: element.location(ofAttribute: "of"), .groupedMeasureTakesNoOf)
                }
                kindID = of
            } else if let groupKind {
                kindID = groupKind
            } else {
                error(at: element.location, .needsOf(element: element.name))
                return nil
            }
            guard let kind = kinds[kindID] else {
                error(at: element.location(ofAttribute: "of"), .unknownKind(id: kindID))
                return nil
            }
            let filter = condition(element.child(named: "where"), kind)
            if element.name == "count" {
                if element.attribute("field") != nil {
                    error(at: element.location(ofAttribute: "field"), .countTakesNoField)
                }
                return .count(kind: kind.id, where: filter)
            }
            let aggregate: Aggregate =
                switch element.name {
                case "sum": .sum
                case "average": .average
                case "minimum": .minimum
                case "maximum": .maximum
                default: .distinct
                }
            guard let fieldName = element.attribute("field") else {
                error(at: element.location, .needsField(element: element.name))
                return nil
            }
            guard let field = kind.field(fieldName) else {
                error(at: element.location(ofAttribute: "field"), .unknownField(field: fieldName, kind: kind.id))
                return nil
            }
            if aggregate != .distinct && !field.type.isNumeric {
                error(
                    at: element.location(ofAttribute: "field"),
                    .needsNumberField(element: element.name, field: fieldName, type: field.type.typeName))
            }
            return .aggregate(aggregate, kind: kind.id, field: fieldName, where: filter)
        case "share":
            guard let kind = kind(element, "of") else { return nil }
            return .share(
                kind: kind.id, where: condition(element.child(named: "where"), kind),
                that: condition(element.child(named: "that"), kind) ?? .all([]))
        case "ratio":
            let parts = element.children
            guard parts.count == 2, let a = readMeasure(parts[0], groupKind: groupKind),
                let b = readMeasure(parts[1], groupKind: groupKind)
            else {
                if parts.count != 2 { error(at: element.location, .ratioNeedsTwoMeasures) }
                return nil
            }
            refuseBounds(parts[0])
            refuseBounds(parts[1])
            return .ratio(a, b)
        default:
            error(at: element.location, .notAMeasure(element: element.name))
            return nil
        }
    }

    mutating func refuseBounds(_ element: XMLElement) {
        for name in ["at-least", "at-most", "equals"] where element.attribute(name) != nil {
            error(at: element.location(ofAttribute: name), .boundOnInnerMeasure(attribute: name))
        }
    }

    mutating func requireDateFields(_ measure: Measure, at location: SourceLocation, purpose: String) {
        for kindID in measure.kinds where kinds[kindID]?.dateField == nil {
            error(at: location, .needsDateField(element: purpose, kind: kindID))
        }
    }

    mutating func bounds(_ element: XMLElement, unitRange: Bool) -> Requirement {
        let parser = OperandParser(parameters: parameters, fields: nil)
        var requirement = Requirement()
        for name in ["at-least", "at-most", "equals"] {
            guard let text = element.attribute(name) else { continue }
            let location = element.location(ofAttribute: name)
            let operand = parser.parse(text, as: .number, at: location, into: &diagnostics)
            if unitRange { checkUnitRange(operand, at: location) }
            if case .literal(.number(let n))? = operand, n < 0, element.name == "count" || element.name == "distinct-count" {
                error(at: location, .negativeCount(bound: name, value: text))
            }
            switch name {
            case "at-least": requirement.atLeast = operand
            case "at-most": requirement.atMost = operand
            default: requirement.equals = operand
            }
        }
        return requirement
    }

    mutating func checkUnitRange(_ operand: Operand?, at location: SourceLocation) {
        var value: Double?
        switch operand {
        case .literal(.number(let n))?: value = n
        case .parameter(let name)?: value = parameters[name]?.defaultValue.number
        default: break
        }
        if let value, !(0...1).contains(value) {
            error(at: location, .shareOutOfRange(value: formatNumber(value)))
        }
    }
}
