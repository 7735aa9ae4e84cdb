/// Page links for long listings: first, last, and two around the current page.
enum Pagination {
    /// Pages a listing of `items` takes (one at least, for an empty listing).
    static func pageCount(items: Int, perPage: Int) -> Int {
        max(1, (items + perPage - 1) / perPage)
    }

    static func view(current: Int, count: Int, base: String, from pagePath: String) -> PaginationView {
        func url(_ number: Int) -> String {
            RelativeURL.link(from: pagePath, to: number == 1 ? base : "\(base)page/\(number)/")
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
