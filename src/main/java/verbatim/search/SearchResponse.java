package verbatim.search;

import java.util.List;
import java.util.Map;

/**
 * A page of results. Facet counts are multi-select: the counts of a facet ignore that facet's own
 * filter, so they tell how many hits each other value would add.
 *
 * @param suggestion a better spelling of the query when it finds little, or null
 * @param nextCursor pass it back as {@code cursor} for the next page; null on the last page
 */
public record SearchResponse<T>(long total, long tookMs, List<T> hits, Map<String, List<FacetCount>> facets,
                                String suggestion, String nextCursor) {
}
