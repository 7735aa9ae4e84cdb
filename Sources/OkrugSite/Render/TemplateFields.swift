import OkrugTemplate

// What templates may read of each view model: one key-path table per type (`FieldTable`).
// `ViewModelFieldTests` checks that every stored property is in its type's table.

extension LinkView: TemplateFields {
    package static let templateFields = FieldTable<LinkView>(\.title, \.url)
}

extension NavItemView: TemplateFields {
    package static let templateFields = FieldTable<NavItemView>(\.title, \.url, \.current)
}

extension LayoutView: TemplateFields {
    package static let templateFields = FieldTable<LayoutView>(
        \.lang, \.pageTitle, \.siteTitle, \.description, \.canonical, \.root, \.stylesheet, \.feed, \.nav, \.browse,
        \.breadcrumbs, \.hasBreadcrumbs, \.buildDate, \.partnership, \.structuredData, \.searchFields,
        \.hasSearchFields, \.headerHTML, \.footerHTML)
}

extension MaterialCardView: TemplateFields {
    package static let templateFields = FieldTable<MaterialCardView>(
        \.title, \.url, \.date, \.dateISO, \.school, \.direction, \.kind, \.summary, \.authors, \.html)
}

extension PaginationView: TemplateFields {
    package static let templateFields = FieldTable<PaginationView>(\.pages, \.previous, \.next, \.status)
}

extension PaginationView.PageLink: TemplateFields {
    package static let templateFields = FieldTable<PaginationView.PageLink>(\.number, \.url, \.current, \.gap)
}

extension ListingView: TemplateFields {
    package static let templateFields = FieldTable<ListingView>(
        \.layout, \.heading, \.description, \.count, \.cards, \.pagination, \.indexLink, \.isEmpty, \.activities,
        \.hasActivities, \.facets, \.hasFacets, \.bundle, \.base, \.script)
}

extension TermView: TemplateFields {
    package static let templateFields = FieldTable<TermView>(\.title, \.url, \.count, \.number, \.description)
}

extension TaxonomyIndexView: TemplateFields {
    package static let templateFields = FieldTable<TaxonomyIndexView>(\.layout, \.heading, \.count, \.terms, \.isCloud)
}

extension TocItemView: TemplateFields {
    package static let templateFields = FieldTable<TocItemView>(\.title, \.anchor, \.children, \.hasChildren)
}

extension AttachmentView: TemplateFields {
    package static let templateFields = FieldTable<AttachmentView>(\.title, \.url, \.type, \.size, \.fileName)
}

extension MetaRowView: TemplateFields {
    package static let templateFields = FieldTable<MetaRowView>(\.label, \.links, \.text)
}

extension MaterialPageView: TemplateFields {
    package static let templateFields = FieldTable<MaterialPageView>(
        \.layout, \.title, \.date, \.dateISO, \.readingTime, \.summary, \.meta, \.tags, \.hasTags, \.toc, \.hasToc,
        \.body, \.attachments, \.hasAttachments, \.related, \.hasRelated, \.newer, \.older, \.draft, \.activity)
}

extension FreePageView: TemplateFields {
    package static let templateFields = FieldTable<FreePageView>(\.layout, \.title, \.body, \.toc, \.hasToc)
}

extension SchoolView: TemplateFields {
    package static let templateFields = FieldTable<SchoolView>(\.name, \.url, \.role, \.locality, \.count)
}

extension DirectionView: TemplateFields {
    package static let templateFields = FieldTable<DirectionView>(\.number, \.title, \.url, \.count, \.description)
}

extension HomeView: TemplateFields {
    package static let templateFields = FieldTable<HomeView>(
        \.layout, \.title, \.description, \.partnership, \.goal, \.partner, \.satellites, \.directions, \.latest,
        \.total, \.materialsURL, \.pages, \.plan)
}

extension NotFoundView: TemplateFields {
    package static let templateFields = FieldTable<NotFoundView>(\.layout, \.home, \.materials)
}

extension ChromeView: TemplateFields {
    package static let templateFields = FieldTable<ChromeView>(\.layout)
}

extension SearchFieldView: TemplateFields {
    package static let templateFields = FieldTable<SearchFieldView>(\.kind, \.key, \.value)
}

extension FacetOptionView: TemplateFields {
    package static let templateFields = FieldTable<FacetOptionView>(\.value, \.count)
}

extension FacetView: TemplateFields {
    package static let templateFields = FieldTable<FacetView>(\.key, \.title, \.options)
}

extension SearchPageView: TemplateFields {
    package static let templateFields = FieldTable<SearchPageView>(\.layout, \.bundle, \.base, \.script, \.materialsURL)
}
