import Foundation
import Yams

/// Reads one knowledge file (YAML front matter between `---` lines, then a Markdown body) into a `Procedure`,
/// checking every rule of the file format and reporting all problems of the file at once.
public enum ProcedureParser {
    /// Top-level keys of the front matter, in the order of the format.
    static let knownKeys: [String] = [
        "id", "schema", "category", "title", "keywords", "summary", "steps", "documents", "fees", "delay", "where",
        "contact", "source_url", "source_name", "verification", "last_verified",
    ]

    public static func parse(fileName: String, text: String) -> Result<Procedure, KnowledgeLoadError> {
        var reader = FileReader(file: fileName)
        let procedure = reader.read(text)
        if let procedure, reader.problems.isEmpty { return .success(procedure) }
        return .failure(KnowledgeLoadError(problems: reader.problems))
    }

    /// `passport.md` (or `dir/passport.md`) → `passport`.
    static func expectedID(fileName: String) -> String {
        let base = fileName.split(separator: "/").last.map(String.init) ?? fileName
        return base.hasSuffix(".md") ? String(base.dropLast(3)) : base
    }

    static func isValidID(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        return !id.isEmpty && parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
    }

    static func isHTTPSURL(_ text: String) -> Bool {
        guard text.hasPrefix("https://"), !text.contains(where: \.isWhitespace) else { return false }
        let host = text.dropFirst("https://".count).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return host.contains(".") && !host.hasPrefix(".") && !host.hasSuffix(".")
    }

    /// YYYY-MM-DD with a month and day that exist in some year.
    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let month = Int(parts[1]), let day = Int(parts[2])
        else { return false }
        let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...12).contains(month) && (1...days[month - 1]).contains(day)
    }

    /// Headings of body sections that name a language form.
    static func language(ofHeading heading: String) -> LanguageForm? {
        switch heading.lowercased() {
        case "français", "francais", "french", "fr": .french
        case "العربية", "arabic", "ar": .arabic
        case "english", "anglais", "en": .english
        case "الدارجة", "الدارجة المغربية", "ary-arab": .darijaArabic
        case "darija", "ary-latn": .darijaLatin
        case "ⵜⴰⵎⴰⵣⵉⵖⵜ", "zgh-tfng": .amazighTifinagh
        case "tamazight", "tamaziɣt", "ber-latn": .amazighLatin
        default: nil
        }
    }
}

/// Collects problems while walking one file; line numbers are the file's, front-matter lines included.
struct FileReader {
    let file: String
    var problems: [KnowledgeProblem] = []
    /// File line of the first YAML line (the one after the opening `---`).
    private var yamlFirstLine = 2

    init(file: String) { self.file = file }

    mutating func problem(_ line: Int, _ field: String, _ reason: String) {
        problems.append(KnowledgeProblem(file: file, line: line, field: field, reason: reason))
    }

    private func line(of node: Node?) -> Int? {
        node?.mark.map { $0.line + yamlFirstLine - 1 }
    }

    mutating func read(_ rawText: String) -> Procedure? {
        var text = rawText.replacingOccurrences(of: "\r\n", with: "\n")
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else {
            problem(1, "front-matter", "the file must start with a '---' line opening the YAML front matter")
            return nil
        }
        guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingTrailingSpaces() == "---" }) else {
            problem(1, "front-matter", "no closing '---' line after the YAML front matter")
            return nil
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let sections = readBody(lines: lines, after: close)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                problem(1, "front-matter", "the front matter is empty")
                return nil
            }
            root = node
        } catch let error as YamlError {
            reportYAMLError(error)
            return nil
        } catch {
            problem(1, "front-matter", "invalid YAML: \(error)")
            return nil
        }
        guard let mapping = root.mapping else {
            problem(line(of: root) ?? 2, "front-matter", "the front matter must be a mapping of fields")
            return nil
        }
        return readFields(mapping, sections: sections, frontMatterEnd: close + 1)
    }

    private mutating func reportYAMLError(_ error: YamlError) {
        switch error {
        case .scanner(_, let reason, let mark, _), .parser(_, let reason, let mark, _), .composer(_, let reason, let mark, _):
            problem(mark.line + yamlFirstLine - 1, "front-matter", "invalid YAML: \(reason)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            problem(context.mark.line + yamlFirstLine - 1, "front-matter", "duplicate keys: \(duplicates.joined(separator: ", "))")
        default:
            problem(1, "front-matter", "invalid YAML: \(error)")
        }
    }

    // MARK: Fields

    private mutating func readFields(_ mapping: Node.Mapping, sections: [Procedure.Section], frontMatterEnd: Int) -> Procedure? {
        var fields: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            let keyLine = line(of: key) ?? 1
            guard let name = key.scalar?.string else {
                problem(keyLine, "front-matter", "field names must be plain words")
                continue
            }
            if fields[name] != nil {
                problem(keyLine, name, "the field appears twice")
            } else if !ProcedureParser.knownKeys.contains(name) {
                problem(keyLine, name, "unknown field (expected one of: \(ProcedureParser.knownKeys.joined(separator: ", ")))")
            }
            fields[name] = (key, value)
        }
        let missingLine = 1

        // id
        var id: String?
        if let (key, value) = fields["id"] {
            if let text = nonEmptyScalar(value, field: "id", keyLine: line(of: key)) {
                let expected = ProcedureParser.expectedID(fileName: file)
                if !ProcedureParser.isValidID(text) {
                    problem(line(of: value) ?? 1, "id", "'\(text)' must be lowercase letters, digits and single hyphens")
                } else if text != expected {
                    problem(line(of: value) ?? 1, "id", "'\(text)' must equal the file name without .md ('\(expected)')")
                } else {
                    id = text
                }
            }
        } else {
            problem(missingLine, "id", "required field is missing")
        }

        // schema
        var schema: Int?
        if let (_, value) = fields["schema"] {
            if value.scalar != nil, let number = value.int, number == 1 {
                schema = number
            } else {
                problem(line(of: value) ?? 1, "schema", "must be 1 (the only schema this Thiqa reads), found '\(value.scalar?.string ?? "a non-scalar")'")
            }
        } else {
            problem(missingLine, "schema", "required field is missing (schema: 1)")
        }

        // category
        var category: Procedure.Category?
        if let (key, value) = fields["category"] {
            if let text = nonEmptyScalar(value, field: "category", keyLine: line(of: key)) {
                category = Procedure.Category(rawValue: text)
                if category == nil {
                    let allowed = Procedure.Category.allCases.map(\.rawValue).joined(separator: ", ")
                    problem(line(of: value) ?? 1, "category", "'\(text)' is not one of: \(allowed)")
                }
            }
        } else {
            problem(missingLine, "category", "required field is missing")
        }

        let all = LanguageForm.allCases
        let title = textByLanguage(fields["title"], field: "title", required: all)
        let summary = textByLanguage(fields["summary"], field: "summary", required: all)
        let keywords = listByLanguage(fields["keywords"], field: "keywords", required: all)
        let steps = listByLanguage(fields["steps"], field: "steps", required: LanguageForm.required)
        let documents = listByLanguage(fields["documents"], field: "documents", required: LanguageForm.required)
        let fees = textByLanguage(fields["fees"], field: "fees", required: LanguageForm.required)
        let delay = textByLanguage(fields["delay"], field: "delay", required: LanguageForm.required)
        let place = textByLanguage(fields["where"], field: "where", required: LanguageForm.required)
        let contact = textByLanguage(fields["contact"], field: "contact", required: LanguageForm.required)

        // source
        var sourceURL: String?
        if let (key, value) = fields["source_url"] {
            if let text = nonEmptyScalar(value, field: "source_url", keyLine: line(of: key)) {
                if ProcedureParser.isHTTPSURL(text) {
                    sourceURL = text
                } else {
                    problem(line(of: value) ?? 1, "source_url", "'\(text)' is not an https URL")
                }
            }
        } else {
            problem(missingLine, "source_url", "required field is missing (the official portal that publishes the procedure)")
        }
        var sourceName: String?
        if let (key, value) = fields["source_name"] {
            sourceName = nonEmptyScalar(value, field: "source_name", keyLine: line(of: key))
        }

        let verification = readVerification(fields)
        let bodyOK = checkBody(sections, frontMatterEnd: frontMatterEnd)

        guard let id, let schema, let category, let title, let summary, let keywords, let steps, let documents,
            let fees, let delay, let place, let contact, let sourceURL, let verification, bodyOK
        else { return nil }
        return Procedure(
            id: id, schema: schema, category: category, title: title, keywords: keywords, summary: summary,
            steps: steps, documents: documents, fees: fees, delay: delay, place: place, contact: contact,
            sourceURL: sourceURL, sourceName: sourceName, verification: verification, sections: sections
        )
    }

    private mutating func readVerification(_ fields: [String: (key: Node, value: Node)]) -> Procedure.Verification? {
        let lastVerified = fields["last_verified"]
        let dateText: String? = lastVerified.flatMap { $0.value.null == nil ? $0.value.scalar?.string : nil }
        guard let (key, value) = fields["verification"] else {
            problem(1, "verification", "required field is missing (unverified or verified)")
            return nil
        }
        guard let text = nonEmptyScalar(value, field: "verification", keyLine: line(of: key)) else { return nil }
        switch text {
        case "unverified":
            if let lastVerified, lastVerified.value.null == nil {
                problem(line(of: lastVerified.value) ?? 1, "last_verified", "must be null when verification is unverified (never invent a date)")
                return nil
            }
            return .unverified
        case "verified":
            guard let lastVerified else {
                problem(line(of: key) ?? 1, "last_verified", "required when verification is verified (YYYY-MM-DD)")
                return nil
            }
            guard let dateText else {
                problem(line(of: lastVerified.value) ?? 1, "last_verified", "required when verification is verified (YYYY-MM-DD), found null")
                return nil
            }
            guard ProcedureParser.isISODate(dateText) else {
                problem(line(of: lastVerified.value) ?? 1, "last_verified", "'\(dateText)' is not a date YYYY-MM-DD")
                return nil
            }
            return .verified(on: dateText)
        default:
            problem(line(of: value) ?? 1, "verification", "'\(text)' must be unverified or verified")
            return nil
        }
    }

    /// `# Français` and `# العربية` sections, each with some text.
    private mutating func checkBody(_ sections: [Procedure.Section], frontMatterEnd: Int) -> Bool {
        var ok = true
        for language in LanguageForm.required {
            let heading = language == .french ? "# Français" : "# العربية"
            let matching = sections.filter { $0.language == language }
            if matching.isEmpty {
                problem(frontMatterEnd, "body", "missing section '\(heading)'")
                ok = false
            } else if matching.count > 1 {
                problem(matching[1].line, "body", "section '\(heading)' appears twice")
                ok = false
            } else if matching[0].markdown.allSatisfy(\.isWhitespace) {
                problem(matching[0].line, "body", "section '\(heading)' is empty")
                ok = false
            }
        }
        return ok
    }

    private func readBody(lines: [String], after close: Int) -> [Procedure.Section] {
        var sections: [Procedure.Section] = []
        var current: (heading: String, line: Int, lines: [String])?
        var inFence = false
        func finish(_ section: (heading: String, line: Int, lines: [String])?) {
            guard let section else { return }
            let markdown = section.lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            sections.append(
                Procedure.Section(
                    heading: section.heading, language: ProcedureParser.language(ofHeading: section.heading),
                    markdown: markdown, line: section.line
                ))
        }
        for index in lines.indices where index > close {
            let line = lines[index]
            if line.hasPrefix("```") || line.hasPrefix("~~~") { inFence.toggle() }
            if !inFence, line.hasPrefix("# ") {
                finish(current)
                current = (String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces), index + 1, [])
            } else {
                current?.lines.append(line)
            }
        }
        finish(current)
        return sections
    }

    // MARK: Value shapes

    private mutating func nonEmptyScalar(_ node: Node, field: String, keyLine: Int?) -> String? {
        guard let scalar = node.scalar, node.null == nil else {
            problem(line(of: node) ?? keyLine ?? 1, field, node.scalar != nil ? "must not be empty" : "must be a single value, not a list or mapping")
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            problem(line(of: node) ?? keyLine ?? 1, field, "must not be empty")
            return nil
        }
        return text
    }

    /// A mapping from language codes to values; reports unknown codes and missing required forms.
    private mutating func languageMapping(
        _ entry: (key: Node, value: Node)?, field: String, required: [LanguageForm]
    ) -> [(LanguageForm, Node, Int)]? {
        guard let entry else {
            problem(1, field, "required field is missing (forms \(required.map(\.rawValue).joined(separator: ", ")))")
            return nil
        }
        let keyLine = line(of: entry.key) ?? 1
        guard let mapping = entry.value.mapping else {
            problem(line(of: entry.value) ?? keyLine, field, "must be a mapping from language form (fr, ar, ary-Arab…) to its text")
            return nil
        }
        var result: [(LanguageForm, Node, Int)] = []
        var ok = true
        for (key, value) in mapping {
            let code = key.scalar?.string ?? ""
            let codeLine = line(of: key) ?? keyLine
            guard let language = LanguageForm(rawValue: code) else {
                problem(codeLine, "\(field).\(code)", "unknown language form (expected one of: \(LanguageForm.allCases.map(\.rawValue).joined(separator: ", ")))")
                ok = false
                continue
            }
            result.append((language, value, codeLine))
        }
        for language in required where !result.contains(where: { $0.0 == language }) {
            problem(keyLine, "\(field).\(language.rawValue)", "required language form is missing")
            ok = false
        }
        return ok ? result : nil
    }

    private mutating func textByLanguage(
        _ entry: (key: Node, value: Node)?, field: String, required: [LanguageForm]
    ) -> [LanguageForm: String]? {
        let entries = languageMapping(entry, field: field, required: required)
        var result: [LanguageForm: String] = [:]
        var ok = entries != nil
        for (language, node, codeLine) in entries ?? [] {
            if let text = nonEmptyScalar(node, field: "\(field).\(language.rawValue)", keyLine: codeLine) {
                result[language] = text
            } else {
                ok = false
            }
        }
        return ok ? result : nil
    }

    private mutating func listByLanguage(
        _ entry: (key: Node, value: Node)?, field: String, required: [LanguageForm]
    ) -> [LanguageForm: [String]]? {
        let entries = languageMapping(entry, field: field, required: required)
        var result: [LanguageForm: [String]] = [:]
        var ok = entries != nil
        for (language, node, codeLine) in entries ?? [] {
            let path = "\(field).\(language.rawValue)"
            guard let sequence = node.sequence else {
                problem(line(of: node) ?? codeLine, path, "must be a list ([a, b] or lines starting with '- ')")
                ok = false
                continue
            }
            if sequence.isEmpty {
                problem(line(of: node) ?? codeLine, path, "the list must not be empty")
                ok = false
                continue
            }
            var items: [String] = []
            for (index, item) in sequence.enumerated() {
                if let text = nonEmptyScalar(item, field: "\(path)[\(index + 1)]", keyLine: codeLine) {
                    items.append(text)
                } else {
                    ok = false
                }
            }
            result[language] = items
        }
        return ok ? result : nil
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> Substring {
        var view = self[...]
        while let last = view.last, last == " " || last == "\t" { view = view.dropLast() }
        return view
    }
}
