import Foundation
import HTTPTypes
import Hummingbird
import ThiqaCore
import ThiqaGovernance
import ThiqaStorage

/// The public registry, no key: a JSON API (`/registry/v1/…`) and server-rendered pages (`/registry`, French, or
/// Arabic right to left with `?lang=ar`) listing the declared processings — controller, purpose, tier, CNDP number,
/// status and history — searchable by controller, purpose and number, each at a stable URL
/// (`/registry/<tenant>/<use case>`, the link AI disclosures carry). Drafts are not shown: they are not declared.
/// Read from the in-memory snapshot, so a change shows at once; an entry's history is read from the store.
struct PublicRegistryController: Sendable {
    let service: RegistryService

    func addRoutes(to router: Router<ThiqaRequestContext>) {
        router.get("registry/v1/entries") { request, _ in
            let entries = self.search(request.uri.queryParameters.get("q") ?? "")
            return Self.json(["entries": .array(try entries.map(Self.encode))])
        }
        router.get("registry/v1/entries/{tenant}/{use_case}") { _, context in
            let entry = try await self.entry(context)
            return Self.json(try Self.encode(entry))
        }
        router.get("registry") { request, _ in
            let query = request.uri.queryParameters.get("q") ?? ""
            let language = PublicPage.Language(request.uri.queryParameters.get("lang"))
            return Self.html(PublicPage.list(self.search(query), query: query, language: language))
        }
        router.get("registry/{tenant}/{use_case}") { request, context in
            let entry = try await self.entry(context)
            return Self.html(PublicPage.entry(entry, language: PublicPage.Language(request.uri.queryParameters.get("lang"))))
        }
    }

    func published(_ snapshot: GovernanceSnapshot) -> [GovernedUseCase] {
        snapshot.useCases.values.filter { $0.declaration.status != .draft }.sorted { $0.declaration.ref.description < $1.declaration.ref.description }
    }

    func search(_ query: String) -> [PublicRegistryEntry] {
        let snapshot = service.current
        let entries = self.published(snapshot).map { PublicRegistryEntry($0, history: [], in: snapshot) }
        return PublicRegistrySearch.search(entries, query: query)
    }

    func entry(_ context: ThiqaRequestContext) async throws -> PublicRegistryEntry {
        let tenant = try context.parameters.require("tenant")
        let useCase = try context.parameters.require("use_case")
        let snapshot = service.current
        guard let tenantID = try? TenantID(tenant), let useCaseID = try? UseCaseID(useCase),
            let governed = snapshot.useCases[UseCaseRef(tenant: tenantID, useCase: useCaseID)], governed.declaration.status != .draft
        else {
            throw GatewayError.notFound(message: "No declared processing \(tenant)/\(useCase) in the public registry.")
        }
        let history = try await service.repository.history(governed.declaration.ref).map(\.change)
        return PublicRegistryEntry(governed, history: history, in: snapshot)
    }

    static func encode(_ entry: PublicRegistryEntry) throws -> JSONValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try JSONValue.parse(Array(try encoder.encode(entry)))
    }

    static func json(_ value: JSONValue) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json", .accessControlAllowOrigin: "*"],
                 body: .init(byteBuffer: ByteBuffer(bytes: (try? value.encoded()) ?? [])))
    }

    static func html(_ page: String) -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        // Nothing external: no script, styles inline, images only from the page itself.
        headers[HTTPField.Name("Content-Security-Policy")!] = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page)))
    }
}

/// The registry's HTML, in French or Arabic. Self-contained (inline styles, no script, no font or image fetched),
/// one column that reads on a 360-px phone.
enum PublicPage {
    enum Language: String {
        case fr, ar
        init(_ query: String?) { self = query == "ar" ? .ar : .fr }
        var direction: String { self == .ar ? "rtl" : "ltr" }
        var other: Language { self == .ar ? .fr : .ar }
        var otherName: String { self == .ar ? "Français" : "العربية" }
    }

    static func t(_ key: String, _ language: Language) -> String {
        let fr: [String: String] = [
            "title": "Registre public des traitements d’intelligence artificielle", "search": "Rechercher",
            "search.label": "Responsable, finalité ou numéro de déclaration", "results": "traitement(s)", "none": "Aucun traitement ne correspond.",
            "controller": "Responsable du traitement", "purpose": "Finalité", "tier": "Niveau de risque", "number": "Numéro CNDP", "status": "Statut",
            "legal_basis": "Base légale", "categories": "Catégories de données", "sensitive": "Données sensibles", "subjects": "Personnes concernées",
            "recipients": "Destinataires", "transfers": "Transferts à l’étranger", "hosting": "Hébergement autorisé", "chain": "Chaîne de valeur",
            "dpo": "Contact du DPO", "history": "Historique", "version": "Version", "date": "Date", "fields": "Champs modifiés", "reason": "Motif",
            "back": "Retour au registre", "declared_at": "Déclaré le", "authorised_at": "Autorisé le", "intro":
                "Chaque usage de l’IA servi par Thiqa est déclaré ici, avec sa finalité, son responsable et son statut auprès de la CNDP (loi 09-08).",
            "draft": "brouillon", "declared": "déclaré", "authorised": "autorisé", "suspended": "suspendu", "withdrawn": "retiré",
            "minimal": "minimal", "limited": "limité", "high": "élevé", "prohibited": "interdit", "unassessed": "non évalué", "none.list": "aucun",
        ]
        let ar: [String: String] = [
            "title": "السجل العمومي لمعالجات الذكاء الاصطناعي", "search": "بحث", "search.label": "المسؤول أو الغاية أو رقم التصريح",
            "results": "معالجة", "none": "لا توجد معالجة مطابقة.", "controller": "المسؤول عن المعالجة", "purpose": "الغاية", "tier": "مستوى الخطر",
            "number": "رقم اللجنة الوطنية", "status": "الوضعية", "legal_basis": "الأساس القانوني", "categories": "فئات المعطيات",
            "sensitive": "معطيات حساسة", "subjects": "الأشخاص المعنيون", "recipients": "المرسل إليهم", "transfers": "النقل إلى الخارج",
            "hosting": "الاستضافة المسموح بها", "chain": "سلسلة القيمة", "dpo": "الاتصال بمندوب حماية المعطيات", "history": "السجل التاريخي",
            "version": "الصيغة", "date": "التاريخ", "fields": "الحقول المعدلة", "reason": "السبب", "back": "العودة إلى السجل",
            "declared_at": "تاريخ التصريح", "authorised_at": "تاريخ الإذن",
            "intro": "كل استعمال للذكاء الاصطناعي تقدمه ثقة مصرح به هنا، بغايته والمسؤول عنه ووضعيته لدى اللجنة الوطنية لمراقبة حماية المعطيات ذات الطابع الشخصي (القانون 09-08).",
            "draft": "مسودة", "declared": "مصرح به", "authorised": "مأذون به", "suspended": "موقوف", "withdrawn": "مسحوب",
            "minimal": "أدنى", "limited": "محدود", "high": "مرتفع", "prohibited": "محظور", "unassessed": "غير مقيم", "none.list": "لا شيء",
        ]
        return (language == .ar ? ar : fr)[key] ?? key
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    static func percent(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_.~"))) ?? ""
    }

    static let style = """
        *{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif;color:#1a1a1a;background:#fafafa}
        header,main,footer{max-width:48rem;margin:0 auto;padding:1rem}header{border-bottom:3px solid #0b5d3b}h1{font-size:1.35rem;margin:.25rem 0}
        a{color:#0a4f8f}a:focus,input:focus,button:focus{outline:3px solid #b35c00;outline-offset:2px}
        form{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0}label{flex-basis:100%;font-weight:600}input{flex:1 1 12rem;min-width:0;font:inherit;padding:.6rem;border:1px solid #555;border-radius:4px}
        button{font:inherit;padding:.6rem 1rem;border:0;border-radius:4px;background:#0b5d3b;color:#fff;cursor:pointer}
        ul.entries{list-style:none;padding:0}ul.entries li{background:#fff;border:1px solid #ccc;border-radius:6px;padding:.75rem;margin:.75rem 0}
        dl{display:grid;grid-template-columns:minmax(0,1fr);gap:.15rem}dt{font-weight:600;margin-top:.5rem}dd{margin:0;overflow-wrap:anywhere}
        table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #bbb;padding:.35rem;text-align:start;vertical-align:top;overflow-wrap:anywhere}
        .badge{display:inline-block;padding:0 .4rem;border-radius:3px;background:#e8efe9;color:#0b3d26;font-size:.9rem}
        .scroll{overflow-x:auto}
        """

    static func page(_ title: String, language: Language, otherLink: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)" dir="\(language.direction)">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title><style>\(style)</style></head>
        <body>
        <header><p><a href="\(escape(otherLink))" lang="\(language.other.rawValue)" hreflang="\(language.other.rawValue)">\(language.otherName)</a></p>
        <h1>\(escape(t("title", language)))</h1></header>
        <main>
        \(body)
        </main>
        <footer><p>Thiqa · ثقة</p></footer>
        </body></html>
        """
    }

    static func link(_ entry: PublicRegistryEntry, _ language: Language) -> String {
        "/registry/\(percent(entry.tenant))/\(percent(entry.useCase))" + (language == .ar ? "?lang=ar" : "")
    }

    static func list(_ entries: [PublicRegistryEntry], query: String, language: Language) -> String {
        var body = "<p>\(escape(t("intro", language)))</p>\n"
        body += """
            <form method="get" action="/registry" role="search">
            <label for="q">\(escape(t("search.label", language)))</label>
            <input id="q" name="q" type="search" value="\(escape(query))">
            \(language == .ar ? "<input type=\"hidden\" name=\"lang\" value=\"ar\">" : "")
            <button type="submit">\(escape(t("search", language)))</button>
            </form>
            <p role="status">\(entries.count) \(escape(t("results", language)))</p>
            """
        if entries.isEmpty { body += "<p>\(escape(t("none", language)))</p>" }
        body += "<ul class=\"entries\">\n"
        for entry in entries {
            body += """
                <li><h2 style="font-size:1.1rem;margin:0"><a href="\(escape(link(entry, language)))">\(escape(entry.name))</a></h2>
                <dl><dt>\(escape(t("controller", language)))</dt><dd>\(escape(entry.controller))</dd>
                <dt>\(escape(t("purpose", language)))</dt><dd>\(escape(entry.purpose))</dd>
                <dt>\(escape(t("number", language)))</dt><dd><bdi>\(escape(entry.cndpNumber ?? "—"))</bdi></dd>
                <dt>\(escape(t("status", language)))</dt><dd><span class="badge">\(escape(t(entry.status, language)))</span> · \(escape(t("tier", language))) : \(escape(t(entry.tier ?? "unassessed", language)))</dd></dl></li>

                """
        }
        body += "</ul>"
        let other = "/registry?" + (query.isEmpty ? "" : "q=\(percent(query))&") + (language == .ar ? "lang=fr" : "lang=ar")
        return page(t("title", language), language: language, otherLink: other, body: body)
    }

    static func entry(_ entry: PublicRegistryEntry, language: Language) -> String {
        func row(_ key: String, _ value: String) -> String { "<dt>\(escape(t(key, language)))</dt><dd>\(value)</dd>\n" }
        func items(_ values: [String]) -> String { values.isEmpty ? escape(t("none.list", language)) : values.map { escape($0) }.joined(separator: ", ") }
        var body = "<p><a href=\"/registry\(language == .ar ? "?lang=ar" : "")\">\(escape(t("back", language)))</a></p>\n"
        body += "<h2>\(escape(entry.name))</h2>\n<dl>\n"
        body += row("controller", escape(entry.controller))
        body += row("purpose", escape(entry.purpose))
        body += row("number", "<bdi>\(escape(entry.cndpNumber ?? "—"))</bdi>")
        body += row("status", "<span class=\"badge\">\(escape(t(entry.status, language)))</span>")
        body += row("tier", escape(t(entry.tier ?? "unassessed", language)))
        body += row("legal_basis", escape(entry.legalBasis ?? "—"))
        body += row("categories", items(entry.dataCategories))
        body += row("sensitive", items(entry.sensitiveDataCategories))
        body += row("subjects", items(entry.dataSubjects))
        body += row("recipients", items(entry.recipients))
        body += row("transfers", items(entry.transfers))
        body += row("hosting", items(entry.hosting))
        body += row("chain", items([entry.valueChain.developer, entry.valueChain.integrator ?? "", entry.valueChain.deployer].filter { !$0.isEmpty }))
        if let at = entry.declaredAt { body += row("declared_at", "<bdi>\(escape(at))</bdi>") }
        if let at = entry.authorisedAt { body += row("authorised_at", "<bdi>\(escape(at))</bdi>") }
        body += row("dpo", "<a href=\"mailto:\(escape(entry.dpoEmail))\"><bdi>\(escape(entry.dpoEmail))</bdi></a>")
        body += "</dl>\n<h3>\(escape(t("history", language)))</h3>\n<div class=\"scroll\"><table><thead><tr>"
        for key in ["version", "date", "fields", "reason"] { body += "<th scope=\"col\">\(escape(t(key, language)))</th>" }
        body += "</tr></thead><tbody>\n"
        for item in entry.history.reversed() {
            body += "<tr><td>\(item.version)</td><td><bdi>\(escape(item.at))</bdi></td><td>\(escape(item.fields.joined(separator: ", ")))</td><td>\(escape(item.reason))</td></tr>\n"
        }
        body += "</tbody></table></div>"
        let other = link(entry, .fr) + (language == .ar ? "?lang=fr" : "?lang=ar")
        return page("\(entry.name) — \(t("title", language))", language: language, otherLink: other, body: body)
    }
}
