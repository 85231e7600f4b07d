/// Builds a `String` from Unicode scalars through UTF-8 bytes; much faster than appending scalar slices to a
/// `String.UnicodeScalarView`, which goes through unspecialised generic code.
struct UTF8Builder {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        self.bytes.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func append(_ scalar: Unicode.Scalar) {
        let v = scalar.value
        switch v {
        case 0..<0x80:
            self.bytes.append(UInt8(v))
        case 0x80..<0x800:
            self.bytes.append(UInt8(0xC0 | (v >> 6)))
            self.bytes.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            self.bytes.append(UInt8(0xE0 | (v >> 12)))
            self.bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            self.bytes.append(UInt8(0x80 | (v & 0x3F)))
        default:
            self.bytes.append(UInt8(0xF0 | (v >> 18)))
            self.bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            self.bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            self.bytes.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    mutating func append(_ scalars: ArraySlice<Unicode.Scalar>) {
        for scalar in scalars { self.append(scalar) }
    }

    mutating func append(_ string: String) {
        self.bytes.append(contentsOf: string.utf8)
    }

    var string: String { String(decoding: self.bytes, as: UTF8.self) }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var builder = UTF8Builder(capacity: scalars.count * 2)
        builder.append(scalars)
        return builder.string
    }

    /// The scalars of a string in one decoding pass.
    static func scalars(of text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { out.append(scalar) }
        return out
    }
}
