import OkrugCore

extension Pagination {
    /// The links of page `current` of `count`, for the page at `pagePath`.
    static func view(current: Int, count: Int, base: String, from pagePath: String) -> PaginationView {
        func url(_ number: Int) -> String {
            RelativeURL.link(from: pagePath, to: Routes.listingPage(base, number: number))
        }
        var pages: [PaginationView.PageLink] = []
        var lastShown = 0
        for number in 1...count where number == 1 || number == count || abs(number - current) <= 2 {
            if number - lastShown > 1 { pages.append(.init(number: 0, url: "", current: false, gap: true)) }
            pages.append(.init(number: number, url: url(number), current: number == current, gap: false))
            lastShown = number
        }
        return PaginationView(
            pages: pages,
            previous: current > 1 ? url(current - 1) : nil,
            next: current < count ? url(current + 1) : nil,
            status: "Страница \(current) из \(count)")
    }
}
