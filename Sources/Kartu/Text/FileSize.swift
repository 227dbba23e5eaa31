import Foundation

extension LocaleFormatting {
    /// A file size the language's way, in decimal units as file managers show them: `48 KB`,
    /// `1.2 MB` in English, `1,2 MB` in Lithuanian and Polish; a no-break space before the unit.
    /// (Foundation's ByteCountFormatter ignores the locale on Linux.)
    func fileSize(_ bytes: Int) -> String {
        let units: [(limit: Double, divisor: Double, symbol: String, digits: Int)] = [
            (1e3, 1, "B", 0), (1e6, 1e3, "KB", 0), (1e9, 1e6, "MB", 1), (.infinity, 1e9, "GB", 2),
        ]
        let value = Double(max(0, bytes))
        // Rounding may carry into the next unit (999,600 bytes is 1 MB, not 1,000 KB).
        var index = units.firstIndex { value < $0.limit }!
        while index + 1 < units.count, rounded(value / units[index].divisor, units[index].digits) >= 1000 { index += 1 }
        let unit = units[index]
        let formatter = NumberFormatter()
        formatter.locale = locale
        formatter.numberStyle = .decimal
        formatter.minimumFractionDigits = 0
        formatter.maximumFractionDigits = unit.digits
        formatter.roundingMode = .halfUp
        let number = formatter.string(from: NSNumber(value: rounded(value / unit.divisor, unit.digits))) ?? String(bytes)
        return number + "\u{00A0}" + unit.symbol
    }

    private func rounded(_ value: Double, _ digits: Int) -> Double {
        let scale = pow(10, Double(digits))
        return (value * scale).rounded() / scale
    }
}
