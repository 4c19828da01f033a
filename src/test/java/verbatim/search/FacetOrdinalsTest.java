package verbatim.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.TotalHitCountCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import verbatim.index.Schema;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Counting hits with {@link FacetOrdinals} as they are collected gives what Lucene's own
 * {@code SortedSetDocValuesFacetCounts} gives after them: the same top values, the same counts, the same order among
 * equal counts, over one segment and several (deleted documents counted by neither), for many hits and for few, and
 * drill sideways with several values of a dimension selected.
 */
class FacetOrdinalsTest {

    private static final FacetsConfig CONFIG = Schema.facetsConfig();
    private static final List<String> DIMS = Schema.FACETS;
    private static final int TOP = LuceneSearch.FACET_VALUES * 2;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} segment(s)")
    @ValueSource(ints = {1, 5})
    void sameTopValuesAsLuceneForEveryDimension(int segments) throws IOException {
        try (Directory directory = FSDirectory.open(dir)) {
            index(directory, segments, 2_000, new Random(42));
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertEquals(segments, reader.leaves().size());
                IndexSearcher searcher = new IndexSearcher(reader);
                FacetLabels labels = FacetLabels.of(reader, CONFIG);
                SortedSetDocValuesReaderState state = labels.state();
                // every document (each dimension's whole range counted), a tenth, one group of a hundredth, nothing
                for (Query query : List.of(new MatchAllDocsQuery(), group("g3"), term("bucket", "b7"), term("bucket", "none"))) {
                    FacetsCollector hits = searcher.search(query, new FacetsCollectorManager());
                    Facets lucene = new SortedSetDocValuesFacetCounts(state, hits);
                    int[] ours = searcher.search(query, labels.ordinals().counting());
                    for (String dim : DIMS) assertSame(lucene.getTopChildren(TOP, dim), labels.ordinals().top(ours, dim, TOP), query + " " + dim);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} segment(s)")
    @ValueSource(ints = {1, 5})
    void drillSidewaysCountsAsLuceneWithSeveralValuesSelected(int segments) throws IOException {
        try (Directory directory = FSDirectory.open(dir)) {
            index(directory, segments, 2_000, new Random(7));
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                FacetLabels labels = FacetLabels.of(reader, CONFIG);
                SortedSetDocValuesReaderState state = labels.state();
                DrillDownQuery query = new DrillDownQuery(CONFIG, group("g1"));
                query.add(Schema.SPEAKER, anyOf(Schema.SPEAKER, "speaker 0", "speaker 3")); // multi-select: OR inside
                query.add(Schema.SITE, anyOf(Schema.SITE, "site 1"));
                DrillSideways.DrillSidewaysResult lucene = new DrillSideways(searcher, CONFIG, state).search(query, 10);
                FacetOrdinals ordinals = labels.ordinals();
                // as LuceneSearch asks: the hits matching every filter, then one count per filtered dimension, in the
                // order the query adds them
                DrillSideways.Result<Object[], int[]> ours = new DrillSideways(searcher, CONFIG, state).search(query,
                        new MultiCollectorManager(new TotalHitCountCollectorManager(searcher.getSlices()), ordinals.counting()),
                        List.of(ordinals.counting(Schema.SPEAKER), ordinals.counting(Schema.SITE)));
                assertEquals(lucene.hits.totalHits.value(), (long) (Integer) ours.drillDownResult()[0]);
                assertTrue(lucene.hits.totalHits.value() > 0, "the drilled query finds something");
                Map<String, int[]> counts = Map.of(Schema.SPEAKER, ours.drillSidewaysResults().get(0),
                        Schema.SITE, ours.drillSidewaysResults().get(1));
                for (String dim : DIMS) {
                    int[] dimCounts = counts.getOrDefault(dim, (int[]) ours.drillDownResult()[1]);
                    assertSame(lucene.facets.getTopChildren(TOP, dim), ordinals.top(dimCounts, dim, TOP), dim);
                }
                // drill sideways at work: the selected speakers' dimension counts the others too
                assertTrue(ordinals.top(counts.get(Schema.SPEAKER), Schema.SPEAKER, TOP).size() > 2);
            }
        }
    }

    @Test
    void aReaderAfterAWriteCountsItsNewSegmentWithTheOldOnes() throws IOException {
        try (Directory directory = FSDirectory.open(dir)) {
            index(directory, 2, 400, new Random(3));
            try (DirectoryReader before = DirectoryReader.open(directory)) {
                FacetLabels.of(before, CONFIG).ordinals(); // the two segments' ordinals read and kept
                try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
                    Document doc = new Document();
                    value(doc, Schema.SPEAKER, "speaker new");
                    value(doc, Schema.SPEAKER, "speaker 0");
                    writer.addDocument(CONFIG.build(doc));
                }
                try (DirectoryReader after = DirectoryReader.openIfChanged(before)) {
                    assertEquals(3, after.leaves().size());
                    IndexSearcher searcher = new IndexSearcher(after);
                    FacetLabels labels = FacetLabels.of(after, CONFIG);
                    Facets lucene = new SortedSetDocValuesFacetCounts(labels.state(), searcher.search(new MatchAllDocsQuery(), new FacetsCollectorManager()));
                    int[] ours = searcher.search(new MatchAllDocsQuery(), labels.ordinals().counting());
                    for (String dim : DIMS) assertSame(lucene.getTopChildren(TOP, dim), labels.ordinals().top(ours, dim, TOP), dim);
                    assertTrue(labels.ordinals().top(ours, Schema.SPEAKER, 1000).stream().anyMatch(v -> v.label().equals("speaker new")));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} segment(s)")
    @ValueSource(ints = {1, 5})
    void equalCountsKeepLabelOrderAtTheCut(int segments) throws IOException {
        try (Directory directory = FSDirectory.open(dir)) {
            // 60 sites with 3 documents each: every count ties, and the top 20 are the first 20 labels
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
                for (int i = 0; i < 180; i++) {
                    Document doc = new Document();
                    doc.add(new SortedSetDocValuesFacetField(Schema.SITE, String.format("site %02d", (i * 7) % 60)));
                    writer.addDocument(CONFIG.build(doc));
                    if ((i + 1) % (180 / segments) == 0) writer.commit();
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                FacetLabels labels = FacetLabels.of(reader, CONFIG);
                SortedSetDocValuesReaderState state = labels.state();
                IndexSearcher searcher = new IndexSearcher(reader);
                FacetsCollector hits = searcher.search(new MatchAllDocsQuery(), new FacetsCollectorManager());
                int[] counts = searcher.search(new MatchAllDocsQuery(), labels.ordinals().counting());
                List<FacetOrdinals.Value> ours = labels.ordinals().top(counts, Schema.SITE, TOP);
                assertEquals("site 00", ours.get(0).label());
                assertEquals("site 19", ours.get(TOP - 1).label());
                Facets lucene = new SortedSetDocValuesFacetCounts(state, hits);
                assertSame(lucene.getTopChildren(TOP, Schema.SITE), ours, "ties");
                // dimensions no document has yet: nothing, not an error
                assertEquals(List.of(), labels.ordinals().top(counts, Schema.SPEAKER, TOP));
            }
        }
    }

    private static void assertSame(FacetResult lucene, List<FacetOrdinals.Value> ours, String what) {
        List<String> expected = lucene == null ? List.of()
                : Arrays.stream(lucene.labelValues).map(lv -> lv.label + "=" + lv.value).toList();
        assertEquals(expected, ours.stream().map(v -> v.label() + "=" + v.count()).toList(), what);
        for (FacetOrdinals.Value v : ours) assertEquals(Schema.key(v.label()), v.key(), what);
    }

    /**
     * Documents with a skewed number of speakers, companies and tags each (many values, some frequent, many rare),
     * one site and one year, written in {@code segments} segments with a few deletions.
     */
    private static void index(Directory directory, int segments, int docs, Random random) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = 0; i < docs; i++) {
                Document doc = new Document();
                doc.add(new StringField("id", "d" + i, Field.Store.NO));
                doc.add(new StringField("group", "g" + (i % 10), Field.Store.NO));
                doc.add(new StringField("bucket", "b" + (i % 100), Field.Store.NO));
                for (String dim : List.of(Schema.SPEAKER, Schema.COMPANY, Schema.TAG)) {
                    for (int n = random.nextInt(4); n > 0; n--) value(doc, dim, dim + " " + skewed(random, 300));
                }
                value(doc, Schema.SITE, "site " + skewed(random, 40));
                if (random.nextInt(10) > 0) value(doc, Schema.YEAR, String.valueOf(2000 + skewed(random, 25)));
                writer.addDocument(CONFIG.build(doc));
                if ((i + 1) % (docs / segments) == 0) {
                    writer.deleteDocuments(new Term("id", "d" + random.nextInt(i + 1))); // counted by neither
                    writer.commit();
                }
            }
        }
    }

    private static void value(Document doc, String dim, String value) {
        doc.add(new StringField(dim, value, Field.Store.NO));
        doc.add(new SortedSetDocValuesFacetField(dim, value));
    }

    /** Small numbers often, large ones rarely: counts with long tails and ties. */
    private static int skewed(Random random, int bound) {
        return (int) Math.min(bound - 1, Math.floor(Math.abs(random.nextGaussian()) * bound / 4));
    }

    private static Query group(String g) {
        return term("group", g);
    }

    private static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    private static Query anyOf(String dim, String... values) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String v : values) b.add(term(dim, v), BooleanClause.Occur.SHOULD);
        return b.build();
    }
}
