import OkrugTemplate

// Templates read view models through `TemplateObject`: a switch per type over the property
// names, so a lookup needs neither reflection nor dynamic casts. `ViewModelFieldTests` checks
// that every stored property is reachable here.

extension LinkView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "title": self.title.templateValue
        case "url": self.url.templateValue
        default: .unknown
        }
    }
}

extension NavItemView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "title": self.title.templateValue
        case "url": self.url.templateValue
        case "current": self.current.templateValue
        default: .unknown
        }
    }
}

extension LayoutView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "lang": self.lang.templateValue
        case "pageTitle": self.pageTitle.templateValue
        case "siteTitle": self.siteTitle.templateValue
        case "description": self.description.templateValue
        case "canonical": self.canonical.templateValue
        case "root": self.root.templateValue
        case "stylesheet": self.stylesheet.templateValue
        case "feed": self.feed.templateValue
        case "nav": self.nav.templateValue
        case "browse": self.browse.templateValue
        case "breadcrumbs": self.breadcrumbs.templateValue
        case "hasBreadcrumbs": self.hasBreadcrumbs.templateValue
        case "buildDate": self.buildDate.templateValue
        case "partnership": self.partnership.templateValue
        case "structuredData": self.structuredData.templateValue
        case "searchFields": self.searchFields.templateValue
        case "hasSearchFields": self.hasSearchFields.templateValue
        case "headerHTML": self.headerHTML.templateValue
        case "footerHTML": self.footerHTML.templateValue
        default: .unknown
        }
    }
}

extension MaterialCardView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "title": self.title.templateValue
        case "url": self.url.templateValue
        case "date": self.date.templateValue
        case "dateISO": self.dateISO.templateValue
        case "school": self.school.templateValue
        case "direction": self.direction.templateValue
        case "kind": self.kind.templateValue
        case "summary": self.summary.templateValue
        case "authors": self.authors.templateValue
        case "html": self.html.templateValue
        default: .unknown
        }
    }
}

extension PaginationView: TemplateObject {
    package func field(_ name: String) -> TemplateValue {
        switch name {
        case "pages": self.pages.templateValue
        case "previous": self.previous.templateValue
        case "next": self.next.templateValue
        case "status": self.status.templateValue
        default: .unknown
        }
    }
}

extension PaginationView.PageLink: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "number": self.number.templateValue
        case "url": self.url.templateValue
        case "current": self.current.templateValue
        case "gap": self.gap.templateValue
        default: .unknown
        }
    }
}

extension ListingView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "layout": self.layout.templateValue
        case "heading": self.heading.templateValue
        case "description": self.description.templateValue
        case "count": self.count.templateValue
        case "cards": self.cards.templateValue
        case "pagination": self.pagination.templateValue
        case "indexLink": self.indexLink.templateValue
        case "isEmpty": self.isEmpty.templateValue
        case "activities": self.activities.templateValue
        case "hasActivities": self.hasActivities.templateValue
        case "facets": self.facets.templateValue
        case "hasFacets": self.hasFacets.templateValue
        case "bundle": self.bundle.templateValue
        case "base": self.base.templateValue
        case "script": self.script.templateValue
        default: .unknown
        }
    }
}

extension TermView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "title": self.title.templateValue
        case "url": self.url.templateValue
        case "count": self.count.templateValue
        case "number": self.number.templateValue
        case "description": self.description.templateValue
        default: .unknown
        }
    }
}

extension TaxonomyIndexView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "layout": self.layout.templateValue
        case "heading": self.heading.templateValue
        case "count": self.count.templateValue
        case "terms": self.terms.templateValue
        case "isCloud": self.isCloud.templateValue
        default: .unknown
        }
    }
}

extension TocItemView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "title": self.title.templateValue
        case "anchor": self.anchor.templateValue
        case "children": self.children.templateValue
        case "hasChildren": self.hasChildren.templateValue
        default: .unknown
        }
    }
}

extension AttachmentView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "title": self.title.templateValue
        case "url": self.url.templateValue
        case "type": self.type.templateValue
        case "size": self.size.templateValue
        case "fileName": self.fileName.templateValue
        default: .unknown
        }
    }
}

extension MetaRowView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "label": self.label.templateValue
        case "links": self.links.templateValue
        case "text": self.text.templateValue
        default: .unknown
        }
    }
}

extension MaterialPageView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "layout": self.layout.templateValue
        case "title": self.title.templateValue
        case "date": self.date.templateValue
        case "dateISO": self.dateISO.templateValue
        case "readingTime": self.readingTime.templateValue
        case "summary": self.summary.templateValue
        case "meta": self.meta.templateValue
        case "tags": self.tags.templateValue
        case "hasTags": self.hasTags.templateValue
        case "toc": self.toc.templateValue
        case "hasToc": self.hasToc.templateValue
        case "body": self.body.templateValue
        case "attachments": self.attachments.templateValue
        case "hasAttachments": self.hasAttachments.templateValue
        case "related": self.related.templateValue
        case "hasRelated": self.hasRelated.templateValue
        case "newer": self.newer.templateValue
        case "older": self.older.templateValue
        case "draft": self.draft.templateValue
        case "activity": self.activity.templateValue
        default: .unknown
        }
    }
}

extension FreePageView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "layout": self.layout.templateValue
        case "title": self.title.templateValue
        case "body": self.body.templateValue
        case "toc": self.toc.templateValue
        case "hasToc": self.hasToc.templateValue
        default: .unknown
        }
    }
}

extension SchoolView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "name": self.name.templateValue
        case "url": self.url.templateValue
        case "role": self.role.templateValue
        case "locality": self.locality.templateValue
        case "count": self.count.templateValue
        default: .unknown
        }
    }
}

extension DirectionView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "number": self.number.templateValue
        case "title": self.title.templateValue
        case "url": self.url.templateValue
        case "count": self.count.templateValue
        case "description": self.description.templateValue
        default: .unknown
        }
    }
}

extension HomeView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "layout": self.layout.templateValue
        case "title": self.title.templateValue
        case "description": self.description.templateValue
        case "partnership": self.partnership.templateValue
        case "goal": self.goal.templateValue
        case "partner": self.partner.templateValue
        case "satellites": self.satellites.templateValue
        case "directions": self.directions.templateValue
        case "latest": self.latest.templateValue
        case "total": self.total.templateValue
        case "materialsURL": self.materialsURL.templateValue
        case "pages": self.pages.templateValue
        case "plan": self.plan.templateValue
        default: .unknown
        }
    }
}

extension NotFoundView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "layout": self.layout.templateValue
        case "home": self.home.templateValue
        case "materials": self.materials.templateValue
        default: .unknown
        }
    }
}

extension ChromeView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "layout": self.layout.templateValue
        default: .unknown
        }
    }
}

extension SearchFieldView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "kind": self.kind.templateValue
        case "key": self.key.templateValue
        case "value": self.value.templateValue
        default: .unknown
        }
    }
}

extension FacetOptionView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "value": self.value.templateValue
        case "count": self.count.templateValue
        default: .unknown
        }
    }
}

extension FacetView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "key": self.key.templateValue
        case "title": self.title.templateValue
        case "options": self.options.templateValue
        default: .unknown
        }
    }
}

extension SearchPageView: TemplateObject {
    func field(_ name: String) -> TemplateValue {
        switch name {
        case "layout": self.layout.templateValue
        case "bundle": self.bundle.templateValue
        case "base": self.base.templateValue
        case "script": self.script.templateValue
        case "materialsURL": self.materialsURL.templateValue
        default: .unknown
        }
    }
}
