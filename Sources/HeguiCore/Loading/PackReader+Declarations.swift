import Foundation
import HeguiXML

extension PackReader {
    // MARK: - Declarations

    mutating func readKind(_ element: XMLElement) -> RecordKind? {
        guard let id = element.attribute("id") else { return nil }
        var fields: [FieldDefinition] = []
        var seen: [String: Int] = [:]
        var labelOwners: [String: String] = [:]
        for fieldElement in element.children(named: "field") {
            guard let name = fieldElement.attribute("name"),
                let type = fieldElement.attribute("type").flatMap(FieldType.init(rawValue:))
            else { continue }
            if let line = seen[name] {
                error(
                    at: fieldElement.location(ofAttribute: "name"),
                    .duplicateField(field: name, kind: id, line: line))
                continue
            }
            seen[name] = fieldElement.location.line
            let labels = ([fieldElement.attribute("label")].compactMap { $0 } + words(fieldElement.attribute("aliases")))
            for label in labels + [name] {
                if let owner = labelOwners[label], owner != name {
                    error(at: fieldElement.location, .labelShared(label: label, field: name, owner: owner))
                }
                labelOwners[label] = name
            }
            let values = words(fieldElement.attribute("values"))
            if type == .enumeration && values.isEmpty {
                error(at: fieldElement.location, .enumNeedsValues(field: name))
            }
            if type != .enumeration && !values.isEmpty {
                error(at: fieldElement.location(ofAttribute: "values"), .valuesOnlyForEnum)
            }
            let nonNegative = fieldElement.attribute("non-negative") == "true"
            if nonNegative && !type.isNumeric {
                error(
                    at: fieldElement.location(ofAttribute: "non-negative"),
                    .nonNegativeOnlyForNumbers)
            }
            fields.append(
                FieldDefinition(
                    name: name, type: type, labels: labels, required: fieldElement.attribute("required") == "true",
                    allowedValues: values, nonNegative: nonNegative, location: fieldElement.location))
        }
        var kind = RecordKind(
            id: id, title: texts(element, "title"), keyField: element.attribute("key"),
            dateField: element.attribute("date"), fields: fields, nonEmpty: element.attribute("non-empty") == "true",
            location: element.location)
        kind.dueField = element.attribute("due")
        if let due = kind.dueField, kind.field(due)?.type != .date {
            error(at: element.location(ofAttribute: "due"), .dueNotADateField(field: due, kind: id))
        }
        if let key = kind.keyField, kind.field(key) == nil {
            error(at: element.location(ofAttribute: "key"), .keyNotAField(field: key, kind: id))
        }
        if let date = kind.dateField {
            if let field = kind.field(date) {
                if field.type != .date {
                    error(
                        at: element.location(ofAttribute: "date"),
                        .dateFieldNotADate(field: date, kind: id, type: field.type.typeName))
                }
            } else {
                error(at: element.location(ofAttribute: "date"), .dateNotAField(field: date, kind: id))
            }
        }
        return kind
    }

    mutating func readParameter(_ element: XMLElement) -> Parameter? {
        guard let name = element.attribute("name"),
            let type = element.attribute("type").flatMap(ParameterType.init(rawValue:)),
            let defaultText = element.attribute("default")
        else { return nil }
        let location = element.location(ofAttribute: "default")
        guard let value = LiteralParser.value(defaultText, as: ExpectedType(type)) else {
            error(at: location, .defaultNotOfType(value: defaultText, parameter: name, type: type.typeName))
            return nil
        }
        let minimum = element.attribute("min").flatMap(Double.init)
        let maximum = element.attribute("max").flatMap(Double.init)
        if let number = value.number {
            if let minimum, number < minimum {
                error(at: location, .defaultBelowMinimum(value: defaultText, parameter: name, minimum: formatNumber(minimum)))
            }
            if let maximum, number > maximum {
                error(at: location, .defaultAboveMaximum(value: defaultText, parameter: name, maximum: formatNumber(maximum)))
            }
        }
        var schedule: [EffectiveValue] = []
        for effective in element.children(named: "effective") {
            let fromText = effective.attribute("from") ?? ""
            let valueText = effective.attribute("value") ?? ""
            guard let from = Day(iso: fromText) else {
                error(at: effective.location(ofAttribute: "from"), .notADateYMD(value: fromText))
                continue
            }
            guard let later = LiteralParser.value(valueText, as: ExpectedType(type)) else {
                error(at: effective.location(ofAttribute: "value"), .scheduledNotOfType(value: valueText, parameter: name, type: type.typeName))
                continue
            }
            if let n = later.number, (minimum.map { n < $0 } ?? false) || (maximum.map { n > $0 } ?? false) {
                error(at: effective.location(ofAttribute: "value"), .scheduledOutsideRange(value: valueText, parameter: name))
                continue
            }
            if schedule.contains(where: { $0.from == from }) {
                error(at: effective.location(ofAttribute: "from"), .scheduledTwice(parameter: name, from: fromText))
                continue
            }
            schedule.append(EffectiveValue(from: from, value: later))
        }
        return Parameter(
            name: name, type: type, defaultValue: value, minimum: minimum, maximum: maximum,
            title: texts(element, "title"), schedule: schedule.sorted { $0.from < $1.from }, location: element.location)
    }

    mutating func readCategory(_ element: XMLElement) -> Category {
        let points = element.attribute("points").flatMap(Double.init) ?? 0
        let parser = OperandParser(parameters: parameters, fields: nil)
        var minimum: Operand?
        if let text = element.attribute("minimum") {
            minimum = parser.parse(text, as: .number, at: element.location(ofAttribute: "minimum"), into: &diagnostics)
            if case .literal(.number(let n)) = minimum, n > points {
                error(
                    at: element.location(ofAttribute: "minimum"),
                    .minimumAboveCategory(minimum: formatNumber(n), points: formatNumber(points)))
            }
        }
        var share: Operand?
        if let text = element.attribute("minimum-share") {
            share = parser.parse(text, as: .number, at: element.location(ofAttribute: "minimum-share"), into: &diagnostics)
            checkUnitRange(share, at: element.location(ofAttribute: "minimum-share"))
        }
        return Category(
            id: element.attribute("id") ?? "", title: texts(element, "title"), points: points, minimum: minimum,
            minimumShare: share, location: element.location)
    }

    // MARK: - Indicators and vetoes

    mutating func readIndicator(_ element: XMLElement) -> Indicator? {
        guard let id = element.attribute("id") else { return nil }
        let categoryID = element.attribute("category") ?? ""
        if categories[categoryID] == nil {
            error(at: element.location(ofAttribute: "category"), .unknownCategory(indicator: id, category: categoryID))
        }
        var appliesWhen: Check?
        if let applies = element.child(named: "applies-when"), let first = applies.children.first {
            appliesWhen = readCheck(first)
        }
        let checks = checkElements(of: element).compactMap { readCheck($0) }
        var deduction: Deduction?
        if let deduct = element.child(named: "deduct") {
            let points = deduct.attribute("points").flatMap(Double.init) ?? 0
            let perText = deduct.attribute("per") ?? "1"
            let parser = OperandParser(parameters: parameters, fields: nil)
            var per = 1.0
            if case .literal(.number(let n))? = parser.parse(
                perText, as: .number, at: deduct.location(ofAttribute: "per"), into: &diagnostics)
            {
                per = n
            }
            if per <= 0 { error(at: deduct.location(ofAttribute: "per"), .perNotPositive) }
            if checks.contains(where: { if case .attested = $0.rule { true } else { false } }) {
                error(at: deduct.location, .attestedDeduction)
            }
            deduction = Deduction(points: points, per: per, perText: perText, location: deduct.location)
        }
        var indicator = Indicator(
            id: id, categoryID: categoryID, points: element.attribute("points").flatMap(Double.init) ?? 0,
            provenance: element.attribute("provenance").flatMap(ProvenanceTag.init(rawValue:)) ?? .reconstructed,
            title: texts(element, "title"), requirement: texts(element, "requirement"),
            basis: element.child(named: "basis")?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? "",
            appliesWhen: appliesWhen, checks: checks, deduction: deduction,
            rectification: readRectification(element.child(named: "rectification")), location: element.location)
        indicator.minPoints = element.attribute("min-points").flatMap(Double.init)
        indicator.maxPoints = element.attribute("max-points").flatMap(Double.init)
        checkPointBounds(indicator, element)
        return indicator
    }

    /// `min-points` ≤ `points` ≤ `max-points`, and no more than the category holds.
    mutating func checkPointBounds(_ indicator: Indicator, _ element: XMLElement) {
        let low = indicator.minPoints ?? indicator.points, high = indicator.maxPoints ?? indicator.points
        if low > indicator.points || high < indicator.points {
            error(
                at: element.location(ofAttribute: low > indicator.points ? "min-points" : "max-points"),
                .pointBoundsExcludePoints(
                    minimum: formatNumber(low), maximum: formatNumber(high), points: formatNumber(indicator.points)))
        }
        if let category = categories[indicator.categoryID], high > category.points + 1e-9 {
            error(
                at: element.location(ofAttribute: "max-points"),
                .maxPointsAboveCategory(maximum: formatNumber(high), category: category.id, points: formatNumber(category.points)))
        }
    }

    mutating func readVeto(_ element: XMLElement) -> Veto? {
        guard let id = element.attribute("id") else { return nil }
        var lookBack: Operand?
        if let text = element.attribute("look-back") {
            lookBack = OperandParser(parameters: parameters, fields: nil)
                .parse(text, as: .duration, at: element.location(ofAttribute: "look-back"), into: &diagnostics)
        }
        return Veto(
            id: id, provenance: element.attribute("provenance").flatMap(ProvenanceTag.init(rawValue:)) ?? .reconstructed,
            title: texts(element, "title"), requirement: texts(element, "requirement"),
            basis: element.child(named: "basis")?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? "",
            lookBack: lookBack, checks: checkElements(of: element).compactMap { readCheck($0) },
            rectification: readRectification(element.child(named: "rectification")), location: element.location)
    }

    static let checkNames: Set<String> = [
        "count", "sum", "average", "minimum", "maximum", "distinct-count", "share", "ratio", "every", "for-each",
        "in-every", "growth", "attested",
    ]

    func checkElements(of element: XMLElement) -> [XMLElement] {
        element.children.filter { PackReader.checkNames.contains($0.name) }
    }

    func readRectification(_ element: XMLElement?) -> RectificationDefaults? {
        guard let element, let department = element.attribute("department"),
            let days = element.attribute("deadline-days").flatMap(Int.init)
        else { return nil }
        return RectificationDefaults(
            department: department, deadlineDays: days, requiresSignOff: element.attribute("sign-off") == "true")
    }
}
