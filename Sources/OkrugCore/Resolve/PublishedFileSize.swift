/// How big a file the site may carry. GitHub refuses a file over 100 MB (the push fails, and
/// nothing is published), and a file of tens of megabytes is one no teacher on a village line
/// downloads. Over 100 MB is an error, over 50 MB a warning.
enum PublishedFileSize {
    static let warningBytes = 50 * 1024 * 1024
    static let errorBytes = 100 * 1024 * 1024

    /// The problems of `files` (their sizes from the listing, nothing read), each on its file.
    static func problems(_ files: [CopiedFile], tree: ContentTree) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var seen = Set<String>()
        for file in files where seen.insert(file.source).inserted {
            guard let size = tree.files[file.source]?.byteCount, size > warningBytes else { continue }
            let place = SourcePosition(file: tree.displayPath(file.source), line: 0, column: 0)
            let said = ByteSize.russian(size)
            let hint =
                "выложите его на Яндекс Диск или в облако школы и дайте в тексте ссылку; видео — на RuTube или VK Видео"
            problems.append(
                size > errorBytes
                    ? .error(
                        place, "файл слишком большой для сайта: \(said), а GitHub не примет файл больше 100 МБ",
                        hint: "сожмите его (PDF — «Сохранить как» с меньшим качеством картинок) или " + hint)
                    : .warning(
                        place, "файл большой: \(said) — учителю на медленной связи долго его скачивать",
                        hint: "сожмите его, если можно, или " + hint))
        }
        return problems
    }
}
