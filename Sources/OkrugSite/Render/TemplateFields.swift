import OkrugTemplate

// What templates may read of each view model: one key-path table per type (`FieldTable`).
// `ViewModelFieldTests` checks that every stored property is in its type's table.

extension LinkView: TemplateFields {
    package static let templateFields = FieldTable<LinkView>(.field(\.title), .field(\.url))
}

extension NavItemView: TemplateFields {
    package static let templateFields = FieldTable<NavItemView>(
        .field(\.title), .field(\.url), .field(\.current), .field(\.home))
}

extension LayoutView: TemplateFields {
    package static let templateFields = FieldTable<LayoutView>(
        .field(\.lang), .field(\.pageTitle), .field(\.siteTitle), .field(\.description), .field(\.canonical),
        .field(\.root), .field(\.stylesheet), .field(\.a11yScript), .field(\.a11yStylesheet), .field(\.favicon),
        .field(\.partnerContacts),
        .field(\.contactsURL), .field(\.feed), .field(\.subscribeURL),
        .field(\.nav), .field(\.browse),
        .field(\.breadcrumbs),
        .field(\.hasBreadcrumbs), .field(\.buildDate), .field(\.partnership), .field(\.structuredData),
        .field(\.openGraph), .field(\.searchFields), .field(\.hasSearchFields), .field(\.headerHTML),
        .field(\.footerHTML))
}

extension MaterialCardView: TemplateFields {
    package static let templateFields = FieldTable<MaterialCardView>(
        .field(\.title), .field(\.url), .field(\.date), .field(\.dateISO), .field(\.school), .field(\.direction),
        .field(\.kind), .field(\.summary), .field(\.authors), .field(\.facts), .field(\.html))
}

extension PaginationView: TemplateFields {
    package static let templateFields = FieldTable<PaginationView>(
        .field(\.pages), .field(\.previous), .field(\.next), .field(\.status))
}

extension PaginationView.PageLink: TemplateFields {
    package static let templateFields = FieldTable<PaginationView.PageLink>(
        .field(\.number), .field(\.url), .field(\.current), .field(\.gap))
}

extension ListingView: TemplateFields {
    package static let templateFields = FieldTable<ListingView>(
        .field(\.layout), .field(\.heading), .field(\.description), .field(\.count), .field(\.cards),
        .field(\.pagination), .field(\.indexLink), .field(\.isEmpty), .field(\.activities), .field(\.hasActivities),
        .field(\.facets), .field(\.hasFacets), .field(\.bundle), .field(\.base), .field(\.script), .field(\.contacts),
        .field(\.narrowingLabel), .field(\.narrowing), .field(\.hasNarrowing))
}

extension TermView: TemplateFields {
    package static let templateFields = FieldTable<TermView>(
        .field(\.title), .field(\.url), .field(\.count), .field(\.number), .field(\.description), .field(\.contacts))
}

extension TaxonomyIndexView: TemplateFields {
    package static let templateFields = FieldTable<TaxonomyIndexView>(
        .field(\.layout), .field(\.heading), .field(\.count), .field(\.terms), .field(\.isCloud))
}

extension TocItemView: TemplateFields {
    package static let templateFields = FieldTable<TocItemView>(
        .field(\.title), .field(\.anchor), .field(\.children), .field(\.hasChildren))
}

extension AttachmentView: TemplateFields {
    package static let templateFields = FieldTable<AttachmentView>(
        .field(\.title), .field(\.url), .field(\.icon), .field(\.iconKind), .field(\.info), .field(\.downloadName),
        .field(\.openURL), .field(\.preview), .field(\.readURL), .field(\.textURL))
}

extension OnlinePageView: TemplateFields {
    package static let templateFields = FieldTable<OnlinePageView>(
        .field(\.layout), .field(\.title), .field(\.material), .field(\.fileURL), .field(\.downloadName),
        .field(\.fileInfo), .field(\.body))
}

extension OpenGraphView: TemplateFields {
    package static let templateFields = FieldTable<OpenGraphView>(
        .field(\.type), .field(\.title), .field(\.description), .field(\.url), .field(\.image),
        .field(\.imageWidth), .field(\.imageHeight), .field(\.imageAlt), .field(\.siteName), .field(\.locale),
        .field(\.twitterCard))
}

extension FileTextPageView: TemplateFields {
    package static let templateFields = FieldTable<FileTextPageView>(
        .field(\.layout), .field(\.title), .field(\.material), .field(\.fileInfo), .field(\.openURL),
        .field(\.fileURL), .field(\.downloadName), .field(\.partNote), .field(\.parts), .field(\.hasParts),
        .field(\.recognizedNote), .field(\.sections), .field(\.next))
}

extension FileTextSectionView: TemplateFields {
    package static let templateFields = FieldTable<FileTextSectionView>(
        .field(\.anchor), .field(\.heading), .field(\.paragraphs))
}

extension CalendarSubscriptionView: TemplateFields {
    package static let templateFields = FieldTable<CalendarSubscriptionView>(
        .field(\.title), .field(\.webcal), .field(\.address), .field(\.download), .field(\.dated),
        .field(\.undated), .field(\.anchor))
}

extension SubscribeView: TemplateFields {
    package static let templateFields = FieldTable<SubscribeView>(
        .field(\.layout), .field(\.calendars), .field(\.hasCalendars), .field(\.feedURL), .field(\.feedAddress),
        .field(\.planURL))
}

extension NarrowLinkView: TemplateFields {
    package static let templateFields = FieldTable<NarrowLinkView>(
        .field(\.title), .field(\.url), .field(\.count), .field(\.current))
}

extension PreviewView: TemplateFields {
    package static let templateFields = FieldTable<PreviewView>(
        .field(\.href), .field(\.src), .field(\.width), .field(\.height))
}

extension MetaRowView: TemplateFields {
    package static let templateFields = FieldTable<MetaRowView>(.field(\.label), .field(\.links), .field(\.text))
}

extension MaterialPageView: TemplateFields {
    package static let templateFields = FieldTable<MaterialPageView>(
        .field(\.layout), .field(\.title), .field(\.date), .field(\.dateISO), .field(\.readingTime), .field(\.summary),
        .field(\.meta), .field(\.fields), .field(\.tags), .field(\.hasTags), .field(\.toc), .field(\.hasToc),
        .field(\.body),
        .field(\.attachments), .field(\.hasAttachments), .field(\.filesHeading), .field(\.related),
        .field(\.hasRelated), .field(\.newer),
        .field(\.older), .field(\.draft), .field(\.activity), .field(\.photos), .field(\.hasPhotos),
        .field(\.photosHeading), .field(\.photosScript))
}

extension PhotoView: TemplateFields {
    package static let templateFields = FieldTable<PhotoView>(
        .field(\.href), .field(\.src), .field(\.width), .field(\.height), .field(\.caption),
        .field(\.hasCaption))
}

extension FreePageView: TemplateFields {
    package static let templateFields = FieldTable<FreePageView>(
        .field(\.layout), .field(\.title), .field(\.fields), .field(\.body), .field(\.toc), .field(\.hasToc))
}

extension ContactsView: TemplateFields {
    package static let templateFields = FieldTable<ContactsView>(
        .field(\.name), .field(\.role), .field(\.locality), .field(\.head), .field(\.address), .field(\.phone),
        .field(\.phoneLink), .field(\.email), .field(\.emailLink), .field(\.website))
}

extension PlanMonthView: TemplateFields {
    package static let templateFields = FieldTable<PlanMonthView>(
        .field(\.name), .field(\.anchor), .field(\.number), .field(\.count), .field(\.activities))
}

extension MonthActivityView: TemplateFields {
    package static let templateFields = FieldTable<MonthActivityView>(
        .field(\.title), .field(\.url), .field(\.whenWords), .field(\.responsible))
}

extension SchoolView: TemplateFields {
    package static let templateFields = FieldTable<SchoolView>(
        .field(\.name), .field(\.url), .field(\.role), .field(\.locality), .field(\.count))
}

extension DirectionView: TemplateFields {
    package static let templateFields = FieldTable<DirectionView>(
        .field(\.number), .field(\.title), .field(\.url), .field(\.count), .field(\.description))
}

extension HomeView: TemplateFields {
    package static let templateFields = FieldTable<HomeView>(
        .field(\.layout), .field(\.title), .field(\.description), .field(\.partnership), .field(\.goal),
        .field(\.partner), .field(\.satellites), .field(\.directions), .field(\.latest), .field(\.total),
        .field(\.materialsURL), .field(\.pages), .field(\.plan))
}

extension NotFoundView: TemplateFields {
    package static let templateFields = FieldTable<NotFoundView>(.field(\.layout), .field(\.home), .field(\.materials))
}

extension ChromeView: TemplateFields {
    package static let templateFields = FieldTable<ChromeView>(.field(\.layout))
}

extension SearchFieldView: TemplateFields {
    package static let templateFields = FieldTable<SearchFieldView>(.field(\.kind), .field(\.key), .field(\.value))
}

extension FacetOptionView: TemplateFields {
    package static let templateFields = FieldTable<FacetOptionView>(.field(\.value), .field(\.count))
}

extension FacetView: TemplateFields {
    package static let templateFields = FieldTable<FacetView>(.field(\.key), .field(\.title), .field(\.options))
}

extension SearchPageView: TemplateFields {
    package static let templateFields = FieldTable<SearchPageView>(
        .field(\.layout), .field(\.bundle), .field(\.base), .field(\.script), .field(\.wordsScript),
        .field(\.materialsURL))
}
