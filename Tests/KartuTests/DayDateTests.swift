import Testing
@testable import Kartu

@Suite("DayDate")
struct DayDateTests {
    @Test("parses exactly YYYY-MM-DD")
    func parses() throws {
        let date = try #require(DayDate(iso: "2019-01-31"))
        #expect(date.year == 2019)
        #expect(date.month == 1)
        #expect(date.day == 31)
        #expect(date.description == "2019-01-31")
        #expect(DayDate(iso: "0001-01-01")?.description == "0001-01-01")
    }

    @Test("leap years", arguments: [("2020-02-29", true), ("2019-02-29", false), ("2000-02-29", true), ("1900-02-29", false),
                                     ("2019-02-28", true), ("2024-02-30", false)])
    func leapYears(_ text: String, _ valid: Bool) {
        #expect((DayDate(iso: text) != nil) == valid)
    }

    @Test("rejects anything else", arguments: [
        "2019-1-31", "2019-01-3", "19-01-31", "20190131", "2019/01/31", "31.01.2019", "2019-13-01", "2019-00-10",
        "2019-01-00", "2019-04-31", "2019-01-32", " 2019-01-31", "2019-01-31 ", "2019-01-31T12:00", "", "2019-01",
        "２０１９-01-31", "+201-01-31", "2019--1-31",
    ])
    func rejects(_ text: String) {
        #expect(DayDate(iso: text) == nil)
    }

    @Test("the memberwise initializer validates too")
    func memberwise() {
        #expect(DayDate(year: 2019, month: 2, day: 29) == nil)
        #expect(DayDate(year: 2019, month: 12, day: 31) != nil)
        #expect(DayDate(year: 0, month: 1, day: 1) == nil)
    }

    @Test("orders by year, month, day")
    func ordering() throws {
        let dates = ["2019-01-31", "2018-12-31", "2019-02-01", "2019-01-30"].compactMap { DayDate(iso: $0) }
        #expect(dates.sorted().map(\.description) == ["2018-12-31", "2019-01-30", "2019-01-31", "2019-02-01"])
        #expect(DayDate(iso: "2019-01-31") == DayDate(year: 2019, month: 1, day: 31))
    }

    @Test("formats per locale", arguments: [
        ("lt-LT", "2019 m. sausio 31 d."),
        ("pl-PL", "31 stycznia 2019"),
        ("en-GB", "31 January 2019"),
    ])
    func localeFormat(_ locale: String, _ expected: String) throws {
        let date = try #require(DayDate(iso: "2019-01-31"))
        #expect(LocaleFormatting(localeIdentifier: locale).format(date) == expected)
    }

    @Test("first and last days of the year keep their day in every locale")
    func edgesOfYear() throws {
        let lt = LocaleFormatting(localeIdentifier: "lt-LT")
        let pl = LocaleFormatting(localeIdentifier: "pl-PL")
        #expect(lt.format(try #require(DayDate(iso: "2019-01-01"))) == "2019 m. sausio 1 d.")
        #expect(lt.format(try #require(DayDate(iso: "2019-12-31"))) == "2019 m. gruodžio 31 d.")
        #expect(pl.format(try #require(DayDate(iso: "2018-05-01"))) == "1 maja 2018")
    }

    @Test("Lithuanian collation: Y between I and J, Š after S and before T")
    func collation() {
        let lt = LocaleFormatting(localeIdentifier: "lt-LT")
        let sorted = ["Jonava", "Tauragė", "Šiauliai", "Ylakiai", "Skuodas", "Ignalina"].sorted {
            lt.compare($0, $1) == .orderedAscending
        }
        #expect(sorted == ["Ignalina", "Ylakiai", "Jonava", "Skuodas", "Šiauliai", "Tauragė"])
    }
}
