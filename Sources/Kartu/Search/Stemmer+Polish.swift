extension Stemmer {
    /// Polish, a light stemmer in the way of Savoy's (*Light stemming approaches*, 2006) and of
    /// Weiss' Stempelator's suffix rules: the longest inflectional ending of nouns, adjectives and
    /// verbs (Swan, *A Grammar of Contemporary Polish*, 2002), removed in R1. Stem changes that
    /// folding makes equal need nothing more: `szkoła`, `szkole`, `szkół` stem to `szkoł`, `szkol`,
    /// `szkół`, all `szkol` once folded. Verbal nouns keep apart from their verbs (`działanie`, `działać`).
    static let polish = Stemmer(language: "pl", vowels: "aąeęioóuy", steps: [
        Step(region: .r1, minimum: 2,
             // Nouns; the dative plural -om, but not after i, where it ends stems (`poziom`); the
             // endings after r and d that soften them (`dyrektorze`, `samorządzie`).
             "a u owi iowi em e ie ą ę y i o ów om iom>iom ami ach iem ią ię ii io iu iach iami iów owie rze>r rzy>r dzie>d "
             // Adjectives.
             + "ego iego emu iemu ym im ej iej ych ich ymi imi "
             // Verbs: infinitive, present, present participle. Not the past tense's -ł, -ła, -ły: they
             // are the ends of nouns too (`materiał`, `materiały`, `dział`).
             + "ać ić yć eć ować ywać iwać uje ują uję ujący ująca ujące ującego ujących"),
        // -ow- before the ending: adjectives in -owy (`zawodowy`, `zawód`) and place names in -ów
        // (`Kraków`, `Krakowie`).
        Step(region: .r1, minimum: 3, "ow"),
    ])
}
