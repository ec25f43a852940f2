import HeguiBase

/// One sample of every catalogue case, with arguments, for the catalogue walk. A case added to the
/// catalogue without a sample here fails `everyCaseHasASample`.
enum MessageSamples {
    /// Every sample, all areas.
    static var all: [Message] {
        records.map(Message.records) + files.map(Message.files) + xml.map(Message.xml)
            + profiles.map(Message.profiles) + waivers.map(Message.waivers) + test.map(Message.test)
            + periods.map(Message.periods) + command.map(Message.command)
            + spreadsheets.map(Message.spreadsheets) + rules.map(Message.rules) + federation.map(Message.federation)
            + ledger.map(Message.ledger) + rectify.map(Message.rectify) + report.map(Message.report)
            + evaluation.map(Message.evaluation) + ruleWords.map(Message.ruleWords) + Punctuation.allCases.map(Message.punctuation)
            + web.map(Message.web) + explain.map(Message.explain)
    }

    static let ledgerTrust: [LedgerMessage] = [
        .publishBeforeRecheck(item: 3, status: "open"),
        .alreadyPublished(item: 3, day: "2024-05-01"),
        .publishedBeforeFound(item: 3, day: "2024-04-01", foundOn: "2024-04-02"),
        .everOverdue(deadline: "2024-04-16"),
        .overdueNow,
        .published(day: "2024-05-01"),
        .chainHead(count: 12, hash: "ab12"),
        .linkedItems(count: 2),
    ]

    static let records: [RecordMessage] = [
        .notADate(field: "date", value: "2019-13-01"),
        .notANumber(field: "hours", value: "x"),
        .negative(field: "hours", value: "-1"),
        .notAWholeNumber(field: "count", value: "1.5"),
        .notABoolean(field: "signed", value: "maybe"),
        .notAllowed(field: "type", value: "x", allowed: "a, b"),
        .requiredEmpty(field: "id"),
        .unknownColumn(name: "x", kind: "employee", expected: "id, name"),
        .repeatedColumn(name: "x", field: "id", firstColumn: 1),
        .missingColumn(field: "id"),
        .tooManyCells(cells: 3, columns: 2),
        .valueWithoutHeader(column: 3),
        .unknownKind(element: "x", known: "employee"),
        .unknownAttribute(name: "x", kind: "employee", expected: "id"),
        .repeatedAttribute(name: "x", field: "id"),
        .duplicateKeyOnLine(key: "E1", line: 2),
        .duplicateKeyInFile(key: "E1", place: "a.csv:2"),
        .unterminatedQuote,
        .nulByte,
        .characterAfterQuote,
        .quoteInUnquotedField,
        .emptyFile(kind: "employee"),
        .notUTF8(byte: "FF", offset: 3),
        .notGB18030(offset: 3),
        .noGB18030Converter,
        .neitherEncoding(utf8Line: 1, gbLine: 2),
        .neitherEncodingNoConverter(utf8Line: 1),
        .fileNamedAfterNoKind(name: "x.csv", known: "employee"),
        .notARecordsBundle(name: "x.xml", root: "pack"),
        .moreErrors(count: 2, limit: 100),
        .moreErrors(count: 1, limit: 100),
        .wrongRoot(root: "pack"),
        .unexpectedElement(element: "x", parent: "employee"),
        .unexpectedText(element: "employee"),
        .missingAttribute(field: "id"),
    ]

    static let files: [FileMessage] =
        [
            .tooLarge(limit: "64 MiB"), .notARegularFile, .isADirectory, .symlinkOutOfFolder,
            .cannotReadRecordsFolder(reason: .permissionDenied), .noSuchFileOrFolder, .cannotListFolder, .noRulePacks,
            .cannotRead, .noShippedRules,
        ] + osReasons.map(FileMessage.os)

    static let osReasons: [OSReason] = [
        .noSuchFile, .permissionDenied, .isADirectory, .notADirectory, .tooManySymbolicLinks, .nameTooLong, .noSpace,
        .readOnlyFileSystem, .inputOutput, .tooManyOpenFiles, .fileExists, .other(code: 99),
    ]

    static let xml: [XMLMessage] = [
        .doctypeRefused, .tooLarge(bytes: 70_000_000), .nulByte, .empty,
        .tooManyAttributes(element: "employee", count: 129, maximum: 128), .outOfMemory, .noRootElement, .unparsable,
        .schemaNotCompiled, .validationNotStarted, .validationInternalError(code: -1), .doesNotConform(code: 1),
        .parser(detail: "Opening and ending tag mismatch"), .schema(detail: "Element 'x': not expected"),
        .sourceFailed(detail: "damaged archive member"),
    ]

    static let spreadsheets: [SpreadsheetMessage] = [
        .passwordProtected, .legacyWorkbook, .emptyFile, .notAZip, .damagedZip, .unpacksTooLarge(size: "3 GiB", limit: "2 GiB"),
        .unpacksMoreThanDeclared(declared: "4096 bytes"), .checksumMismatch, .cannotUnpack, .unpacksFewerBytes, .noWorkbookPart,
        .missingPart(part: "xl/styles.xml"), .sheetWithoutPart(sheet: "花名册"), .badReference(reference: "A0"),
        .cellInOtherRow(cell: "B3", row: 2), .rowOutOfOrder(row: "1"), .pastLastColumn, .sharedStringWithoutIndex,
        .sharedStringOutOfRange(index: 999, count: 2), .usedToLastRow, .tableReachesLastRow, .emptySheet(kind: "employee"),
        .recordBelowTotal(row: 40), .excelError(field: "name", value: "#N/A"), .phantomLeapDay(field: "hiredOn"),
        .plainNumberNotDate(field: "hiredOn", value: "43500"), .valueWithoutHeader(column: "F"),
        .sheetNotRead(sheet: "Sheet2", workbook: "employee.xlsx", kind: "employee", chosen: "花名册"),
        .sheetsShareKind(first: "employee", second: "职工花名册", kind: "employee"),
        .sheetNamedAfterNoKind(sheet: "Sheet1", known: "employee, team"),
        .workbookNamedAfterNoKind(name: "employe.xlsx", known: "employee, team"), .legacyFileIgnored(name: "employee.xls"),
        .xmlReaderFailed, .xmlUnreadable, .workbookNotCreated, .workbookWriterFailed(detail: "A1: Worksheet row or column index out of range."),
        .workbookNeedsOutput, .wroteWorkbook(path: "自评表.xlsx"), .templateFormatUnknown(format: "csv"),
        .ledgerExportFormatUnknown(format: "pdf"),
    ]

    static let profiles: [ProfileMessage] = [
        .wrongRoot(root: "pack"), .unexpectedElement(element: "x"), .parameterNeedsAttributes, .unknownPack(pack: "x"),
        .unknownParameter(pack: "p", parameter: "x"), .notOfType(value: "x", type: "number", parameter: "min"),
        .belowMinimum(value: "-1", minimum: "0", parameter: "min"), .aboveMaximum(value: "200", maximum: "100", parameter: "max"),
        .notADate(value: "x"), .setTwiceFrom(parameter: "min", pack: "p", from: "2019-01-01"),
        .setTwice(parameter: "min", pack: "p"), .deselectNeeds(missing: "'reason'"),
        .unknownIndicator(pack: "p", indicator: "X9"), .deselectedTwice(indicator: "I1", pack: "p"),
        .pointsNeeds(missing: "'reason'"), .unknownScoredIndicator(pack: "p", indicator: "V1"),
        .pointsNotANumber(value: "四", indicator: "I1"), .pointsNotTailorable(indicator: "I1", pack: "p", points: "3"),
        .pointsOutOfBounds(value: "9", indicator: "I1", pack: "p", minimum: "1", maximum: "6"),
        .pointsSetTwice(indicator: "I1", pack: "p"), .pointsUnbalanced(pack: "p", category: "labour", net: "+1"),
    ]

    static let waivers: [WaiverMessage] = [
        .wrongRoot(root: "pack"), .unexpectedElement(element: "x"), .unknownPack(pack: "x"),
        .unknownIndicator(indicator: "X9"), .notADate(value: "x"), .needs(missing: "'approver'"),
    ]

    static let detail = LocalizedText(zh: "（实测 98%）", en: " (measured 98%)")

    static let test: [TestMessage] = [
        .noPassingOrFailingCase(id: "I1"), .noPassingCase(id: "I1"), .noFailingCase(id: "I1"),
        .inCase(test: "t", problem: LocalizedText(zh: "I1 未被评价", en: "I1 was not evaluated")), .notEvaluated(id: "I1"),
        .outcomeMismatch(id: "I1", expected: "pass", got: "fail", detail: detail),
        .pointsMismatch(id: "I1", expected: "5", got: "0", detail: detail),
        .detail(parts: LocalizedText(zh: "实测 98%", en: "measured 98%")), .measured(value: "98%"), .required(threshold: "≥ 100%"),
        .vetoNotEvaluable(id: "V1", reasons: LocalizedText(zh: "无数据", en: "no data")), .vetoExpectedToFire(id: "V1"),
        .vetoExpectedNotToFire(id: "V1"), .scoreMismatch(expected: "90", got: "80"), .expectedPackToPass(score: "50"),
        .expectedPackToFail(score: "90"), .caseMet(pack: "p", test: "t"), .caseUnmet(pack: "p", test: "t"),
        .packsWithoutTests(packs: "p"), .summary(passed: 3, failed: 1),
    ]

    static let periods: [PeriodMessage] = [
        .notAPeriod(text: "2019Q5"), .periodOrRangeNeeded, .periodAndRange, .notADate(text: "x"), .fromNotADate(text: "x"),
        .toNotADate(text: "x"), .fromAfterTo(from: "2019-02-01", to: "2019-01-01"),
        .periodOutsideYears(period: "1800", first: 1900, last: 2199), .dateOutsideYears(date: "1800-01-01", first: 1900, last: 2199),
    ]

    static let reason = LocalizedText(zh: "文件或目录不存在", en: "No such file or directory")

    static let federation: [FederationMessage] = [
        .enterpriseNeedsSharedStore, .unknownEnterprise(code: "91330200MA2AXXXXXX"),
        .profileNamesOtherEnterprise(profile: "91330200MA2AXXXXXX", flag: "91330200MA2BXXXXXX"),
        .federationAccountHasNoEnterprise, .unknownRole(role: "boss"), .evidenceMissing(sha256: "ab12"),
        .evidenceAltered(sha256: "ab12", actual: "cd34"), .creditCodeLength(code: "9133", count: 4),
        .creditCodeCharacter(code: "91330200I00000001W", character: "I", position: 9),
        .creditCodeCheck(code: "91330200100000001X", expected: "W"), .noProfile, .profileNeedsIdentity,
    ]

    static let command: [CommandMessage] = [
        .recordsProblems(count: 2), .recordsProblems(count: 1), .noRecords(examples: "employee.csv"),
        .unknownPacks(packs: "'x'", available: "a, b"), .unknownRule(id: "X9", packs: "a, b"), .unknownRuleAnywhere(id: "X9"),
        .cannotOpenLedger(reason: reason), .cannotReadItems(reason: reason), .cannotRecordRun(reason: reason),
        .cannotWriteReport(reason: reason), .reportFolderNotWritable(folder: "/x"),
        .passwordTooShort(minimum: 8), .userAdded(name: "li", role: "officer"),
        .userAddedOfEnterprise(name: "li", role: "officer", enterprise: "91330200MA2AXXXXXX"), .accountState(disabled: true),
        .accountState(disabled: false), .userDisabled(name: "li"), .userEnabled(name: "li"), .passwordChanged(name: "li"),
        .workerChecked(count: 3), .couldNotBeChecked, .batchPass, .batchFail, .batchEnterprise(vetoes: "—", open: 2, overdue: 1),
        .batchSummary(total: 3, period: "2019", checked: 2, passed: 1, failed: 1), .checking, .usageError, .passwordPrompt, .passwordAgainPrompt, .passwordsDiffer,
        .serving(url: "http://127.0.0.1:8080/", ledger: "hegui.sqlite"),
        .servingWithRecords(url: "http://127.0.0.1:8080/", ledger: "hegui.sqlite", records: "records"),
    ]
}

