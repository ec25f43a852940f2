import Foundation
import Testing

/// Whether headless Chromium, its driver and Selenium are installed.
let browserReady: Bool = {
    let manager = FileManager.default
    guard manager.isExecutableFile(atPath: "/usr/bin/chromium"), manager.isExecutableFile(atPath: "/usr/bin/chromedriver")
    else { return false }
    let probe = Process()
    probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    probe.arguments = ["python3", "-c", "import selenium"]
    probe.standardError = FileHandle.nullDevice
    guard (try? probe.run()) != nil else { return false }
    probe.waitUntilExit()
    return probe.terminationStatus == 0
}()

/// In CI the browser test must run: a missing browser is a failure there, not a skip.
let runningInCI = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false

@Suite("Real browser", .serialized)
struct BrowserTests {
    static let binary = packageRoot.appendingPathComponent(".build/debug/hegui")
    static let password = "browser-pass-1"

    /// A free TCP port on loopback (bound, read, released).
    static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socket, pointer, length) == 0 && getsockname(socket, pointer, &length) == 0
            }
        }
        guard bound else { throw CocoaError(.fileReadUnknown) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts TCP connections on a loopback port.
    static func accepts(port: Int) -> Bool {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// Runs the built hegui to the end; returns its exit status.
    @discardableResult
    static func hegui(_ args: [String], input: String? = nil) throws -> Int32 {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.currentDirectoryURL = packageRoot
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        let stdin = Pipe()
        p.standardInput = stdin
        try p.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        p.waitUntilExit()
        return p.terminationStatus
    }

    @Test(
        "Phone: patrol issue with a photo, fix with an after-photo, verified, on the notice board; desktop: dashboard and printed review pack",
        .enabled(if: browserReady || runningInCI))
    func patrolToNoticeBoard() async throws {
        guard browserReady else {
            Issue.record("CI is set but chromium, chromium-driver or selenium is missing: .ci/run installs them")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hegui-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let ledger = dir.appendingPathComponent("hegui.sqlite").path
        let profile = "fixtures/profiles/ningbo-2019.xml"
        // Two runs give the dashboard a trend: a failing variant, then the clean year.
        try Self.hegui([
            "check", "--records", "fixtures/scenarios/unsigned-contract", "--period", "2019", "--ledger", ledger,
            "--profile", profile, "--today", "2019-06-01",
        ])
        try Self.hegui([
            "check", "--records", "fixtures/ningbo-2019", "--period", "2019", "--ledger", ledger, "--profile", profile,
            "--today", "2019-06-05",
        ])
        for (name, role) in [("王代表", "representative"), ("李明", "department:安全部"), ("张复查", "verifier"), ("张主任", "officer")] {
            #expect(try Self.hegui(["user", "add", name, "--role", role, "--ledger", ledger], input: Self.password + "\n") == 0)
        }
        let port = try Self.freePort()
        let server = Process()
        server.executableURL = Self.binary
        server.currentDirectoryURL = packageRoot
        server.arguments = [
            "serve", "--ledger", ledger, "--records", "fixtures/ningbo-2019", "--profile", profile, "--period", "2019",
            "--port", String(port), "--today", "2019-06-10",
        ]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        let base = "http://127.0.0.1:\(port)"
        var ready = false
        for _ in 0..<150 where !ready {
            if Self.accepts(port: port) { ready = true } else { try await Task.sleep(for: .milliseconds(200)) }
        }
        #expect(ready, "hegui serve answers on \(base)")
        let out =
            ProcessInfo.processInfo.environment["HEGUI_WEB_SCREENSHOTS"]
            ?? dir.appendingPathComponent("screenshots").path
        let script = Process()
        script.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        script.arguments = ["python3", packageRoot.appendingPathComponent("scripts/web-browser-test.py").path, base, out, Self.password]
        let output = Pipe()
        script.standardOutput = output
        script.standardError = output
        try script.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        script.waitUntilExit()
        #expect(script.terminationStatus == 0, "\(text)")
        #expect(text.contains("browser test passed"))
        let shots = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".png") }
        #expect(shots.count == 15)
    }
}
