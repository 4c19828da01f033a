package verbatim.search;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import verbatim.index.LuceneArticleIndex;
import verbatim.index.Schema;
import verbatim.analysis.ArticleAnalysis;
import verbatim.ingest.Article;
import verbatim.ingest.ArticleReader;

/**
 * Verbatim's search (French analysis + {@link UserQuery}) against out-of-the-box Lucene (StandardAnalyzer,
 * classic query parser, OR of the words over title and text) on graded topics
 * ({@code src/test/resources/verbatim/search/relevance/topics.json}; how they were judged: README.md beside it).
 * Both engines index the same thematic subset of {@code ../shared/corpus-fr} (see {@link #inSubset}).
 * Prints a per-topic table and fails when Verbatim's mean nDCG@10 or MRR falls below the baseline's.
 *
 * <p>{@code -Dverbatim.relevance.pool=FILE} also writes the union of both engines' top 20 per topic
 * (topic, id; sorted by id, engines not named) for judging new topics; {@code -Dverbatim.relevance.show=t01,t02}
 * prints both engines' top 10 with their grades for those topics.
 */
class RelevanceTest {

    private static final Path SHARED = verbatim.Shared.path();
    private static final Path CORPUS = SHARED.resolve("corpus-fr/articles.jsonl.gz");
    private static final String TOPICS = "/verbatim/search/relevance/topics.json";
    private static final int K = 10;
    private static final int POOL_DEPTH = 20;
    /** MRR counts the first result at least this relevant ("highly relevant"). */
    private static final int MRR_GRADE = 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code -Dverbatim.relevance.show=t03,t08}: also prints both engines' top 10, with grades, for these topics. */
    private static final List<String> SHOW = List.of(System.getProperty("verbatim.relevance.show", "").split(","));

    static final UserQuery.Fields FIELDS = new UserQuery.Fields(
            Map.of(Schema.TITLE, 3f, Schema.TEXT, 1f),
            Map.of(Schema.TITLE_EXACT, 3f, Schema.TEXT_EXACT, 1f),
            Map.of("author", Schema.AUTHOR, "site", Schema.SITE, "tag", Schema.TAG));

    private static final String B_ID = "id";
    private static final String B_TITLE = "title";
    private static final String B_TEXT = "text";

    @TempDir
    static Path temp;
    private static DirectoryReader verbatimReader;
    private static DirectoryReader baselineReader;
    private static int subsetSize;

    record Topic(String id, String query, Map<String, Integer> judgments) {
    }

    /**
     * The rounds in which topics were written and judged (README.md): the third was held out while the query side
     * was tuned on the first two, so each round's mean is printed on its own.
     */
    private static final List<String[]> ROUNDS = List.of(
            new String[] {"t01", "t32"}, new String[] {"t33", "t50"}, new String[] {"t51", "t70"});

    @BeforeAll
    static void buildIndexes() throws IOException {
        if (!Files.isRegularFile(CORPUS)) return;
        ArticleReader reader = new ArticleReader(ArticleReader.DEFAULT_MAX_BYTES);
        Path verbatimDir = temp.resolve("verbatim");
        Path baselineDir = temp.resolve("baseline");
        try (LuceneArticleIndex verbatim = LuceneArticleIndex.open(verbatimDir);
             Directory bDir = FSDirectory.open(baselineDir);
             IndexWriter baseline = new IndexWriter(bDir, new IndexWriterConfig(new StandardAnalyzer()));
             InputStream in = new GZIPInputStream(Files.newInputStream(CORPUS), 1 << 16);
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            ArticleAnalysis analysis = new ArticleAnalysis();
            int[] otherNews = {0};
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) continue;
                JsonNode record = JSON.readTree(line);
                if (!inSubset(record, otherNews)) continue;
                Article a = reader.fromJson(record, "corpus-fr/articles.jsonl.gz");
                verbatim.upsert(analysis.analyse(a));
                Document d = new Document();
                d.add(new StringField(B_ID, a.id(), Field.Store.YES));
                if (a.title() != null) d.add(new TextField(B_TITLE, a.title(), Field.Store.NO));
                d.add(new TextField(B_TEXT, a.text(), Field.Store.NO));
                baseline.addDocument(d);
                subsetSize++;
            }
            verbatim.commit(Map.of());
            baseline.commit();
        }
        verbatimReader = DirectoryReader.open(FSDirectory.open(verbatimDir));
        baselineReader = DirectoryReader.open(FSDirectory.open(baselineDir));
    }

    /**
     * The subset: all marketing, digital and press-fixture records, the news records tagged media or
     * high-tech, and every 20th other news record (in file order) as distractors. Government pages are left out.
     */
    static boolean inSubset(JsonNode record, int[] otherNewsCount) {
        String collection = record.path("collection").asText();
        switch (collection) {
            case "marketing-blog", "marketing-news-teasers", "digital-blog", "press-fixtures" -> {
                return true;
            }
            case "news" -> {
                for (JsonNode tag : record.path("tags")) {
                    if (tag.asText().equals("media") || tag.asText().equals("high-tech")) return true;
                }
                return ++otherNewsCount[0] % 20 == 0;
            }
            default -> {
                return false;
            }
        }
    }

    @AfterAll
    static void close() throws IOException {
        for (DirectoryReader r : new DirectoryReader[] {verbatimReader, baselineReader}) {
            if (r == null) continue;
            r.close();
            r.directory().close();
        }
    }

    @Test
    void verbatimRanksAtLeastAsWellAsPlainLucene() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(CORPUS), "../shared/corpus-fr not found: skipping relevance suite");
        List<Topic> topics = topics();
        assertFalse(topics.isEmpty());

        IndexSearcher vs = new IndexSearcher(verbatimReader);
        IndexSearcher bs = new IndexSearcher(baselineReader);
        List<Double> vNdcg = new ArrayList<>();
        List<Double> bNdcg = new ArrayList<>();
        List<Double> vRr = new ArrayList<>();
        List<Double> bRr = new ArrayList<>();
        List<String> topicIds = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nRelevance over %d articles, %d topics (nDCG@%d; RR: first grade >= %d in top %d)%n",
                subsetSize, topics.size(), K, MRR_GRADE, K));
        table.append(String.format(Locale.ROOT, "%-5s %-52s %8s %8s %6s %6s%n", "topic", "query", "nDCG-V", "nDCG-B", "RR-V", "RR-B"));
        Map<String, TreeSet<String>> pool = new LinkedHashMap<>();
        for (Topic t : topics) {
            List<String> v = search(vs, articles(UserQuery.parse(t.query(), FIELDS)), Schema.ID, POOL_DEPTH);
            List<String> b = search(bs, baselineQuery(t.query()), B_ID, POOL_DEPTH);
            TreeSet<String> ids = new TreeSet<>(v);
            ids.addAll(b);
            pool.put(t.id(), ids);
            double vn = RankingMetrics.ndcg(v, t.judgments(), K);
            double bn = RankingMetrics.ndcg(b, t.judgments(), K);
            double vr = RankingMetrics.reciprocalRank(v, t.judgments(), MRR_GRADE, K);
            double br = RankingMetrics.reciprocalRank(b, t.judgments(), MRR_GRADE, K);
            if (SHOW.contains(t.id())) {
                table.append(String.format(Locale.ROOT, "%n%s %s%n  Verbatim: %s%n  baseline: %s%n", t.id(), t.query(),
                        withGrades(v, t.judgments()), withGrades(b, t.judgments())));
            }
            topicIds.add(t.id());
            vNdcg.add(vn);
            bNdcg.add(bn);
            vRr.add(vr);
            bRr.add(br);
            table.append(String.format(Locale.ROOT, "%-5s %-52s %8.3f %8.3f %6.3f %6.3f%s%n", t.id(), abbreviate(t.query(), 52),
                    vn, bn, vr, br, vn < bn - 1e-9 ? "  <" : vn > bn + 1e-9 ? "  >" : ""));
        }
        double vN = RankingMetrics.mean(vNdcg);
        double bN = RankingMetrics.mean(bNdcg);
        double vM = RankingMetrics.mean(vRr);
        double bM = RankingMetrics.mean(bRr);
        for (String[] round : ROUNDS) {
            List<Integer> in = new ArrayList<>();
            for (int i = 0; i < topicIds.size(); i++) {
                if (topicIds.get(i).compareTo(round[0]) >= 0 && topicIds.get(i).compareTo(round[1]) <= 0) in.add(i);
            }
            if (in.isEmpty()) continue;
            table.append(String.format(Locale.ROOT, "%-58s %8.3f %8.3f %6.3f %6.3f%n", "mean " + round[0] + "-" + round[1],
                    meanOf(vNdcg, in), meanOf(bNdcg, in), meanOf(vRr, in), meanOf(bRr, in)));
        }
        table.append(String.format(Locale.ROOT, "%-58s %8.3f %8.3f %6.3f %6.3f%n", "MEAN (V = Verbatim, B = baseline)", vN, bN, vM, bM));
        System.out.println(table);

        String poolFile = System.getProperty("verbatim.relevance.pool");
        if (poolFile != null && !poolFile.isBlank()) {
            StringBuilder out = new StringBuilder();
            pool.forEach((topic, ids) -> ids.forEach(id -> out.append(topic).append('\t').append(id).append('\n')));
            Files.writeString(Path.of(poolFile), out);
        }

        assertAll(
                () -> assertTrue(vN >= bN, String.format(Locale.ROOT, "nDCG@%d: Verbatim %.3f < baseline %.3f", K, vN, bN)),
                () -> assertTrue(vM >= bM, String.format(Locale.ROOT, "MRR: Verbatim %.3f < baseline %.3f", vM, bM)));
    }

    /**
     * Out-of-the-box Lucene: the classic parser over title and text, default OR, no boosts. The text is escaped
     * so that nothing typed is an operator, except double quotes, which keep phrases as phrases.
     */
    static Query baselineQuery(String text) throws ParseException {
        StringBuilder q = new StringBuilder();
        String[] parts = text.split("\"", -1);
        for (int i = 0; i < parts.length; i++) {
            boolean quoted = i % 2 == 1 && i < parts.length - 1; // an unclosed quote is just text
            if (quoted) {
                q.append('"').append(QueryParser.escape(parts[i])).append('"');
            } else {
                q.append(QueryParser.escape(parts[i])).append(' ');
            }
        }
        MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[] {B_TITLE, B_TEXT}, new StandardAnalyzer());
        parser.setDefaultOperator(QueryParser.Operator.OR);
        return parser.parse(q.toString());
    }

    /** As the product searches: articles only (the index also holds quote documents). */
    private static Query articles(Query query) {
        return new org.apache.lucene.search.BooleanQuery.Builder()
                .add(query, org.apache.lucene.search.BooleanClause.Occur.MUST)
                .add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(Schema.KIND, Schema.KIND_ARTICLE)),
                        org.apache.lucene.search.BooleanClause.Occur.FILTER)
                .build();
    }

    private static List<String> search(IndexSearcher searcher, Query query, String idField, int n) throws IOException {
        List<String> ids = new ArrayList<>();
        var stored = searcher.storedFields();
        for (ScoreDoc sd : searcher.search(query, n).scoreDocs) {
            ids.add(stored.document(sd.doc).get(idField));
        }
        return ids;
    }

    static List<Topic> topics() throws IOException {
        try (InputStream in = RelevanceTest.class.getResourceAsStream(TOPICS)) {
            if (in == null) throw new IOException(TOPICS + " is missing");
            List<Topic> topics = new ArrayList<>();
            for (JsonNode t : JSON.readTree(in).path("topics")) {
                Map<String, Integer> judgments = new LinkedHashMap<>();
                t.path("judgments").properties().forEach(e -> judgments.put(e.getKey(), e.getValue().asInt()));
                topics.add(new Topic(t.path("id").asText(), t.path("query").asText(), judgments));
            }
            return topics;
        }
    }

    private static double meanOf(List<Double> values, List<Integer> indexes) {
        return RankingMetrics.mean(indexes.stream().map(values::get).toList());
    }

    private static String withGrades(List<String> ranked, Map<String, Integer> judgments) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(K, ranked.size()); i++) {
            s.append(i == 0 ? "" : " ").append(ranked.get(i)).append('=').append(judgments.getOrDefault(ranked.get(i), 0));
        }
        return s.toString();
    }

    private static String abbreviate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
