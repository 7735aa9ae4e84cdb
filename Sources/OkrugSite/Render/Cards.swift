import OkrugCore
import OkrugText

/// Material cards, shown on listings, term pages, the home page and related materials.
extension SiteRenderer {
    /// A material's card as shown from the page at `path`. The card is rendered once per
    /// material with stand-ins for its four links (`CardBase`); each place it is shown (a card
    /// is on about fifteen pages: listings, terms, related materials) only puts its own links in.
    func card(_ index: Int, from path: String) -> MaterialCardView {
        card(index, links: PageLinks(from: path))
    }

    func card(_ index: Int, links page: PageLinks) -> MaterialCardView {
        let base = cache.cardBase(index) { cardBase(index) }
        let links = [
            RelativeURL.link(from: page.from, to: base.targets[0]), page.link(to: base.targets[1]),
            page.link(to: base.targets[2]), page.link(to: base.targets[3]),
        ]
        guard let html = base.html(links: links) else {
            var view = cardView(index, links: links)
            view.html = CardHTML(templates.render(view, template: "partials/card"))
            return view
        }
        var view = base.view
        view.url = links[0]
        view.school?.url = links[1]
        view.direction?.url = links[2]
        view.kind.url = links[3]
        view.html = html
        return view
    }

    func cardBase(_ index: Int) -> CardBase {
        let material = site.materials[index]
        let view = cardView(index, links: CardBase.standIns)
        return CardBase(
            view: view,
            targets: [
                material.path, Routes.school(material.schoolID), Routes.direction(material.directionID),
                Routes.kind(material.kind),
            ],
            rendered: templates.render(view, template: "partials/card"))
    }

    /// The card's view with the given links: the material, its school, direction and kind.
    func cardView(_ index: Int, links: [String]) -> MaterialCardView {
        let material = site.materials[index]
        let school = site.school(material.schoolID)
        let direction = site.direction(material.directionID)
        return MaterialCardView(
            title: material.title,
            url: links[0],
            date: material.date.russian,
            dateISO: material.date.iso,
            school: school.map { LinkView(title: $0.short, url: links[1]) },
            direction: direction.map { LinkView(title: $0.title, url: links[2]) },
            kind: LinkView(title: material.kind.russian, url: links[3]),
            summary: material.summary,
            authors: material.authors.map(\.name).joined(separator: ", "),
            facts: Self.facts(of: material))
    }

    /// «Математика · 5, 6 классы · 2 файла»; `nil` when the material names none of them.
    static func facts(of material: Material) -> String? {
        var parts: [String] = []
        if !material.subjects.isEmpty { parts.append(material.subjects.joined(separator: ", ")) }
        if let grades = GradeList.russian(material.grades) { parts.append(grades) }
        if !material.attachments.isEmpty { parts.append(RussianPlural.file.counted(material.attachments.count)) }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}
