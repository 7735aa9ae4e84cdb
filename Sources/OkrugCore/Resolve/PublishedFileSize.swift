/// How big a file the site may carry. GitHub refuses a file over 100 MB and GitHub Pages a site
/// over 1 GB; a bigger file is also one no teacher on a village line downloads. Over 1 GB is an
/// error (the build would copy gigabytes no host publishes), over 100 MB a warning.
enum PublishedFileSize {
    static let warningBytes = 100 * 1024 * 1024
    static let errorBytes = 1024 * 1024 * 1024

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
                    ? .error(place, "файл слишком большой для сайта: \(said), а можно не больше 1 ГБ", hint: hint)
                    : .warning(
                        place,
                        "файл большой: \(said) — GitHub не примет файл больше 100 МБ, а учителю долго его скачивать",
                        hint: hint))
        }
        return problems
    }
}
