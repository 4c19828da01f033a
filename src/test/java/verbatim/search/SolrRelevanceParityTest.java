package verbatim.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import verbatim.analysis.AnalysedArticle;
import verbatim.analysis.ArticleAnalysis;
import verbatim.index.LuceneArticleIndex;
import verbatim.ingest.ArticleReader;
import verbatim.solr.LocalSolrCluster;
import verbatim.solr.SolrArticleIndex;
import verbatim.solr.SolrSearch;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The topics of {@link RelevanceTest} through the product's search ({@code Search.articles}) on both engines, over the
 * same subset of {@code ../shared/corpus-fr}: the embedded index and a 2 × 2 SolrCloud collection. Prints, per topic,
 * whether the top 10 are the same, and both engines' nDCG@10 (with, under a topic whose top 10s differ, the ranks
 * where they part and both engines' scores there); fails when Solr's mean nDCG@10 falls more than 0.02
 * below the embedded index's. Slow (it indexes thousands of articles into both): run it on demand with
 * {@code -Dverbatim.solr.parity=true}.
 */
class SolrRelevanceParityTest {

    private static final Path CORPUS = verbatim.Shared.path().resolve("corpus-fr/articles.jsonl.gz");

    @Test
    void bothEnginesRankTheTopicsAlike(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("verbatim.solr.parity"), "on demand: -Dverbatim.solr.parity=true");
        Assumptions.assumeTrue(Files.isRegularFile(CORPUS), "../shared/corpus-fr not found");
        List<AnalysedArticle> subset = subset();
        try (LuceneArticleIndex lucene = LuceneArticleIndex.open(dir.resolve("lucene"));
             SolrArticleIndex solr = new SolrArticleIndex(LocalSolrCluster.shared().newCollection("parity"))) {
            long t0 = System.nanoTime();
            for (AnalysedArticle a : subset) lucene.upsert(a);
            lucene.commit();
            long t1 = System.nanoTime();
            for (AnalysedArticle a : subset) solr.upsert(a);
            solr.commit();
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "%nIndexing %d analysed articles, one thread: embedded %.0f/s, SolrCloud 2x2 on 3 local nodes %.0f/s%n",
                    subset.size(), subset.size() / ((t1 - t0) / 1e9), subset.size() / ((t2 - t1) / 1e9));

            Search embedded = new LuceneSearch(lucene);
            Search cloud = new SolrSearch(solr);
            int same = 0;
            int sameSet = 0;
            double overlap = 0;
            List<Double> ndcgLucene = new ArrayList<>();
            List<Double> ndcgSolr = new ArrayList<>();
            StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-5s %-48s %-10s %7s %7s%n", "topic", "query", "top 10", "nDCG-L", "nDCG-S"));
            List<RelevanceTest.Topic> topics = RelevanceTest.topics();
            for (RelevanceTest.Topic t : topics) {
                // 20 deep, so that a document that leaves one engine's top 10 still shows its score there
                Map<String, Float> lScores = scores(embedded.articles(top20(t.query())));
                Map<String, Float> sScores = scores(cloud.articles(top20(t.query())));
                List<String> l = lScores.keySet().stream().limit(10).toList();
                List<String> s = sScores.keySet().stream().limit(10).toList();
                Set<String> common = new HashSet<>(l);
                common.retainAll(s);
                String verdict = l.equals(s) ? "same" : Set.copyOf(l).equals(Set.copyOf(s)) ? "reordered" : common.size() + "/" + Math.max(l.size(), s.size());
                if (l.equals(s)) same++;
                if (Set.copyOf(l).equals(Set.copyOf(s))) sameSet++;
                overlap += l.isEmpty() && s.isEmpty() ? 1 : (double) common.size() / Math.max(l.size(), s.size());
                double nl = RankingMetrics.ndcg(l, t.judgments(), 10);
                double ns = RankingMetrics.ndcg(s, t.judgments(), 10);
                ndcgLucene.add(nl);
                ndcgSolr.add(ns);
                table.append(String.format(Locale.ROOT, "%-5s %-48s %-10s %7.3f %7.3f%n", t.id(),
                        t.query().length() > 48 ? t.query().substring(0, 47) + "…" : t.query(), verdict, nl, ns));
                if (!l.equals(s)) table.append(differences(l, s, lScores, sScores));
            }
            double ml = RankingMetrics.mean(ndcgLucene);
            double ms = RankingMetrics.mean(ndcgSolr);
            table.append(String.format(Locale.ROOT, "%d topics: same top 10 %d, same ten reordered %d, mean overlap %.2f; mean nDCG@10 embedded %.3f, Solr %.3f%n",
                    topics.size(), same, sameSet - same, overlap / topics.size(), ml, ms));
            System.out.println(table);
            assertTrue(ms >= ml - 0.02, "Solr ranks worse: " + ms + " against " + ml);
        }
    }

    private static SearchRequest top20(String query) {
        return new SearchRequest(query, Map.of(), null, null, null, 1, 20, null);
    }

    /** Ids in rank order, with their scores. */
    private static Map<String, Float> scores(SearchResponse<Hit> response) {
        Map<String, Float> scores = new LinkedHashMap<>();
        for (Hit h : response.hits()) scores.put(h.id(), h.score());
        return scores;
    }

    /**
     * What explains a difference: each rank where the two top 10s part, with both engines' scores of both
     * documents (- when a document is not in that engine's top 20), and how far apart the two engines score the
     * documents they share. Both sort by score, then id, so only a score difference can reorder.
     */
    private static String differences(List<String> l, List<String> s, Map<String, Float> lScores, Map<String, Float> sScores) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.max(l.size(), s.size()); i++) {
            String a = i < l.size() ? l.get(i) : null;
            String b = i < s.size() ? s.get(i) : null;
            if (a != null && a.equals(b)) continue;
            out.append(String.format(Locale.ROOT, "      rank %2d: embedded %s, Solr %s%n", i + 1, scored(a, lScores, sScores), scored(b, lScores, sScores)));
        }
        double worst = 0;
        for (var e : lScores.entrySet()) {
            Float other = sScores.get(e.getKey());
            if (other != null) worst = Math.max(worst, Math.abs(e.getValue() - other) / Math.max(e.getValue(), other));
        }
        out.append(String.format(Locale.ROOT, "      scores of the documents both return differ by at most %.2g (relative)%n", worst));
        return out.toString();
    }

    private static String scored(String id, Map<String, Float> lScores, Map<String, Float> sScores) {
        if (id == null) return "(none)";
        return String.format(Locale.ROOT, "%s (%s / %s)", id, score(lScores.get(id)), score(sScores.get(id)));
    }

    private static String score(Float f) {
        return f == null ? "-" : String.format(Locale.ROOT, "%.6f", f);
    }

    private static List<AnalysedArticle> subset() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ArticleReader reader = new ArticleReader(ArticleReader.DEFAULT_MAX_BYTES);
        ArticleAnalysis analysis = new ArticleAnalysis();
        List<AnalysedArticle> out = new ArrayList<>();
        int[] otherNews = {0};
        try (InputStream in = new GZIPInputStream(Files.newInputStream(CORPUS), 1 << 16);
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) continue;
                JsonNode record = json.readTree(line);
                if (RelevanceTest.inSubset(record, otherNews)) out.add(analysis.analyse(reader.fromJson(record, "corpus-fr/articles.jsonl.gz")));
            }
        }
        return out;
    }
}
