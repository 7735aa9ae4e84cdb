import Foundation

/// schema.org JSON-LD: `LearningResource` for materials, `Event` for dated plan activities.
enum StructuredData {
    static func learningResource(_ material: Material, site: Site) -> String {
        var object: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "LearningResource",
            "name": material.title,
            "description": material.summary,
            "datePublished": material.date.iso,
            "inLanguage": site.config.language,
            "url": site.config.baseURL + material.path,
            "learningResourceType": material.kind.russian,
            "author": material.authors.map { ["@type": "Person", "name": $0.name] },
        ]
        if let school = site.school(material.schoolID) {
            object["provider"] = ["@type": "EducationalOrganization", "name": school.name]
        }
        if !material.subjects.isEmpty { object["about"] = material.subjects }
        if !material.grades.isEmpty { object["educationalLevel"] = material.grades.map { "\($0) класс" } }
        if !material.tags.isEmpty { object["keywords"] = material.tags.joined(separator: ", ") }
        return encode(object)
    }

    /// `nil` for an activity without particular days.
    static func event(_ activity: PlanActivity, plan: Plan, site: Site) -> String? {
        guard let span = activity.when.calendarSpan else { return nil }
        let partner = site.school(plan.partnerID)
        var object: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "Event",
            "name": activity.title.plain,
            "description": activity.indicator.plain,
            "startDate": span.start.iso,
            "endDate": span.end.iso,
            "eventStatus": "https://schema.org/EventScheduled",
            "inLanguage": site.config.language,
            "url": site.config.baseURL + activity.path,
        ]
        if let partner {
            object["organizer"] = ["@type": "EducationalOrganization", "name": partner.name]
            object["location"] = ["@type": "Place", "name": partner.name, "address": partner.locality ?? partner.name]
        }
        return encode(object)
    }

    /// Sorted keys for identical output; `<`, `>` and `&` escaped so the text cannot end the
    /// `<script>` element it is placed in.
    static func encode(_ object: [String: Any]) -> String {
        guard
            let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
            let json = String(data: data, encoding: .utf8)
        else { return "{}" }
        return json.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }
}
