extension Stemmer {
    /// Estonian, a light stemmer in the way of Savoy's for Finnish and Hungarian (*Light stemming
    /// approaches*, 2006): inflection only, from the end of the word inward, one layer a step. The
    /// case ending (the one-letter ones only after a vowel, where they are endings), then the plural marker (`-de`, `-te`, `-i`), then the `-ne`/`-se`/`-s` of nouns
    /// like `õpilane`, `õpilase`, `õpilast` (Erelt et al., *Estonian Language*, 2003), then a stem
    /// vowel. Consonant gradation (`eesmärk` / `eesmärgi`) is not undone.
    static let estonian = Stemmer(language: "et", vowels: "aeiouõäöü", steps: [
        // Cases: comitative, translative, elative, illative, ablative, allative, adessive; essive,
        // terminative, abessive, inessive, partitive and plural nominative only after a vowel,
        // where they are endings: -na, -ta after a consonant end stems (`Tallinna`, `aasta`).
        Step(region: .r1, minimum: 2,
             "ga ks st sse lt le l "
             + "ana>a ena>e ina>i una>u õna>õ äna>ä öna>ö üna>ü "
             + "ata>a eta>e ita>i uta>u õta>õ äta>ä öta>ö üta>ü "
             + "as>a es>e is>i us>u õs>õ äs>ä ös>ö üs>ü at>a et>e it>i ut>u õt>õ ät>ä öt>ö üt>ü "
             + "ad>a ed>e id>i ud>u õd>õ äd>ä öd>ö üd>ü"),
        // Plural marker: -te after a vowel or s (`õpetajate`, `õpilaste`; `projekte` is projekt + e).
        Step(region: .r1, minimum: 2, "de ate>a ete>e ite>i ute>u õte>õ äte>ä öte>ö üte>ü ste>s i"),
        // -ne / -se / -s nouns (õpilane, õpilase; haridus, hariduse), but not an -n stem's
        // (`refleksioone`) or a double s (`klasse`).
        Step(region: .r1, minimum: 3, "ane>a ine>i ene>e une>u lne>l se sse>ss as>a es>e is>i us>u"),
        // Stem vowel.
        Step(region: .r1, minimum: 3, "a e i u"),
    ])
}
