package verbatim.search;

import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The top values of a few flat facet dimensions over a set of hits: the counts and order of Lucene's
 * {@code SortedSetDocValuesFacetCounts} (count descending, then ordinal, i.e. label, ascending), for less work.
 * Lucene allocates a count for every ordinal of the index per counting, and to pick a dimension's top values
 * visits every ordinal of the dimension; here the count array is the thread's own, reused, the ordinals a
 * search touched are remembered (while they are few), and only those are visited and then cleared. Labels are
 * looked up for the top values only, and only for the dimensions asked for.
 */
final class TopFacetCounts extends Facets {

    /** Past this share of all ordinals touched, visiting each dimension's whole range is cheaper than sorting them. */
    private static final int SPARSE_SHARE = 16;

    /** Counts by global ordinal, all zero between two countings; one per thread, grown to the largest index seen. */
    private static final ThreadLocal<int[]> COUNTS = ThreadLocal.withInitial(() -> new int[0]);

    private final SortedSetDocValuesReaderState state;
    private final int topN;
    private final Map<String, Top> tops = new HashMap<>();
    private SortedSetDocValues labels;

    /** The ordinals and counts of a dimension's top values, best first; labels come on demand. */
    private record Top(int[] ords, int[] counts, int childCount) {
    }

    /** Counts {@code hits} and keeps the {@code topN} values of each of {@code dims}. */
    TopFacetCounts(FacetLabels labels, FacetsCollector hits, int topN, List<String> dims) throws IOException {
        this.state = labels.state();
        this.topN = topN;
        int size = state.getSize();
        int[] counts = COUNTS.get();
        if (counts.length < size) {
            counts = new int[size];
            COUNTS.set(counts);
        }
        int[] touched = new int[Math.max(16, size / SPARSE_SHARE)];
        int nTouched = 0;
        boolean dense = false;
        int[][] globalOrds = labels.globalOrds();
        try {
            for (FacetsCollector.MatchingDocs hit : hits.getMatchingDocs()) {
                if (hit.totalHits() == 0 || hit.bits() == null) continue;
                SortedSetDocValues values = DocValues.getSortedSet(hit.context().reader(), state.getField());
                int[] global = globalOrds == null ? null : globalOrds[hit.context().ord];
                DocIdSetIterator docs = hit.bits().iterator();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    if (!values.advanceExact(doc)) continue;
                    for (int i = values.docValueCount(); i > 0; i--) {
                        int ord = global == null ? (int) values.nextOrd() : global[(int) values.nextOrd()];
                        if (counts[ord]++ == 0 && !dense) {
                            if (nTouched == touched.length) dense = true;
                            else touched[nTouched++] = ord;
                        }
                    }
                }
            }
            if (!dense) Arrays.sort(touched, 0, nTouched);
            for (String dim : dims) {
                SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim);
                if (range == null) continue; // no document has a value for it yet
                tops.put(dim, dense ? top(counts, range.start(), range.end())
                        : top(counts, touched, nTouched, range.start(), range.end()));
            }
        } finally {
            if (dense) Arrays.fill(counts, 0, size, 0);
            else for (int i = 0; i < nTouched; i++) counts[touched[i]] = 0;
        }
    }

    /** The top of a dimension whose ordinals run from {@code start} to {@code end}, visiting each. */
    private Top top(int[] counts, int start, int end) {
        Picker picker = new Picker(topN);
        for (int ord = start; ord <= end; ord++) {
            if (counts[ord] > 0) picker.offer(ord, counts[ord]);
        }
        return picker.top();
    }

    /** The same from the sorted ordinals touched, visiting only those of the dimension. */
    private Top top(int[] counts, int[] touched, int nTouched, int start, int end) {
        Picker picker = new Picker(topN);
        int i = Arrays.binarySearch(touched, 0, nTouched, start);
        for (i = i < 0 ? -i - 1 : i; i < nTouched && touched[i] <= end; i++) picker.offer(touched[i], counts[touched[i]]);
        return picker.top();
    }

    /**
     * Keeps the best {@code n} (ordinal, count) offered in ascending ordinal order: a higher count wins, and of
     * equal counts the ordinal offered first, as in Lucene's queue. A min-heap on (count, then later ordinal).
     */
    private static final class Picker {
        private final int[] ords;
        private final int[] counts;
        private int size;
        private int childCount;

        Picker(int n) {
            ords = new int[n];
            counts = new int[n];
        }

        void offer(int ord, int count) {
            childCount++;
            if (size < ords.length) {
                ords[size] = ord;
                counts[size] = count;
                up(size++);
            } else if (count > counts[0]) { // ordinals come in ascending order: a tie never beats an earlier one
                ords[0] = ord;
                counts[0] = count;
                down(0);
            }
        }

        /** True when the entry at {@code a} ranks below the one at {@code b}. */
        private boolean worse(int a, int b) {
            return counts[a] < counts[b] || (counts[a] == counts[b] && ords[a] > ords[b]);
        }

        private void up(int i) {
            while (i > 0 && worse(i, (i - 1) / 2)) {
                swap(i, (i - 1) / 2);
                i = (i - 1) / 2;
            }
        }

        private void down(int i) {
            while (true) {
                int worst = i, l = 2 * i + 1, r = l + 1;
                if (l < size && worse(l, worst)) worst = l;
                if (r < size && worse(r, worst)) worst = r;
                if (worst == i) return;
                swap(i, worst);
                i = worst;
            }
        }

        private void swap(int a, int b) {
            int o = ords[a], c = counts[a];
            ords[a] = ords[b];
            counts[a] = counts[b];
            ords[b] = o;
            counts[b] = c;
        }

        Top top() {
            int[] o = new int[size], c = new int[size];
            for (int i = size - 1; i >= 0; i--) { // the worst is at the root: take it out, last place first
                o[i] = ords[0];
                c[i] = counts[0];
                swap(0, --size);
                down(0);
            }
            return new Top(o, c, childCount);
        }
    }

    @Override
    public FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
        validateTopN(topN);
        if (topN != this.topN || path.length > 0) {
            throw new UnsupportedOperationException("counted the top " + this.topN + " of flat dimensions only");
        }
        Top top = tops.get(dim);
        if (top == null) {
            if (state.getOrdRange(dim) == null) return null; // as Lucene: no document has a value for it yet
            throw new UnsupportedOperationException("dimension \"" + dim + "\" was not counted");
        }
        if (top.childCount == 0) return null; // as Lucene: no value of this dimension among the hits
        if (labels == null) labels = state.getDocValues(); // the reader's, over all segments: one per counting, as Lucene
        LabelAndValue[] values = new LabelAndValue[top.ords.length];
        for (int i = 0; i < values.length; i++) {
            String[] parts = FacetsConfig.stringToPath(labels.lookupOrd(top.ords[i]).utf8ToString());
            values[i] = new LabelAndValue(parts[parts.length - 1], top.counts[i]);
        }
        return new FacetResult(dim, new String[0], -1, values, top.childCount);
    }

    @Override
    public FacetResult getAllChildren(String dim, String... path) {
        throw new UnsupportedOperationException("only the top values are counted");
    }

    @Override
    public Number getSpecificValue(String dim, String... path) {
        throw new UnsupportedOperationException("only the top values are counted");
    }

    @Override
    public List<FacetResult> getAllDims(int topN) {
        throw new UnsupportedOperationException("only the top values of the dimensions asked for are counted");
    }
}
