import OkrugCore
import OkrugText

/// The machine-readable files: Atom feed, sitemap, robots.txt. Absolute URLs from `base_url`.
enum Feeds {
    static let feedSize = 20

    static func atom(_ site: Site) -> String {
        let base = site.config.baseURL
        let newest = site.materials.prefix(feedSize)
        let updated = (newest.first?.date ?? site.buildDay).iso + "T00:00:00Z"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XMLText.escape(site.config.language))">
              <title>\(XMLText.escape(site.config.title))</title>
              <subtitle>\(XMLText.escape(site.config.description))</subtitle>
              <link href="\(XMLText.escape(base + Routes.feed))" rel="self" type="application/atom+xml"/>
              <link href="\(XMLText.escape(base))" rel="alternate" type="text/html"/>
              <id>\(XMLText.escape(base))</id>
              <updated>\(updated)</updated>

            """
        for material in newest {
            let url = base + material.path
            let school = site.school(material.schoolID)?.name ?? ""
            xml += """
                  <entry>
                    <title>\(XMLText.escape(material.title))</title>
                    <link href="\(XMLText.escape(url))" rel="alternate" type="text/html"/>
                    <id>\(XMLText.escape(url))</id>
                    <published>\(material.date.iso)T00:00:00Z</published>
                    <updated>\(material.date.iso)T00:00:00Z</updated>

                """
            for author in material.authors {
                xml += "      <author><name>\(XMLText.escape(author.name))</name></author>\n"
            }
            xml +=
                "      <category term=\"\(XMLText.escape(material.kind.rawValue))\" label=\"\(XMLText.escape(material.kind.russian))\"/>\n"
            xml +=
                "      <summary>\(XMLText.escape(material.summary + (school.isEmpty ? "" : " (\(school))")))</summary>\n"
            xml += "    </entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }

    static func sitemap(_ site: Site) -> String {
        let base = site.config.baseURL
        var entries: [(String, CalendarDay?)] = [
            ("", site.materials.first?.date), (Routes.materials, site.materials.first?.date),
        ]
        for material in site.materials { entries.append((material.path, material.date)) }
        for kind in TaxonomyKind.allCases {
            entries.append((Routes.taxonomy(kind), nil))
            for term in site.taxonomies[kind]?.terms ?? [] {
                entries.append((Routes.term(kind, term.slug), term.materials.first.map { site.materials[$0].date }))
            }
        }
        for page in site.pages { entries.append((page.path, nil)) }
        if !site.plans.isEmpty { entries.append((Routes.plans, nil)) }
        for plan in site.plans {
            entries.append((Routes.plan(plan.year), nil))
            entries.append((Routes.results(plan.year), nil))
            for activity in plan.activities { entries.append((Routes.activity(activity.id, year: activity.year), nil)) }
        }
        var xml =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (path, day) in entries {
            xml += "  <url><loc>\(XMLText.escape(base + path))</loc>"
            if let day { xml += "<lastmod>\(day.iso)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }

    static func robots(_ site: Site) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(site.config.baseURL + Routes.sitemap)\n"
    }
}
