/// Function words and question scaffolding ("how do I", "كيفاش", "bghit"; "how much" and "now" in Darija as in
/// French and English; the condolence formula after a relative's name) in folded form: they say nothing about
/// which procedure is meant, so they are neither indexed nor counted when judging how well a question matched.
enum StopWords {
    static let all: Set<String> = Set(
        (french + english + darijaLatin + arabic + darijaArabic + amazighLatin + amazighTifinagh).map(TextFolding.fold))

    static let french = """
        le la les l de du des d un une et ou a au aux en pour par sur dans avec je j me m mon ma mes moi tu te t ton ta
        tes il elle on nous vous ils elles est sont suis ai as a avons avez ont etre avoir faut faire fait comment quel
        quelle quels quelles quoi que qu qui ce c cet cette ces se s ne n pas plus y son sa ses leur leurs votre vos notre
        nos svp stp bonjour salut merci veux voudrais peux peut puis pouvez dois doit combien quand est-ce
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    static let english = """
        the a an of to for in on at and or i my me is are am do does did how what which where when who can could should
        would need want get your you it its this that with from be have has please hi hello much many there any some
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    static let darijaLatin = """
        bghit bghina bgha bghit kifach kifash kifch kif chno chnou chnu achno ach ash wach wash fin fine mnin imta emta
        3lach 3afak afak khassni khasni khas khasseni khesni dyal dyali dial diali f fi w o wla ola li lli ana nta nti
        howa hiya hna momkin mumkin salam slm 3ndi 3endi andi m3a ma ghir bach bash wa had hadi hada chi shi
        ch7al chhal bch7al bchhal daba
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    static let arabic = """
        في من الى إلى على عن ما ماذا كيف هل اين أين متى لماذا ان أن او أو و ثم مع هذا هذه ذلك التي الذي انا أنا اريد أريد
        اود أود يمكن يمكنني هو هي نحن لي كم
        الله رحمه
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    static let darijaArabic = """
        بغيت بغينا كيفاش شنو اشنو شنا فين واش علاش امتى ديال ديالي خاصني خصني عافاك واخا غير باش نقدر هاد هادي هادا
        لي اللي شي عندي
        شحال بشحال دابا الله يرحمو
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    static let amazighLatin = """
        ad n d i g s is mamk mamnk mani ma mad matta nekk nkk righ riɣ
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    static let amazighTifinagh = """
        ⴰⴷ ⵏ ⴷ ⵉ ⴳ ⵙ ⵉⵙ ⵎⴰⵎⴽ ⵎⴰⵏⵉ ⵎⴰ ⵎⴰⴷ ⵎⴰⵜⵜⴰ ⵏⴽⴽ ⵔⵉⵖ
        """.split(whereSeparator: \.isWhitespace).map(String.init)
}
