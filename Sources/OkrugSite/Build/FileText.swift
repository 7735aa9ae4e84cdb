import Foundation

/// The words of a PDF (an attachment, or an office file's PDF), page by page: what search finds
/// inside a file and what a screen reader or a phone reads on the file's text page. A scanned
/// page has no words of its own: its picture is read by OCR.
struct FileText: Sendable, Equatable {
    /// Page `n`'s text at `pages[n - 1]`: paragraphs apart by an empty line.
    var pages: [String]
    /// Pages (from 1) whose words were recognised from a picture, so may hold mistakes.
    var recognized: [Int] = []

    /// Whether any page has words.
    var hasWords: Bool { pages.contains { !$0.isEmpty } }

    /// Fewer letters than this on a page with a picture: a scan, read by OCR.
    static let scannedBelow = 20

    /// Letters on a page: what tells a scanned page from a page of text.
    static func letterCount(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (CharacterSet.letters.contains($1) ? 1 : 0) }
    }

    /// The text as the tools gave it (kept so in the cache): its pages as paragraphs.
    init(raw: [String], recognized: [Int]) {
        self.pages = raw.map(Self.tidy)
        self.recognized = recognized
    }

    /// pdftotext's answer (pages ended by a form feed) as pages, each as the tool gave it.
    static func rawPages(fromPdftotext output: String) -> [String] {
        var pages = output.split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init)
        // The form feed after the last page leaves one empty piece behind it.
        if pages.count > 1, pages.last?.allSatisfy(\.isWhitespace) == true { pages.removeLast() }
        return pages
    }

    /// Lines joined into paragraphs (an empty line ends one), a word broken after its hyphen
    /// joined again, control characters and runs of spaces gone.
    static func tidy(_ text: String) -> String {
        var paragraphs: [String] = []
        var current = ""
        func close() {
            if !current.isEmpty { paragraphs.append(current) }
            current = ""
        }
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = clean(rawLine)
            if line.isEmpty {
                close()
                continue
            }
            if current.isEmpty {
                current = line
            } else if current.hasSuffix("-"), current.dropLast().last?.isLetter == true,
                line.first?.isLetter == true
            {
                // «школ-» + «спутников»: a hyphen at a line's end stays (Russian compounds break
                // there far more often than a word is hyphenated by the layout).
                current += line
            } else {
                current += " " + line
            }
        }
        close()
        return paragraphs.joined(separator: "\n\n")
    }

    /// One line without control characters, its spaces collapsed.
    private static func clean(_ line: Substring) -> String {
        var out = ""
        var space = false
        for scalar in line.unicodeScalars {
            if CharacterSet.whitespaces.contains(scalar) || CharacterSet.controlCharacters.contains(scalar) {
                space = !out.isEmpty
                continue
            }
            if space { out.unicodeScalars.append(" ") }
            space = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// Pages (from 1) that show a picture, from `pdfimages -list`: a table whose first column
    /// is the page.
    static func pagesWithPictures(pdfimagesList output: String) -> Set<Int> {
        var pages = Set<Int>()
        for line in output.split(separator: "\n") {
            guard let first = line.split(separator: " ", omittingEmptySubsequences: true).first,
                let page = Int(first)
            else { continue }
            pages.insert(page)
        }
        return pages
    }

    // MARK: In the cache

    /// `okrug-text 1 recognized=2,3`, then the pages as the tools gave them, apart by form feeds.
    static func encoded(raw: [String], recognized: [Int]) -> Data {
        let header = "okrug-text 1 recognized=" + recognized.map(String.init).joined(separator: ",")
        return Data(
            (header + "\n" + raw.map { $0.replacingOccurrences(of: "\u{0C}", with: "\n") }.joined(separator: "\u{0C}"))
                .utf8)
    }

    static func decoded(_ data: Data) -> FileText? {
        let text = String(decoding: data, as: UTF8.self)
        guard let newline = text.firstIndex(of: "\n") else { return nil }
        let header = text[..<newline]
        let prefix = "okrug-text 1 recognized="
        guard header.hasPrefix(prefix) else { return nil }
        let recognized = header.dropFirst(prefix.count).split(separator: ",").compactMap { Int($0) }
        let pages = text[text.index(after: newline)...].split(separator: "\u{0C}", omittingEmptySubsequences: false)
            .map(String.init)
        return FileText(raw: pages, recognized: recognized)
    }
}
