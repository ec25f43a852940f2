import ArgumentParser
import Foundation
import HeguiCore
import HeguiWeb
import Hummingbird

/// `hegui serve`: the ledger, the review and patrols in a browser on the company network.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the dashboard, rectification board, patrols and review pack over HTTP.",
        discussion: "Create the first account with `hegui user add NAME --role admin`. Stop with Ctrl-C.")

    @Option(help: ArgumentHelp(LedgerLocation.help + " Accounts and sessions live in it too.")) var ledger: String?
    @Option(help: "The records folder for checks and the review pack.") var records: String?
    @Option(help: "A rule pack file or folder (repeatable; default: the shipped rules).") var rules: [String] = []
    @Option(help: "A profile file with the enterprise name and parameter overrides.") var profile: String?
    @Option(help: "The period checks propose (e.g. 2019; default: the latest run's).") var period: String?
    @Option(help: "The interface to listen on.") var host: String = "127.0.0.1"
    @Option(help: "The port to listen on.") var port: Int = 8080
    @Option(help: "A folder of templates and static files that replace the shipped ones.") var templates: String?
    @Option(help: "The largest photo accepted, in MB.") var photoLimitMb: Int = 10
    @Flag(help: "Keep the EXIF location of photos (default: blanked).") var keepPhotoLocation = false
    @Flag(help: "Mark cookies Secure (when served through TLS).") var secureCookies = false
    @Option(help: "Minutes without a request before a session ends.") var idleMinutes: Int = 30
    @Option(help: "Years between an enterprise's evaluations (复评), for the federation page.") var reviewCycleYears: Int = 3
    @Option(help: ArgumentHelp("The day for deadlines and overdue (YYYY-MM-DD).", visibility: .hidden)) var today: String?

    func run() throws {
        let ledger = LedgerLocation.resolve(ledger)
        var configuration = WebConfiguration(ledgerPath: ledger)
        configuration.recordsDirectory = records
        configuration.rules = rules
        configuration.profile = profile
        configuration.defaultPeriod = period
        configuration.host = host
        configuration.port = port
        configuration.overrideDirectory = templates
        configuration.photoLimit = max(1, photoLimitMb) * 1024 * 1024
        configuration.keepPhotoLocation = keepPhotoLocation
        configuration.secureCookies = secureCookies
        configuration.idleTimeout = TimeInterval(max(1, idleMinutes) * 60)
        configuration.reviewCycleYears = max(1, reviewCycleYears)
        if let today {
            guard let day = Day(iso: today) else {
                let message = Message.periods(.notADate(text: truncatedForMessage(today)))
                throw ValidationError(message.text(LanguageOption.environmentLanguage))
            }
            configuration.today = day
        }
        let server: WebServer
        do {
            server = try WebServer(configuration)
        } catch {
            FileHandle.standardError.write(Data("hegui: error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let url = "http://\(host):\(port)/"
        let store = PostgresURL.redact(ledger)
        let serving: CommandMessage =
            records.map { .servingWithRecords(url: url, ledger: store, records: $0) } ?? .serving(url: url, ledger: store)
        FileHandle.standardError.write(Data((Message.command(serving).text(LanguageOption.environmentLanguage) + "\n").utf8))
        let done = DispatchSemaphore(value: 0)
        let failure = ServeFailure()
        Task {
            do {
                try await server.application().runService()
            } catch {
                failure.set("\(error)")
            }
            done.signal()
        }
        done.wait()
        if let message = failure.message {
            FileHandle.standardError.write(Data("hegui: error: \(message)\n".utf8))
            throw ExitCode(2)
        }
    }
}

/// The error that ended the server, handed from its task to the command.
final class ServeFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var text: String?

    func set(_ message: String) { lock.withLock { text = message } }
    var message: String? { lock.withLock { text } }
}
