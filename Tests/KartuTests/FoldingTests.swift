import Testing
@testable import Kartu

@Suite("Folding fast path")
struct FoldingTests {
    /// The table path must give exactly what the general path gives, also for decomposed text and mixed case.
    @Test("Latin text folds the same by table and by the general path")
    func tableMatchesGeneral() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aąbcčdeęėfghiįyjklłmnoóprsštuųūvzžĄČĘĖĮŠŲŪŽŁÓŃŚŹŻąćęłńóśźżĀāĒēĢģĪīĶķĻļŅņŌōŖŗŪūÕõÄäÖöÜüßẞøØđæœþðŀ ,.-'\u{301}\u{30C}\u{328}0123456789")
        for _ in 0..<2000 {
            let length = Int.random(in: 0...24, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(Slug.fold(text) == Slug.foldAny(text), "\(text)")
        }
        #expect(Slug.fold("Zażółć GĘŚLĄ jaźń") == "zazołc gesla jazn".replacingOccurrences(of: "ł", with: "l"))
        #expect(Slug.fold("Kaz\u{6C}\u{75}\u{328} Ru\u{304}da") == "kazlu ruda")
        #expect(Slug.fold("Москва Kazlų") == Slug.foldAny("Москва Kazlų"))
    }
}
