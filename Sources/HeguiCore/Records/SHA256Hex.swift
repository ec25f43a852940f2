import Crypto
import HeguiBase

/// The SHA-256 of bytes, lower-case hex.
func sha256Hex(_ bytes: [UInt8]) -> String {
    lowercaseHex(SHA256.hash(data: bytes))
}
