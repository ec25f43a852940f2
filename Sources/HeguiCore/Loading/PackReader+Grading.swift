import Foundation
import HeguiBase
import HeguiXML

extension PackReader {
    // MARK: - Grading and tests

    mutating func readGrading(_ element: XMLElement?, root: XMLElement, maxScore: Double) -> Grading {
        let parser = OperandParser(parameters: parameters, fields: nil)
        guard let element else {
            return Grading(
                passLine: .literal(.number(maxScore)), grades: [], failingGrade: Message.evaluation(.gradeFailed).text,
                location: root.location)
        }
        let passLocation = element.location(ofAttribute: "pass-line")
        let passLine =
            element.attribute("pass-line").flatMap { parser.parse($0, as: .number, at: passLocation, into: &diagnostics) }
            ?? .literal(.number(maxScore))
        let passValue = resolvedDefault(passLine)
        if let passValue, passValue > maxScore + 1e-9 {
            error(at: passLocation, .passLineAboveMaximum(line: formatNumber(passValue), maximum: formatNumber(maxScore)))
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
                        .gradeBelowPassLine(
                            grade: gradeElement.attribute("id") ?? "", line: formatNumber(value), passLine: formatNumber(passValue)))
                }
                if value > maxScore + 1e-9 {
                    error(at: location, .gradeLineAboveMaximum(line: formatNumber(value), maximum: formatNumber(maxScore)))
                }
                if let previous, value <= previous {
                    error(at: location, .gradesOutOfOrder)
                }
                previous = value
            }
            grades.append(Grade(id: gradeElement.attribute("id") ?? "", title: texts(gradeElement, "title"), atLeast: line))
        }
        let failing = element.child(named: "failing-grade").map { texts($0, "title") } ?? Message.evaluation(.gradeFailed).text
        return Grading(passLine: passLine, grades: grades, failingGrade: failing, location: element.location)
    }

    func resolvedDefault(_ operand: Operand) -> Double? {
        switch operand {
        case .literal(.number(let n)): n
        case .parameter(let name): parameters[name]?.defaultValue.number
        default: nil
        }
    }

    mutating func checkTotals(_ categories: [Category], _ indicators: [Indicator]) {
        for category in categories {
            let total = indicators.filter { $0.categoryID == category.id }.reduce(0) { $0 + $1.points }
            if abs(total - category.points) > 1e-9 {
                error(
                    at: category.location,
                    .categoryTotal(category: category.id, total: formatNumber(total), declared: formatNumber(category.points)))
            }
        }
        for indicator in indicators {
            if let deduction = indicator.deduction, deduction.points > indicator.points {
                error(
                    at: deduction.location,
                    .deductionAboveIndicator(points: formatNumber(deduction.points), indicator: formatNumber(indicator.points)))
            }
        }
    }

    mutating func readTest(_ element: XMLElement, indicators: Set<String>, vetoes: Set<String>) -> PackTestCase? {
        guard let name = element.attribute("name"), let periodText = element.attribute("period") else { return nil }
        guard let period = Period(parsing: periodText) else {
            error(
                at: element.location(ofAttribute: "period"), .notAPeriod(value: periodText))
            return nil
        }
        var expectations: [Expectation] = []
        for expect in element.children(named: "expect") {
            let location = expect.location
            if let id = expect.attribute("indicator") {
                guard indicators.contains(id) else {
                    error(at: expect.location(ofAttribute: "indicator"), .expectsUnknownIndicator(test: name, indicator: id))
                    continue
                }
                guard let outcome = expect.attribute("outcome").flatMap(Outcome.init(rawValue:)) else {
                    error(at: location, .expectationNeedsOutcome)
                    continue
                }
                expectations.append(
                    Expectation(
                        target: .indicator(id: id, outcome: outcome, points: expect.attribute("points").flatMap(Double.init)),
                        location: location))
            } else if let id = expect.attribute("veto") {
                guard vetoes.contains(id) else {
                    error(at: expect.location(ofAttribute: "veto"), .expectsUnknownVeto(test: name, veto: id))
                    continue
                }
                guard let fires = expect.attribute("fires") else {
                    error(at: location, .expectationNeedsFires)
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
                error(at: location, .expectNeedsTarget)
            }
        }
        return PackTestCase(
            name: name, period: period,
            records: element.child(named: "records") ?? XMLElement(name: "records", location: element.location),
            expectations: expectations, location: element.location)
    }
}
