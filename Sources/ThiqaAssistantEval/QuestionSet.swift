import Foundation
import ThiqaAssistant
import ThiqaKnowledge
import ThiqaRetrieval

struct Item: Decodable {
    var id: String
    var lang: String
    var text: String
    var expected: String?
    var context: String?
    var aspect: String?
}

struct EvalError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

enum QuestionSet {
    static func score(_ assistant: Assistant, knowledge: KnowledgeBase, items: [Item], provider: (any EmbeddingProvider)?, label: String, showMisses: Bool) async throws {
    struct Tally { var inScope = 0, cited = 0, followUps = 0, followUpsRight = 0, outOfScope = 0, abstained = 0, total = 0, rightForm = 0 }
    var tallies: [String: Tally] = [:]
    var misses: [String] = []
    for item in items {
        let answer = try await assistant.answer(.init(text: item.text, conversationProcedure: item.context), provider: provider)
        var tally = tallies[item.lang, default: Tally()]
        tally.total += 1
        if answer.language.frame.rawValue == item.lang { tally.rightForm += 1 }
        if let expected = item.expected {
            tally.inScope += 1
            let url = knowledge[expected]?.sourceURL
            let right = answer.procedureID == expected && answer.sources.contains { $0.procedureID == expected && $0.url == url }
                && answer.text.contains(url ?? "\u{0}")
                && (item.aspect.map { answer.aspects.contains(QuestionAspect(rawValue: $0)!) } ?? true)
            if right { tally.cited += 1 } else { misses.append("\(item.id): expected \(expected), got \(answer.procedureID ?? "I don't know") \(answer.aspects.map(\.rawValue).sorted())  «\(item.text)»") }
            if item.context != nil {
                tally.followUps += 1
                if right { tally.followUpsRight += 1 }
            }
        } else {
            tally.outOfScope += 1
            if answer.abstained { tally.abstained += 1 } else { misses.append("\(item.id): out of scope, answered \(answer.procedureID ?? "?")  «\(item.text)»") }
        }
        tallies[item.lang] = tally
    }
    print("\n\(label)")
    print("form        in-scope  cites-right  (follow-ups)  out-of-scope  i-dont-know  answered-in-form")
    func share(_ a: Int, _ b: Int) -> String { b == 0 ? "   -" : String(format: "%.2f", Double(a) / Double(b)) }
    var all = Tally()
    for form in LanguageForm.allCases.map(\.rawValue) {
        guard let t = tallies[form] else { continue }
        print(String(format: "%@ %9d  %11@  %5@ of %2d  %12d  %11@  %16@", form.padding(toLength: 10, withPad: " ", startingAt: 0) as NSString, t.inScope, share(t.cited, t.inScope) as NSString,
                     share(t.followUpsRight, t.followUps) as NSString, t.followUps, t.outOfScope, share(t.abstained, t.outOfScope) as NSString,
                     share(t.rightForm, t.total) as NSString))
        all.inScope += t.inScope; all.cited += t.cited; all.followUps += t.followUps; all.followUpsRight += t.followUpsRight
        all.outOfScope += t.outOfScope; all.abstained += t.abstained; all.total += t.total; all.rightForm += t.rightForm
    }
    print(String(format: "%@ %9d  %11@  %5@ of %2d  %12d  %11@  %16@", "all       " as NSString, all.inScope, share(all.cited, all.inScope) as NSString,
                 share(all.followUpsRight, all.followUps) as NSString, all.followUps, all.outOfScope, share(all.abstained, all.outOfScope) as NSString,
                 share(all.rightForm, all.total) as NSString))
    if showMisses { for miss in misses { print("  miss \(miss)") } }
}

}
