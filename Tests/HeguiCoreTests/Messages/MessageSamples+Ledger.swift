import HeguiBase

extension MessageSamples {
    static var ledger: [LedgerMessage] { ledgerErrors + independence + statuses + postgresURLs + ledgerTrust }

    static let ledgerErrors: [LedgerMessage] = [
        .illegalMove(action: "verify", item: 3, status: "open", title: .open, allowed: "start, dispute"),
        .strikeOffByCheckRun(item: 3, indicator: "L01", allowed: "dispute"), .verifierIsSubmitter(item: 3, actor: "张三"),
        .notIndependent(item: 3, actor: "张三", rule: Message.ledger(.independence(.notTheProgram)).text),
        .evidenceUnreadable(path: "photo.jpg", reason: reason), .deadlineBeforeFound(item: 3, deadline: "2019-01-01", foundOn: "2019-02-01"),
        .noteRequired(item: 3, action: "dispute"), .evidenceRequired(item: 3), .itemNotFound(id: 9), .patrolNotFound(id: 9),
        .runNotFound(id: 9), .cannotOpen(path: "hegui.sqlite", reason: reason),
        .storeFailed(path: "db", reason: LocalizedText(verbatim: "events are append-only")),
        .brokenChain(event: 4, reason: Message.ledger(.hashMismatch).text), .inconsistentItems(items: "1, 2"), .actorRequired,
        .assignNeedsAField, .badUserName, .programName(name: "hegui"), .unknownRole(role: "boss"), .userExists(name: "li"),
        .noSuchUser(name: "li"), .patrolNeedsTeamAndScope, .issueNeedsDescription, .unknownGrade(grade: "x", known: "一般|重大"),
        .fundsNegative, .deadlineFlagBeforeFound(deadline: "2019-01-01", found: "2019-02-01"),
        .unreadableColumn(item: 3, column: "status"), .unrecordedChanges(tables: "items"),
        .rowDiffers(table: "items", row: 3, column: "status", stored: "verified", replayed: "open"),
        .rowWithoutEvent(table: "items", row: 3), .rowMissing(table: "items", row: 3), .noMAC(event: 4), .wrongMAC(event: 4),
        .unreadableState(event: 4), .anchorMissing(anchor: "12:abcd"), .idGap(previous: 3), .previousHashMismatch,
        .hashMismatch, .keyFileUnreadable(path: "/k"), .keyFileEmpty(path: "/k"),
        .noLedgerInSchema, .noLedgerInDatabase,
        .cannotCopyEvidence(folder: "evidence", reason: reason), .cannotStoreEvidence(reason: reason), .noSuchFile, .transactionReturnedNothing,
        .noBatchID,
    ]

    static let independenceRules: [IndependenceText] = [
        .notTheProgram, .notTheResponsibleDepartment(department: "安全科"), .notTheResponsiblePerson(person: "李四"),
        .onlyThePlannedRechecker(rechecker: "王五"), .notTheDisputer,
    ]
    static var independence: [LedgerMessage] { independenceRules.map(LedgerMessage.independence) }

    static let statusTitles: [StatusTitle] = [.open, .inProgress, .submitted, .checkPassed, .verified, .rejected, .disputed]
    static var statuses: [LedgerMessage] { statusTitles.map(LedgerMessage.status) }

    static let urlProblems: [PostgresURLProblem] = [
        .malformed, .unknownParameter(name: "x"), .invalidPort(port: "0"), .noDatabase, .invalidSSLMode(mode: "x"),
        .invalidSchema(schema: "X"),
    ]
    static var postgresURLs: [LedgerMessage] { urlProblems.map { .postgresURL(url: "postgresql://u@h/db", problem: $0) } }
}

extension MessageSamples {
    static var rectify: [RectifyMessage] { rectifyLines + ItemField.allCases.map(RectifyMessage.field) }

    static let rectifyLines: [RectifyMessage] = [
        .flagNeedsDate(flag: "--today", text: "x"), .patrolAdded(id: 1), .itemAdded(id: 2, deadline: "2019-03-01"),
        .warning(text: reason), .leader(name: "张三"), .due(deadline: "2019-03-01"), .overdue,
        .deadlineOverdue(deadline: "2019-03-01"), .unknownStatus(status: "x", known: "open|verified"), .events,
        .moved(item: 3, from: Message.ledger(.status(.open)).text, to: Message.ledger(.status(.inProgress)).text),
        .newDeadline(deadline: "2024-05-01"), .itemPublished(item: 3, published: Message.ledger(.published(day: "2024-05-01")).text),
        .cannotReadAnchors(file: "anchors.txt"), .notAChainHead(text: "x"), .chainBroken(events: 3, head: "2:ab"),
        .chainIntact(events: 3, head: "3:cd"), .cannotWriteExport(file: "/x.csv", reason: reason),
        .exported(file: "x.csv"), .runPassed, .runFailed, .noRuns, .diffHeader(from: 1, to: 2), .changedOutcomes,
        .itemsOpened, .itemsReopened, .itemsStruckOff, .defaultLedger, .ledgersSummary(count: 2, broken: 1),
    ]
}
