extension Stemmer {
    /// English, after Porter's second algorithm (Snowball "english", Porter 2001) in the rules this
    /// stemmer has: its steps 1a (plurals), 1b (`-ed`, `-ing`, with the `e` it restores written into
    /// the replacement: `-ating` → `-ate`), 2 and 3 (derivations in R1) and 4 (in R2), and step 5's
    /// final `e`. Left out: its exceptions list and the `y` → `i` of step 1c (a `y` is kept), so
    /// `studies`, `studied` and `studying` all stem to `study`.
    static let english = Stemmer(language: "en", vowels: "aeiouy", r1Prefixes: "gener commun arsen", steps: [
        // 1a: plurals; -ss and -us are not plurals (class, focus).
        Step(minimum: 2, "sses>ss ied>y ies>y ss>ss us>us s"),
        Step(minimum: 2, needsVowel: true, undouble: "bdfgmnprt",
             "ed edly ing ingly eed>ee eedly>ee ssed>ss ssing>ss ated>ate ating>ate ized>ize izing>ize ised>ise ising>ise bled>ble bling>ble "
             + "uated>uate uating>uate ored>ore oring>ore ured>ure uring>ure ved>ve ving>ve ced>ce cing>ce ged>ge ging>ge "
             + "sed>se sing>se"),
        // 2: derivational endings in R1 (Porter 2's -enci, -abli… spelled with the y it keeps).
        Step(region: .r1, "tional>tion ency>ence ancy>ance ably>able ently>ent izer>ize ization>ize ational>ate ation>ate "
             + "ator>ate alism>al ality>al ally>al fulness>ful ously>ous ousness>ous iveness>ive ivity>ive bility>ble bly>ble "
             + "fully>ful lessly>less logy>log ibly>ible "
             + "cly>c dly>d ely>e gly>g hly>h kly>k mly>m nly>n rly>r tly>t"),
        // 3: more in R1, and -ative in R2.
        Step(region: .r1, "tional>tion ational>ate alize>al icate>ic icity>ic ical>ic ful ness"),
        Step(region: .r2, "ative"),
        // 4: in R2; -ion only after s or t.
        Step(region: .r2, "al ance ence er ic able ible ant ement ment ent ism ate iti ity ous ive ize sion>s tion>t"),
        // 5: a final e, and ll.
        Step(region: .r1, "e ll>l"),
    ])
}
