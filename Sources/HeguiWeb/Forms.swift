import Foundation
import Hummingbird

/// A submitted form: text fields and uploaded files, from `application/x-www-form-urlencoded` or
/// `multipart/form-data`. File names are kept only for showing; nothing uses them as a path.
struct SubmittedForm: Sendable {
    /// One uploaded file.
    struct File: Sendable {
        /// The field name.
        var field: String
        /// The browser's file name, for display only.
        var filename: String
        /// The bytes.
        var data: Data
    }

    /// Field values by name, in the order sent.
    var fields: [String: [String]] = [:]
    /// Uploaded files in the order sent (empty file inputs are left out).
    var files: [File] = []

    /// The first value of a field, trimmed; nil when missing or empty.
    subscript(_ name: String) -> String? {
        guard let value = fields[name]?.first?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    /// Reads the request body (at most `limit` bytes) as a form.
    static func read(_ request: Request, limit: Int) async throws -> SubmittedForm {
        let buffer = try await request.body.collect(upTo: limit)
        let body = Data(buffer.readableBytesView)
        let type = request.headers[.contentType] ?? ""
        if type.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = Self.boundary(type) else { throw HTTPError(.badRequest) }
            return try Self.multipart(body, boundary: boundary)
        }
        return Self.urlEncoded(String(decoding: body, as: UTF8.self))
    }

    /// Parses `a=1&b=2` (plus signs are spaces).
    static func urlEncoded(_ text: String) -> SubmittedForm {
        var form = SubmittedForm()
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            form.fields[name, default: []].append(value)
        }
        return form
    }

    /// The boundary parameter of a multipart content type.
    static func boundary(_ contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else { continue }
            let value = parts[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.isEmpty || value.count > 200 ? nil : value
        }
        return nil
    }

    /// Parses a `multipart/form-data` body.
    static func multipart(_ body: Data, boundary: String) throws -> SubmittedForm {
        var form = SubmittedForm()
        let delimiter = Data("--\(boundary)".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        guard var cursor = body.range(of: delimiter)?.upperBound else { throw HTTPError(.badRequest) }
        while cursor < body.endIndex {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if body[cursor...].starts(with: Data("--".utf8)) { break }
            guard body[cursor...].starts(with: Data("\r\n".utf8)) else { throw HTTPError(.badRequest) }
            let partStart = cursor + 2
            guard let headersRange = body.range(of: headerEnd, in: partStart..<body.endIndex),
                let next = body.range(of: Data("\r\n".utf8) + delimiter, in: headersRange.upperBound..<body.endIndex)
            else { throw HTTPError(.badRequest) }
            let headers = String(decoding: body[partStart..<headersRange.lowerBound], as: UTF8.self)
            let content = body[headersRange.upperBound..<next.lowerBound]
            let disposition = headers.split(separator: "\r\n").first {
                $0.lowercased().hasPrefix("content-disposition:")
            }.map(String.init) ?? ""
            if let name = Self.parameter("name", in: disposition) {
                if let filename = Self.parameter("filename", in: disposition) {
                    if !filename.isEmpty || !content.isEmpty {
                        form.files.append(File(field: name, filename: filename, data: Data(content)))
                    }
                } else {
                    form.fields[name, default: []].append(String(decoding: content, as: UTF8.self))
                }
            }
            cursor = next.upperBound
        }
        return form
    }

    /// A quoted or bare parameter of a header line (`name="x"`); semicolons inside quotes stay in the value.
    static func parameter(_ key: String, in header: String) -> String? {
        var pieces: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in header {
            if escaped {
                current.append(character)
                escaped = false
            } else if quoted && character == "\\" {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
                current.append(character)
            } else if character == ";" && !quoted {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        for piece in pieces.dropFirst() {
            let parts = piece.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            var value = parts[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            return value
        }
        return nil
    }
}
