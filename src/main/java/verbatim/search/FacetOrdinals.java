package verbatim.search;

import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.LongValues;
import verbatim.index.Schema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The facet values of every document of one index reader as plain arrays in memory, so that a search counts its hits'
 * values while it collects them: one walk over a few ints per hit. Lucene's way (a {@code FacetsCollector} gathering
 * the hits into a bit set, then {@code SortedSetDocValuesFacetCounts} reading each hit's ordinals back from the doc
 * values and a priority queue of objects for the top values of each dimension) was a fifth of a search's CPU
 * (bench/README, latency8). The counts and their order are the same as Lucene's ({@code FacetOrdinalsTest}).
 *
 * <p>A segment's ordinals are read once per segment (they never change: a segment is written once) and kept while it
 * lives; what is per reader is only the mapping of each segment's ordinals to the reader's, when there are several.
 */
final class FacetOrdinals {

    /** A segment's ordinals: those of document {@code d} are {@code ords[starts[d]]} to {@code ords[starts[d + 1] - 1]}. */
    private record Segment(int[] starts, int[] ords) {
    }

    /** By segment core, while the segment lives: a new reader after a write reads only its new segments. */
    private static final Map<Object, Segment> SEGMENTS = new ConcurrentHashMap<>();

    private final SortedSetDocValuesReaderState state;
    private final Segment[] segments;
    /** By leaf, the reader's ordinal of each segment ordinal; null where they are the same (one segment). */
    private final int[][] toReader;
    /** By ordinal, as they are first shown: looking a label up decodes a block of the terms dictionary. */
    private final Value[] labels;

    private FacetOrdinals(SortedSetDocValuesReaderState state, Segment[] segments, int[][] toReader) {
        this.state = state;
        this.segments = segments;
        this.toReader = toReader;
        this.labels = new Value[state.getSize()];
    }

    static FacetOrdinals of(SortedSetDocValuesReaderState state) throws IOException {
        IndexReader reader = state.getReader();
        List<LeafReaderContext> leaves = reader.leaves();
        Segment[] segments = new Segment[leaves.size()];
        int[][] toReader = new int[leaves.size()][];
        OrdinalMap map = leaves.size() > 1 ? ordinalMap(state) : null;
        for (LeafReaderContext leaf : leaves) {
            segments[leaf.ord] = segment(leaf.reader(), state.getField());
            if (map != null) {
                LongValues global = map.getGlobalOrds(leaf.ord);
                SortedSetDocValues values = DocValues.getSortedSet(leaf.reader(), state.getField());
                int[] ords = new int[(int) values.getValueCount()];
                for (int o = 0; o < ords.length; o++) ords[o] = (int) global.get(o);
                toReader[leaf.ord] = ords;
            }
        }
        return new FacetOrdinals(state, segments, toReader);
    }

    private static OrdinalMap ordinalMap(SortedSetDocValuesReaderState state) throws IOException {
        if (state.getDocValues() instanceof MultiDocValues.MultiSortedSetDocValues multi) return multi.mapping;
        throw new IllegalStateException("no ordinal map for a reader of several segments");
    }

    private static Segment segment(LeafReader leaf, String field) throws IOException {
        LeafReader.CacheHelper core = leaf.getCoreCacheHelper();
        if (core == null) return read(leaf, field);
        Segment s = SEGMENTS.get(core.getKey());
        if (s == null) {
            s = read(leaf, field);
            if (SEGMENTS.putIfAbsent(core.getKey(), s) == null) core.addClosedListener(SEGMENTS::remove);
        }
        return s;
    }

    private static Segment read(LeafReader leaf, String field) throws IOException {
        SortedSetDocValues values = DocValues.getSortedSet(leaf, field);
        int[] starts = new int[leaf.maxDoc() + 1];
        int[] ords = new int[1024];
        int n = 0;
        int next = 0; // the next document whose start is not set yet
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            while (next <= doc) starts[next++] = n;
            int count = values.docValueCount();
            ords = ArrayUtil.grow(ords, n + count);
            for (int i = 0; i < count; i++) ords[n++] = (int) values.nextOrd();
        }
        while (next <= leaf.maxDoc()) starts[next++] = n;
        return new Segment(starts, ArrayUtil.copyOfSubArray(ords, 0, n));
    }

    /** Counts every value of the hits collected, by ordinal of this reader. */
    CollectorManager<Counter, int[]> counting() {
        return counting(0, state.getSize() - 1);
    }

    /**
     * Counts the values of {@code dim} only: what a drill-sideways count of one dimension needs (its collector sees
     * every hit and every near miss, and the other dimensions' counts come from the hits alone).
     */
    CollectorManager<Counter, int[]> counting(String dim) {
        SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim);
        return range == null ? counting(0, -1) : counting(range.start(), range.end());
    }

    private CollectorManager<Counter, int[]> counting(int from, int to) {
        return new CollectorManager<>() {
            @Override
            public Counter newCollector() {
                return new Counter(from, to);
            }

            @Override
            public int[] reduce(Collection<Counter> counters) {
                int[] sum = null;
                for (Counter c : counters) {
                    if (sum == null) sum = c.counts;
                    else for (int o = 0; o < sum.length; o++) sum[o] += c.counts[o];
                }
                return sum == null ? new int[state.getSize()] : sum;
            }
        };
    }

    final class Counter extends SimpleCollector {
        private final int[] counts = new int[state.getSize()];
        /** The ordinals counted, {@code from} to {@code to}; all of them, or one dimension's. */
        private final int from;
        private final int to;
        private final boolean all;
        private int[] starts;
        private int[] ords;
        private int[] global;

        Counter(int from, int to) {
            this.from = from;
            this.to = to;
            this.all = from == 0 && to == counts.length - 1;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) {
            Segment s = segments[context.ord];
            starts = s.starts;
            ords = s.ords;
            global = toReader[context.ord];
        }

        @Override
        public void collect(int doc) {
            int end = starts[doc + 1];
            if (all && global == null) {
                for (int i = starts[doc]; i < end; i++) counts[ords[i]]++;
            } else {
                for (int i = starts[doc]; i < end; i++) {
                    int o = global == null ? ords[i] : global[ords[i]];
                    if (o >= from && o <= to) counts[o]++;
                }
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    /** A value of a dimension, as written, its folded form ({@link Schema#key}) and how many hits have it. */
    record Value(String label, String key, int count) {
    }

    /**
     * The {@code n} values of {@code dim} the most hits have, most first, ties in ordinal order (the values' order):
     * what Lucene's {@code getTopChildren(n, dim)} gives. Empty when no document has the dimension.
     */
    List<Value> top(int[] counts, String dim, int n) throws IOException {
        SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim);
        if (range == null) return List.of();
        // The best n so far, best first. Ordinals come in increasing order, so a later one ties to its loss.
        int[] best = new int[n];
        int size = 0;
        for (int o = range.start(); o <= range.end(); o++) {
            int c = counts[o];
            if (c == 0 || (size == n && c <= counts[best[n - 1]])) continue;
            int i = size == n ? n - 1 : size++;
            while (i > 0 && counts[best[i - 1]] < c) {
                best[i] = best[i - 1];
                i--;
            }
            best[i] = o;
        }
        List<Value> top = new ArrayList<>(size);
        SortedSetDocValues values = null;
        for (int i = 0; i < size; i++) {
            int o = best[i];
            Value label = labels[o]; // final fields: safe to share without a lock
            if (label == null) {
                if (values == null) values = state.getDocValues();
                String[] path = FacetsConfig.stringToPath(values.lookupOrd(o).utf8ToString());
                String written = path[path.length - 1];
                label = new Value(written, Schema.key(written), 0);
                labels[o] = label; // another thread may do the same meanwhile: an equal value
            }
            top.add(new Value(label.label, label.key, counts[o]));
        }
        return top;
    }
}
