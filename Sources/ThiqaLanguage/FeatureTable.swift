/// Feature hash → row number, open addressing with linear probing. The keys are already well-mixed FNV hashes, so
/// the table skips `Hasher` (SipHash), which made lookups several times slower than the arithmetic around them.
struct FeatureTable: Sendable {
    private var keys: [UInt64]
    private var rows: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(minimumCapacity: Int = 1024) {
        var size = 16
        while size < minimumCapacity * 2 { size *= 2 }
        self.keys = [UInt64](repeating: 0, count: size)
        self.rows = [Int32](repeating: -1, count: size)
        self.mask = size - 1
    }

    @inline(__always) private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key ^ (key >> 31)) &* 0x9E37_79B9_7F4A_7C15 >> 20) & self.mask
    }

    func row(for key: UInt64) -> Int32? {
        var index = self.slot(key)
        while true {
            let row = self.rows[index]
            if row < 0 { return nil }
            if self.keys[index] == key { return row }
            index = (index + 1) & self.mask
        }
    }

    /// The row of `key`, adding it as row `count` when new.
    mutating func rowInserting(_ key: UInt64) -> Int32 {
        if (self.count + 1) * 2 > self.rows.count { self.grow() }
        var index = self.slot(key)
        while true {
            let row = self.rows[index]
            if row < 0 {
                self.keys[index] = key
                self.rows[index] = Int32(self.count)
                self.count += 1
                return Int32(self.count - 1)
            }
            if self.keys[index] == key { return row }
            index = (index + 1) & self.mask
        }
    }

    private mutating func grow() {
        let oldKeys = self.keys
        let oldRows = self.rows
        self.keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        self.rows = [Int32](repeating: -1, count: oldRows.count * 2)
        self.mask = self.rows.count - 1
        for (key, row) in zip(oldKeys, oldRows) where row >= 0 {
            var index = self.slot(key)
            while self.rows[index] >= 0 { index = (index + 1) & self.mask }
            self.keys[index] = key
            self.rows[index] = row
        }
    }
}
