import HeguiBase

extension MessageSamples {
    static let report: [ReportMessage] =
        ReportLabel.allCases.map(ReportMessage.label) + [
            .offending(count: "2"), .more(count: 7), .withOneItemToFix(verdict: "通过"), .withItemsToFix(verdict: "PASSED", count: 3),
            .chainBroken(event: "4", reason: LocalizedText(zh: "哈希不符", en: "hash mismatch")), .chainInconsistent(items: "1, 2"),
            .chainIntact(events: 12, head: "3f2a"), .rectificationCounts(open: 2, overdue: 1),
            .scoreLine(score: "80/100", passLine: "60", grade: "良好"),
            .scoreOutOf(score: "80", maxScore: "100", passLine: "60", grade: "good"),
            .scoreOutOfTitle(score: "80", maxScore: "100", passLine: "60", grade: "good"),
            .categoryBelowMinimum(id: "A", title: "组织", score: "2", minimum: "5"),
            .categoryBelowMinimumTitle(id: "A", title: "Organisation", score: "2", minimum: "5"), .pointsShort(points: "4"),
            .pointsShortOfPassLine(points: "4"), .ledgerCounts(open: 3, overdue: 1, submitted: 1, disputed: 0, verified: 2),
            .ledgerCountsAsOf(today: "2024-05-01", open: 3, overdue: 1, submitted: 1, disputed: 0, verified: 2),
            .vetoWindowEvidence(window: "2021–2023", evidence: 2), .vetoWindow(window: "2023"), .noVetoFired(count: 3),
            .waived(reason: "整改中", approver: "王五", expires: "2024-12-31"),
            .waivedShort(reason: "整改中", approver: "王五", expires: "2024-12-31"), .valueFrom(from: "2020-01-01", value: "36"),
            .pointsTailored(from: "3", to: "5", reason: "三班倒企业"), .alsoTailored(message: "未选用：无新建项目", note: "分值调整：3 → 5（三班倒企业）"),
            .inputFiles(files: 4, records: 120), .measuredThresholdPoints(measured: "98%", threshold: "≥ 95%", points: "4/4"),
            .measuredRequired(measured: "98%", threshold: "≥ 95%"), .selfAssessmentSummary(period: "2023"),
            .selfAssessmentSheet(title: LocalizedText(zh: "模范职工之家", en: "Model workers' home"), period: "2023"),
            .pageOfPages(page: "&P", pages: "&N"), .ledgerSheetTitle(today: "2024-05-01"), .ledgerAnchorNote(anchor: "3f2a"),
            .chainHead(anchor: "3f2a"),
        ]
}
