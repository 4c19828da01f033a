package verbatim.search;

import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.util.LongValues;

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

    private volatile int[][] globalOrds;

    /**
     * Each segment's facet ordinals mapped to the reader's, or null over one segment, where they are the same: an
     * array lookup per value counted instead of a lookup in Lucene's packed {@code OrdinalMap}. Built on first use.
     */
    int[][] globalOrds() throws IOException {
        int[][] map = globalOrds;
        if (map != null || state.getReader().leaves().size() < 2
                || !(state.getDocValues() instanceof MultiDocValues.MultiSortedSetDocValues multi)) return map;
        List<LeafReaderContext> leaves = state.getReader().leaves();
        map = new int[leaves.size()][];
        for (LeafReaderContext leaf : leaves) {
            LongValues global = multi.mapping.getGlobalOrds(leaf.ord);
            int[] ords = new int[(int) DocValues.getSortedSet(leaf.reader(), state.getField()).getValueCount()];
            for (int ord = 0; ord < ords.length; ord++) ords[ord] = (int) global.get(ord);
            map[leaf.ord] = ords;
        }
        globalOrds = map; // two threads may both build it: the same map
        return map;
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
