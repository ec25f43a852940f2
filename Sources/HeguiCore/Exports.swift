// Library users `import HeguiCore` and can name and catch the shared error types
// (`Diagnostic`, `DiagnosticsError`, `UnreadableFileError`) and `Language`/`LocalizedText`.
@_exported import HeguiBase
