import ArgumentParser
import Foundation
import HeguiCore

extension ReportFormatName: ExpressibleByArgument {}
extension TextEncoding: ExpressibleByArgument {}

/// The flags that choose what to assess: records, period, packs, profile, waivers, ledger.
struct AssessmentOptions: ParsableArguments {
    @Option(help: "The records folder (one CSV per kind, or XML records).")
    var records: String

    @Option(help: "The period: 2019, 2019Q2, 2019H1 or 2019-03.")
    var period: String?

    @Option(help: "First day of a custom period (YYYY-MM-DD), with --to.")
    var from: String?

    @Option(help: "Last day of a custom period (YYYY-MM-DD), with --from.")
    var to: String?

    @Option(help: "A rule pack file or folder (repeatable; default: the shipped rules/).")
    var rules: [String] = []

    @Option(help: "Evaluate only this pack id (repeatable).")
    var pack: [String] = []

    @Option(help: "A profile file: enterprise name and parameter overrides.")
    var profile: String?

    @Option(help: "A waivers file.")
    var waivers: String?

    @Option(help: "CSV encoding: automatic, utf-8 or gb18030.")
    var encoding: TextEncoding = .automatic

    @Option(help: ArgumentHelp(LedgerLocation.help))
    var ledger: String?

    @Option(help: "In a shared PostgreSQL ledger: the enterprise, by its 统一社会信用代码 (default: the profile's code).")
    var enterprise: String?

    @Flag(help: "Neither read nor record the ledger.")
    var noLedger = false

    @Option(help: .hidden)
    var today: String?

    /// The core request these flags describe.
    func request(language: Language) throws(CommandFailure) -> CheckRequest {
        var request = CheckRequest(
            records: records, period: try FlagValues.period(period, from: from, to: to), today: try FlagValues.today(today))
        request.rules = rules
        request.packIDs = pack
        request.profile = profile
        request.waivers = waivers
        request.language = language
        request.encoding = encoding
        request.ledger = LedgerLocation.resolve(ledger)
        request.useLedger = !noLedger
        request.enterprise = enterprise
        return request
    }
}

/// `check` and `report`: the flags to one core call, the report to standard output or `--output`.
/// `report` reads the ledger without recording a run.
func runAssessment(
    _ options: AssessmentOptions, format: ReportFormatName, output: String?, language: Language, recordRun: Bool
)
    throws -> Never
{
    do {
        try checkWritable(output)
        if format == .xlsx, output == nil { throw CommandFailure("hegui", .spreadsheets(.workbookNeedsOutput)) }
        var request = try options.request(language: language)
        request.recordRun = recordRun
        let isWorkbook = format == .xlsx
        try finish(
            try CheckOutput.run(
                request, format: format, useColour: output == nil && terminalWantsColour, workbook: isWorkbook ? output : nil),
            writingTo: isWorkbook ? nil : output, language: language)
    } catch let failure as CommandFailure {
        try fail(failure, language)
    }
}

/// Prints a command's errors and notes on standard error, its output on standard output or into
/// the `--output` file, and exits with its code.
func finish(_ result: CommandResult, writingTo path: String? = nil, language: Language = .zhCN) throws -> Never {
    if !result.errors.isEmpty { FileHandle.standardError.write(Data(result.errors.utf8)) }
    if let path {
        do {
            try result.output.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            printError(CommandFailure(path, .command(.cannotWriteReport(reason: Message.files(.os(OSReason(error))).text))).message(language))
            throw ExitCode(2)
        }
    } else if !result.output.isEmpty {
        FileHandle.standardOutput.write(Data(result.output.utf8))
    }
    throw ExitCode(result.exitCode)
}

/// Refuses an `--output` that cannot be written before anything runs, so a failed write never
/// follows a run already recorded in the ledger.
func checkWritable(_ path: String?) throws(CommandFailure) {
    guard let path else { return }
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue,
        FileManager.default.isWritableFile(atPath: folder)
    else {
        throw CommandFailure(path, .command(.reportFolderNotWritable(folder: folder)))
    }
}

/// Prints a failure on standard error and exits with its code.
func fail(_ failure: CommandFailure, _ language: Language) throws -> Never {
    printError(failure.message(language))
    throw ExitCode(failure.exitCode)
}

/// Whether standard output is a terminal that wants colour.
var terminalWantsColour: Bool {
    isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
}
