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
        var failed = 0
        var lineNumber = 0
        while let line = readLine(strippingNewline: true) {
            lineNumber += 1
            if line.allSatisfy(\.isWhitespace) { continue }
            do {
                // The same {"id","text"} reader as `thiqa scan --jsonl`: ids are echoed exactly as written.
                let request = try PrivacyReportJSON.parseLine(line)
                print(identifier.identify(request.text).jsonLine(rawID: request.rawID))
            } catch {
                failed += 1
                var message = ""
                PrivacyReportJSON.appendString("line \(lineNumber): \(error)", to: &message)
                print("{\"line\":\(lineNumber),\"error\":\(message)}")
            }
        }
        if failed > 0 {
            FileHandle.standardError.write(Data("\(failed) line(s) could not be read\n".utf8))
            throw ExitCode(1)
        }
    }
}
