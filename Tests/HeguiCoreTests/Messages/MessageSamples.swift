import HeguiBase

/// One sample of every catalogue case, with arguments, for the catalogue walk. A case added to the
/// catalogue without a sample here fails `everyCaseHasASample`.
enum MessageSamples {
    /// Every sample, all areas.
    static var all: [Message] {
        records.map(Message.records) + files.map(Message.files) + xml.map(Message.xml)
    }

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
    ]
}
