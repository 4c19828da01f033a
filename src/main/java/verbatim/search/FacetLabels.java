package verbatim.search;

import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The facet values of one index reader: the state Lucene needs to count them (its ordinals across segments), and the
 * counts of every document, which every browse shows. Built once per reader; readers change only when the index does.
 */
final class FacetLabels {

    private final SortedSetDocValuesReaderState state;
    private final FacetOrdinals ordinals;

    private FacetLabels(SortedSetDocValuesReaderState state) throws IOException {
        this.state = state;
        this.ordinals = state == null ? null : FacetOrdinals.of(state);
    }

    /** The labels of {@code reader}; the state is null when no document has a facet value yet. */
    static FacetLabels of(IndexReader reader, FacetsConfig config) throws IOException {
        SortedSetDocValuesReaderState state;
        try {
            state = new DefaultSortedSetDocValuesReaderState(reader, config);
        } catch (IllegalArgumentException noFacetsYet) {
            state = null;
        }
        return new FacetLabels(state);
    }

    SortedSetDocValuesReaderState state() {
        return state;
    }

    /** The facet values of every document, to count hits with; null when no document has a facet value yet. */
    FacetOrdinals ordinals() {
        return ordinals;
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
}
