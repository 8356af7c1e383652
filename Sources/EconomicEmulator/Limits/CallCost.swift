/// What one call takes from the token bucket and reports as `X-CallCost`.
///
/// e-conomic publishes no cost table: integrators saw 3 for a page of entries
/// and 13 for a PDF (REFERENCE §2.7). The emulator's table is small and its
/// own: a page of any collection (legacy REST listings, the Projects API's
/// cursor listings and `/paged`) costs 3; everything else (a single GET, a
/// `/count`, a write) costs 1. It serves no PDFs, so 13 has no case here.
/// A call refused before its route runs (authentication, an empty bucket, an
/// injected fault) reports 1 and takes nothing more: also undocumented.
enum CallCost: Int, CaseIterable, Sendable {
    case single = 1
    case listingPage = 3

    /// The cost of `request`, by what it asks for.
    static func of(_ request: EmulatorRequest, family: APIFamily) -> CallCost {
        let listing = switch family {
        case .rest: RESTRouter.isListing(request)
        case .projects: ProjectsRouter.isListing(request)
        }
        return listing ? .listingPage : .single
    }
}
