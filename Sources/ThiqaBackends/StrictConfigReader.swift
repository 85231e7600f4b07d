import Configuration
import Foundation

/// A configuration value that is present but not of the expected form. Start-up stops with this message.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible, Equatable {
    public var key: String
    public var expected: String
    public var got: String
    public init(key: String, expected: String, got: String) {
        self.key = key
        self.expected = expected
        self.got = got
    }
    public var description: String {
        "invalid configuration '\(key)' (environment \(ConfigurationError.environmentName(key))): expected \(expected), got \(got)"
    }

    /// `backends.local.firstByteTimeoutMs` → `BACKENDS_LOCAL_FIRST_BYTE_TIMEOUT_MS`.
    public static func environmentName(_ key: String) -> String {
        var out = ""
        var previousLower = false
        for character in key {
            if character == "." || character == "-" {
                out.append("_")
                previousLower = false
            } else if character.isUppercase {
                if previousLower { out.append("_") }
                out.append(character)
                previousLower = false
            } else {
                out.append(contentsOf: character.uppercased())
                previousLower = character.isLowercase || character.isNumber
            }
        }
        return out
    }
}

/// Reads configuration strictly: a missing key takes its default, but a present value of the wrong form is an
/// error naming the key, never silently replaced by the default (swift-configuration's default variants do that).
public struct StrictConfigReader: Sendable {
    let config: ConfigReader
    let prefix: String

    public init(_ config: ConfigReader, prefix: String) {
        self.config = config
        self.prefix = prefix
    }

    func fullKey(_ key: String) -> String { prefix.isEmpty ? key : "\(prefix).\(key)" }

    /// The raw text of a value, whatever its provider's type, to tell "missing" from "malformed".
    func present(_ key: String) -> Bool {
        let key = ConfigKey(fullKey(key))
        return config.string(forKey: key) != nil || config.int(forKey: key) != nil || config.double(forKey: key) != nil
            || config.bool(forKey: key) != nil || config.stringArray(forKey: key) != nil || config.intArray(forKey: key) != nil
    }

    func describe(_ key: String) -> String {
        let key = ConfigKey(fullKey(key))
        if let text = config.string(forKey: key) { return "'\(text)'" }
        if let values = config.stringArray(forKey: key) { return "\(values)" }
        return "a value of another type"
    }

    public func string(_ key: String, default value: String) throws -> String {
        try optionalString(key) ?? value
    }

    public func optionalString(_ key: String, isSecret: Bool = false) throws -> String? {
        if let text = config.string(forKey: ConfigKey(fullKey(key)), isSecret: isSecret) { return text }
        guard !present(key) else { throw ConfigurationError(key: fullKey(key), expected: "a string", got: describe(key)) }
        return nil
    }

    public func requiredString(_ key: String, expected: String) throws -> String {
        guard let text = try optionalString(key), !text.isEmpty else {
            throw ConfigurationError(key: fullKey(key), expected: expected, got: "nothing")
        }
        return text
    }

    public func int(_ key: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        let configKey = ConfigKey(fullKey(key))
        if let number = config.int(forKey: configKey) {
            guard range.contains(number) else {
                throw ConfigurationError(key: fullKey(key), expected: "an integer from \(range.lowerBound) to \(range.upperBound)", got: "\(number)")
            }
            return number
        }
        guard !present(key) else {
            throw ConfigurationError(key: fullKey(key), expected: "an integer from \(range.lowerBound) to \(range.upperBound)", got: describe(key))
        }
        return value
    }

    public func bool(_ key: String, default value: Bool) throws -> Bool {
        if let flag = config.bool(forKey: ConfigKey(fullKey(key))) { return flag }
        guard !present(key) else { throw ConfigurationError(key: fullKey(key), expected: "true or false", got: describe(key)) }
        return value
    }

    public func stringArray(_ key: String, default value: [String]) throws -> [String] {
        let configKey = ConfigKey(fullKey(key))
        if let values = config.stringArray(forKey: configKey) {
            return values.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        if let single = config.string(forKey: configKey) {
            return single.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        guard !present(key) else { throw ConfigurationError(key: fullKey(key), expected: "a list of strings", got: describe(key)) }
        return value
    }
}
