import ArgumentParser
import Foundation
import ThiqaLanguage
import ThiqaPrivacy

struct LangID: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "langid",
        abstract: "Identify the language of each message read on standard input.",
        discussion: """
            Reads lines {"id":…,"text":…} and writes lines {"id":…,"lang":…,"others":[…]}: lang is one of \
            fr, ar, ary-Arab, ary-Latn, zgh-Tfng, ber-Latn, en, es, or und (nothing to judge); others lists the \
            other languages present in a code-switched message. A bad line gets {"line":N,"error":"…"} naming the \
            field, and the exit code is 1 at the end.
            """
    )

    func run() throws {
        let identifier = LanguageIdentifier()
        // The same {"id","text"} reader as `thiqa scan --jsonl`: ids are echoed exactly as written.
        try processJSONLines { line in
            let request = try PrivacyReportJSON.parseLine(line)
            return identifier.identify(request.text).jsonLine(rawID: request.rawID)
        }
    }
}
