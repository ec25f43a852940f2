import HeguiBase

extension MessageSamples {
    static let condition = LocalizedText(zh: "grade 属于 较大、重大", en: "grade in 较大, 重大")

    static let evaluation: [EvaluationMessage] = [
        .outcomePass, .outcomeFail, .outcomeNotApplicable, .outcomeError, .outcomeUnattested, .outcomeWaived, .outcomeNotSelected,
        .gradePassed, .gradeFailed, .missingKind(kind: "employee"),
        .absentColumn(location: "employee.csv:1:1", kind: "employee", name: "hours"),
        .absentLabelledColumn(location: "employee.csv:1:1", kind: "employee", name: "hours", label: "工时"),
        .emptyKind(place: "hazard.csv: ", title: LocalizedText(zh: "隐患", en: "hazard"), kind: "hazard"), .groupByTooMany,
        .groupMeasureNotCountOrAggregate, .noRecordsForGrowth(period: "2019", kind: "member"), .previousPeriodZero(period: "2018"),
        .noShareBase(period: "2019", kind: "employee"), .denominatorZero(measure: LocalizedText(zh: "employee记录数", en: "count of employee")),
        .fieldNotNumber(field: "name"), .noValues(period: "2019", kind: "fund", field: "amount"), .noField(kind: "fund", field: "x"),
        .parameterWithoutValue(name: "min"), .shiftNotDuration, .boundNotNumber(bound: "$min"), .booleanNotOrdered, .textNotOrdered,
        .comparisonWrongType, .bucketBelow(bucket: "2019Q1", threshold: "≥ 1"), .noAttestation(period: "2019", indicator: "L01"),
        .shareDetail(meeting: 9, total: 10, kind: "employee"), .ratioDetail(numerator: "3", denominator: "4"),
        .groupValue(key: "E1 2019-03", value: "40", threshold: "≤ 36"), .groupNoValues(key: "E1"), .notSelected(reason: "无食堂"),
        .parametersByDate(end: "2019-12-31", parameters: LocalizedText(zh: "$min：此前 36，2019-07-01 起 40", en: "$min: 36 before, 40 from 2019-07-01")),
        .parameterValues(name: "min", values: LocalizedText(zh: "此前 36", en: "36 before")),
        .valueFrom(day: "2019-07-01", value: "40"), .valueBefore(value: "36"), .doesNotApply(condition: condition),
        .waived(reason: "整改中", approver: "王五", expires: "2019-12-31"), .waiverExpired(expires: "2019-06-30"),
        .yearsWithoutRecords(kind: "accident", years: LocalizedText(zh: "2017、2018", en: "2017, 2018")),
        .lookBackUnattested(veto: "V1", start: "2017-01-01", end: "2019-12-31", gaps: LocalizedText(zh: "…", en: "…")),
        .signsTwice(value: "张三"), .deadlinesFallback(problem: "rules: missing", deadlines: LocalizedText(zh: "一般 30 天", en: "一般 30 days")),
        .deadlineDays(grade: "一般", days: 30), .skippedRows(count: 3, groups: LocalizedText(zh: "合计行（第 40 行）", en: "total (line 40)")),
        .skippedRow(groups: LocalizedText(zh: "合计行（第 40 行）", en: "total (line 40)")),
        .skippedGroupOne(group: LocalizedText(zh: "表注", en: "note"), lines: LocalizedText(verbatim: "41"), sheetRows: true),
        .skippedGroupOne(group: LocalizedText(zh: "表注", en: "note"), lines: LocalizedText(verbatim: "41"), sheetRows: false),
        .skippedGroupMany(group: LocalizedText(zh: "表注", en: "note"), lines: LocalizedText(zh: "41-42、45", en: "41-42, 45"), sheetRows: true),
        .skippedGroupMany(group: LocalizedText(zh: "表注", en: "note"), lines: LocalizedText(zh: "41-42、45", en: "41-42, 45"), sheetRows: false),
        .aboveHeader, .repeatedHeader, .totalRow, .noteRow, .blankRow,
        .columnsNotRead(columns: LocalizedText(zh: "备注、签名", en: "备注, 签名")), .columnNotRead(column: "备注"),
    ]

    static let ruleWords: [DescriptionMessage] = [
        .whereFilter(condition: condition), .linkFilter(condition: condition),
        .every(kind: "employee", filter: LocalizedText(verbatim: ""), that: condition),
        .forEachGroup(groups: LocalizedText(zh: "employeeId、月", en: "employeeId and month"), kind: "overtime", filter: LocalizedText(verbatim: ""),
            measure: LocalizedText(zh: "overtime.hours合计", en: "sum of overtime.hours"), bounds: "≤ 36"),
        .inEvery(unit: LocalizedText(zh: "季度", en: "quarter"), measure: LocalizedText(zh: "meeting记录数", en: "count of meeting"), bounds: "≥ 1"),
        .growth(measure: LocalizedText(zh: "member记录数", en: "count of member"), bounds: "≥ 0"), .attested,
        .count(kind: "hazard", filter: LocalizedText(zh: "（grade = 重大）", en: " where grade = 重大")),
        .aggregate(aggregate: LocalizedText(zh: "合计", en: "sum"), kind: "fund", field: "amount", filter: LocalizedText(verbatim: "")),
        .share(kind: "employee", filter: LocalizedText(verbatim: ""), that: condition), .sum, .average, .minimum, .maximum, .distinctCount,
        .month, .quarter, .halfYear, .year, .groupSeparator, .and, .or, .not(condition: condition),
        .isIn(values: LocalizedText(zh: "较大、重大", en: "较大, 重大")), .between(low: "1", high: "3"), .isEmpty, .isPresent,
        .has(kind: "contract", link: "employeeId", filter: LocalizedText(verbatim: "")), .allDifferent(fields: "signer, approver"),
    ]
}
