import HeguiBase

extension MessageSamples {
    static let explain: [ExplainMessage] = [
        .requirement(text: LocalizedText(zh: "全员签订", en: "All signed")), .period(label: "2019", start: "2019-01-01", end: "2019-12-31"),
        .outcomeWithPoints(outcome: LocalizedText(zh: "未达标", en: "fail"), awarded: "2", points: "6"),
        .deductionRoundedUp(points: "0.25", per: "1%"), .deduction(points: "0.25", per: "1%"),
        .pointBounds(minimum: "1", maximum: "6"),
        .vetoHeading(id: "V1", title: LocalizedText(zh: "重大事故", en: "Major accident"), pack: "e2e", version: "1.0"),
        .window(start: "2017-01-01", end: "2019-12-31"), .vetoFired, .vetoNotEvaluable, .vetoNotFired,
        .checkHeading(number: 1, description: LocalizedText(zh: "employee记录数 ≥ 1", en: "count of employee ≥ 1")),
        .outcome(outcome: LocalizedText(zh: "达标", en: "pass")), .measured(value: "98%"), .measuredOffenders(value: "2"),
        .required(threshold: "≥ 95%"), .requiredForEach(threshold: "≤ 36"), .rows, .records(count: 3),
        .runRecorded(run: 2, path: "hegui.sqlite", opened: 1, reopened: 0, closed: 2),
        .versionOutOfForce(pack: "ankang-cup", version: "1.0", span: "2019-01-01–…", period: "2018"),
        .periodUnitMismatch(pack: "ankang-cup", unit: LocalizedText(zh: "一年", en: "year"), period: "2019Q1"), .oneYear, .oneHalfYear,
        .oneQuarter, .oneMonth, .columnPack, .columnKind, .columnCategory, .columnPoints, .columnTitle, .kindIndicator, .kindVeto,
        .packLine(pack: "e2e", version: "1.0", category: "劳动关系", points: "6", provenance: "S"), .basis(text: "劳动合同法第十条"),
        .showRequirement(text: LocalizedText(zh: "全员签订", en: "All signed")), .appliesWhen(condition: "employees ≥ 25"),
        .rectification(department: "人力资源部", days: 30), .rectificationSignedOff(department: "人力资源部", days: 30),
        .vetoShowHeading(id: "V1", title: LocalizedText(zh: "重大事故", en: "Major accident")),
        .vetoPackLine(pack: "e2e", version: "1.0", lookBack: LocalizedText(verbatim: "3y"), provenance: "L"), .wholePeriod,
    ]
}
