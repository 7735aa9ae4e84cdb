import Foundation
import OkrugText

/// Reads the data files of `Content/`: `site.yaml`, `schools.yaml`, `directions.yaml`.
package enum DataFiles {
    package static func readSite(_ source: SourceText, diagnostics: inout [Diagnostic]) -> SiteConfig? {
        let file = YAMLFile(displayPath: source.displayPath, firstLine: 1)
        guard let root = parseRoot(source, file: file, diagnostics: &diagnostics) else { return nil }
        guard
            var reader = MappingReader(
                node: root, file: file, allowedKeys: SiteConfig.keys, subject: "сайта", diagnostics: &diagnostics)
        else { return nil }
        let title = reader.string("title", required: true, example: "Образовательный округ")
        let baseURL = reader.string("base_url", required: true, example: "https://example.org/okrug/")
        if let baseURL, let problem = SiteConfig.baseURLProblem(baseURL.value) {
            reader.report(
                .error(
                    baseURL.position, "base_url: \(problem)",
                    hint: SiteConfig.baseURLExample(baseURL.value).replacingOccurrences(
                        of: "например: ", with: "например: «base_url: ") + "»"))
        }
        let config = SiteConfig(
            title: title?.value ?? "",
            description: reader.string("description")?.value ?? "",
            baseURL: baseURL?.value ?? "http://localhost/",
            language: reader.string("language")?.value ?? "ru",
            partnership: reader.string("partnership")?.value ?? "",
            goal: reader.string("goal")?.value ?? "",
            unsafeHTML: reader.bool("unsafe_html") ?? false,
            perPage: perPage(reader.int("per_page"), reader: &reader))
        diagnostics += reader.diagnostics
        return title == nil || baseURL == nil ? nil : config
    }

    /// Materials on a page of a listing: 1 to 1000.
    private static func perPage(_ value: Located<Int>?, reader: inout MappingReader) -> Int {
        guard let value else { return 20 }
        guard (1...1000).contains(value.value) else {
            reader.report(
                .error(
                    value.position, "per_page — число материалов на странице списка, от 1 до 1000",
                    hint: "например: «per_page: 20»"))
            return 20
        }
        return value.value
    }

    package static func readSchools(_ source: SourceText, diagnostics: inout [Diagnostic]) -> [Located<School>] {
        let file = YAMLFile(displayPath: source.displayPath, firstLine: 1)
        let items = listItems(source, file: file, what: "школ", diagnostics: &diagnostics)
        let schools = MappingReader.records(
            items, file: file, allowedKeys: SchoolSchema.keys, subject: "школы", problems: &diagnostics
        ) { reader -> Located<School>? in
            let field = SchoolSchema.field
            let id = reader.string(field("id"))
            let name = reader.string(field("name"))
            let roleText = reader.string(field("role"))
            var role: School.Role?
            if let roleText {
                role = School.Role(rawValue: roleText.value)
                if role == nil {
                    reader.report(
                        .error(
                            roleText.position, "неизвестная роль школы «\(roleText.value)»",
                            hint: "допустимо: partner (школа-партнер) или satellite (школа-спутник)"))
                }
            }
            if let id { idProblems(id).forEach { reader.report($0) } }
            let short = reader.string(field("short"))?.value
            let locality = reader.string(field("locality"))?.value
            let url = reader.string(field("url"))
            let head = reader.string(field("head"))?.value
            let address = reader.string(field("address"))?.value
            let phone = reader.string(field("phone"))
            let email = reader.string(field("email"))
            if let url, !(url.value.hasPrefix("https://") || url.value.hasPrefix("http://")) || url.value.contains(" ")
            {
                reader.report(
                    .error(
                        url.position, "адрес сайта школы «\(url.value)» должен начинаться с https://",
                        hint: "скопируйте адрес из строки браузера, например https://sosh13.example.ru/"))
            }
            if let phone {
                let digits = phone.value.filter(\.isNumber).count
                let allowed = phone.value.allSatisfy { $0.isNumber || " +-()".contains($0) }
                if !allowed || !(10...15).contains(digits) {
                    reader.report(
                        .error(
                            phone.position, "телефон «\(phone.value)» записан неверно",
                            hint: "пишите с кодом города цифрами, скобками, пробелами и дефисами: +7 (86135) 2-13-13"))
                }
            }
            if let email {
                let parts = email.value.split(separator: "@", omittingEmptySubsequences: false)
                if parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") || email.value.contains(" ") {
                    reader.report(
                        .error(
                            email.position, "адрес почты «\(email.value)» записан неверно",
                            hint: "например school13@example.ru — без пробелов, с одним @"))
                }
            }
            guard let id, let name, let role else { return nil }
            return Located(
                School(
                    id: id.value, name: name.value, short: short, role: role, locality: locality, url: url?.value,
                    head: head, address: address, phone: phone?.value, email: email?.value),
                at: id.position)
        }
        if !schools.isEmpty, !schools.contains(where: { $0.value.role == .partner }) {
            diagnostics.append(
                .error(
                    file.start, "в schools.yaml нет школы-партнера",
                    hint: "укажите «role: partner» у школы, которая оказывает поддержку"))
        }
        return schools
    }

    package static func readDirections(_ source: SourceText, diagnostics: inout [Diagnostic]) -> [Located<Direction>] {
        let file = YAMLFile(displayPath: source.displayPath, firstLine: 1)
        let items = listItems(source, file: file, what: "направлений", diagnostics: &diagnostics)
        var number = 0
        return MappingReader.records(
            items, file: file, allowedKeys: DirectionSchema.keys, subject: "направления", problems: &diagnostics
        ) { reader -> Located<Direction>? in
            let field = DirectionSchema.field
            let id = reader.string(field("id"))
            let title = reader.string(field("title"))
            let description = reader.string(field("description"))?.value ?? ""
            if let id { idProblems(id).forEach { reader.report($0) } }
            guard let id, let title else { return nil }
            number += 1
            return Located(
                Direction(id: id.value, title: title.value, description: description, number: number), at: id.position)
        }
    }

    /// What is wrong with an id, if anything.
    static func idProblems(_ id: Located<String>) -> [Diagnostic] {
        var found: [Diagnostic] = []
        checkID(id, diagnostics: &found)
        return found
    }

    /// Ids become URLs: Latin letters, digits and hyphens only.
    package static func checkID(_ id: Located<String>, diagnostics: inout [Diagnostic]) {
        let valid = id.value.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
        if !valid {
            diagnostics.append(
                .error(
                    id.position, "id «\(id.value)» может содержать только строчные латинские буквы, цифры и дефис",
                    hint: "например: «\(Transliteration.slug(id.value))»"))
        } else if let tooLong = AddressLength.problem(id.value, of: "«\(id.value)»", at: id.position) {
            diagnostics.append(tooLong)
        }
    }

    /// The root node of a YAML data file, or the syntax error or «файл пуст» reported.
    package static func parseRoot(
        _ source: SourceText, file: YAMLFile, diagnostics: inout [Diagnostic], empty: String = "файл пуст",
        emptyHint: String = "заполните его по образцу из README"
    ) -> YAMLNode? {
        switch file.parse(source.text) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case .success(let node):
            if node == nil { diagnostics.append(.error(file.start, empty, hint: emptyHint)) }
            return node
        }
    }

    private static func listItems(_ source: SourceText, file: YAMLFile, what: String, diagnostics: inout [Diagnostic])
        -> [YAMLNode]
    {
        guard let root = parseRoot(source, file: file, diagnostics: &diagnostics) else { return [] }
        guard case .sequence(let sequence) = root else {
            diagnostics.append(
                .error(
                    file.position(root), "файл должен содержать список \(what)",
                    hint: "каждый элемент начните с «- id: …»"))
            return []
        }
        return sequence.items
    }
}
