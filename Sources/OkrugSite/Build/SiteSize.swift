import OkrugCore

/// What the whole site weighs: GitHub Pages publishes a site of at most 1 GB, and a site close
/// to it stops publishing with the next big file. The build warns from 900 MB on, naming the
/// files that weigh most.
enum SiteSize {
    static let warningBytes = 900 * 1024 * 1024
    static let hostLimit = "1 ГБ"

    static func warning(_ sizes: [String: Int], output: String) -> Diagnostic? {
        let total = sizes.values.reduce(0, +)
        guard total > warningBytes else { return nil }
        let largest = sizes.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(5)
        let list = largest.map { "\($0.key) (\(ByteSize.russian($0.value)))" }.joined(separator: ", ")
        return .warning(
            SourcePosition(file: output, line: 0, column: 0),
            "сайт весит \(ByteSize.russian(total)), а GitHub Pages публикует сайт не больше \(hostLimit); больше всего весят: \(list)",
            hint:
                "выложите большие файлы (видео, архивы, сканы) на Яндекс Диск или в облако школы и дайте в материале ссылку"
        )
    }
}
