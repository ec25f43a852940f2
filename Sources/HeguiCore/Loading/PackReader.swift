import Foundation
import HeguiXML

/// Turns a pack's element tree into a `RulePack`, checking meaning as it goes: unique ids,
/// references to kinds, fields and parameters, fitting types, totals and ranges. It tolerates
/// shapes the schema already rejected, so schema and meaning errors come out in one run.
struct PackReader {
    private(set) var diagnostics: [Diagnostic] = []
    private var kinds: [String: RecordKind] = [:]
    private var parameters: [String: Parameter] = [:]
    private var categories: [String: Category] = [:]

    /// Reads a pack; nil only when the root is not a pack at all.
    mutating func read(_ root: XMLElement) -> RulePack? {
        guard root.name == "pack" else {
            error(at: root.location, "the root element is <\(root.name)>, expected <pack>")
            return nil
        }
        let id = root.attribute("id") ?? ""
        let version = root.attribute("version") ?? ""
        var effectiveFrom: Day?
        if let text = root.attribute("effective-from") {
            effectiveFrom = Day(iso: text)
            if effectiveFrom == nil { error(at: root.location(ofAttribute: "effective-from"), "'\(text)' is not a date") }
        }
        let title = texts(root, "title")
        let periodUnit = root.attribute("period").flatMap(PeriodUnit.init(rawValue:))

        var recordKinds: [RecordKind] = []
        for element in root.children(named: "record-kind") {
            guard let kind = readKind(element) else { continue }
            if let first = kinds[kind.id] {
                error(at: element.location, "duplicate record kind '\(kind.id)' (first at line \(first.location.line))")
                continue
            }
            kinds[kind.id] = kind
            recordKinds.append(kind)
        }
        var parameterList: [Parameter] = []
        for element in root.children(named: "parameter") {
            guard let parameter = readParameter(element) else { continue }
            if let first = parameters[parameter.name] {
                error(at: element.location, "duplicate parameter '\(parameter.name)' (first at line \(first.location.line))")
                continue
            }
            parameters[parameter.name] = parameter
            parameterList.append(parameter)
        }
        var categoryList: [Category] = []
        for element in root.children(named: "category") {
            let category = readCategory(element)
            if let first = categories[category.id] {
                error(at: element.location, "duplicate category '\(category.id)' (first at line \(first.location.line))")
                continue
            }
            categories[category.id] = category
            categoryList.append(category)
        }

        var itemLines: [String: Int] = [:]
        func claim(_ id: String, _ element: XMLElement) {
            if let line = itemLines[id] {
                error(at: element.location(ofAttribute: "id"), "duplicate id '\(id)' (first at line \(line))")
            } else {
                itemLines[id] = element.location.line
            }
        }
        var indicators: [Indicator] = []
        for element in root.children(named: "indicator") {
            claim(element.attribute("id") ?? "", element)
            if let indicator = readIndicator(element) { indicators.append(indicator) }
        }
        var vetoes: [Veto] = []
        for element in root.children(named: "veto") {
            claim(element.attribute("id") ?? "", element)
            if let veto = readVeto(element) { vetoes.append(veto) }
        }
        checkTotals(categoryList, indicators)

        let gradingElement = root.child(named: "grading")
        let grading = readGrading(gradingElement, root: root, maxScore: categoryList.reduce(0) { $0 + $1.points })

        var deadlines: [String: Int] = [:]
        for element in root.child(named: "rectification-deadlines")?.children(named: "deadline") ?? [] {
            if let grade = element.attribute("grade"), let days = element.attribute("days").flatMap(Int.init) {
                deadlines[grade] = days
            }
        }

        var testCases: [PackTestCase] = []
        var testLines: [String: Int] = [:]
        let ids = Set(indicators.map(\.id)), vetoIDs = Set(vetoes.map(\.id))
        for element in root.children(named: "test") {
            guard let test = readTest(element, indicators: ids, vetoes: vetoIDs) else { continue }
            if let line = testLines[test.name] {
                error(at: element.location, "duplicate test '\(test.name)' (first at line \(line))")
            }
            testLines[test.name] = element.location.line
            testCases.append(test)
        }

        var pack = RulePack(
            id: id, version: version, effectiveFrom: effectiveFrom, title: title,
            basis: root.child(named: "basis")?.text.trimmingCharacters(in: .whitespacesAndNewlines),
            recordKinds: recordKinds, parameters: parameterList, categories: categoryList, indicators: indicators,
            vetoes: vetoes, grading: grading, deadlineDaysByGrade: deadlines, testCases: testCases,
            location: root.location)
        pack.periodUnit = periodUnit
        return pack
    }

    // MARK: - Declarations

    private mutating func readKind(_ element: XMLElement) -> RecordKind? {
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
                    "duplicate field '\(name)' in kind '\(id)' (first at line \(line))")
                continue
            }
            seen[name] = fieldElement.location.line
            let labels = ([fieldElement.attribute("label")].compactMap { $0 } + words(fieldElement.attribute("aliases")))
            for label in labels + [name] {
                if let owner = labelOwners[label], owner != name {
                    error(at: fieldElement.location, "column name '\(label)' of field '\(name)' is also used by field '\(owner)'")
                }
                labelOwners[label] = name
            }
            let values = words(fieldElement.attribute("values"))
            if type == .enumeration && values.isEmpty {
                error(at: fieldElement.location, "enum field '\(name)' needs values=\"…\"")
            }
            if type != .enumeration && !values.isEmpty {
                error(at: fieldElement.location(ofAttribute: "values"), "values=\"…\" is only for enum fields")
            }
            fields.append(
                FieldDefinition(
                    name: name, type: type, labels: labels, required: fieldElement.attribute("required") == "true",
                    allowedValues: values, location: fieldElement.location))
        }
        let kind = RecordKind(
            id: id, title: texts(element, "title"), keyField: element.attribute("key"),
            dateField: element.attribute("date"), fields: fields, nonEmpty: element.attribute("non-empty") == "true",
            location: element.location)
        if let key = kind.keyField, kind.field(key) == nil {
            error(at: element.location(ofAttribute: "key"), "key field '\(key)' is not a field of kind '\(id)'")
        }
        if let date = kind.dateField {
            if let field = kind.field(date) {
                if field.type != .date {
                    error(
                        at: element.location(ofAttribute: "date"),
                        "date field '\(date)' of kind '\(id)' is \(field.type.withArticle), not a date")
                }
            } else {
                error(at: element.location(ofAttribute: "date"), "date field '\(date)' is not a field of kind '\(id)'")
            }
        }
        return kind
    }

    private mutating func readParameter(_ element: XMLElement) -> Parameter? {
        guard let name = element.attribute("name"),
            let type = element.attribute("type").flatMap(ParameterType.init(rawValue:)),
            let defaultText = element.attribute("default")
        else { return nil }
        let location = element.location(ofAttribute: "default")
        guard let value = LiteralParser.value(defaultText, as: ExpectedType(type)) else {
            error(at: location, "default '\(defaultText)' of parameter '\(name)' is not a \(type.rawValue)")
            return nil
        }
        let minimum = element.attribute("min").flatMap(Double.init)
        let maximum = element.attribute("max").flatMap(Double.init)
        if let number = value.number {
            if let minimum, number < minimum {
                error(at: location, "default \(defaultText) of parameter '\(name)' is below its minimum \(formatNumber(minimum))")
            }
            if let maximum, number > maximum {
                error(at: location, "default \(defaultText) of parameter '\(name)' is above its maximum \(formatNumber(maximum))")
            }
        }
        return Parameter(
            name: name, type: type, defaultValue: value, minimum: minimum, maximum: maximum,
            title: texts(element, "title"), location: element.location)
    }

    private mutating func readCategory(_ element: XMLElement) -> Category {
        let points = element.attribute("points").flatMap(Double.init) ?? 0
        let parser = OperandParser(parameters: parameters, fields: nil)
        var minimum: Operand?
        if let text = element.attribute("minimum") {
            minimum = parser.parse(text, as: .number, at: element.location(ofAttribute: "minimum"), into: &diagnostics)
            if case .literal(.number(let n)) = minimum, n > points {
                error(
                    at: element.location(ofAttribute: "minimum"),
                    "minimum \(formatNumber(n)) is above the category's \(formatNumber(points)) points")
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

    private mutating func readIndicator(_ element: XMLElement) -> Indicator? {
        guard let id = element.attribute("id") else { return nil }
        let categoryID = element.attribute("category") ?? ""
        if categories[categoryID] == nil {
            error(at: element.location(ofAttribute: "category"), "indicator '\(id)' names unknown category '\(categoryID)'")
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
            if per <= 0 { error(at: deduct.location(ofAttribute: "per"), "per must be above 0") }
            if checks.contains(where: { if case .attested = $0.rule { true } else { false } }) {
                error(at: deduct.location, "an attested indicator cannot have a deduction: there is no shortfall to measure")
            }
            deduction = Deduction(points: points, per: per, perText: perText, location: deduct.location)
        }
        return Indicator(
            id: id, categoryID: categoryID, points: element.attribute("points").flatMap(Double.init) ?? 0,
            provenance: element.attribute("provenance").flatMap(ProvenanceTag.init(rawValue:)) ?? .reconstructed,
            title: texts(element, "title"), requirement: texts(element, "requirement"),
            basis: element.child(named: "basis")?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? "",
            appliesWhen: appliesWhen, checks: checks, deduction: deduction,
            rectification: readRectification(element.child(named: "rectification")), location: element.location)
    }

    private mutating func readVeto(_ element: XMLElement) -> Veto? {
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

    private static let checkNames: Set<String> = [
        "count", "sum", "average", "minimum", "maximum", "distinct-count", "share", "ratio", "every", "for-each",
        "in-every", "growth", "attested",
    ]

    private func checkElements(of element: XMLElement) -> [XMLElement] {
        element.children.filter { PackReader.checkNames.contains($0.name) }
    }

    private func readRectification(_ element: XMLElement?) -> RectificationDefaults? {
        guard let element, let department = element.attribute("department"),
            let days = element.attribute("deadline-days").flatMap(Int.init)
        else { return nil }
        return RectificationDefaults(
            department: department, deadlineDays: days, requiresSignOff: element.attribute("sign-off") == "true")
    }

    // MARK: - Checks

    private mutating func readCheck(_ element: XMLElement) -> Check? {
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
                error(
                    at: element.location(ofAttribute: "group-by"), "group-by field '\(field)' is not a field of kind '\(kind.id)'"
                )
            }
            let per = element.attribute("per").flatMap(PeriodUnit.init(rawValue:))
            if per != nil && kind.dateField == nil {
                error(
                    at: element.location(ofAttribute: "per"),
                    "per=\"\(per!.rawValue)\" needs kind '\(kind.id)' to declare a date field")
            }
            guard let inner = element.children.first(where: { $0.name != "where" }),
                let measure = readMeasure(inner, groupKind: kind.id)
            else { return nil }
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
                error(
                    at: element.location,
                    "<attested/> needs a record kind 'attestation' with fields indicator, attestedBy and document")
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
                error(at: boundsElement.location, "<\(boundsElement.name)> needs a bound: at-least, at-most or equals")
            }
        }
        return Check(rule: rule, requirement: requirement, location: element.location)
    }

    /// Whether the check compares a share or ratio of counts, whose bounds must lie in 0…1.
    private func isUnitMeasure(_ rule: CheckRule) -> Bool {
        switch rule {
        case .measure(.share), .inEvery(_, .share), .forEachGroup(_, _, _, _, .share): true
        default: false
        }
    }

    private mutating func readMeasure(_ element: XMLElement, groupKind: String?) -> Measure? {
        switch element.name {
        case "count", "sum", "average", "minimum", "maximum", "distinct-count":
            let kindID: String
            if let of = element.attribute("of") {
                if groupKind != nil {
                    error(
                        at: element.location(ofAttribute: "of"),
                        "inside <for-each>, leave out 'of': the measure reads the grouped records")
                }
                kindID = of
            } else if let groupKind {
                kindID = groupKind
            } else {
                error(at: element.location, "<\(element.name)> needs of=\"kind\"")
                return nil
            }
            guard let kind = kinds[kindID] else {
                error(at: element.location(ofAttribute: "of"), "unknown record kind '\(kindID)'")
                return nil
            }
            let filter = condition(element.child(named: "where"), kind)
            if element.name == "count" {
                if element.attribute("field") != nil {
                    error(at: element.location(ofAttribute: "field"), "<count> counts records; it takes no field")
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
                error(at: element.location, "<\(element.name)> needs field=\"…\"")
                return nil
            }
            guard let field = kind.field(fieldName) else {
                error(at: element.location(ofAttribute: "field"), "unknown field '\(fieldName)' of kind '\(kind.id)'")
                return nil
            }
            if aggregate != .distinct && !field.type.isNumeric {
                error(
                    at: element.location(ofAttribute: "field"),
                    "<\(element.name)> needs a number field, but '\(fieldName)' is \(field.type.withArticle)")
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
                if parts.count != 2 { error(at: element.location, "<ratio> needs exactly two measures: numerator, denominator") }
                return nil
            }
            refuseBounds(parts[0])
            refuseBounds(parts[1])
            return .ratio(a, b)
        default:
            error(at: element.location, "<\(element.name)> is not a measure")
            return nil
        }
    }

    private mutating func refuseBounds(_ element: XMLElement) {
        for name in ["at-least", "at-most", "equals"] where element.attribute(name) != nil {
            error(at: element.location(ofAttribute: name), "\(name) belongs on the enclosing element, not on this inner measure")
        }
    }

    private mutating func requireDateFields(_ measure: Measure, at location: SourceLocation, purpose: String) {
        for kindID in measure.kinds where kinds[kindID]?.dateField == nil {
            error(at: location, "<\(purpose)> needs kind '\(kindID)' to declare a date field, so records fall into periods")
        }
    }

    private mutating func bounds(_ element: XMLElement, unitRange: Bool) -> Requirement {
        let parser = OperandParser(parameters: parameters, fields: nil)
        var requirement = Requirement()
        for name in ["at-least", "at-most", "equals"] {
            guard let text = element.attribute(name) else { continue }
            let location = element.location(ofAttribute: name)
            let operand = parser.parse(text, as: .number, at: location, into: &diagnostics)
            if unitRange { checkUnitRange(operand, at: location) }
            if case .literal(.number(let n))? = operand, n < 0, element.name == "count" || element.name == "distinct-count" {
                error(at: location, "\(name) \(text) is below 0: a count cannot be negative")
            }
            switch name {
            case "at-least": requirement.atLeast = operand
            case "at-most": requirement.atMost = operand
            default: requirement.equals = operand
            }
        }
        return requirement
    }

    private mutating func checkUnitRange(_ operand: Operand?, at location: SourceLocation) {
        var value: Double?
        switch operand {
        case .literal(.number(let n))?: value = n
        case .parameter(let name)?: value = parameters[name]?.defaultValue.number
        default: break
        }
        if let value, !(0...1).contains(value) {
            error(at: location, "\(formatNumber(value)) is outside 0…1 for a share (write 95% or 0.95)")
        }
    }

    // MARK: - Conditions

    private mutating func kind(_ element: XMLElement, _ attribute: String) -> RecordKind? {
        guard let id = element.attribute(attribute) else { return nil }
        guard let kind = kinds[id] else {
            error(at: element.location(ofAttribute: attribute), "unknown record kind '\(id)'")
            return nil
        }
        return kind
    }

    /// The conditions inside a container (`where`, `that`, `all`…), joined by "and".
    private mutating func condition(_ container: XMLElement?, _ kind: RecordKind) -> Condition? {
        guard let container else { return nil }
        let parts = container.children.compactMap { readCondition($0, kind) }
        return parts.count == 1 ? parts[0] : .all(parts)
    }

    private mutating func readCondition(_ element: XMLElement, _ kind: RecordKind) -> Condition? {
        switch element.name {
        case "field": return readFieldCondition(element, kind)
        case "all": return .all(element.children.compactMap { readCondition($0, kind) })
        case "any": return .any(element.children.compactMap { readCondition($0, kind) })
        case "not": return condition(element, kind).map(Condition.not)
        case "has":
            guard let other = self.kind(element, "of"), let by = element.attribute("by") else { return nil }
            let to = element.attribute("to") ?? by
            guard let mine = kind.field(by) else {
                error(at: element.location(ofAttribute: "by"), "unknown field '\(by)' of kind '\(kind.id)'")
                return nil
            }
            guard let theirs = other.field(to) else {
                error(
                    at: element.location(ofAttribute: element.attribute("to") == nil ? "by" : "to"),
                    "unknown field '\(to)' of kind '\(other.id)'")
                return nil
            }
            if ExpectedType(mine.type) != ExpectedType(theirs.type) {
                error(
                    at: element.location,
                    "cannot link '\(kind.id).\(by)' (\(mine.type.rawValue)) to '\(other.id).\(to)' (\(theirs.type.rawValue))")
            }
            return .has(kind: other.id, by: by, to: to, where: element.children.isEmpty ? nil : condition(element, other))
        case "distinct":
            let fields = words(element.attribute("fields"))
            for field in fields where kind.field(field) == nil {
                error(at: element.location(ofAttribute: "fields"), "unknown field '\(field)' of kind '\(kind.id)'")
            }
            if fields.count < 2 { error(at: element.location(ofAttribute: "fields"), "<distinct> needs at least two fields") }
            return .distinct(fields)
        default:
            return nil  // The schema reports unknown elements.
        }
    }

    private static let comparisonNames = [
        "equals", "not-equals", "less-than", "at-most", "greater-than", "at-least", "in", "between", "empty",
    ]

    private mutating func readFieldCondition(_ element: XMLElement, _ kind: RecordKind) -> Condition? {
        guard let name = element.attribute("name") else { return nil }
        guard let field = kind.field(name) else {
            error(at: element.location(ofAttribute: "name"), "unknown field '\(name)' of kind '\(kind.id)'")
            return nil
        }
        let given = PackReader.comparisonNames.filter { element.attribute($0) != nil }
        guard given.count == 1, let op = given.first, let text = element.attribute(op) else {
            error(
                at: element.location,
                "<field name=\"\(name)\"> needs exactly one comparison (equals, at-least, in, …), found \(given.count)")
            return nil
        }
        let location = element.location(ofAttribute: op)
        let type = ExpectedType(field.type)
        let parser = OperandParser(
            parameters: parameters, fields: Dictionary(uniqueKeysWithValues: kind.fields.map { ($0.name, $0) }))
        func operand(_ text: String) -> Operand? {
            let result = parser.parse(text, as: type, at: location, into: &diagnostics)
            if field.type == .enumeration, case .literal(.text(let value))? = result, !field.allowedValues.contains(value) {
                error(at: location, "'\(value)' is not one of \(field.allowedValues.joined(separator: ", ")) (field '\(name)')")
            }
            return result
        }
        // A list is resolved once for all rows, so it cannot hold another field of the row.
        if op == "in" || op == "between", words(text).contains(where: { $0.hasPrefix("@") }) {
            error(at: location, "\(op)=\"…\" takes values and parameters, not fields; compare with @field using at-least/at-most")
            return nil
        }
        let comparison: Comparison
        switch op {
        case "equals": comparison = .equals(operand(text) ?? .literal(.text(text)))
        case "not-equals": comparison = .notEquals(operand(text) ?? .literal(.text(text)))
        case "less-than", "at-most", "greater-than", "at-least":
            if field.type == .boolean || field.type == .string || field.type == .enumeration {
                error(at: location, "\(op) compares numbers or dates, but '\(name)' is \(field.type.withArticle)")
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
            if items.isEmpty { error(at: location, "in=\"…\" needs at least one value") }
            comparison = .isIn(items)
        case "between":
            if field.type == .boolean || field.type == .string || field.type == .enumeration {
                error(at: location, "between compares numbers or dates, but '\(name)' is \(field.type.withArticle)")
                return nil
            }
            let items = words(text)
            guard items.count == 2, let low = operand(items[0]), let high = operand(items[1]) else {
                if items.count != 2 { error(at: location, "between=\"low high\" needs exactly two values") }
                return nil
            }
            comparison = .between(low, high)
        default:
            comparison = .isEmpty(text == "true" || text == "1")
        }
        return .field(name, comparison)
    }

    // MARK: - Grading and tests

    private mutating func readGrading(_ element: XMLElement?, root: XMLElement, maxScore: Double) -> Grading {
        let parser = OperandParser(parameters: parameters, fields: nil)
        guard let element else {
            return Grading(
                passLine: .literal(.number(maxScore)), grades: [], failingGrade: LocalizedText(zh: "不达标", en: "failed"),
                location: root.location)
        }
        let passLocation = element.location(ofAttribute: "pass-line")
        let passLine =
            element.attribute("pass-line").flatMap { parser.parse($0, as: .number, at: passLocation, into: &diagnostics) }
            ?? .literal(.number(maxScore))
        let passValue = resolvedDefault(passLine)
        if let passValue, passValue > maxScore + 1e-9 {
            error(at: passLocation, "pass line \(formatNumber(passValue)) is above the pack's \(formatNumber(maxScore)) points")
        }
        var grades: [Grade] = []
        var previous: Double?
        for gradeElement in element.children(named: "grade") {
            let location = gradeElement.location(ofAttribute: "at-least")
            guard
                let line = gradeElement.attribute("at-least").flatMap({
                    parser.parse($0, as: .number, at: location, into: &diagnostics)
                })
            else { continue }
            if let value = resolvedDefault(line) {
                if let passValue, value < passValue - 1e-9 {
                    error(
                        at: location,
                        "grade '\(gradeElement.attribute("id") ?? "")' at \(formatNumber(value)) is below the pass line \(formatNumber(passValue))"
                    )
                }
                if value > maxScore + 1e-9 {
                    error(at: location, "grade line \(formatNumber(value)) is above the pack's \(formatNumber(maxScore)) points")
                }
                if let previous, value <= previous {
                    error(at: location, "grades must be listed from the lowest line up")
                }
                previous = value
            }
            grades.append(Grade(id: gradeElement.attribute("id") ?? "", title: texts(gradeElement, "title"), atLeast: line))
        }
        let failing = element.child(named: "failing-grade").map { texts($0, "title") } ?? LocalizedText(zh: "不达标", en: "failed")
        return Grading(passLine: passLine, grades: grades, failingGrade: failing, location: element.location)
    }

    private func resolvedDefault(_ operand: Operand) -> Double? {
        switch operand {
        case .literal(.number(let n)): n
        case .parameter(let name): parameters[name]?.defaultValue.number
        default: nil
        }
    }

    private mutating func checkTotals(_ categories: [Category], _ indicators: [Indicator]) {
        for category in categories {
            let total = indicators.filter { $0.categoryID == category.id }.reduce(0) { $0 + $1.points }
            if abs(total - category.points) > 1e-9 {
                error(
                    at: category.location,
                    "indicators of category '\(category.id)' add up to \(formatNumber(total)) points, but the category declares \(formatNumber(category.points))"
                )
            }
        }
        for indicator in indicators {
            if let deduction = indicator.deduction, deduction.points > indicator.points {
                error(
                    at: deduction.location,
                    "deduction of \(formatNumber(deduction.points)) per unit is more than the indicator's \(formatNumber(indicator.points)) points"
                )
            }
        }
    }

    private mutating func readTest(_ element: XMLElement, indicators: Set<String>, vetoes: Set<String>) -> PackTestCase? {
        guard let name = element.attribute("name"), let periodText = element.attribute("period") else { return nil }
        guard let period = Period(parsing: periodText) else {
            error(
                at: element.location(ofAttribute: "period"), "'\(periodText)' is not a period (2019, 2019Q2, 2019H1 or 2019-03)")
            return nil
        }
        var expectations: [Expectation] = []
        for expect in element.children(named: "expect") {
            let location = expect.location
            if let id = expect.attribute("indicator") {
                guard indicators.contains(id) else {
                    error(at: expect.location(ofAttribute: "indicator"), "test '\(name)' expects unknown indicator '\(id)'")
                    continue
                }
                guard let outcome = expect.attribute("outcome").flatMap(Outcome.init(rawValue:)) else {
                    error(at: location, "an indicator expectation needs outcome=\"…\"")
                    continue
                }
                expectations.append(
                    Expectation(
                        target: .indicator(id: id, outcome: outcome, points: expect.attribute("points").flatMap(Double.init)),
                        location: location))
            } else if let id = expect.attribute("veto") {
                guard vetoes.contains(id) else {
                    error(at: expect.location(ofAttribute: "veto"), "test '\(name)' expects unknown veto '\(id)'")
                    continue
                }
                guard let fires = expect.attribute("fires") else {
                    error(at: location, "a veto expectation needs fires=\"true|false\"")
                    continue
                }
                expectations.append(
                    Expectation(target: .veto(id: id, fires: fires == "true" || fires == "1"), location: location))
            } else if expect.attribute("score") != nil || expect.attribute("passed") != nil {
                let passed = expect.attribute("passed").map { $0 == "true" || $0 == "1" }
                expectations.append(
                    Expectation(
                        target: .pack(score: expect.attribute("score").flatMap(Double.init), passed: passed), location: location))
            } else {
                error(at: location, "<expect> needs indicator=, veto= or score=/passed=")
            }
        }
        return PackTestCase(
            name: name, period: period,
            records: element.child(named: "records") ?? XMLElement(name: "records", location: element.location),
            expectations: expectations, location: element.location)
    }

    // MARK: - Helpers

    private mutating func texts(_ element: XMLElement, _ name: String) -> LocalizedText {
        let items = element.children(named: name)
        let zh = items.first { $0.attribute("lang") == "zh-CN" }?.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let en = items.first { $0.attribute("lang") == "en" }?.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !items.isEmpty, zh == nil || en == nil {
            error(at: items[0].location, "<\(name)> needs one text in zh-CN and one in en")
        }
        return LocalizedText(zh: zh ?? en ?? "", en: en ?? zh ?? "")
    }

    private func words(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "," }).map(String.init)
    }

    private mutating func error(at location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(at: location, message))
    }
}
