import HeguiCore
import Testing

/// Strike-offs that the independence rules refuse, each naming its rule, and deadline changes.
@Suite struct LedgerIndependenceTests {
    let today = Day(iso: "2024-05-10")!

    func item(
        _ status: RectificationStatus, source: RectificationSource = .patrol, rechecker: String? = nil
    ) -> RectificationItem {
        var item = RectificationItem(
            id: 3, source: source, pack: source == .check ? "ankang-cup" : nil,
            indicator: source == .check ? "AK05" : nil, foundOn: Day(iso: "2024-05-01")!, description: "灭火器过期",
            category: "安全", grade: "一般", deadline: Day(iso: "2024-05-16")!, status: status,
            submittedBy: source == .check ? nil : "张三")
        item.department = "后勤部"
        item.responsible = "王五"
        item.rechecker = rechecker
        return item
    }

    func refusal(_ by: String, _ item: RectificationItem, disputers: Set<String> = []) -> String? {
        do {
            _ = try Lifecycle.apply(RectificationCommand(.verify, by: by), to: item, on: today, disputers: disputers)
            return nil
        } catch {
            return error.message.en
        }
    }

    @Test(arguments: [RectificationSource.patrol, .check])
    func theProgramCannotSignOff(_ source: RectificationSource) {
        let status: RectificationStatus = source == .check ? .checkPassed : .submitted
        #expect(refusal("hegui check", item(status, source: source)) == "hegui check cannot strike off item 3 (independence rule: a person signs off, not the program)")
        #expect(refusal("HEGUI", item(status, source: source)) == "HEGUI cannot strike off item 3 (independence rule: a person signs off, not the program)")
    }

    @Test(arguments: [RectificationSource.patrol, .check])
    func theResponsibleDepartmentAndPersonCannotSignOff(_ source: RectificationSource) {
        let status: RectificationStatus = source == .check ? .checkPassed : .submitted
        #expect(
            refusal("后勤部", item(status, source: source))
                == "后勤部 cannot strike off item 3 (independence rule: the responsible department (后勤部) cannot sign off its own fix)")
        #expect(
            refusal("王五", item(status, source: source))
                == "王五 cannot strike off item 3 (independence rule: the responsible person (王五) cannot sign off their own fix)")
        #expect(refusal("职工代表李", item(status, source: source)) == nil)
    }

    @Test func onlyThePlannedRecheckerSignsOff() {
        #expect(
            refusal("职工代表李", item(.submitted, rechecker: "安全员赵"))
                == "职工代表李 cannot strike off item 3 (independence rule: the planned re-checker 安全员赵 is the only one who may sign off)")
        #expect(refusal("安全员赵", item(.submitted, rechecker: "安全员赵")) == nil)
        #expect(refusal("安全员赵", item(.checkPassed, source: .check, rechecker: "安全员赵")) == nil)
    }

    @Test func aDisputerCannotStrikeOffWhatTheyDisputed() {
        #expect(
            refusal("职工代表李", item(.disputed), disputers: ["职工代表李"])
                == "职工代表李 cannot strike off item 3 (independence rule: whoever disputed the item cannot strike it off)")
        #expect(refusal("职工代表周", item(.disputed), disputers: ["职工代表李"]) == nil)
    }

    @Test func theChineseRefusalNamesTheRule() throws {
        do {
            _ = try Lifecycle.apply(RectificationCommand(.verify, by: "后勤部"), to: item(.submitted), on: today)
            Issue.record("the responsible department signed off")
        } catch {
            #expect(error.message.zhCN == "后勤部 不能为整改项 3 销号（独立性规则：责任部门（后勤部）不能为自己的整改销号）")
        }
    }

    @Test func aDeadlineChangeNeedsAReasonAndCannotPrecedeTheFoundDate() throws {
        let earlier = Assignment(deadline: Day(iso: "2024-04-30")!)
        #expect(throws: LedgerError.noteRequired(item: 3, action: .assign)) {
            try Lifecycle.apply(RectificationCommand(.assign, by: "工会办", assignment: earlier), to: item(.open), on: today)
        }
        #expect(
            throws: LedgerError.deadlineBeforeFound(
                item: 3, deadline: Day(iso: "2024-04-30")!, foundOn: Day(iso: "2024-05-01")!)
        ) {
            try Lifecycle.apply(
                RectificationCommand(.assign, by: "工会办", note: "改期", assignment: earlier), to: item(.open), on: today)
        }
        let moved = try Lifecycle.apply(
            RectificationCommand(.assign, by: "工会办", note: "等备件", assignment: Assignment(deadline: Day(iso: "2024-06-01")!)),
            to: item(.open), on: today)
        #expect(moved.deadline == Day(iso: "2024-06-01")!)
        // Other 六定 fields need no reason.
        let assigned = try Lifecycle.apply(
            RectificationCommand(.assign, by: "工会办", assignment: Assignment(department: "设备部")), to: item(.open), on: today)
        #expect(assigned.department == "设备部")
    }
}
