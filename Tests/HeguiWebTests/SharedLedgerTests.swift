import Foundation
import HeguiCore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HeguiWeb

@Suite("One ledger, many writers")
struct SharedLedgerTests {
    static let binary = packageRoot.appendingPathComponent(".build/debug/hegui")

    @Test("The CLI and the server add issues to one ledger at once: every issue stored once, the chain holds")
    func cliAndServerTogether() async throws {
        let fixture = try WebFixture()
        try fixture.addUser("rep", "representative")
        let ledger = try fixture.ledger()
        _ = try ledger.addPatrol(date: Day(iso: "2019-06-10")!, team: "一组", scope: "车间", by: "rep")
        let cli = Process()
        cli.executableURL = Self.binary
        cli.arguments = [
            "inspect", "bulk-add", "--patrol", "1", "--count", "150", "--by", "命令行", "--ledger", fixture.configuration.ledgerPath,
        ]
        cli.standardOutput = FileHandle.nullDevice
        try await fixture.test { client in
            let rep = Browser(client)
            try await rep.signIn("rep")
            _ = try await rep.get("/patrols/1")
            try cli.run()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<5 {
                    group.addTask {
                        for n in 0..<20 {
                            let page = try await rep.postMultipart(
                                "/patrols/1/issues",
                                [("location", "W\(worker)"), ("description", "网页问题 \(worker)-\(n)"), ("category", "安全"), ("grade", "一般")],
                                files: [])
                            #expect(page.status == .seeOther)
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        cli.waitUntilExit()
        #expect(cli.terminationStatus == 0)
        let items = try ledger.items()
        #expect(items.count == 250)
        let web = items.filter { $0.description.hasPrefix("网页问题") }.map(\.description)
        #expect(web.count == 100)
        #expect(Set(web).count == 100)
        #expect(items.filter { $0.description.hasPrefix("批量问题") }.count == 150)
        let chain = try ledger.verifyChain()
        #expect(chain.isIntact)
        #expect(chain.events == 251)
    }

    @Test("hegui user add|list|disable|enable|passwd keep accounts in the ledger")
    func userCommands() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hegui-user-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let ledgerPath = dir.appendingPathComponent("l.sqlite").path
        func hegui(_ args: [String], input: String = "") throws -> (Int32, String, String) {
            let p = Process()
            p.executableURL = Self.binary
            p.arguments = args + ["--ledger", ledgerPath]
            var environment = ProcessInfo.processInfo.environment
            environment["LANG"] = "en_US.UTF-8"
            environment["LC_ALL"] = nil
            p.environment = environment
            let stdin = Pipe()
            let out = Pipe()
            let err = Pipe()
            p.standardInput = stdin
            p.standardOutput = out
            p.standardError = err
            try p.run()
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
            let o = out.fileHandleForReading.readDataToEndOfFile()
            let e = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
        }
        #expect(try hegui(["user", "add", "张主任", "--role", "admin"], input: "first-password\n").1 == "added user 张主任 (admin)\n")
        #expect(try hegui(["user", "add", "李明", "--role", "department:安全部"], input: "second-pass\n").0 == 0)
        let bad = try hegui(["user", "add", "x", "--role", "boss"], input: "whatever-pass\n")
        #expect(bad.0 == 2)
        #expect(bad.2.contains("unknown role boss"))
        let short = try hegui(["user", "add", "y", "--role", "viewer"], input: "short\n")
        #expect(short.2 == "hegui: a password has at least 8 characters\n")
        let taken = try hegui(["user", "add", "张主任", "--role", "viewer"], input: "another-pass\n")
        #expect(taken.2 == "hegui: user 张主任 already exists\n")
        #expect(try hegui(["user", "list"]).1 == "张主任  admin  active\n李明  department:安全部  active\n")
        #expect(try hegui(["user", "disable", "李明"]).1 == "disabled user 李明\n")
        #expect(try hegui(["user", "list"]).1.contains("李明  department:安全部  disabled"))
        #expect(try hegui(["user", "enable", "李明"]).0 == 0)
        #expect(try hegui(["user", "passwd", "李明"], input: "third-password\n").1 == "password of 李明 changed\n")
        #expect(try hegui(["user", "passwd", "nobody"], input: "third-password\n").2 == "hegui: no user nobody\n")
        let ledger = try Ledger(path: ledgerPath)
        #expect(try ledger.account(named: "李明")?.credentialVersion == 4)
        #expect(try ledger.passwordHash(of: "张主任")?.hasPrefix("$2") == true)
    }
}
