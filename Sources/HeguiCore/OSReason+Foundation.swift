import Foundation
import HeguiBase

extension OSReason {
    /// The reason for a Foundation error: its POSIX error number when it carries one, else the
    /// `CocoaError` kind, so the operating system's English text never reaches a zh-CN reader.
    public init(_ error: any Error) {
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain {
            self.init(errno: Int32(clamping: nsError.code))
            return
        }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            self.init(errno: Int32(clamping: underlying.code))
            return
        }
        switch (error as? CocoaError)?.code {
        case .fileNoSuchFile?, .fileReadNoSuchFile?: self = .noSuchFile
        case .fileReadNoPermission?, .fileWriteNoPermission?: self = .permissionDenied
        case .fileWriteOutOfSpace?: self = .noSpace
        case .fileWriteVolumeReadOnly?: self = .readOnlyFileSystem
        case .fileWriteFileExists?: self = .fileExists
        default: self = .other(code: Int32(clamping: nsError.code))
        }
    }
}
