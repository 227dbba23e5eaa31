extension Stemmer {
    /// Latvian, after Kreslins' stemmer (*A stemming algorithm for Latvian*, 1996), the light stemmer
    /// Lucene's LatvianStemmer also follows: the longest case ending of the six noun declensions,
    /// the adjectives (indefinite and definite: `-ais`, `-ajam`, `-ajiem`…) and the common verb
    /// forms, removed in R1; then the consonant changes endings cause are undone at the stem's end
    /// (`kompetenču` / `kompetence`, `brāļa` / `brālis`), as Kreslins undoes them. Only changes that
    /// point back to one consonant are undone: `š` may be an `s` or a `t`, so it is kept. Not the
    /// past tense's -ja: it ends the many nouns in -ija (`stratēģija`, `stratēģijas`).
    static let latvian = Stemmer(language: "lv", vowels: "aāeēiīouū", steps: [
        Step(region: .r1, minimum: 2,
             // Nouns: -s/-š, -is, -us (masculine); -a, -e, -s (feminine); both numbers.
             "s š a am u ā i iem us os is im ī um ū as ai ās ām e es ei ē ēs ēm ij īs īm "
             // Adjectives, definite forms.
             + "ais ajam ajā o ie ajiem ajos ajai ajām ajās "
             // Verbs: infinitive, present, past, reflexive; gerunds. Not the future's -šu, -si, -sim
             // (`procesu`, `klasi`, `mēnesim` end in them), nor the participles' -ošs, -oša: the
             // adjective endings take those forms apart consistently (`radošs`, `radošam`).
             + "t ties at āt ām ēt ēm īt īm ot om ās ies amies aties dams dama damies"),
        Step(minimum: 2, "č>c ļ>l ņ>n pj>p bj>b mj>m vj>v"),
    ])
}
