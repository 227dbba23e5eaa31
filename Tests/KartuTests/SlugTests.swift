import Testing
@testable import Kartu

@Suite("Slug")
struct SlugTests {
    @Test("the spec's examples", arguments: [
        ("Kazlų Rūda", "kazlu-ruda"),
        ("Łódź", "lodz"),
        ("Straße", "strasse"),
    ])
    func specExamples(_ input: String, _ expected: String) {
        #expect(Slug.make(input) == expected)
    }

    @Test("Baltic, Polish and other letters are transliterated", arguments: [
        ("Šiauliai", "siauliai"),
        ("Žemaitija", "zemaitija"),
        ("Ėriškiai ąžuolas", "eriskiai-azuolas"),
        ("Tauragė", "taurage"),
        ("Gdańsk Źródło Żółć", "gdansk-zrodlo-zolc"),
        ("Rīga Ērgļi Ķegums", "riga-ergli-kegums"),
        ("Pärnu Õismäe Tõrva", "parnu-oismae-torva"),
        ("Ærøskøbing", "aeroskobing"),
        ("STRASSE", "strasse"),
        ("GROẞ", "gross"),
        ("Đakovo", "dakovo"),
    ])
    func transliteration(_ input: String, _ expected: String) {
        #expect(Slug.make(input) == expected)
    }

    @Test("punctuation and spaces become single hyphens, never leading or trailing", arguments: [
        ("  Hello,   World!  ", "hello-world"),
        ("a--b__c", "a-b-c"),
        ("2019 m. sausio 31 d.", "2019-m-sausio-31-d"),
        ("„Lyderių laikas 3“", "lyderiu-laikas-3"),
        ("C++ & Swift", "c-swift"),
        ("already-a-slug", "already-a-slug"),
        ("UPPER lower", "upper-lower"),
    ])
    func separators(_ input: String, _ expected: String) {
        #expect(Slug.make(input) == expected)
    }

    @Test("nothing usable gives an empty slug", arguments: ["", "---", "!!!", "   ", "„“"])
    func empty(_ input: String) {
        #expect(Slug.make(input) == "")
    }

    @Test("fold is case and diacritic insensitive")
    func fold() {
        #expect(Slug.fold("Kazlų Rūda") == Slug.fold("kazlu ruda"))
        #expect(Slug.fold("Łódź") == "lodz")
        #expect(Slug.fold("ABC") == "abc")
    }
}
