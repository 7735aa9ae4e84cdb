import OkrugText

/// The year of a plan in numbers, computed once from the resolved site: the «Итоги» page, its
/// charts and its CSV all read this value, so there is no second way of counting.
public struct PlanResults: Sendable {
    /// A labelled number: one bar of a chart, one row of a table.
    public struct Count: Sendable, Hashable {
        public var label: String
        public var value: Int
        /// The page it links to, relative to the site root.
        public var path: String?
        /// Set apart in charts (the partner school), and said so in the label, not by colour alone.
        public var highlighted: Bool = false

        package init(label: String, value: Int, path: String? = nil, highlighted: Bool = false) {
            self.label = label
            self.value = value
            self.path = path
            self.highlighted = highlighted
        }
    }

    public struct SectionExecution: Sendable {
        public var title: String
        public var activities: Int
        public var withMaterials: Int
    }

    public struct DirectionResult: Sendable {
        public var id: String
        public var title: String
        public var activities: [PlanActivity]
        /// Indices into `Site.materials` of the year's materials in this direction.
        public var materials: [Int]
    }

    public struct SatelliteResult: Sendable {
        public var school: School
        /// The year's materials of this school.
        public var contributed: [Int]
        /// The partner school's materials of the year in the directions the plan names for it.
        public var received: [Int]
        public var directions: [Direction]
    }

    public var year: Int
    /// Indices into `Site.materials` (newest first) of the materials dated in the plan's year.
    public var materials: [Int]
    public var bySchool: [Count]
    public var byDirection: [Count]
    public var byKind: [Count]
    public var byMonth: [Count]
    /// Authors whose first material is of this year, with their materials of the year.
    public var newAuthors: [Count]
    public var sections: [SectionExecution]
    public var activityCount: Int
    public var activitiesWithMaterials: Int
    /// Activities whose time is over and that produced no material: the gaps.
    public var pastWithoutMaterials: [PlanActivity]
    public var directions: [DirectionResult]
    public var satellites: [SatelliteResult]

    public static func compute(_ plan: Plan, site: Site) -> PlanResults {
        let year = plan.year
        let inYear = site.materials.indices.filter { site.materials[$0].date.year == year }
        let partnerID = plan.partnerID.isEmpty ? site.partner?.id ?? "" : plan.partnerID

        // Schools: the plan's partner, then its satellites, then any other school that wrote.
        var schoolIDs = [partnerID] + plan.satelliteIDs
        for school in site.schools where !schoolIDs.contains(school.id) { schoolIDs.append(school.id) }
        let bySchool = schoolIDs.compactMap { site.school($0) }.map { school in
            Count(
                label: school.id == partnerID ? "\(school.name) (школа-партнер)" : school.name,
                value: inYear.filter { site.materials[$0].schoolID == school.id }.count,
                path: Routes.school(school.id), highlighted: school.id == partnerID)
        }
        let byDirection = site.directions.map { direction in
            Count(
                label: "\(direction.number). \(direction.title)",
                value: inYear.filter { site.materials[$0].directionID == direction.id }.count,
                path: Routes.direction(direction.id))
        }
        let byKind = MaterialKind.allCases.map { kind in
            Count(
                label: kind.russian, value: inYear.filter { site.materials[$0].kind == kind }.count,
                path: Routes.kind(kind))
        }.filter { $0.value > 0 }.sorted { ($1.value, $0.label) < ($0.value, $1.label) }
        let byMonth = (1...12).map { month in
            Count(
                label: RussianMonth.nominative[month - 1],
                value: inYear.filter { site.materials[$0].date.month == month }.count, path: nil)
        }

        // An author is new in the year their first material appeared.
        var firstYear: [String: Int] = [:]
        var names: [String: String] = [:]
        for material in site.materials {
            for author in material.authors {
                firstYear[author.slug] = min(firstYear[author.slug] ?? Int.max, material.date.year)
                names[author.slug] = author.name
            }
        }
        var authorCounts: [String: Int] = [:]
        for index in inYear {
            for author in site.materials[index].authors { authorCounts[author.slug, default: 0] += 1 }
        }
        let newAuthors = authorCounts.keys.filter { firstYear[$0] == year }.map { slug in
            Count(label: names[slug] ?? slug, value: authorCounts[slug] ?? 0, path: Routes.person(slug))
        }.sorted { ($1.value, $0.label) < ($0.value, $1.label) }

        let sections = plan.sections.map { section in
            SectionExecution(
                title: section.title, activities: section.activities.count,
                withMaterials: section.activities.filter { !$0.materials.isEmpty }.count)
        }
        let activities = plan.activities
        let past = activities.filter {
            $0.materials.isEmpty && ActivityStatus($0.when, on: site.buildDay) == .past
        }
        let directions = site.directions.map { direction in
            DirectionResult(
                id: direction.id, title: direction.title,
                activities: activities.filter { $0.directionID == direction.id },
                materials: inYear.filter { site.materials[$0].directionID == direction.id })
        }
        let satellites = plan.satelliteIDs.compactMap { site.school($0) }.map { school in
            let named = plan.support[school.id] ?? plan.directionIDs
            let directionIDs = named.isEmpty ? site.directions.map(\.id) : named
            return SatelliteResult(
                school: school,
                contributed: inYear.filter { site.materials[$0].schoolID == school.id },
                received: inYear.filter {
                    site.materials[$0].schoolID == partnerID && directionIDs.contains(site.materials[$0].directionID)
                },
                directions: directionIDs.compactMap { site.direction($0) })
        }
        return PlanResults(
            year: year, materials: inYear, bySchool: bySchool, byDirection: byDirection, byKind: byKind,
            byMonth: byMonth, newAuthors: newAuthors, sections: sections, activityCount: activities.count,
            activitiesWithMaterials: activities.filter { !$0.materials.isEmpty }.count,
            pastWithoutMaterials: past, directions: directions, satellites: satellites)
    }
}
