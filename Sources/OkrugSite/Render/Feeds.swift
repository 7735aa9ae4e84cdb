import OkrugCore
import OkrugText

/// The machine-readable files: Atom feed, sitemap, robots.txt. Absolute URLs from `base_url`.
enum Feeds {
    static let feedSize = 20

    /// `stylesheet`: the feed's CSS (`assets/feed.<hash>.css`), so that a browser opening the
    /// feed shows a readable page. CSS, not XSLT: Chromium now warns in English on every page
    /// made by XSLT and is removing it, and XHTML inside the feed gives the links a page needs.
    static func atom(_ site: Site, stylesheet: String) -> String {
        let base = site.config.baseURL
        let newest = site.materials.prefix(feedSize)
        let updated = (newest.first?.date ?? site.buildDay).iso + "T00:00:00Z"
        let xhtml = "xmlns=\"http://www.w3.org/1999/xhtml\""
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <?xml-stylesheet type="text/css" href="\(XMLText.escape(stylesheet))"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XMLText.escape(site.config.language))">
              <title>\(XMLText.escape(site.config.title))</title>
              <subtitle type="xhtml"><div \(xhtml) class="feed-about"><p class="feed-about__kind">Лента новых материалов</p><p>\(XMLText.escape(site.config.description)).</p><p>Это адрес для программ чтения новостей: добавьте его в Яндекс Браузер, Feedly или Inoreader — и новые материалы будут приходить сами. <a href="\(XMLText.escape(base + Routes.subscribe))">Как подписаться</a> · <a href="\(XMLText.escape(base))">На сайт</a></p></div></subtitle>
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
            // The same, readable in a browser: what it is, whose and when, with the link.
            let facts = [material.date.russian, material.kind.russian, school].filter { !$0.isEmpty }
                .joined(separator: " · ")
            xml +=
                "      <content type=\"xhtml\"><div \(xhtml)><p class=\"feed-entry__facts\">\(XMLText.escape(facts))</p>"
                + "<p>\(XMLText.escape(material.summary))</p>"
                + "<p><a href=\"\(XMLText.escape(url))\">Открыть материал «\(XMLText.escape(material.title))»</a></p></div></content>\n"
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
        for pair in site.schoolGrades {
            entries.append(
                (Routes.schoolGrade(pair.schoolID, pair.grade), pair.materials.first.map { site.materials[$0].date }))
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
