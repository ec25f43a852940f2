import HeguiCore
import Testing

@Suite struct LedgerLifecycleTests {
    let today = Day(iso: "2024-05-10")!

    func item(
        _ status: RectificationStatus, submittedBy: String? = "张三", source: RectificationSource = .patrol
    ) -> RectificationItem {
        RectificationItem(
            id: 3, source: source, pack: source == .check ? "ankang-cup" : nil,
            indicator: source == .check ? "L06" : nil, foundOn: Day(iso: "2024-05-01")!, description: "灭火器过期", category: "安全",
            grade: "一般", deadline: Day(iso: "2024-05-16")!, status: status, submittedBy: submittedBy)
    }

    /// The whole table for patrol items: every action from every state, legal moves and their targets.
    static let legal: [RectificationStatus: [RectificationAction: RectificationStatus]] = [
        .open: [.start: .inProgress, .assign: .open],
        .inProgress: [.submit: .submitted, .assign: .inProgress],
        .submitted: [.verify: .verified, .reject: .rejected, .dispute: .disputed, .assign: .submitted],
        .checkPassed: [.verify: .verified, .dispute: .disputed, .assign: .checkPassed],
        .verified: [.dispute: .disputed, .reopen: .open],
        .rejected: [.start: .inProgress, .assign: .rejected],
        .disputed: [.start: .inProgress, .verify: .verified, .assign: .disputed],
    ]

    /// The table for check items: the same, except that only a passing run strikes them off, so verify is
    /// legal from check-passed alone (not from submitted or disputed).
    static let legalForCheck: [RectificationStatus: [RectificationAction: RectificationStatus]] = legal.merging([
        .submitted: [.reject: .rejected, .dispute: .disputed, .assign: .submitted],
        .disputed: [.start: .inProgress, .assign: .disputed],
    ]) { _, check in check }

    @Test(arguments: RectificationStatus.allCases, [RectificationSource.patrol, .check])
    func everyActionFromState(_ status: RectificationStatus, _ source: RectificationSource) throws {
        let moves = (source == .check ? Self.legalForCheck : Self.legal)[status]!
        for action in RectificationAction.allCases {
            let command = RectificationCommand(
                action, by: "李四", note: "职工代表声明", assignment: Assignment(department: "行政部"))
            let item = item(status, source: source)
            if let expected = moves[action] {
                let result = try Lifecycle.apply(command, to: item, on: today)
                #expect(result.status == expected, "\(status) \(action)")
            } else {
                #expect(Lifecycle.target(of: action, from: status, source: source) == nil)
                do {
                    _ = try Lifecycle.apply(command, to: item, on: today)
                    Issue.record("\(action) from \(status) should be refused")
                } catch {
                    if case .strikeOffByCheckRun = error {
                        #expect(source == .check && action == .verify && [.submitted, .disputed].contains(status))
                        continue
                    }
                    guard case .illegalMove(let id, let s, let a, let allowed) = error else {
                        Issue.record("wrong error \(error)")
                        continue
                    }
                    #expect(id == 3 && s == status && a == action)
                    #expect(Set(allowed) == Set(moves.keys))
                    #expect(error.message.en.contains("item 3 is \(status.rawValue); allowed: "))
                    #expect(error.message.zhCN.contains(status.title.zhCN))
                    #expect(error.isRefusal)  // the command line exits 1
                }
            }
        }
    }

    @Test func refusalMessageListsMovesThenAssign() {
        let error = LedgerError.illegalMove(
            item: 3, status: .open, action: .submit, allowed: Lifecycle.allowedActions(from: .open, source: .patrol))
        #expect(error.message.en == "cannot submit: item 3 is open; allowed: start, assign")
    }

    @Test func checkItemIsStruckOffByARunNotByHand() throws {
        let submitted = item(.submitted, source: .check)
        do {
            _ = try Lifecycle.apply(RectificationCommand(.verify, by: "王五"), to: submitted, on: today)
            Issue.record("verify of a submitted check item should be refused")
        } catch {
            #expect(
                error.message.en
                    == "item 3 comes from a check: it is struck off when a check run passes L06 (run hegui check); "
                    + "allowed: reject, dispute, assign")
            #expect(error.message.zhCN.contains("须待检查复跑通过 L06 后销号（运行 hegui check）；允许：reject, dispute, assign"))
            #expect(error.isRefusal)  // the command line exits 1
        }
        // Evidence can still be submitted, and a run's check-passed can be signed off.
        let claimed = try Lifecycle.apply(
            RectificationCommand(.submit, by: "赵六", evidence: ["排班表.pdf"]),
            to: item(.inProgress, submittedBy: nil, source: .check), on: today)
        #expect(claimed.status == .submitted && claimed.evidence == ["排班表.pdf"])
        let signed = try Lifecycle.apply(
            RectificationCommand(.verify, by: "王五"), to: item(.checkPassed, source: .check), on: today)
        #expect(signed.status == .verified && signed.verifiedBy == "王五")
        #expect(Lifecycle.allowedActions(from: .submitted, source: .check) == [.reject, .dispute, .assign])
        #expect(Lifecycle.allowedActions(from: .submitted, source: .patrol) == [.verify, .reject, .dispute, .assign])
    }

    @Test func verifierMustDifferFromSubmitter() throws {
        #expect(throws: LedgerError.verifierIsSubmitter(item: 3, actor: "张三")) {
            try Lifecycle.apply(RectificationCommand(.verify, by: "张三"), to: item(.submitted), on: today)
        }
        let verified = try Lifecycle.apply(RectificationCommand(.verify, by: "王五"), to: item(.submitted), on: today)
        #expect(verified.verifiedBy == "王五" && verified.verifiedOn == today)
    }

    @Test func disputeNeedsAStatement() {
        #expect(throws: LedgerError.noteRequired(item: 3, action: .dispute)) {
            try Lifecycle.apply(RectificationCommand(.dispute, by: "职工代表", note: "  "), to: item(.verified), on: today)
        }
    }

    @Test func submitNeedsEvidenceOrANote() throws {
        let working = item(.inProgress, submittedBy: nil)
        #expect(throws: LedgerError.evidenceRequired(item: 3)) {
            try Lifecycle.apply(RectificationCommand(.submit, by: "赵六", note: " "), to: working, on: today)
        }
        #expect(
            LedgerError.evidenceRequired(item: 3).message.en
                == "submitted needs evidence or a note: give item 3 --evidence FILE… or --note TEXT")
        #expect(LedgerError.evidenceRequired(item: 3).isRefusal)  // the command line exits 1
        let noted = try Lifecycle.apply(RectificationCommand(.submit, by: "赵六", note: "已更换"), to: working, on: today)
        #expect(noted.status == .submitted && noted.evidence.isEmpty)
    }

    @Test func submitKeepsEvidenceAndSubmitter() throws {
        let result = try Lifecycle.apply(
            RectificationCommand(.submit, by: "赵六", evidence: ["a.jpg", "b.pdf"]), to: item(.inProgress, submittedBy: nil),
            on: today)
        #expect(result.submittedBy == "赵六" && result.evidence == ["a.jpg", "b.pdf"])
    }

    @Test func assignSetsFieldsWithoutChangingStatus() throws {
        let result = try Lifecycle.apply(
            RectificationCommand(
                .assign, by: "工会", note: "等备件到货", assignment: Assignment(responsible: "钱七", deadline: Day(iso: "2024-06-01"))),
            to: item(.inProgress), on: today)
        #expect(result.status == .inProgress && result.responsible == "钱七")
        #expect(result.deadline == Day(iso: "2024-06-01"))
    }

    @Test func reopenAndDisputeClearStrikeOff() throws {
        var v = item(.verified)
        v.verifiedBy = "王五"
        v.verifiedOn = today
        let reopened = try Lifecycle.apply(RectificationCommand(.reopen, by: "工会"), to: v, on: today)
        #expect(reopened.status == .open && reopened.verifiedOn == nil)
        let disputed = try Lifecycle.apply(RectificationCommand(.dispute, by: "代表", note: "未整改"), to: v, on: today)
        #expect(disputed.status == .disputed && disputed.verifiedBy == nil)
    }

    @Test func aChangeMadeWhileOverdueMarksTheItemForGood() throws {
        let late = Day(iso: "2024-05-20")!
        var open = item(.open)
        open.submittedBy = nil
        // Moving the deadline after it passed: no longer overdue, but marked with the deadline it missed.
        let moved = try Lifecycle.apply(
            RectificationCommand(.assign, by: "主任", note: "等待配件", assignment: Assignment(deadline: Day(iso: "2024-06-30")!)),
            to: open, on: late)
        #expect(!moved.isOverdue(on: late) && moved.missedDeadline == Day(iso: "2024-05-16") && moved.wasEverOverdue(on: late))
        // On time, nothing is marked; a struck-off item is never overdue however late.
        #expect(try Lifecycle.apply(RectificationCommand(.start, by: "张三"), to: open, on: today).missedDeadline == nil)
        #expect(Lifecycle.checkPassed(item(.open), requiresSignOff: false, on: late)?.missedDeadline == Day(iso: "2024-05-16"))
        #expect(item(.verified).markingMissedDeadline(on: late).missedDeadline == nil)
    }

    @Test func aReopenedItemGetsAFreshDeadlineFromThePacksDays() throws {
        var v = item(.verified)
        v.verifiedBy = "王五"
        let reopened = try Lifecycle.apply(
            RectificationCommand(.reopen, by: "工会", deadlineDaysByGrade: ["一般": 7]), to: v, on: Day(iso: "2024-06-01")!)
        #expect(reopened.deadline == Day(iso: "2024-06-08") && reopened.missedDeadline == nil)
        let builtIn = try Lifecycle.apply(RectificationCommand(.reopen, by: "工会"), to: v, on: Day(iso: "2024-06-01")!)
        #expect(builtIn.deadline == Day(iso: "2024-06-16"))
    }

    @Test func runsCloseAndReopen() {
        #expect(Lifecycle.checkPassed(item(.open), requiresSignOff: true, on: today)?.status == .checkPassed)
        #expect(Lifecycle.checkPassed(item(.inProgress), requiresSignOff: false, on: today)?.verifiedBy == "hegui check")
        #expect(Lifecycle.checkPassed(item(.disputed), requiresSignOff: false, on: today) == nil)
        #expect(Lifecycle.checkFailed(item(.verified), on: today, deadlineDays: 15)?.status == .open)
        #expect(Lifecycle.checkFailed(item(.checkPassed), on: today, deadlineDays: 15)?.status == .open)
        #expect(Lifecycle.checkFailed(item(.inProgress), on: today, deadlineDays: 15) == nil)
        // A run that reopens an item gives it a fresh deadline from the pack's days.
        #expect(Lifecycle.checkFailed(item(.verified), on: today, deadlineDays: 15)?.deadline == today.adding(days: 15))
    }
}
