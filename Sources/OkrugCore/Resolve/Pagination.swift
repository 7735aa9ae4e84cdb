/// Page links for long listings: first, last, and two around the current page.
package enum Pagination {
    /// Pages a listing of `items` takes (one at least, for an empty listing).
    package static func pageCount(items: Int, perPage: Int) -> Int {
        max(1, (items + perPage - 1) / perPage)
    }
}
