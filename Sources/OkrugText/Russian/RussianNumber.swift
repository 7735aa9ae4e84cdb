/// Numbers as Russian writes them: a decimal comma («0,2 с»).
public enum RussianNumber {
    /// One digit after the comma: `0.24` → «0,2» (for durations and sizes: never negative).
    public static func tenths(_ value: Double) -> String {
        let scaled = Int((max(0, value) * 10).rounded())
        return "\(scaled / 10),\(scaled % 10)"
    }
}
