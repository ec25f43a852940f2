import Foundation

#if FUZZING
    import CFuzzerDriver
#endif

// Two builds of one program. Built by scripts/fuzz.sh (`-D FUZZING -sanitize=fuzzer,address`), libFuzzer
// drives the target named by HEGUI_FUZZ_TARGET; a plain build replays files through a target, to
// reproduce a finding: `hegui-fuzz csv crash-…`.

// `hegui-fuzz seeds DIR`: the seed corpora from the fixtures, in either build.
if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "seeds" {
    let root = FileManager.default.currentDirectoryPath
    do {
        try Seeds.write(to: CommandLine.arguments[2], root: root)
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("hegui-fuzz: error: \(error)\n".utf8))
        exit(2)
    }
}

#if FUZZING
    // This program keeps its own `main` and hands the process to libFuzzer's driver (the no-main
    // runtime scripts/fuzz.sh links into hegui-fuzz only); libFuzzer's flags follow as usual.
    guard let name = ProcessInfo.processInfo.environment["HEGUI_FUZZ_TARGET"], let chosen = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(Data("set HEGUI_FUZZ_TARGET to one of: csv, xml, pack, xlsx-sheet\n".utf8))
        exit(2)
    }
    fuzzTarget = chosen
    _ = FuzzContext.shared
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        fuzzTarget.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    })
#else
    let arguments = CommandLine.arguments.dropFirst()
    guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 else {
        FileHandle.standardError.write(Data("usage: hegui-fuzz csv|xml|pack|xlsx-sheet FILE…\n".utf8))
        exit(2)
    }
    for path in arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("hegui-fuzz: error: cannot read \(path)\n".utf8))
            exit(2)
        }
        target.run(Array(data))
    }
    print("\(arguments.count - 1) input\(arguments.count == 2 ? "" : "s") ran through \(name) without a finding")
#endif
