import Foundation

/// A calendar day as written in front matter (`YYYY-MM-DD`), without time or time zone, so that
/// output never depends on the machine's `TZ`.
public struct DayDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= DayDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Today on this computer's calendar, where the editor is (`kartu new`; a build never reads the clock).
    public static var today: DayDate {
        let now = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return DayDate(year: now.year!, month: now.month!, day: now.day!)!
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: String) {
        // Ten ASCII bytes, read as digits: no splitting or Character work for every date of the tree.
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The days a date written in another common form means: `2018.02.01`, `2018/2/1` and `2018-2-1`
    /// year first; `01.02.2018` day first (the dotted form is European); `1/2/2018` and `1-2-2018`
    /// day first or month first, so up to two readings. Empty for other text and impossible days.
    static func readings(of text: String) -> [DayDate] {
        guard let separator = text.first(where: { [".", "/", "-"].contains($0) }) else { return [] }
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { ("0"..."9").contains($0) } }),
              let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2])
        else { return [] }
        let candidates: [DayDate?]
        if parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2 {
            candidates = [DayDate(year: a, month: b, day: c)]
        } else if parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 {
            candidates = separator == "." ? [DayDate(year: c, month: b, day: a)]
                : [DayDate(year: c, month: b, day: a), DayDate(year: c, month: a, day: b)]
        } else {
            candidates = []
        }
        var readings: [DayDate] = []
        for case let date? in candidates where !readings.contains(date) { readings.append(date) }
        return readings
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var description: String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    /// List order by date: newer first, undated last; nil when the dates do not decide.
    static func newerFirst(_ a: DayDate?, _ b: DayDate?) -> Bool? {
        guard a != b else { return nil }
        guard let a else { return false }
        guard let b else { return true }
        return a > b
    }

    public static func < (a: DayDate, b: DayDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Noon UTC of this day: a `Date` that formats to the same day in every time zone.
    var noonUTC: Date {
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        components.hour = 12
        return DayDate.utcCalendar.date(from: components)!
    }

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
