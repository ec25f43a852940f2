import Foundation
import HeguiCore
import Hummingbird

extension WebServer {
    func addBoardRoutes(to router: Router<WebContext>) {
        router.get("/items") { request, context in
            try self.require(.viewBoard, request, context)
            return self.page("board", try self.boardValues(request, try self.ledger(context), context.language), request, context)
        }

        router.get("/items/:id") { request, context in
            let account = try self.require(.viewBoard, request, context)
            guard let id = context.parameters.get("id", as: Int64.self) else { throw WebRefusal.notFound }
            let ledger = try self.ledger(context)
            let item = try self.item(id, in: ledger)
            return self.page("item", try self.itemValues(item, in: ledger, account, context.language), request, context)
        }

        router.post("/items/:id/:action") { request, context in
            guard let account = context.account else { throw WebRefusal.signIn(next: "/items") }
            guard let id = context.parameters.get("id", as: Int64.self),
                let action = context.parameters.get("action", as: RectificationAction.self)
            else { throw WebRefusal.notFound }
            let ledger = try self.ledger(context)
            let form = try await self.form(request, context, limit: self.configuration.photoLimit + 1024 * 1024)
            let item = try self.item(id, in: ledger)
            guard Authorization.allows(account.role, WebAction(action), item: item) else { throw WebRefusal.forbidden }
            do {
                let scratch = try self.scratchPhotos(form, field: "photo")
                defer { if let folder = scratch.folder { try? FileManager.default.removeItem(at: folder) } }
                let evidence = scratch.paths
                let deadline = try form["deadline"].map { text -> Day in
                    guard let day = Day(iso: text) else {
                        throw LedgerError.invalidArgument(
                            Message.web(.deadlineFormat(text: text)).text)
                    }
                    return day
                }
                let assignment =
                    action == .assign
                    ? Assignment(
                        department: form["department"], responsible: form["responsible"], deadline: deadline,
                        rechecker: form["rechecker"]) : Assignment()
                try ledger.perform(
                    RectificationCommand(action, by: account.name, note: form["note"], evidence: evidence, assignment: assignment),
                    on: id, today: self.configuration.currentDay)
                return self.redirect("/items/\(id)?done=done")
            } catch let error as LedgerError {
                let status: HTTPResponse.Status = error.isRefusal ? .conflict : .badRequest
                return self.page(
                    "item", try self.itemValues(try self.item(id, in: ledger), in: ledger, account, context.language), request, context,
                    status: status, error: Self.describe(error, context.language))
            } catch let error as PhotoRefusal {
                return self.page(
                    "item", try self.itemValues(item, in: ledger, account, context.language), request, context, status: .badRequest,
                    error: error.message.text(context.language))
            }
        }

        router.get("/evidence/:hash") { request, context in
            try self.require(.viewBoard, request, context)
            guard let hash = context.parameters.get("hash"), let data = try self.ledger(context).evidence.data(forHash: hash),
                let kind = PhotoUpload.kind(of: data)
            else { throw WebRefusal.notFound }
            let type = ["jpeg": "image/jpeg", "png": "image/png", "heic": "image/heic", "webp": "image/webp"][kind.rawValue]
            return Response(
                status: .ok,
                headers: [.contentType: type ?? "application/octet-stream", .cacheControl: "private, max-age=86400"],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    /// The item with an id in the request's ledger, or a not-found page.
    func item(_ id: Int64, in ledger: Ledger) throws -> RectificationItem {
        do {
            return try ledger.item(id)
        } catch LedgerError.itemNotFound {
            throw WebRefusal.notFound
        }
    }

    /// The checked photos of a form field with their names as uploaded (control characters and slashes
    /// dropped, at most 100 characters; `photo` when nothing is left).
    func photos(_ form: SubmittedForm, field: String) throws -> [(name: String, data: Data)] {
        try form.files.filter { $0.field == field }.map { file in
            let data = try PhotoUpload.accept(
                file.data, limit: configuration.photoLimit, keepLocation: configuration.keepPhotoLocation)
            let kept = file.filename.unicodeScalars.filter {
                $0.properties.generalCategory != .control && $0 != "/" && $0 != "\\"
            }
            let name = String(String.UnicodeScalarView(kept).prefix(100))
            return (name.isEmpty || name == "." || name == ".." ? "photo" : name, data)
        }
    }

    /// Stores a patrol issue's photos; returns their evidence references (`sha256:<hex> (<name>)`).
    func storePhotos(_ form: SubmittedForm, field: String, in ledger: Ledger) throws -> [String] {
        try photos(form, field: field).map { photo in
            EvidenceStore.reference(try ledger.evidence.store(bytes: photo.data), name: photo.name)
        }
    }

    /// Writes a fix's photos into a fresh folder the server names, for the core to hash and copy into
    /// the evidence store as it records the move; returns the files and the folder to remove after.
    func scratchPhotos(_ form: SubmittedForm, field: String) throws -> (paths: [String], folder: URL?) {
        let photos = try photos(form, field: field)
        guard !photos.isEmpty else { return ([], nil) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hegui-photo-" + Token.make())
        var paths: [String] = []
        for (index, photo) in photos.enumerated() {
            let directory = folder.appendingPathComponent(String(index))
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let url = directory.appendingPathComponent(photo.name)
            try photo.data.write(to: url)
            paths.append(url.path)
        }
        return (paths, folder)
    }

    /// The board's filter options and the matching items.
    func boardValues(_ request: Request, _ ledger: Ledger, _ language: Language) throws -> [String: Any] {
        let query = request.uri.queryParameters
        let status = query.get("status").flatMap { RectificationStatus(rawValue: $0) }
        let pack = query.get("pack").flatMap { $0.isEmpty ? nil : $0 }
        let department = query.get("department").flatMap { $0.isEmpty ? nil : $0 }
        let grade = query.get("grade").flatMap { $0.isEmpty ? nil : $0 }
        let overdue = query.get("overdue") == "1"
        let today = configuration.currentDay
        let all = try ledger.items()
        let shown = try ledger.items(status: status, overdueOn: overdue ? today : nil).filter { item in
            (pack == nil || item.pack == pack) && (department == nil || item.department == department)
                && (grade == nil || item.grade == grade)
        }
        // Newest first, a page of `pageSize` at a time.
        let pageSize = 100
        let pageCount = max(1, (shown.count + pageSize - 1) / pageSize)
        let pageNumber = min(max(1, query.get("page", as: Int.self) ?? 1), pageCount)
        let newestFirst = shown.reversed().dropFirst((pageNumber - 1) * pageSize).prefix(pageSize)
        var pageQuery = request.uri.query?.split(separator: "&").filter { !$0.hasPrefix("page=") }.joined(separator: "&") ?? ""
        if !pageQuery.isEmpty { pageQuery += "&" }
        func options(_ values: [String], selected: String?) -> [[String: Any]] {
            Array(Set(values)).sorted().map { ["value": $0, "label": $0, "selected": $0 == selected] }
        }
        return [
            "statuses": RectificationStatus.allCases.map {
                ["value": $0.rawValue, "label": $0.title.text(language), "selected": $0 == status] as [String: Any]
            },
            "packs": options(all.compactMap(\.pack), selected: pack),
            "departments": options(all.compactMap(\.department), selected: department),
            "grades": options(all.map(\.grade), selected: grade), "overdue": overdue,
            "count": WebText.text(.itemCount(count: shown.count), language),
            "items": newestFirst.map { itemSummary($0, language) },
            "previous": pageNumber > 1 ? "/items?\(pageQuery)page=\(pageNumber - 1)" : "",
            "next": pageNumber < pageCount ? "/items?\(pageQuery)page=\(pageNumber + 1)" : "",
            "pageLabel": "\(pageNumber) / \(pageCount)",
        ]
    }

    /// One item as a list row.
    func itemSummary(_ item: RectificationItem, _ language: Language) -> [String: Any] {
        [
            "id": item.id, "description": item.description, "status": item.status.title.text(language), "grade": item.grade,
            "category": item.category, "department": item.department ?? "", "location": item.location ?? "",
            "deadline": item.deadline.description, "overdue": item.isOverdue(on: configuration.currentDay),
        ]
    }
}
