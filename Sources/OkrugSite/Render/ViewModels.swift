import OkrugMarkdown
import OkrugTemplate
import OkrugText

/// Plain values the templates read. Everything is computed in Swift (URLs, counts with
/// plural forms, Russian dates); the templates only place it.

struct LinkView: Sendable {
    var title: String
    var url: String
}

struct NavItemView: Sendable {
    var title: String
    var url: String
    /// `aria-current="page"` when this item is the section being shown.
    var current: Bool
    /// «Главная»: in the wide header the site's title is that link, and the row has no room for two.
    var home: Bool = false
}

/// What every page has: the layout's slots.
struct LayoutView: Sendable {
    var lang: String
    var pageTitle: String
    var siteTitle: String
    var description: String
    var canonical: String
    /// Relative prefix to the site root: `../../`.
    var root: String
    var stylesheet: String
    /// `assets/a11y.<hash>.js`: the bar of the version for the visually impaired.
    var a11yScript: String
    /// `assets/a11y.<hash>.css`: loaded only while that version is on.
    var a11yStylesheet: String
    /// The site's icon in the browser's tab (two rings, «ОО», in the site's colours).
    var favicon: String
    /// The partner school's contacts, in every page's footer, and «Школы» with everyone's.
    var partnerContacts: ContactsView?
    var contactsURL: String
    var feed: String
    /// «Подписаться»: the feed and the calendar with instructions.
    var subscribeURL: String
    var nav: [NavItemView]
    var browse: [NavItemView]
    var breadcrumbs: [LinkView]
    var hasBreadcrumbs: Bool
    var buildDate: String
    /// `nil` when the site has none: the templates show it only when it is there.
    var partnership: String?
    /// schema.org JSON-LD for the page, already safe inside `<script>`.
    var structuredData: String?
    /// OpenGraph and Twitter tags: what a link to the page shows in a messenger.
    var openGraph: OpenGraphView
    /// Pagefind's filters, sort keys and metadata for this page (`<meta data-pagefind-…>`).
    var searchFields: [SearchFieldView] = []
    var hasSearchFields: Bool = false
    /// `partials/header` and `partials/footer`, rendered once per depth and section.
    var headerHTML: String = ""
    var footerHTML: String = ""
}

/// A link preview's tags. The address and the picture only with a site address (`base_url`):
/// OpenGraph wants them absolute.
struct OpenGraphView: Sendable {
    /// `article` for a material, `website` for the rest.
    var type: String
    var title: String
    var description: String
    var url: String?
    var image: String?
    var imageWidth: Int?
    var imageHeight: Int?
    var imageAlt: String?
    var siteName: String
    var locale: String
    /// `summary_large_image` with a picture, `summary` without.
    var twitterCard: String
}

/// A picture of the site a link preview may show: its place in the site and its size.
struct SocialImage: Sendable {
    var path: String
    var width: Int
    var height: Int
    var alt: String
}

/// What `partials/header` and `partials/footer` are rendered with.
struct ChromeView: Sendable {
    var layout: LayoutView
}

struct MaterialCardView: Sendable {
    var title: String
    var url: String
    var date: String
    var dateISO: String
    var school: LinkView?
    var direction: LinkView?
    var kind: LinkView
    var summary: String?
    var authors: String
    /// «Математика · 5, 6 классы · 2 файла»: what a teacher chooses by, at a glance.
    var facts: String?
    /// `partials/card` rendered with this card (kept per place by `RenderCache`).
    var html = CardHTML("")
}

package struct PaginationView: Sendable {
    struct PageLink: Sendable {
        var number: Int
        var url: String
        var current: Bool
        var gap: Bool
    }
    var pages: [PageLink]
    var previous: String?
    var next: String?
    var status: String
}

struct ListingView: Sendable {
    var layout: LayoutView
    var heading: String
    var description: String?
    var count: String
    var cards: [MaterialCardView]
    var pagination: PaginationView?
    var indexLink: LinkView?
    var isEmpty: Bool
    /// On `/materials/`: the instant filters (shown by script when the search index is there).
    var facets: [FacetView] = []
    var hasFacets: Bool = false
    var bundle: String = ""
    var base: String = ""
    var script: String = ""
    /// On a person's page: the plan activities they are responsible for.
    var activities: [ActivityLinkView] = []
    var hasActivities: Bool = false
    /// On a school's page: its contacts.
    var contacts: ContactsView? = nil
    /// «По классам:» and its links (`NarrowingSpec`).
    var narrowingLabel: String = ""
    var narrowing: [NarrowLinkView] = []
    var hasNarrowing: Bool = false
}

/// «5 класс (3)»: a link to a narrower list; the list being shown is marked, not linked.
struct NarrowLinkView: Sendable {
    var title: String
    var url: String
    var count: String
    var current: Bool
}

struct TermView: Sendable {
    var title: String
    var url: String
    var count: String
    var number: Int
    var description: String?
    /// On «Школы»: the school's role, place and contacts.
    var contacts: ContactsView? = nil
}

struct TaxonomyIndexView: Sendable {
    var layout: LayoutView
    var heading: String
    var count: String
    var terms: [TermView]
    var isCloud: Bool
}

struct TocItemView: Sendable {
    var title: String
    var anchor: String
    var children: [TocItemView]
    /// Stored, not computed: templates see stored properties only.
    var hasChildren: Bool = false

    /// h2 entries with their h3 entries nested, as the outline reads.
    static func outline(_ headings: [MarkdownHeading]) -> [TocItemView] {
        var items: [TocItemView] = []
        for heading in headings where (2...3).contains(heading.level) {
            let item = TocItemView(title: heading.text, anchor: heading.anchor, children: [])
            if heading.level == 3, !items.isEmpty {
                items[items.count - 1].children.append(item)
                items[items.count - 1].hasChildren = true
            } else {
                items.append(item)
            }
        }
        return items
    }
}

/// One file of a material's «Файлы (N)» block.
struct AttachmentView: Sendable {
    var title: String
    /// The file, from the material's page.
    var url: String
    /// What the type icon says: «PDF», «PPTX».
    var icon: String
    /// Which colour the icon has: `pdf`, `document`, `slides`, `sheet`, `picture`, `other`.
    var iconKind: String
    /// «PDF, 28 КБ, 2 страницы».
    var info: String
    /// «Программа семинара.pdf»: the name «Скачать» saves it under.
    var downloadName: String
    /// What «Открыть» shows in the browser: a PDF or a picture itself, an office file's PDF;
    /// `nil`: the file can only be downloaded.
    var openURL: String?
    var preview: PreviewView?
    /// A Word document's «Читать онлайн» page.
    var readURL: String?
    /// The file's words as a page («Текст файла»), when it is not read online.
    var textURL: String?
}

/// One photo of a report: the small copy shown, the large one it opens.
struct PhotoView: Sendable {
    var href: String
    var src: String
    var width: Int?
    var height: Int?
    var caption: String
    var hasCaption: Bool
}

/// The picture of a PDF's first page, with its size in CSS pixels.
struct PreviewView: Sendable {
    /// Where a click on it leads: what «Открыть» shows, else the file.
    var href: String
    var src: String
    var width: Int
    var height: Int
}

/// A document's front matter as its page shows it, for templates: `{{fields.audience}}`. A key
/// the schema does not describe is unknown to the strict renderer (a typo is an error); a
/// described one the document leaves out is missing.
struct FieldsView: TemplateObject, Sendable {
    var values: [String: String]
    var described: Set<String>

    func field(_ name: String) -> TemplateValue {
        if let value = values[name] { return Optional(value).templateValue }
        return described.contains(name) ? .missing : .unknown
    }
}

struct MetaRowView: Sendable {
    var label: String
    var links: [LinkView]
    var text: String?
}

struct MaterialPageView: Sendable {
    var layout: LayoutView
    var title: String
    var date: String
    var dateISO: String
    var readingTime: String
    var summary: String?
    var meta: [MetaRowView]
    /// Every field of its front matter, for fields shown other than as a fact.
    var fields: FieldsView
    var tags: [LinkView]
    var hasTags: Bool
    var toc: [TocItemView]
    var hasToc: Bool
    /// The body HTML where the build keeps it (in the spool at 10 000 materials).
    var body: StoredHTML
    var attachments: [AttachmentView]
    var hasAttachments: Bool
    /// «Файлы (2)».
    var filesHeading: String
    var related: [MaterialCardView]
    var hasRelated: Bool
    var newer: LinkView?
    var older: LinkView?
    var draft: Bool
    /// «Семинар-практикум …» in the plan, when the material names its activity.
    var activity: LinkView?
    /// The photo report: small pictures, each a link to its large copy.
    var photos: [PhotoView] = []
    var hasPhotos: Bool = false
    /// «Фотоотчёт (12)».
    var photosHeading: String = ""
    /// `assets/photos.<hash>.js`: the viewer with arrows, keys, swipe and Esc.
    var photosScript: String = ""
}

/// A document's text on the site: `materials/<slug>/chitat/<file>/`.
struct OnlinePageView: Sendable {
    var layout: LayoutView
    var title: String
    var material: LinkView
    var fileURL: String
    var downloadName: String
    /// «Документ Word, 37 КБ».
    var fileInfo: String
    var body: String
}

/// A file's words on the site (`materials/x/tekst/<file>/`): for search, for a screen reader,
/// and for a phone that would not open the file.
struct FileTextPageView: Sendable {
    var layout: LayoutView
    var title: String
    var material: LinkView
    /// «PDF, 120 КБ, 12 страниц».
    var fileInfo: String
    var openURL: String?
    var fileURL: String
    var downloadName: String
    /// «Страницы 1–12 из 40»: when the text is long, each page of the site holds some of it.
    var partNote: String?
    var parts: [NarrowLinkView]
    var hasParts: Bool
    /// «Текст страниц 2 и 3 распознан с изображения и может содержать ошибки.»
    var recognizedNote: String?
    var sections: [FileTextSectionView]
    var next: LinkView?
}

/// One page (or slide) of a file's text.
struct FileTextSectionView: Sendable {
    /// `s-2`: the address of page 2 in search results.
    var anchor: String
    /// «Страница 2», «Слайд 2 (продолжение)».
    var heading: String
    var paragraphs: [String]
}

struct FreePageView: Sendable {
    var layout: LayoutView
    var title: String
    var fields: FieldsView
    var body: String
    var toc: [TocItemView]
    var hasToc: Bool
}

/// A school's contacts, as «Школы», the school's page and the footer show them.
struct ContactsView: Sendable {
    var name: String
    var role: String
    var locality: String?
    var head: String?
    var address: String?
    var phone: String?
    var phoneLink: String?
    var email: String?
    var emailLink: String?
    var website: String?
}

struct SchoolView: Sendable {
    var name: String
    var url: String
    var role: String
    var locality: String?
    var count: String
}

struct DirectionView: Sendable {
    var number: Int
    var title: String
    var url: String
    var count: String
    var description: String
}

struct HomeView: Sendable {
    var layout: LayoutView
    var title: String
    var description: String
    var partnership: String?
    var goal: String?
    var partner: SchoolView?
    var satellites: [SchoolView]
    var directions: [DirectionView]
    var latest: [MaterialCardView]
    var total: String
    var materialsURL: String
    var pages: [LinkView]
    var plan: HomePlanView?
}

/// One plan's calendar on «Подписаться».
struct CalendarSubscriptionView: Sendable {
    var title: String
    /// `webcal://host/okrug/plan/2023/calendar.ics`: calendar programs subscribe on a click.
    var webcal: String
    /// The same address over https, to paste into Яндекс, Google or Outlook.
    var address: String
    /// The file, from this page, to download once.
    var download: String
    /// «9 мероприятий с датами»; «8 мероприятий на весь год — в описании календаря».
    var dated: String
    var undated: String?
    var anchor: String
}

struct SubscribeView: Sendable {
    var layout: LayoutView
    var calendars: [CalendarSubscriptionView]
    var hasCalendars: Bool
    var feedURL: String
    var feedAddress: String
    var planURL: String?
}

struct NotFoundView: Sendable {
    var layout: LayoutView
    var home: String
    var materials: String
}

/// `<span data-pagefind-filter="школа">…</span>` in a hidden block: kind is filter, sort or meta.
struct SearchFieldView: Sendable {
    var kind: String
    var key: String
    var value: String

    /// What search shows of a page (meta) is prose and gets the site's typography; a filter's or
    /// a sort's value is matched as the data has it.
    init(kind: String, key: String, value: String) {
        self.kind = kind
        self.key = key
        self.value = kind == "meta" ? RussianTypography.noBreaks(value) : value
    }
}

struct FacetOptionView: Sendable {
    var value: String
    var count: Int
}

/// One select of the filters on `/materials/`: its Pagefind filter name and values.
struct FacetView: Sendable {
    var key: String
    var title: String
    var options: [FacetOptionView]
}

struct SearchPageView: Sendable {
    var layout: LayoutView
    var bundle: String
    var base: String
    var script: String
    /// The module of search that forgives (`search-words.js`), imported by the page's script.
    var wordsScript: String
    var materialsURL: String
}
