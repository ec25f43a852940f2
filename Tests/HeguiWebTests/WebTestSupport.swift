import Foundation
import HeguiCore
import HummingbirdBcrypt
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HeguiWeb

/// The repository root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A clock tests can move forward.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_560_000_000)  // 2019-06-08

    var now: Date { lock.withLock { current } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
}

/// A server over a fresh ledger in a temporary folder, with accounts made cheaply (bcrypt cost 4).
struct WebFixture {
    let dir: URL
    let clock = TestClock()
    var configuration: WebConfiguration
    static let password = "correct-horse"

    init(records: String? = nil, configure: (inout WebConfiguration) -> Void = { _ in }) throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("hegui-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        configuration = WebConfiguration(ledgerPath: dir.appendingPathComponent("hegui.sqlite").path)
        configuration.recordsDirectory = records
        configuration.today = Day(iso: "2019-06-10")
        let clock = self.clock
        configuration.clock = { clock.now }
        configure(&configuration)
    }

    /// The ledger the server writes.
    func ledger() throws -> Ledger {
        let clock = self.clock
        return try Ledger(path: configuration.ledgerPath, clock: { clock.now })
    }

    /// Adds an account with `WebFixture.password`.
    @discardableResult
    func addUser(_ name: String, _ role: String) throws -> Account {
        try ledger().addAccount(
            name: name, role: AccountRole(parsing: role)!, passwordHash: Bcrypt.hash(Self.password, cost: 4))
    }

    /// Runs `body` with a test client of a fresh server.
    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let server = try WebServer(configuration)
        try await server.application().test(.router) { client in try await body(client) }
    }
}

/// One browser: its cookies and the CSRF token of the last page it saw.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var csrf: String?

    init(_ client: any TestClientProtocol) { self.client = client }

    /// The `Cookie` header this browser sends.
    var cookieHeader: String { cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }

    /// A response as text, with its status and headers.
    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String
        var location: String? { headers[.location] }
    }

    private func remember(_ response: TestResponse) -> Page {
        for line in response.headers[values: .setCookie] {
            let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0])
            let value = pair.count > 1 ? String(pair[1]) : ""
            if line.contains("Max-Age=0") || value.isEmpty || line.range(of: "Expires=Thu, 01 Jan 1970") != nil {
                cookies[name] = nil
            } else {
                cookies[name] = value
            }
        }
        let body = String(buffer: response.body)
        if let token = Browser.formToken(body) { csrf = token }
        return Page(status: response.status, headers: response.headers, body: body)
    }

    /// The first `_csrf` hidden field's value in a page.
    static func formToken(_ body: String) -> String? {
        guard let range = body.range(of: "name=\"_csrf\" value=\"") else { return nil }
        let rest = body[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    func get(_ path: String) async throws -> Page {
        var headers: HTTPFields = [:]
        if !cookies.isEmpty { headers[.cookie] = cookieHeader }
        return remember(try await client.execute(uri: path, method: .get, headers: headers))
    }

    /// Posts a url-encoded form (with this browser's CSRF token unless `csrf: false`).
    func post(_ path: String, _ fields: [(String, String)], csrf withToken: Bool = true) async throws -> Page {
        var all = fields
        if withToken, let csrf { all.insert(("_csrf", csrf), at: 0) }
        let body = all.map { "\(Browser.encode($0.0))=\(Browser.encode($0.1))" }.joined(separator: "&")
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if !cookies.isEmpty { headers[.cookie] = cookieHeader }
        return remember(try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body)))
    }

    /// Posts a multipart form with files (field, filename, bytes).
    func postMultipart(
        _ path: String, _ fields: [(String, String)], files: [(String, String, [UInt8])], csrf withToken: Bool = true
    ) async throws -> Page {
        let boundary = "----hegui\(UUID().uuidString)"
        var body = [UInt8]()
        var all = fields
        if withToken, let csrf { all.insert(("_csrf", csrf), at: 0) }
        for (name, value) in all {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for (name, filename, bytes) in files {
            let quoted = filename.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            body += Array(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(quoted)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                    .utf8)
            body += bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
        if !cookies.isEmpty { headers[.cookie] = cookieHeader }
        return remember(try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(bytes: body)))
    }

    /// Signs in through the form; returns the answer to the POST.
    @discardableResult
    func signIn(_ name: String, password: String = WebFixture.password, next: String = "/") async throws -> Page {
        _ = try await get("/login")
        let page = try await post("/login", [("username", name), ("password", password), ("next", next)])
        if page.status == .seeOther, let location = page.location, location != "/login" {
            _ = try await get(location)
        }
        return page
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

/// A tiny valid JPEG (SOI, an APP1 Exif block with a GPS directory, EOI) for upload tests.
func jpegWithGPS() -> [UInt8] {
    // TIFF, little-endian: IFD0 with one entry (GPS pointer → offset 26); GPS IFD with one entry
    // (GPSLatitude, 3 RATIONALs at offset 44), then the 24 value bytes.
    var tiff: [UInt8] = [0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00]
    tiff += [0x01, 0x00, 0x25, 0x88, 0x04, 0x00, 0x01, 0x00, 0x00, 0x00, 0x1A, 0x00, 0x00, 0x00]
    tiff += [0x00, 0x00, 0x00, 0x00]  // next IFD: none (offset 22…25)
    tiff += [0x01, 0x00, 0x02, 0x00, 0x05, 0x00, 0x03, 0x00, 0x00, 0x00, 0x2C, 0x00, 0x00, 0x00]  // at 26
    tiff += [0x00, 0x00, 0x00, 0x00]  // next IFD (40…43)
    tiff += [29, 0, 0, 0, 1, 0, 0, 0, 52, 0, 0, 0, 1, 0, 0, 0, 7, 0, 0, 0, 1, 0, 0, 0]  // 29°52'7" at 44
    let exif: [UInt8] = Array("Exif".utf8) + [0, 0] + tiff
    let length = exif.count + 2
    return [0xFF, 0xD8, 0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + exif + [0xFF, 0xD9]
}
