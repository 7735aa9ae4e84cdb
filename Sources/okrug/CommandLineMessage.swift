import Foundation

/// The argument parser's English messages about a mistyped command, said in Russian.
enum CommandLineMessage {
    static func russian(_ message: String) -> String {
        let text = message.hasPrefix("Error: ") ? String(message.dropFirst("Error: ".count)) : message
        let rules: [(String, (Match) -> String)] = [
            (
                #"^Unknown option '([^']*)'\. Did you mean '([^']*)'\?"#,
                { "неизвестный параметр «\($0[1])» — возможно, имелось в виду «\($0[2])»" }
            ),
            (#"^Unknown option '([^']*)'"#, { "неизвестный параметр «\($0[1])»" }),
            (#"^Missing expected argument '([^']*)'"#, { "не указан обязательный аргумент \($0[1])" }),
            (#"^Missing value for '([^' ]*)[^']*'"#, { "не указано значение для \($0[1])" }),
            (
                #"^Unexpected argument '([^']*)'"#,
                {
                    "лишний аргумент «\($0[1])»; команды okrug: build, check, new, serve, import-plan"
                }
            ),
            (
                #"^The value '([^']*)' is invalid for '([^' ]*)[^']*'"#,
                { "значение «\($0[1])» не подходит для \($0[2])" }
            ),
        ]
        for (pattern, say) in rules {
            guard let regex = try? NSRegularExpression(pattern: pattern),
                let found = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
            else { continue }
            let groups = (0..<found.numberOfRanges).map { index in
                Range(found.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
            return "Ошибка в команде: " + say(Match(groups: groups))
        }
        return "Ошибка в команде: не удалось разобрать параметры (\(text.split(separator: "\n").first ?? ""))"
    }

    struct Match {
        var groups: [String]
        subscript(_ index: Int) -> String { index < groups.count ? groups[index] : "" }
    }
}
