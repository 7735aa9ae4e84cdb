import Foundation
import OkrugCore

/// Each material without a picture of its own gets a link-preview card of its own: its title,
/// its school and the site's name (`SocialCard.materialSVG`), drawn once per text
/// (`CardDrawing`). A card has a few colours, so it is saved as a 16-colour PNG, a third of the
/// full-colour one.
enum MaterialCards {
    static let saveOptions = "[strip,palette,bitdepth=4]"

    /// By the material's path: the card's PNG in the cache.
    static func make(site: Site, options: BuildOptions) -> [String: String] {
        var svgs: [String: Data] = [:]
        for material in site.materials {
            svgs[material.path] = Data(
                SocialCard.materialSVG(
                    title: material.title, school: site.school(material.schoolID)?.name, site: site.config.title
                ).utf8)
        }
        return CardDrawing.draw(svgs, saveOptions: saveOptions, options: options)
    }
}
