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
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import verbatim.index.Schema;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TopFacetCounts} gives what Lucene's own {@code SortedSetDocValuesFacetCounts} gives: the same top values, the
 * same counts, the same order among equal counts, over one segment and several, for many hits and for few, and
 * drill sideways with several values of a dimension selected.
 */
class TopFacetCountsTest {

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
                    Facets ours = new TopFacetCounts(labels, hits, TOP, DIMS);
                    for (String dim : DIMS) assertSame(lucene.getTopChildren(TOP, dim), ours.getTopChildren(TOP, dim), query + " " + dim);
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
                DrillSideways.DrillSidewaysResult ours = new LuceneSearch.TopDrillSideways(searcher, labels, DIMS).search(query, 10);
                assertEquals(lucene.hits.totalHits, ours.hits.totalHits);
                assertTrue(lucene.hits.totalHits.value() > 0, "the drilled query finds something");
                for (String dim : DIMS) assertSame(lucene.facets.getTopChildren(TOP, dim), ours.facets.getTopChildren(TOP, dim), dim);
                // drill sideways at work: the selected speakers' dimension counts the others too
                assertTrue(ours.facets.getTopChildren(TOP, Schema.SPEAKER).labelValues.length > 2);
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
                FacetsCollector hits = new IndexSearcher(reader).search(new MatchAllDocsQuery(), new FacetsCollectorManager());
                FacetResult ours = new TopFacetCounts(labels, hits, TOP, DIMS).getTopChildren(TOP, Schema.SITE);
                assertEquals("site 00", ours.labelValues[0].label);
                assertEquals("site 19", ours.labelValues[TOP - 1].label);
                assertEquals(60, ours.childCount);
                Facets lucene = new SortedSetDocValuesFacetCounts(state, hits);
                assertSame(lucene.getTopChildren(TOP, Schema.SITE), ours, "ties");
                // dimensions no document has yet: nothing, not an error
                assertSame(lucene.getTopChildren(TOP, Schema.SPEAKER), new TopFacetCounts(labels, hits, TOP, DIMS).getTopChildren(TOP, Schema.SPEAKER), "speaker");
            }
        }
    }

    private static void assertSame(FacetResult lucene, FacetResult ours, String what) {
        if (lucene == null) {
            assertEquals(null, ours, what);
            return;
        }
        assertArrayEquals(lucene.labelValues, ours.labelValues, what + ": " + Arrays.toString(ours.labelValues));
        assertEquals(lucene.childCount, ours.childCount, what);
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
