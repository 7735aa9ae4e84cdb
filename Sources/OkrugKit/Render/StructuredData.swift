/// schema.org JSON-LD: `LearningResource` for materials, `Event` for dated plan activities.
enum StructuredData {
    static func learningResource(_ material: Material, site: Site) -> String {
        var object: [String: JSONValue] = [
            "@context": "https://schema.org",
            "@type": "LearningResource",
            "name": .string(material.title),
            "description": .string(material.summary),
            "datePublished": .string(material.date.iso),
            "inLanguage": .string(site.config.language),
            "url": .string(site.config.baseURL + material.path),
            "learningResourceType": .string(material.kind.russian),
            "author": .array(material.authors.map { ["@type": "Person", "name": .string($0.name)] }),
        ]
        if let school = site.school(material.schoolID) {
            object["provider"] = ["@type": "EducationalOrganization", "name": .string(school.name)]
        }
        if !material.subjects.isEmpty { object["about"] = .array(material.subjects.map(JSONValue.string)) }
        if !material.grades.isEmpty {
            object["educationalLevel"] = .array(material.grades.map { .string("\($0) класс") })
        }
        if !material.tags.isEmpty { object["keywords"] = .string(material.tags.joined(separator: ", ")) }
        return encode(object)
    }

    /// `nil` for an activity without particular days.
    static func event(_ activity: PlanActivity, plan: Plan, site: Site) -> String? {
        guard let span = activity.when.calendarSpan else { return nil }
        let partner = site.school(plan.partnerID)
        var object: [String: JSONValue] = [
            "@context": "https://schema.org",
            "@type": "Event",
            "name": .string(activity.title.plain),
            "description": .string(activity.indicator.plain),
            "startDate": .string(span.start.iso),
            "endDate": .string(span.end.iso),
            "eventStatus": "https://schema.org/EventScheduled",
            "inLanguage": .string(site.config.language),
            "url": .string(site.config.baseURL + activity.path),
        ]
        if let partner {
            object["organizer"] = ["@type": "EducationalOrganization", "name": .string(partner.name)]
            object["location"] = [
                "@type": "Place", "name": .string(partner.name), "address": .string(partner.locality ?? partner.name),
            ]
        }
        return encode(object)
    }

    static func encode(_ object: [String: JSONValue]) -> String {
        var out = ""
        JSONValue.object(object).write(to: &out)
        return out
    }
}

/// The little JSON that JSON-LD needs, written straight into a string (Foundation's
/// `JSONSerialization` bridged every value through `NSString` and was a tenth of a big build).
/// Keys are sorted for identical output; `/` is written `\/` as Foundation did, and `<`, `>`
/// and `&` as `\u003c`, `\u003e`, `\u0026`, so the text cannot end the `<script>` it is in.
enum JSONValue: ExpressibleByStringLiteral, ExpressibleByDictionaryLiteral {
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(stringLiteral value: String) { self = .string(value) }
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    func write(to out: inout String) {
        switch self {
        case .string(let text): Self.write(text, to: &out)
        case .array(let items):
            out += "["
            for (offset, item) in items.enumerated() {
                if offset > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (offset, key) in members.keys.sorted().enumerated() {
                if offset > 0 { out += "," }
                Self.write(key, to: &out)
                out += ":"
                members[key]?.write(to: &out)
            }
            out += "}"
        }
    }

    private static func write(_ text: String, to out: inout String) {
        out += "\""
        var plainStart = text.utf8.startIndex
        var index = plainStart
        let utf8 = text.utf8
        func flush(upTo end: String.Index) {
            if plainStart < end { out += text[plainStart..<end] }
        }
        while index < utf8.endIndex {
            let byte = utf8[index]
            let escaped: String?
            switch byte {
            case 0x22: escaped = "\\\""
            case 0x5C: escaped = "\\\\"
            case 0x2F: escaped = "\\/"
            case 0x0A: escaped = "\\n"
            case 0x0D: escaped = "\\r"
            case 0x09: escaped = "\\t"
            case 0x08: escaped = "\\b"
            case 0x0C: escaped = "\\f"
            case 0x3C: escaped = "\\u003c"
            case 0x3E: escaped = "\\u003e"
            case 0x26: escaped = "\\u0026"
            case 0x00..<0x20:
                let hex = String(byte, radix: 16)
                escaped = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: escaped = nil
            }
            let next = utf8.index(after: index)
            if let escaped {
                flush(upTo: index)
                out += escaped
                plainStart = next
            }
            index = next
        }
        flush(upTo: utf8.endIndex)
        out += "\""
    }
}
