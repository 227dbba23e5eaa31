import Testing
@testable import Kartu

@Test func placeholder() { #expect(Slug.make("Łódź") == "lodz") }
