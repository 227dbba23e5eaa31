import Foundation

/// Country names as editors write them where a code belongs (`country: Latvia`), for the hint with
/// the code. A table, not the platform's locale data, so that hints are the same on every machine:
/// the partners' countries and Europe's, named in English, in their own languages, and in
/// Lithuanian, Latvian, Estonian and Polish.
enum CountryNames {
    /// The code and English name of the country `name` names, or the one it misspells.
    static func country(named name: String) -> (code: String, name: String)? {
        let key = folded(name)
        let code = byName[key] ?? Suggestion.closest(to: key, in: byName.keys).flatMap { byName[$0] }
        return code.flatMap { code in table.first { $0.code == code }.map { (code, $0.names[0]) } }
    }

    /// Two letters that look like a code and are none, with the code meant.
    static let notCodes = ["UK": "GB", "EL": "GR"]

    private static func folded(_ name: String) -> String {
        var text = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: ".", with: "").trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("the ") { text.removeFirst(4) }
        return text
    }

    private static let byName: [String: String] = {
        var names: [String: String] = [:]
        for (code, countryNames) in table {
            for name in countryNames where names[folded(name)] == nil { names[folded(name)] = code }
        }
        for (wrong, code) in notCodes { names[folded(wrong)] = code }
        return names
    }()

    /// Code, then names: English first (shown in hints), the country's own, lt, lv, et, pl.
    private static let table: [(code: String, names: [String])] = [
        ("LT", ["Lithuania", "Lietuva", "Leedu", "Litwa"]),
        ("LV", ["Latvia", "Latvija", "Läti", "Łotwa"]),
        ("EE", ["Estonia", "Eesti", "Estija", "Igaunija"]),
        ("PL", ["Poland", "Polska", "Lenkija", "Polija", "Poola"]),
        ("GB", ["United Kingdom", "Great Britain", "Britain", "England", "Scotland", "Wales", "Northern Ireland",
                "Jungtinė Karalystė", "Didžioji Britanija", "Anglija", "Apvienotā Karaliste", "Lielbritānija",
                "Ühendkuningriik", "Suurbritannia", "Inglismaa", "Wielka Brytania", "Zjednoczone Królestwo", "Anglia"]),
        ("DE", ["Germany", "Deutschland", "Vokietija", "Vācija", "Saksamaa", "Niemcy"]),
        ("FI", ["Finland", "Suomi", "Suomija", "Somija", "Soome", "Finlandia"]),
        ("SE", ["Sweden", "Sverige", "Švedija", "Zviedrija", "Rootsi", "Szwecja"]),
        ("NO", ["Norway", "Norge", "Noreg", "Norvegija", "Norvēģija", "Norra", "Norwegia"]),
        ("DK", ["Denmark", "Danmark", "Danija", "Dānija", "Taani", "Dania"]),
        ("IS", ["Iceland", "Ísland", "Islandija", "Islande", "Island", "Islandia"]),
        ("NL", ["Netherlands", "Holland", "Nederland", "Nyderlandai", "Olandija", "Nīderlande", "Madalmaad", "Holandia", "Niderlandy"]),
        ("BE", ["Belgium", "België", "Belgique", "Belgien", "Belgija", "Beļģija", "Belgia"]),
        ("LU", ["Luxembourg", "Lëtzebuerg", "Luxemburg", "Liuksemburgas", "Luksemburga", "Luksemburg"]),
        ("FR", ["France", "Prancūzija", "Francija", "Prantsusmaa", "Francja"]),
        ("IE", ["Ireland", "Éire", "Airija", "Īrija", "Iirimaa", "Irlandia"]),
        ("ES", ["Spain", "España", "Ispanija", "Spānija", "Hispaania", "Hiszpania"]),
        ("PT", ["Portugal", "Portugalija", "Portugāle", "Portugalia"]),
        ("IT", ["Italy", "Italia", "Italija", "Itālija", "Itaalia", "Włochy"]),
        ("MT", ["Malta"]),
        ("CH", ["Switzerland", "Schweiz", "Suisse", "Svizzera", "Šveicarija", "Šveice", "Šveits", "Szwajcaria"]),
        ("AT", ["Austria", "Österreich", "Austrija"]),
        ("CZ", ["Czechia", "Czech Republic", "Česko", "Česká republika", "Čekija", "Čehija", "Tšehhi", "Czechy"]),
        ("SK", ["Slovakia", "Slovensko", "Slovakija", "Slovākija", "Slovakkia", "Słowacja"]),
        ("SI", ["Slovenia", "Slovenija", "Slovėnija", "Slovēnija", "Sloveenia", "Słowenia"]),
        ("HR", ["Croatia", "Hrvatska", "Kroatija", "Horvātija", "Horvaatia", "Chorwacja"]),
        ("HU", ["Hungary", "Magyarország", "Vengrija", "Ungārija", "Ungari", "Węgry"]),
        ("RO", ["Romania", "România", "Rumunija", "Rumānija", "Rumeenia", "Rumunia"]),
        ("BG", ["Bulgaria", "България", "Bulgarija", "Bulgārija", "Bulgaaria", "Bułgaria"]),
        ("GR", ["Greece", "Ελλάδα", "Hellas", "Graikija", "Grieķija", "Kreeka", "Grecja"]),
        ("CY", ["Cyprus", "Κύπρος", "Kıbrıs", "Kipras", "Kipra", "Küpros", "Cypr"]),
        ("RS", ["Serbia", "Србија", "Srbija", "Serbija"]),
        ("UA", ["Ukraine", "Україна", "Ukraina"]),
        ("BY", ["Belarus", "Беларусь", "Baltarusija", "Baltkrievija", "Valgevene", "Białoruś"]),
        ("MD", ["Moldova", "Moldavija", "Moldāvija", "Mołdawia"]),
        ("GE", ["Georgia", "საქართველო", "Sakartvelo", "Gruzija", "Gruusia", "Gruzja"]),
        ("TR", ["Türkiye", "Turkey", "Turkija", "Turcija", "Türgi", "Turcja"]),
        ("RU", ["Russia", "Россия", "Rusija", "Krievija", "Venemaa", "Rosja"]),
        ("US", ["United States", "United States of America", "USA", "America", "JAV", "Jungtinės Amerikos Valstijos",
                "ASV", "Amerikas Savienotās Valstis", "Ameerika Ühendriigid", "Stany Zjednoczone"]),
    ]
}
