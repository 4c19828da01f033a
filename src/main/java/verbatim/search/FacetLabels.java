package verbatim.search;

import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.BytesRef;
import verbatim.index.Schema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The facet values of one index reader: the state Lucene needs to count them, and the written forms
 * of each folded value, so a filter typed {@code speaker=eric ochs} selects {@code Éric Ochs}.
 * Built once per reader; readers change only when the index does.
 */
final class FacetLabels {

    private final SortedSetDocValuesReaderState state;
    private final Map<String, Map<String, List<String>>> byKey = new ConcurrentHashMap<>();

    private FacetLabels(SortedSetDocValuesReaderState state) {
        this.state = state;
    }

    /** The labels of {@code reader}; the state is null when no document has a facet value yet. */
    static FacetLabels of(IndexReader reader, FacetsConfig config) throws IOException {
        try {
            return new FacetLabels(new DefaultSortedSetDocValuesReaderState(reader, config));
        } catch (IllegalArgumentException noFacetsYet) {
            return new FacetLabels(null);
        }
    }

    SortedSetDocValuesReaderState state() {
        return state;
    }

    /** Counts of every document of a kind, by kind then dimension: what every browse (no words, no dates) counts again. */
    private final Map<String, Map<String, List<FacetCount>>> countsOfAll = new ConcurrentHashMap<>();

    interface Counting {
        Map<String, List<FacetCount>> count() throws IOException;
    }

    /** The counts of every document of {@code kind} in this reader, counted once. */
    Map<String, List<FacetCount>> countsOfAll(String kind, Counting counting) throws IOException {
        Map<String, List<FacetCount>> counts = countsOfAll.get(kind);
        if (counts == null) {
            counts = counting.count(); // two threads may both count: the same result, no lock held while counting
            countsOfAll.put(kind, counts);
        }
        return counts;
    }

    /** The indexed labels of {@code dim} whose folded form equals that of {@code value}. */
    List<String> matching(String dim, String value) throws IOException {
        if (state == null) return List.of();
        Map<String, List<String>> labels = byKey.get(dim);
        if (labels == null) {
            labels = load(dim);
            byKey.put(dim, labels);
        }
        return labels.getOrDefault(Schema.key(value), List.of());
    }

    private Map<String, List<String>> load(String dim) throws IOException {
        Map<String, List<String>> labels = new HashMap<>();
        SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim);
        if (range == null) return labels;
        SortedSetDocValues values = state.getDocValues();
        for (long ord = range.start(); ord <= range.end(); ord++) {
            BytesRef term = values.lookupOrd(ord);
            String[] path = FacetsConfig.stringToPath(term.utf8ToString());
            if (path.length < 2) continue;
            labels.computeIfAbsent(Schema.key(path[1]), k -> new ArrayList<>()).add(path[1]);
        }
        return labels;
    }
}
