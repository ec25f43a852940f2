import Foundation

/// Runs the built `hegui` binary the way a user does and collects what it printed.
enum Hegui {
    /// `<package root>/.build/debug/hegui`, found from this file's path.
    static let binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/hegui")

    /// Exit code, standard output and standard error of one run.
    struct Result {
        var code: Int32
        var out: String
        var err: String
    }

    /// Runs `hegui arguments…` in a folder and waits for it.
    static func run(_ arguments: [String], in folder: URL, environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Drain standard error on another thread so neither pipe can fill up and block the child.
        nonisolated(unsafe) var e = Data()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            e = err.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return Result(code: process.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }
}
