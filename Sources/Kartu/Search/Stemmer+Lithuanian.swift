extension Stemmer {
    /// Lithuanian: the inflectional ending, longest first, removed in R1, as the Snowball Lithuanian
    /// stemmer (Jocas, 2009) does, with its last step: a stem ending in `č` or `dž` ends in `t` or `d`
    /// (`ataskaičių` / `ataskaita`). The endings are the declensions' (nouns in -as, -ias, -is, -ys,
    /// -us, -ius, -a, -ia, -ė, -uo), adjectives' (also the definite `-asis`, `-oji` forms) and the
    /// common verb, participle and gerund endings, from Ambrazas et al., *Lithuanian Grammar* (1997).
    /// Derivation is left alone: `vertinimas` and `vertinti` keep apart.
    static let lithuanian = Stemmer(language: "lt", vowels: "aąeęėiįyouųū", steps: [
        Step(region: .r1, minimum: 2,
             // Nouns and adjectives, masculine: -as, -ias, -is, -ys; -us, -ius; adjectives' -am, -ame.
             "as ias is ys o io ui iui ą į ių u iu e yje ai iai ų ams iams us ius ais iais uose iuose "
             + "aus iaus umi iumi uje iuje ūs ums umis am iam ame iame i iems ies imi ys ims imis yse "
             // Feminine: -a, -ia, -ė.
             + "a ia ė os ios ės ei ią ę oje ioje ėje oms ioms ėms ias es omis iomis ėmis ose iose ėse "
             // Vocative.
             + "y "
             // Definite adjectives (`bendrojo`), but nouns in -tojas, -toja keep their j
             // (`mokytojo`, `mokytojoje`); not -uoju, -ųjų, which end `nauju` once folded.
             + "ojo iojo oji ioji ojoje iojoje tojo>toj tojoje>toj "
             + "asis iasis ajam iajam ąjį iąjį ajame iajame ieji iesiems uosius iuosius "
             + "aisiais iaisiais uosiuose iuosiuose osios iosios ajai iajai ąją iąją ąja iąja "
             + "osioms iosioms ąsias iąsias osiomis iosiomis osiose iosiose "
             // Comparative and superlative adjectives.
             + "esnis esnio esniam esnį esniu esniame esni esnių esniems esnius esniais esniuose esnė esnės esnei "
             + "esnę esne esnėje esnėms esnes esnėmis esnėse iausias iausia iausio iausios iausiu iausių iausiai "
             // Verbs: infinitive, present, past, frequentative, future, conditional, imperative,
             // reflexive. Not the plural persons' -ame, -ate, -ime, -ome, -ote, -site: those end
             // nouns' locatives too (`rezultate`, `susitikime`).
             + "ti au iau davo davau siu si s sis "
             + "čiau tum tumėme tumėte tumėt k asi iasi isi osi ėsi ausi iausi uosi "
             // Active participles and gerunds (not the passive -tas, -amas, -imas: those are noun stems
             // too, `rezultatas`, `programa`, `vertinimas`, whose other forms keep the t, am, im).
             + "ąs ęs usi usios usių ę antis anti ančio ančios ančių ančiam ančius ančias ančiais ančiomis "
             + "intis inti inčio inčios inčių iant iantis ianti iančio iančios iančių iančiam iančius iančias iančiais "
             + "dama damas dami ant int ėjęs ėjusi ėjusios ėjusių ęsis usis"),
        Step(minimum: 2, "č>t dž>d"),
    ])
}
