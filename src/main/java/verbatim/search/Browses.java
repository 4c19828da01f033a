package verbatim.search;

import verbatim.index.Schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The last answers to browses on one index reader, as Solr's filter and query-result caches keep theirs: a browse (no
 * words, no dates, only facet filters) gives the same answer for the same filters as long as the reader is the same,
 * and a few filter pages and the newest articles are asked again and again. Dropped with the reader, at the next write.
 */
final class Browses {

    /** Enough for every filter page a newsroom clicks through; about 5 KB an answer. */
    static final int KEPT = 256;

    /** A browse, its filters folded and sorted: {@code site=[B, a]} and {@code site=[A, b]} are one browse. */
    record Key(SearchRequest.Sort sort, Map<String, List<String>> filters, int page, int size, String cursor) {
    }

    private final Map<Key, SearchResponse<Hit>> answers = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, SearchResponse<Hit>> eldest) {
            return size() > KEPT;
        }
    };

    /** The key of {@code request} if it is a browse over {@code facetDims}, else null. */
    static Key key(SearchRequest request, List<String> facetDims) {
        if (!request.query().isBlank() || request.from() != null || request.to() != null) return null;
        Map<String, List<String>> filters = new TreeMap<>();
        for (Map.Entry<String, List<String>> filter : request.filters().entrySet()) {
            if (filter.getValue().isEmpty()) continue;
            if (!facetDims.contains(filter.getKey())) return null;
            // Facet values match by their folded form (LuceneSearch.anyOf), as filters, in any order.
            filters.put(filter.getKey(), new ArrayList<>(filter.getValue().stream().map(Schema::key).distinct().sorted().toList()));
        }
        return new Key(request.sort(), filters, request.page(), request.size(), request.cursor());
    }

    synchronized SearchResponse<Hit> get(Key key) {
        return answers.get(key);
    }

    synchronized void put(Key key, SearchResponse<Hit> answer) {
        answers.put(key, answer);
    }
}
