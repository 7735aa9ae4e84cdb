import OkrugCore
import OkrugText

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
            object["educationalLevel"] = .array(material.grades.map { .string(GradeList.one($0)) })
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
            "url": .string(site.config.baseURL + Routes.activity(activity.id, year: activity.year)),
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
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        JSONValue.object(object).write(to: &out)
        return String(decoding: out, as: UTF8.self)
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

    func write(to out: inout [UInt8]) {
        switch self {
        case .string(let text): Self.write(text, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (offset, item) in items.enumerated() {
                if offset > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (offset, key) in members.keys.sorted().enumerated() {
                if offset > 0 { out.append(UInt8(ascii: ",")) }
                Self.write(key, to: &out)
                out.append(UInt8(ascii: ":"))
                members[key]?.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func write(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if let escaped = escapes[Int(byte)] {
                out.append(contentsOf: escaped.utf8)
            } else if byte < 0x20 {
                let hex = String(byte, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            } else {
                out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// JSON's escapes by byte, `/` as Foundation wrote it, and `< > &` so the text cannot end a
    /// `<script>`; other control characters are written `\u00XX`.
    private static let escapes: [String?] = (0..<256).map { byte in
        switch byte {
        case 0x22: "\\\""
        case 0x5C: "\\\\"
        case 0x2F: "\\/"
        case 0x0A: "\\n"
        case 0x0D: "\\r"
        case 0x09: "\\t"
        case 0x08: "\\b"
        case 0x0C: "\\f"
        case 0x3C: "\\u003c"
        case 0x3E: "\\u003e"
        case 0x26: "\\u0026"
        default: nil
        }
    }
}
