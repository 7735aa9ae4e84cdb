import Mustache

// Templates read view models through `MustacheParent`: a switch per type instead of
// reflection (`Mirror`), which made up half of the build time. `ViewModelFieldTests` checks
// that every stored property is reachable here.

extension LinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        default: nil
        }
    }
}

extension NavItemView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "current": self.current
        default: nil
        }
    }
}

extension LayoutView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "lang": self.lang
        case "pageTitle": self.pageTitle
        case "siteTitle": self.siteTitle
        case "description": self.description
        case "canonical": self.canonical
        case "root": self.root
        case "stylesheet": self.stylesheet
        case "feed": self.feed
        case "nav": self.nav
        case "browse": self.browse
        case "breadcrumbs": self.breadcrumbs
        case "hasBreadcrumbs": self.hasBreadcrumbs
        case "buildDate": self.buildDate
        case "partnership": self.partnership
        case "structuredData": self.structuredData
        case "searchFields": self.searchFields
        case "hasSearchFields": self.hasSearchFields
        case "headerHTML": self.headerHTML
        case "footerHTML": self.footerHTML
        default: nil
        }
    }
}

extension MaterialCardView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "date": self.date
        case "dateISO": self.dateISO
        case "school": self.school
        case "direction": self.direction
        case "kind": self.kind
        case "summary": self.summary
        case "authors": self.authors
        case "html": self.html
        default: nil
        }
    }
}

extension PaginationView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "pages": self.pages
        case "previous": self.previous
        case "next": self.next
        case "status": self.status
        default: nil
        }
    }
}

extension PaginationView.PageLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": self.number
        case "url": self.url
        case "current": self.current
        case "gap": self.gap
        default: nil
        }
    }
}

extension ListingView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "heading": self.heading
        case "description": self.description
        case "count": self.count
        case "cards": self.cards
        case "pagination": self.pagination
        case "indexLink": self.indexLink
        case "isEmpty": self.isEmpty
        case "activities": self.activities
        case "hasActivities": self.hasActivities
        case "facets": self.facets
        case "hasFacets": self.hasFacets
        case "bundle": self.bundle
        case "base": self.base
        case "script": self.script
        default: nil
        }
    }
}

extension TermView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "count": self.count
        case "number": self.number
        case "description": self.description
        default: nil
        }
    }
}

extension TaxonomyIndexView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "heading": self.heading
        case "count": self.count
        case "terms": self.terms
        case "isCloud": self.isCloud
        default: nil
        }
    }
}

extension TocItemView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "anchor": self.anchor
        case "children": self.children
        case "hasChildren": self.hasChildren
        default: nil
        }
    }
}

extension AttachmentView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "type": self.type
        case "size": self.size
        case "fileName": self.fileName
        default: nil
        }
    }
}

extension MetaRowView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "links": self.links
        case "text": self.text
        default: nil
        }
    }
}

extension MaterialPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "title": self.title
        case "date": self.date
        case "dateISO": self.dateISO
        case "readingTime": self.readingTime
        case "summary": self.summary
        case "meta": self.meta
        case "tags": self.tags
        case "hasTags": self.hasTags
        case "toc": self.toc
        case "hasToc": self.hasToc
        case "body": self.body
        case "attachments": self.attachments
        case "hasAttachments": self.hasAttachments
        case "related": self.related
        case "hasRelated": self.hasRelated
        case "newer": self.newer
        case "older": self.older
        case "draft": self.draft
        case "activity": self.activity
        default: nil
        }
    }
}

extension FreePageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "title": self.title
        case "body": self.body
        case "toc": self.toc
        case "hasToc": self.hasToc
        default: nil
        }
    }
}

extension SchoolView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": self.url
        case "role": self.role
        case "locality": self.locality
        case "count": self.count
        default: nil
        }
    }
}

extension DirectionView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": self.number
        case "title": self.title
        case "url": self.url
        case "count": self.count
        case "description": self.description
        default: nil
        }
    }
}

extension HomeView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "title": self.title
        case "description": self.description
        case "partnership": self.partnership
        case "goal": self.goal
        case "partner": self.partner
        case "satellites": self.satellites
        case "directions": self.directions
        case "latest": self.latest
        case "total": self.total
        case "materialsURL": self.materialsURL
        case "pages": self.pages
        case "plan": self.plan
        default: nil
        }
    }
}

extension NotFoundView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "home": self.home
        case "materials": self.materials
        default: nil
        }
    }
}

extension ChromeView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        default: nil
        }
    }
}

extension SearchFieldView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "kind": self.kind
        case "key": self.key
        case "value": self.value
        default: nil
        }
    }
}

extension FacetOptionView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "value": self.value
        case "count": self.count
        default: nil
        }
    }
}

extension FacetView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "key": self.key
        case "title": self.title
        case "options": self.options
        default: nil
        }
    }
}

extension SearchPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "bundle": self.bundle
        case "base": self.base
        case "script": self.script
        case "materialsURL": self.materialsURL
        default: nil
        }
    }
}
