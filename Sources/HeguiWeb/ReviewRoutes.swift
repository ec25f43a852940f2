import Foundation
import HeguiCore
import Hummingbird

extension WebServer {
    func addReviewRoutes(to router: Router<WebContext>) {
        router.get("/") { request, context in
            try self.require(.viewDashboard, request, context)
            return self.page("dashboard", try await self.dashboard(context), request, context)
        }

        router.get("/runs") { request, context in
            try self.require(.viewRuns, request, context)
            let language = context.language
            let runs = try self.ledger(context).runs().reversed().map { run -> [String: Any] in
                [
                    "id": run.id, "ranAt": run.ranAt, "period": run.period,
                    "packs": run.packs.map {
                        [
                            "pack": $0.pack, "score": formatNumber($0.score), "maxScore": formatNumber($0.maxScore),
                            "passed": $0.passed,
                        ] as [String: Any]
                    },
                ]
            }
            let latest = await self.assessments.latest(context.enterprise?.creditCode ?? "")
            let label = latest.map { l in
                WebText.text(.runs, language) + " · " + l.assessment.period.label
                    + (l.runID.map { " · " + WebText.text(.run, language) + " #\($0)" } ?? "")
            }
            return self.page("runs", ["runs": runs, "latest": latest != nil, "latestLabel": label ?? ""], request, context)
        }

        router.get("/runs/latest") { request, context in
            try self.require(.viewRuns, request, context)
            guard let latest = await self.assessments.latest(context.enterprise?.creditCode ?? "") else {
                throw WebRefusal.notFound
            }
            return self.page("run", self.assessmentPage(latest, context.language), request, context)
        }

        router.get("/runs/:id") { request, context in
            try self.require(.viewRuns, request, context)
            let ledger = try self.ledger(context)
            guard let id = context.parameters.get("id", as: Int64.self),
                let run = try ledger.runs().first(where: { $0.id == id })
            else { throw WebRefusal.notFound }
            return self.page("run", try self.storedRunPage(run, ledger, context.language), request, context)
        }

        router.get("/check") { request, context in
            try self.require(.runCheck, request, context)
            return self.page("check", try self.checkPageValues(try self.ledger(context), errors: nil), request, context)
        }

        router.post("/check") { request, context in
            try self.require(.runCheck, request, context)
            let form = try await self.form(request, context, limit: 200 * 1024 * 1024)
            return try await self.runCheck(form, request, context)
        }

        router.get("/report") { request, context in
            try self.require(.viewReport, request, context)
            return self.page("report", ["available": self.configuration.recordsDirectory != nil], request, context)
        }

        router.get("/report/document") { request, context in
            try self.require(.viewReport, request, context)
            guard let records = self.configuration.recordsDirectory else { throw WebRefusal.notFound }
            let ledger = try self.ledger(context)
            let period = try self.defaultPeriod(ledger)
            do {
                let text = try CoreCalls.reviewPack(
                    records: records, period: period, ledger: ledger, configuration: self.configuration,
                    language: context.language)
                var response = self.html(text)
                // The review pack is `hegui report`'s document as is: its stylesheet is inline; scripts stay barred.
                response.headers[.contentSecurityPolicy] =
                    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'"
                return response
            } catch {
                return self.message("checkErrors", lines: Self.describe(error, context.language), request, context, status: .unprocessableContent)
            }
        }
    }

    /// The period a check proposes: the configured one, else the latest run's, else this year.
    func defaultPeriod(_ ledger: Ledger) throws -> Period {
        if let text = configuration.defaultPeriod, let period = Period(parsing: text) { return period }
        if let last = try ledger.runs().last, let period = Period(parsing: last.period) { return period }
        return Period(parsing: String(configuration.currentDay.description.prefix(4))) ?? Period(
            start: configuration.currentDay, end: configuration.currentDay)
    }

    func checkPageValues(_ ledger: Ledger, errors: String?) throws -> [String: Any] {
        ["period": try defaultPeriod(ledger).label, "folder": configuration.recordsDirectory ?? "", "errors": errors ?? ""]
    }

    /// Runs a check on uploaded files (into a fresh folder the server names) or the records folder.
    func runCheck(_ form: SubmittedForm, _ request: Request, _ context: WebContext) async throws -> Response {
        let ledger = try self.ledger(context)
        guard let periodText = form["period"], let period = Period(parsing: periodText) else {
            throw WebRefusal.badInput(
                Message.web(.periodFormat).text)
        }
        let uploads = form.files.filter { $0.field == "records" }
        var folder = configuration.recordsDirectory
        var scratch: URL?
        if !uploads.isEmpty {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hegui-upload-" + Token.make())
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            scratch = directory
            for upload in uploads {
                guard let name = Self.recordFileName(upload.filename) else {
                    throw WebRefusal.badInput(
                        Message.web(.recordsFileName(name: upload.filename)).text)
                }
                try upload.data.write(to: directory.appendingPathComponent(name))
            }
            folder = directory.path
        }
        defer { if let scratch { try? FileManager.default.removeItem(at: scratch) } }
        guard let folder else { throw WebRefusal.badInput(Message.web(.uploadRecords).text) }
        do {
            let evaluated = try CoreCalls.assess(
                records: folder, period: period, ledger: ledger, configuration: configuration, record: true,
                language: context.language)
            await assessments.store(evaluated, context.enterprise?.creditCode ?? "")
            return redirect("/runs/latest?done=done")
        } catch {
            // Located errors name the files as uploaded, not the server's scratch folder.
            var lines = Self.describe(error, context.language)
            if let scratch { lines = lines.replacingOccurrences(of: scratch.path + "/", with: "") }
            return page("check", try checkPageValues(ledger, errors: lines), request, context, status: .unprocessableContent)
        }
    }

    /// An uploaded records file's name reduced to `kind.ext`: letters, digits, `_`, `-`, CJK; no path.
    static func recordFileName(_ raw: String) -> String? {
        let base = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let parts = base.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, ["csv", "xlsx", "xml"].contains(parts[1].lowercased()), !parts[0].isEmpty,
            parts[0].count <= 64,
            parts[0].unicodeScalars.allSatisfy({
                CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-"
            })
        else { return nil }
        return "\(parts[0]).\(parts[1].lowercased())"
    }
}
