/// Messages of `hegui test`: the packs' own test cases, their unmet expectations and coverage.
public enum TestMessage: Hashable, Sendable {
    case noPassingOrFailingCase(id: String)
    case noPassingCase(id: String)
    case noFailingCase(id: String)
    case inCase(test: String, problem: LocalizedText)
    case notEvaluated(id: String)
    case outcomeMismatch(id: String, expected: String, got: String, detail: LocalizedText)
    case pointsMismatch(id: String, expected: String, got: String, detail: LocalizedText)
    case detail(parts: LocalizedText)
    case measured(value: String)
    case required(threshold: String)
    case vetoNotEvaluable(id: String, reasons: LocalizedText)
    case vetoExpectedToFire(id: String)
    case vetoExpectedNotToFire(id: String)
    case scoreMismatch(expected: String, got: String)
    case expectedPackToPass(score: String)
    case expectedPackToFail(score: String)
    case caseMet(pack: String, test: String)
    case caseUnmet(pack: String, test: String)
    case packsWithoutTests(packs: String)
    case summary(passed: Int, failed: Int)

    /// The zh-CN and en templates side by side.
    public var entry: MessageEntry {
        switch self {
        case .noPassingOrFailingCase(let id):
            MessageEntry(zh: "“{id}”没有达标和未达标的测试用例", en: "'{id}' has no passing or failing test case", ["id": id])
        case .noPassingCase(let id):
            MessageEntry(zh: "“{id}”没有达标的测试用例", en: "'{id}' has no passing test case", ["id": id])
        case .noFailingCase(let id):
            MessageEntry(zh: "“{id}”没有未达标的测试用例", en: "'{id}' has no failing test case", ["id": id])
        case .inCase(let test, let problem):
            MessageEntry(zh: "测试“{test}”：{problem}", en: "test '{test}': {problem}", ["test": test], localized: ["problem": problem])
        case .notEvaluated(let id):
            MessageEntry(zh: "{id} 未被评价", en: "{id} was not evaluated", ["id": id])
        case .outcomeMismatch(let id, let expected, let got, let detail):
            MessageEntry(
                zh: "{id}：应为 {expected}，实为 {got}{detail}", en: "{id}: expected {expected}, got {got}{detail}",
                ["id": id, "expected": expected, "got": got], localized: ["detail": detail])
        case .pointsMismatch(let id, let expected, let got, let detail):
            MessageEntry(
                zh: "{id}：应得 {expected} 分，实得 {got} 分{detail}", en: "{id}: expected {expected} points, got {got}{detail}",
                ["id": id, "expected": expected, "got": got], localized: ["detail": detail])
        case .detail(let parts):
            MessageEntry(zh: "（{parts}）", en: " ({parts})", localized: ["parts": parts])
        case .measured(let value):
            MessageEntry(zh: "实测 {value}", en: "measured {value}", ["value": value])
        case .required(let threshold):
            MessageEntry(zh: "要求 {threshold}", en: "required {threshold}", ["threshold": threshold])
        case .vetoNotEvaluable(let id, let reasons):
            MessageEntry(zh: "{id}：无法评价：{reasons}", en: "{id}: could not be evaluated: {reasons}", ["id": id], localized: ["reasons": reasons])
        case .vetoExpectedToFire(let id):
            MessageEntry(zh: "{id}：应触发否决，但未触发", en: "{id}: expected the veto to fire, but it did not fire", ["id": id])
        case .vetoExpectedNotToFire(let id):
            MessageEntry(zh: "{id}：不应触发否决，但已触发", en: "{id}: expected the veto not to fire, but it fired", ["id": id])
        case .scoreMismatch(let expected, let got):
            MessageEntry(zh: "应得总分 {expected}，实得 {got}", en: "expected score {expected}, got {got}", ["expected": expected, "got": got])
        case .expectedPackToPass(let score):
            MessageEntry(zh: "规则包应达标，但未达标（{score} 分）", en: "expected the pack to pass, but it failed with {score}", ["score": score])
        case .expectedPackToFail(let score):
            MessageEntry(zh: "规则包应不达标，但已达标（{score} 分）", en: "expected the pack to fail, but it passed with {score}", ["score": score])
        case .caseMet(let pack, let test):
            MessageEntry(zh: "通过  {pack}: {test}", en: "ok    {pack}: {test}", ["pack": pack, "test": test])
        case .caseUnmet(let pack, let test):
            MessageEntry(zh: "失败  {pack}: {test}", en: "FAIL  {pack}: {test}", ["pack": pack, "test": test])
        case .packsWithoutTests(let packs):
            MessageEntry(zh: "没有测试用例的规则包：{packs}", en: "packs without tests: {packs}", ["packs": packs])
        case .summary(let passed, let failed):
            MessageEntry(
                zh: "通过 {passed} 个，失败 {failed} 个", en: "{passed} passed, {failed} failed",
                ["passed": String(passed), "failed": String(failed)])
        }
    }
}
