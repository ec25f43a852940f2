/// Labels of the reports: column headings, section titles, verdict words and the punctuation that
/// joins them, which differs by language (`：` / `: `, `、` / `, `). Each format keeps its own
/// capitalisation, so a label used in two styles is two cases.
public enum ReportLabel: Hashable, Sendable, CaseIterable {
    case colon
    case listSeparator
    case overallLine
    case overallLineTitle
    case vetoFired
    case vetoNotEvaluated
    case vetoFiredTitle
    case vetoNotEvaluatedTitle
    case note
    case passed
    case failed
    case eachItem
    case columnID
    case columnOutcome
    case columnPoints
    case columnMeasured
    case columnThreshold
    case columnIndicator
    case columnPack
    case columnParameter
    case columnType
    case columnValue
    case columnBounds
    case columnUsedBy
    case columnTitle
    case fixFirst
    case blockedByVetoes
    case repairsCannotReachPassLine
    case repairsCannotReachPassLineSentence
    case fixFirstTitle
    case fixFirstHeading
    case blockedByVetoesTitle
    case rectification
    case rectificationLedger
    case noFailingIndicators
    case noIndicatorFailed
    case headingID
    case headingIndicator
    case headingOutcome
    case headingPoints
    case headingMeasured
    case headingThreshold
    case headingEvidence
    case headingLocation
    case headingKey
    case headingValue
    case headingNote
    case headingStatus
    case headingSource
    case headingIssue
    case headingCategory
    case headingGrade
    case headingDepartment
    case headingResponsible
    case headingFound
    case headingDeadline
    case headingVerifier
    case headingLost
    case headingWhatIsWrong
    case headingNeededToPass
    case headingPack
    case headingVersion
    case headingTitle
    case headingScore
    case headingPassLine
    case headingVerdict
    case headingFile
    case headingKind
    case headingRecords
    case pointsByCategory
    case vetoes
    case window
    case gapToPass
    case findings
    case overdue
    case patrol
    case measure
    case scoreTrend
    case scoreShareByRun
    case itemsToFixFirst
    case yes
    case no
    case signOff
    case confirmation
    case unionChairSignature
    case enterpriseHeadSignature
    case date
    case seal
    case beijingTime
    case reportTitle
    case enterprise
    case period
    case runAt
    case inputFiles
    case overall
    case appendixInputFiles
    case sheetSummary
    case sheetFailingRows
    case sheetRectification
    case outOf
    case passedQuestion
    case stillShort
    case packPassed
    case packFailed
    case none
    case number
    case itemAndPoints
    case subItemAndPoints
    case workDone
    case selfScore
    case verification
    case approvedScore
    case total
    case outcome
    case record
    case whereFound
    case vetoWord
    case typeText
    case typeWholeNumber
    case typeNumber
    case typeYesNo
    case typeDate
    case oneOf
    case required
    case mayBeEmpty
    case keyColumn
    case periodDateColumn
    case neverNegative
    case alsoWritten

    /// The zh-CN and en texts side by side.
    public var entry: MessageEntry {
        let (zh, en): (String, String) =
            switch self {
            case .colon: ("：", ": ")
            case .listSeparator: ("、", ", ")
            case .overallLine: ("总体：", "overall: ")
            case .overallLineTitle: ("总体：", "Overall: ")
            case .vetoFired: ("否决项触发", "veto fired")
            case .vetoNotEvaluated: ("否决项无法判定", "veto not evaluated")
            case .vetoFiredTitle: ("否决项触发", "Veto fired")
            case .vetoNotEvaluatedTitle: ("否决项无法判定", "Veto not evaluated")
            case .note: ("注意：", "note: ")
            case .passed: ("通过", "PASSED")
            case .failed: ("未通过", "FAILED")
            case .eachItem: ("每项 ", "each ")
            case .columnID: ("编号", "id")
            case .columnOutcome: ("结果", "outcome")
            case .columnPoints: ("得分", "points")
            case .columnMeasured: ("实测", "measured")
            case .columnThreshold: ("阈值", "threshold")
            case .columnIndicator: ("指标", "indicator")
            case .columnPack: ("规则包", "pack")
            case .columnParameter: ("参数", "parameter")
            case .columnType: ("类型", "type")
            case .columnValue: ("取值", "value")
            case .columnBounds: ("范围", "bounds")
            case .columnUsedBy: ("使用者", "used by")
            case .columnTitle: ("名称", "title")
            case .fixFirst: ("优先整改：", "fix first: ")
            case .blockedByVetoes: ("否决项阻止通过：", "blocked by vetoes: ")
            case .repairsCannotReachPassLine: ("仅整改指标无法达到合格线", "indicator repairs alone cannot reach the pass line")
            case .repairsCannotReachPassLineSentence: ("仅整改指标无法达到合格线。", "Indicator repairs alone cannot reach the pass line.")
            case .fixFirstTitle: ("优先整改", "Fix first")
            case .fixFirstHeading: ("优先整改：", "Fix first:")
            case .blockedByVetoesTitle: ("否决项阻止通过", "Blocked by vetoes")
            case .rectification: ("整改台账", "Rectification")
            case .rectificationLedger: ("整改台账", "Rectification ledger")
            case .noFailingIndicators: ("没有未达标的指标。", "No failing indicators.")
            case .noIndicatorFailed: ("没有未达标的指标。", "No indicator failed.")
            case .headingID: ("编号", "ID")
            case .headingIndicator: ("指标", "Indicator")
            case .headingOutcome: ("结果", "Outcome")
            case .headingPoints: ("得分", "Points")
            case .headingMeasured: ("实测", "Measured")
            case .headingThreshold: ("阈值", "Threshold")
            case .headingEvidence: ("证据", "Evidence")
            case .headingLocation: ("位置", "Location")
            case .headingKey: ("键", "Key")
            case .headingValue: ("数值", "Value")
            case .headingNote: ("说明", "Note")
            case .headingStatus: ("状态", "Status")
            case .headingSource: ("来源", "Source")
            case .headingIssue: ("问题描述", "Issue")
            case .headingCategory: ("类别", "Category")
            case .headingGrade: ("等级", "Grade")
            case .headingDepartment: ("责任部门", "Department")
            case .headingResponsible: ("责任人", "Responsible")
            case .headingFound: ("发现日期", "Found")
            case .headingDeadline: ("整改期限", "Deadline")
            case .headingVerifier: ("复查/验证人", "Verifier")
            case .headingLost: ("失分", "Lost")
            case .headingWhatIsWrong: ("问题", "What is wrong")
            case .headingNeededToPass: ("达标所需", "Needed to pass")
            case .headingPack: ("规则包", "Pack")
            case .headingVersion: ("版本", "Version")
            case .headingTitle: ("名称", "Title")
            case .headingScore: ("得分", "Score")
            case .headingPassLine: ("合格线", "Pass line")
            case .headingVerdict: ("结论", "Verdict")
            case .headingFile: ("文件", "File")
            case .headingKind: ("类型", "Kind")
            case .headingRecords: ("记录数", "Records")
            case .pointsByCategory: ("各类别得分", "Points by category")
            case .vetoes: ("否决项", "Vetoes")
            case .window: ("检查窗口", "Window")
            case .gapToPass: ("达标差距", "Gap to pass")
            case .findings: ("指标明细", "Findings")
            case .overdue: ("逾期", "overdue")
            case .patrol: ("巡视", "patrol")
            case .measure: ("措施：", "Measure: ")
            case .scoreTrend: ("得分趋势", "Score trend")
            case .scoreShareByRun: ("得分率趋势", "Score share by run")
            case .itemsToFixFirst: ("优先整改事项", "Items to fix first")
            case .yes: ("是", "yes")
            case .no: ("否", "no")
            case .signOff: ("签字确认", "Sign-off")
            case .confirmation: ("以上自评情况属实。", "We confirm the self-assessment above.")
            case .unionChairSignature: ("工会主席（签字）", "Union chair (signature)")
            case .enterpriseHeadSignature: ("企业负责人（签字）", "Head of the enterprise (signature)")
            case .date: ("日期", "Date")
            case .seal: ("盖章", "Seal")
            case .beijingTime: ("（北京时间）", " (UTC+8)")
            case .reportTitle: ("工会工作合规检查报告", "Trade-union compliance report")
            case .enterprise: ("企业", "Enterprise")
            case .period: ("期间", "Period")
            case .runAt: ("检查时间", "Run at")
            case .inputFiles: ("输入文件", "Input files")
            case .overall: ("总体结论", "Overall")
            case .appendixInputFiles: ("附录：输入文件", "Appendix: input files")
            case .sheetSummary: ("汇总", "Summary")
            case .sheetFailingRows: ("问题明细", "Failing rows")
            case .sheetRectification: ("整改台账", "rectification")
            case .outOf: ("满分", "Out of")
            case .passedQuestion: ("是否达标", "Passed")
            case .stillShort: ("达标还差", "Gap to pass")
            case .packPassed: ("达标", "passed")
            case .packFailed: ("未达标", "failed")
            case .none: ("无", "none")
            case .number: ("序号", "No.")
            case .itemAndPoints: ("项目及分值", "Item (points)")
            case .subItemAndPoints: ("子项及分值", "Sub-item (points)")
            case .workDone: ("具体工作情况", "Work done")
            case .selfScore: ("自评分", "Self score")
            case .verification: ("核实情况", "Verified")
            case .approvedScore: ("核定分", "Approved score")
            case .total: ("合计", "Total")
            case .outcome: ("结论", "Outcome")
            case .record: ("记录", "Record")
            case .whereFound: ("位置", "Where")
            case .vetoWord: ("否决", "veto")
            case .typeText: ("文本", "text")
            case .typeWholeNumber: ("整数", "whole number")
            case .typeNumber: ("数值", "number")
            case .typeYesNo: ("是/否", "是/否 (yes/no)")
            case .typeDate: ("日期，如 2019-03-05", "date, e.g. 2019-03-05")
            case .oneOf: ("可选值：", "one of: ")
            case .required: ("；必填", "; required")
            case .mayBeEmpty: ("；可空", "; may be empty")
            case .keyColumn: ("编号列：不得重复", "the key: no two rows alike")
            case .periodDateColumn: ("按此日期筛选评价期内的记录", "records are kept for the period by this date")
            case .neverNegative: ("不得为负数", "never negative")
            case .alsoWritten: ("也可写作：", "also written: ")
            }
        return MessageEntry(zh: zh, en: en)
    }
}
