package verbatim.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One search, as a client asks for it. Validation of the raw parameters happens at the edge (HTTP);
 * a request that reaches here is within bounds.
 *
 * @param query   what was typed; empty matches everything
 * @param filters facet name ({@code speaker}, {@code company}, {@code tag}, {@code site}, {@code year}) to
 *                accepted values: OR inside a facet, AND across facets
 * @param from    first day included, or null
 * @param to      last day included, or null
 * @param sort    relevance or date (newest first)
 * @param page    1-based page number, when no cursor is given
 * @param size    hits per page
 * @param cursor  where the previous page ended ({@link SearchResponse#nextCursor()}), or null
 */
public record SearchRequest(String query, Map<String, List<String>> filters, LocalDate from, LocalDate to,
                            Sort sort, int page, int size, String cursor) {

    public enum Sort { RELEVANCE, DATE }

    public SearchRequest {
        query = query == null ? "" : query;
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        sort = sort == null ? (query.isBlank() ? Sort.DATE : Sort.RELEVANCE) : sort;
        page = Math.max(1, page);
        size = Math.max(1, size);
    }

    /** The first page of results for {@code query}, ten hits, no filters. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, Map.of(), null, null, null, 1, 10, null);
    }
}
