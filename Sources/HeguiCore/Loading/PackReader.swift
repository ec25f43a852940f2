import Foundation
import HeguiBase
import HeguiXML

/// Turns a pack's element tree into a `RulePack`, checking meaning as it goes: unique ids,
/// references to kinds, fields and parameters, fitting types, totals and ranges. It tolerates
/// shapes the schema already rejected, so schema and meaning errors come out in one run.
struct PackReader {
    var diagnostics: [Diagnostic] = []
    var kinds: [String: RecordKind] = [:]
    var parameters: [String: Parameter] = [:]
    var categories: [String: Category] = [:]
    /// The kind a `<has>` being read is tested for: what `^field` refers to in its conditions.
    var outerKind: RecordKind?

    /// Reads a pack; nil only when the root is not a pack at all.
    mutating func read(_ root: XMLElement) -> RulePack? {
        guard root.name == "pack" else {
            error(at: root.location, .wrongRoot(root: root.name))
            return nil
        }
        let id = root.attribute("id") ?? ""
        let version = root.attribute("version") ?? ""
        var effectiveFrom: Day?
        if let text = root.attribute("effective-from") {
            effectiveFrom = Day(iso: text)
            if effectiveFrom == nil { error(at: root.location(ofAttribute: "effective-from"), .notADate(value: text)) }
        }
        var effectiveTo: Day?
        if let text = root.attribute("effective-to") {
            effectiveTo = Day(iso: text)
            if effectiveTo == nil { error(at: root.location(ofAttribute: "effective-to"), .notADate(value: text)) }
        }
        let title = texts(root, "title")
        let periodUnit = root.attribute("period").flatMap(PeriodUnit.init(rawValue:))

        var recordKinds: [RecordKind] = []
        for element in root.children(named: "record-kind") {
            guard let kind = readKind(element) else { continue }
            if let first = kinds[kind.id] {
                error(at: element.location, .duplicateKind(id: kind.id, line: first.location.line))
                continue
            }
            kinds[kind.id] = kind
            recordKinds.append(kind)
        }
        var parameterList: [Parameter] = []
        for element in root.children(named: "parameter") {
            guard let parameter = readParameter(element) else { continue }
            if let first = parameters[parameter.name] {
                error(at: element.location, .duplicateParameter(name: parameter.name, line: first.location.line))
                continue
            }
            parameters[parameter.name] = parameter
            parameterList.append(parameter)
        }
        var categoryList: [Category] = []
        for element in root.children(named: "category") {
            let category = readCategory(element)
            if let first = categories[category.id] {
                error(at: element.location, .duplicateCategory(id: category.id, line: first.location.line))
                continue
            }
            categories[category.id] = category
            categoryList.append(category)
        }

        var itemLines: [String: Int] = [:]
        func claim(_ id: String, _ element: XMLElement) {
            if let line = itemLines[id] {
                error(at: element.location(ofAttribute: "id"), .duplicateID(id: id, line: line))
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
                error(at: element.location, .duplicateTest(name: test.name, line: line))
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
        pack.effectiveTo = effectiveTo
        pack.periodUnit = periodUnit
        return pack
    }

    // MARK: - Helpers

    mutating func texts(_ element: XMLElement, _ name: String) -> LocalizedText {
        let items = element.children(named: name)
        let zh = items.first { $0.attribute("lang") == "zh-CN" }?.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let en = items.first { $0.attribute("lang") == "en" }?.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !items.isEmpty, zh == nil || en == nil {
            error(at: items[0].location, .needsBothLanguages(element: name))
        }
        return LocalizedText(zh: zh ?? en ?? "", en: en ?? zh ?? "")
    }

    func words(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "," }).map(String.init)
    }

    mutating func error(at location: SourceLocation, _ message: RuleMessage) {
        diagnostics.append(Diagnostic(at: location, .rules(message)))
    }
}
