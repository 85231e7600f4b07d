import Foundation

/// A small valid knowledge file written for these tests (not part of the real base). Line numbers in the tests
/// refer to this text: line 1 is the opening `---`.
enum Fixture {
    static let validPassport = """
        ---
        id: passport
        schema: 1
        category: identity
        title:
          fr: Passeport biométrique
          ar: جواز السفر البيومتري
          ary-Arab: الباسبور
          ary-Latn: lpassport
          zgh-Tfng: ⴰⴱⴰⵙⴱⵓⵔ
          ber-Latn: abasbur
          en: Biometric passport
        keywords:
          fr: [passeport, renouvellement passeport]
          ar: [جواز السفر]
          ary-Arab: [باسبور]
          ary-Latn: [paspor, lbasbor]
          zgh-Tfng: [ⴰⴱⴰⵙⴱⵓⵔ]
          ber-Latn: [abasbur]
          en: [passport]
        summary:
          fr: Demander le passeport.
          ar: طلب جواز السفر.
          ary-Arab: تخرج الباسبور.
          ary-Latn: tkhrej lpassport.
          zgh-Tfng: ⴰⵙⵓⵜⵔ ⵏ ⵓⴱⴰⵙⴱⵓⵔ.
          ber-Latn: asuter n ubasbur.
          en: Apply for a passport.
        steps:
          fr:
            - Pré-demande en ligne
            - Dépôt du dossier
          ar: [الطلب المسبق, إيداع الملف]
        documents:
          fr: [CNIE]
          ar: [البطاقة الوطنية]
        fees:
          fr: 500 DH (timbre)
          ar: 500 درهم (تنبر)
        delay:
          fr: Quelques semaines
          ar: بضعة أسابيع
        where:
          fr: Préfecture
          ar: العمالة
        contact:
          fr: passeport.ma
          ar: passeport.ma
        source_url: https://www.passeport.ma/
        source_name: Portail passeport.ma (DGSN)
        verification: unverified
        last_verified: null
        ---
        # Français

        Pour demander un passeport, remplissez la pré-demande. Les informations officielles du site source prévalent.

        # العربية

        لطلب جواز السفر، املأ الطلب المسبق. المعلومات الرسمية المنشورة على الموقع المصدر هي المرجع.
        """

    /// The valid file with `old` replaced by `new` (the replacement must exist).
    static func passport(replacing old: String, with new: String) -> String {
        precondition(validPassport.contains(old), "fixture has no '\(old)'")
        return validPassport.replacingOccurrences(of: old, with: new)
    }

    /// 1-based line of the first line containing `text` in `file`.
    static func line(of text: String, in file: String) -> Int {
        let lines = file.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.firstIndex { $0.contains(text) } ?? -1) + 1
    }
}
