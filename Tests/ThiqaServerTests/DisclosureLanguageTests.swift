import Foundation
import Logging
import Testing
import ThiqaCore
import ThiqaGovernance
import ThiqaPipeline
import ThiqaPrivacy
import ThiqaServer
import ThiqaStorage
import ThiqaTesting

/// The AI disclosure in each of its seven language forms: from the conversation's own language (the language
/// identifier on the last user message), else `Accept-Language`, else the declaration's default.
@Suite struct DisclosureLanguageTests {
    static let messages: [(DisclosureLanguage, String, marker: String)] = [
        (.fr, "Bonjour, je voudrais savoir quels documents il faut pour renouveler ma carte nationale", "Vous échangez"),
        (.ar, "مرحبا، أريد أن أعرف ما هي الوثائق المطلوبة لتجديد بطاقة التعريف الوطنية", "أنت تتحدث"),
        (.aryArab, "سلام، بغيت نعرف شنو خاصني باش نجدد لاكارط ديالي عافاك", "راك كتهضر"),
        (.aryLatn, "salam, bghit n3ref chno khassni bach njedded la carte dyali 3afak", "Rak kathder"),
        (.zghTfng, "ⴰⵣⵓⵍ, ⵔⴰⴷ ⵙⵙⵏⴼⵍⵖ ⵜⴰⴽⴰⵔⴹⴰ ⵏⵏⵓ ⵏ ⵜⵎⴰⴳⵉⵜ, ⵎⴰⵏⵉ ⴰⴷ ⴷⴷⵓⵖ?", "ⵜⵙⵙⴰⵡⴰⵍⴷ"),
        (.berLatn, "azul fellawen, riɣ ad ssneɣ manik ara ssnefleɣ takarḍa inu n tmagit", "Tssawald"),
        (.en, "Hello, I would like to know which documents I need to renew my national identity card", "You are talking"),
    ]

    static func withService(_ body: @Sendable (RegistryService, CallerIdentity) async throws -> Void) async throws {
        try await TestStores.withDatabase(.sqlite) { database in
            let service = RegistryService(database: database, configuration: RegistryConfiguration(publicBaseURL: "https://thiqa.example.ma/registry"), logger: Logger(label: "test"))
            let tenant = try TenantID("commune-rabat")
            let useCase = try UseCaseID("etat-civil")
            let repository = SQLRegistryRepository(database: database)
            try await repository.save(
                Controller(id: tenant, legalName: "Commune de Rabat", dpo: DPOContact(name: "Y. Bennani", email: "dpo@rabat.ma")), by: PrincipalID("stf_dpo"), at: Date()
            )
            let declaration = Declaration(
                tenant: tenant, id: useCase, name: "Assistant état civil", purpose: "Répondre aux questions des citoyens sur l’état civil",
                legalBasis: .publicInterest, allowedModels: ["m"], valueChain: ValueChain(developer: "d", deployer: "Commune de Rabat"),
                lifecycle: LifecycleDates(createdAt: Date()), disclosureLanguage: .en
            )
            try await repository.save(declaration, reason: "created", by: PrincipalID("stf_dpo"), at: Date())
            try await service.refresh()
            let issued = APIKeyFormat.issue(tenant: tenant, useCase: useCase)
            try await body(service, CallerIdentity(key: issued.record, useCase: UseCase(tenant: tenant, id: useCase)))
        }
    }

    @Test func theConversationsLanguageChoosesTheForm() async throws {
        try await Self.withService { service, identity in
            for (language, text, marker) in Self.messages {
                let disclosure = try #require(service.disclosure(identity, text: text, acceptLanguage: nil))
                #expect(disclosure.language == language.rawValue, "\(text)")
                #expect(disclosure.text.contains(marker), "\(language): \(disclosure.text)")
                #expect(disclosure.text.contains("Commune de Rabat"))
                #expect(disclosure.registryURL == "https://thiqa.example.ma/registry/commune-rabat/etat-civil")
                #expect(disclosure.direction == (language == .ar || language == .aryArab ? "rtl" : "ltr"))
                let header = try #require(disclosure.headerFields.first { $0.name == "X-Thiqa-AI-Disclosure" }?.value)
                #expect(header.hasPrefix("UTF-8'\(language.rawValue)'"))
                #expect(header.unicodeScalars.allSatisfy { $0.isASCII }, "headers stay ASCII")
                #expect(header.removingPercentEncoding.map { $0.dropFirst("UTF-8'\(language.rawValue)'".count) == disclosure.text } == true)
            }
        }
    }

    @Test func acceptLanguageThenTheDeclarationsDefault() async throws {
        try await Self.withService { service, identity in
            for (language, _, marker) in Self.messages {
                let disclosure = try #require(service.disclosure(identity, text: nil, acceptLanguage: "\(language.rawValue);q=0.9, es;q=0.5"))
                #expect(disclosure.language == language.rawValue)
                #expect(disclosure.text.contains(marker))
            }
            #expect(service.disclosure(identity, text: nil, acceptLanguage: nil)?.language == "en", "the declaration's default")
            #expect(service.disclosure(identity, text: "12345", acceptLanguage: "de")?.language == "en")
        }
    }

    /// The govern step's source reads memory only: deciding and disclosing a thousand calls runs no query (the
    /// database counts every read and transaction it runs).
    @Test func decisionsAndDisclosuresRunNoQuery() async throws {
        try await TestStores.withDatabase(.sqlite) { database in
            let service = RegistryService(database: database, configuration: RegistryConfiguration(), logger: Logger(label: "test"))
            let tenant = try TenantID("commune-rabat")
            let useCase = try UseCaseID("etat-civil")
            let declaration = Declaration(
                tenant: tenant, id: useCase, name: "Assistant état civil", purpose: "Répondre aux questions des citoyens sur l’état civil",
                legalBasis: .publicInterest, allowedModels: ["m"], valueChain: ValueChain(developer: "d", deployer: "Commune de Rabat"),
                lifecycle: LifecycleDates(createdAt: Date())
            )
            try await SQLRegistryRepository(database: database).save(declaration, reason: "created", by: PrincipalID("stf_dpo"), at: Date())
            try await service.refresh()
            let identity = CallerIdentity(key: APIKeyFormat.issue(tenant: tenant, useCase: useCase).record, useCase: UseCase(tenant: tenant, id: useCase))
            let before = database.operationCount
            var refused = 0
            for index in 0..<1000 {
                if case .refuse = service.decide(identity, model: index % 2 == 0 ? "m" : "other", dataTypes: [.PHONE], sensitiveCategories: []) { refused += 1 }
                _ = service.disclosure(identity, text: "salam, bghit n3ref", acceptLanguage: "fr")
            }
            #expect(refused == 1000, "a draft declared through the registry is refused, whatever the model")
            #expect(database.operationCount == before, "no read, no transaction")
            // A change made by this process is seen by the next decision, after one reload.
            try await service.refresh()
            #expect(database.operationCount.transactions == before.transactions + 1)
        }
    }
}
