package verbatim.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import verbatim.analysis.ArticleAnalysis;
import verbatim.index.CorpusIndexer;
import verbatim.index.LuceneArticleIndex;
import verbatim.ingest.Article;
import verbatim.ingest.ArticleReader;
import verbatim.search.LuceneSearch;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /metrics after a few requests: the Prometheus series an operator alerts on, with values that add up. */
class MetricsTest {

    @TempDir
    Path work;

    /** The value of the one series whose line starts with {@code series} (name and labels as exposed). */
    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + "\\s+(\\S+)$").matcher(scrape);
        assertTrue(m.find(), "no series " + series + " in:\n" + scrape);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void metricsCountRequestsByRouteAndStatusAndShowTheIndex() throws Exception {
        Path corpus = Files.createDirectories(work.resolve("corpus"));
        Files.writeString(corpus.resolve("a.txt"), "Premier\n\nLe premier texte. « C'est un essai », explique Jeanne Martin, directrice de Mobilis.");
        Files.writeString(corpus.resolve("bad.jsonl"), "{\"id\": \"ok-1\", \"title\": \"Bon\", \"text\": \"Un bon enregistrement.\"}\n{ pas du json\n");
        Metrics metrics = new Metrics();
        try (LuceneArticleIndex index = LuceneArticleIndex.open(work.resolve("index"))) {
            CorpusIndexer.Summary summary = new CorpusIndexer(index, new ArticleReader(ArticleReader.DEFAULT_MAX_BYTES),
                    new CorpusIndexer.Listener() {
                        @Override
                        public void problem(verbatim.ingest.Problem problem) {
                            metrics.ingestError(problem);
                        }
                    }).sync(corpus, false);
            index.upsert(new ArticleAnalysis().analyse(new Article("hand-1", "hand/1", null, "Main", null, LocalDate.parse("2024-01-01"),
                    "h.example", List.of(), "fr", "Un article écrit à la main.")));
            index.commit();
            try (ApiServer server = ApiServer.start(index, new LuceneSearch(index), ServerConfig.defaults(), 0, metrics);
                 ApiFixtureClient api = new ApiFixtureClient(server.port())) {
                for (int i = 0; i < 3; i++) assertEquals(200, api.get("/api/health").statusCode());
                assertEquals(200, api.get("/api/search?q=texte").statusCode());
                assertEquals(404, api.get("/api/articles/nope").statusCode());
                assertEquals(200, api.get("/api/articles/hand-1").statusCode());
                assertEquals(404, api.get("/no/such/page").statusCode());

                HttpResponse<String> r = api.get("/metrics");
                assertEquals(200, r.statusCode());
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), r.headers().toString());
                String s = r.body();

                String health = "{method=\"GET\",route=\"/api/health\",status=\"200\"}";
                assertEquals(3, value(s, "http_server_requests_seconds_count" + health));
                assertTrue(value(s, "http_server_requests_seconds_sum" + health) > 0);
                assertEquals(3, value(s, "http_server_requests_seconds_bucket{method=\"GET\",route=\"/api/health\",status=\"200\",le=\"+Inf\"}"));
                assertTrue(s.contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/api/health\",status=\"200\",le=\"0.1\"}"), s);
                // by route pattern, not raw path: one series for every article id, one for every unknown path
                assertEquals(1, value(s, "http_server_requests_seconds_count{method=\"GET\",route=\"/api/articles/{id}\",status=\"404\"}"));
                assertEquals(1, value(s, "http_server_requests_seconds_count{method=\"GET\",route=\"/api/articles/{id}\",status=\"200\"}"));
                assertEquals(1, value(s, "http_server_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"}"));
                assertFalse(s.contains("/no/such/page") || s.contains("/api/articles/nope"), "raw paths never become labels");

                assertEquals(summary.indexed() + 1, value(s, "verbatim_index_articles"), summary.toString());
                assertEquals(index.stats().quotes(), value(s, "verbatim_index_quotes"));
                assertTrue(index.stats().quotes() >= 1);
                assertTrue(value(s, "verbatim_index_size_bytes") > 1000);
                assertTrue(value(s, "verbatim_ingest_errors_total") >= 1, "the broken JSONL record is counted");
                assertTrue(s.contains("jvm_memory_used_bytes{area=\"heap\""), s);
                assertTrue(s.contains("jvm_threads_live_threads"), s);

                // the next scrape counts the first one
                String again = api.get("/metrics").body();
                assertEquals(1, value(again, "http_server_requests_seconds_count{method=\"GET\",route=\"/metrics\",status=\"200\"}"));
            }
        }
    }

    /** A small HTTP client for one server. */
    private static final class ApiFixtureClient implements AutoCloseable {
        private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        private final int port;

        ApiFixtureClient(int port) {
            this.port = port;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public void close() {
            http.close();
        }
    }
}
