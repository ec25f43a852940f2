import Foundation

// hegui-embed OUTPUT TYPE ROOT FILE…: writes a Swift source extending TYPE with each FILE's bytes
// (base64, byte-exact, whatever the encoding) under its path relative to ROOT. Run by the EmbedFiles
// build plugin.

var arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 4, let output = arguments.popFirst(), let type = arguments.popFirst(),
    let root = arguments.popFirst()
else {
    FileHandle.standardError.write(Data("usage: hegui-embed OUTPUT TYPE ROOT FILE…\n".utf8))
    exit(2)
}
let prefix = root.hasSuffix("/") ? root : root + "/"
var source = """
    // Generated at build time by the EmbedFiles plugin from \(URL(fileURLWithPath: root).lastPathComponent)/;
    // never edited or checked in.

    extension \(type) {
        /// Each embedded file's path under its folder and its bytes in base64.
        static let encodedFiles: [(path: String, base64: String)] = [

    """
for file in arguments {
    guard file.hasPrefix(prefix), let data = FileManager.default.contents(atPath: file) else {
        FileHandle.standardError.write(Data("hegui-embed: error: cannot read \(file) under \(root)\n".utf8))
        exit(1)
    }
    let path = file.dropFirst(prefix.count).replacingOccurrences(of: "\\", with: "\\\\")
        .replacingOccurrences(of: "\"", with: "\\\"")
    source += "        (\"\(path)\", \"\(data.base64EncodedString())\"),\n"
}
source += "    ]\n}\n"
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("hegui-embed: error: cannot write \(output): \(error)\n".utf8))
    exit(1)
}
