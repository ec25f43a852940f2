import CLibXML2
import Foundation
import HeguiBase

/// One error or warning as libxml2 reported it, copied out of its `xmlError`.
struct LibXMLError {
    var isWarning: Bool
    var message: String
    var line: Int
    /// libxml2's column for parser errors (`int2`), 0 when it has none.
    var column: Int
    /// The node a schema error is about; only compared, never dereferenced.
    var node: UnsafeRawPointer?
}

/// Gathers errors from libxml2's structured handler; reached through the handler's `void*`.
final class LibXMLErrorCollector {
    var errors: [LibXMLError] = []
}

/// Serialized access to libxml2, whose error handlers are process-global (or per thread) state.
enum LibXML {
    /// One lock for all libxml2 work, because handlers and the entity loader are shared.
    private static let lock = NSLock()

    /// One-time global setup: initialise the library and refuse every external entity, DTD or schema import.
    private static let setUp: Void = {
        xmlInitParser()
        // Defence in depth behind the DOCTYPE refusal: nothing is ever fetched from disk or network.
        xmlSetExternalEntityLoader { _, _, _ in nil }
    }()

    /// Options for every parse: no network, correct line numbers past 65535, and the bytes are
    /// always UTF-8 so the source scans (DOCTYPE, columns) see what libxml2 sees.
    /// Deliberately absent: NOENT, DTDLOAD, DTDATTR, HUGE, XINCLUDE, RECOVER.
    static let parseOptions: Int32 = Int32(
        bitPattern:
            XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_IGNORE_ENC.rawValue)

    /// Runs `body` under the lock with libxml2's errors captured instead of printed.
    static func withCapturedErrors<T>(_ body: () throws -> T) rethrows -> (T, [LibXMLError]) {
        lock.lock()
        defer { lock.unlock() }
        _ = setUp
        let collector = LibXMLErrorCollector()
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(collector).toOpaque()) { context, error in
            guard let context, let error else { return }
            let collector = Unmanaged<LibXMLErrorCollector>.fromOpaque(context).takeUnretainedValue()
            collector.errors.append(LibXMLError(error.pointee))
        }
        hegui_xml_silence_generic_errors()
        defer {
            xmlSetStructuredErrorFunc(nil, nil)
            hegui_xml_restore_generic_errors()
        }
        let result = try withExtendedLifetime(collector) { try body() }
        return (result, collector.errors)
    }
}

extension LibXMLError {
    /// Copies what hegui needs out of a libxml2 error; the C strings are not kept.
    init(_ error: xmlError) {
        var text = error.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        while let last = text.last, last.isWhitespace { text.removeLast() }
        self.init(
            isWarning: error.level == XML_ERR_WARNING,
            message: text,
            line: Int(error.line),
            column: Int(error.int2),
            node: error.node.map { UnsafeRawPointer($0) }
        )
    }
}

/// Converts a libxml2 string (UTF-8 `xmlChar*`) to a Swift string.
func swiftString(_ pointer: UnsafePointer<xmlChar>?) -> String? {
    pointer.map { String(cString: $0) }
}
