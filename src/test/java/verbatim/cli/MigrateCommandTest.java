package verbatim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import verbatim.http.ApiServer;
import verbatim.http.ServerConfig;
import verbatim.index.CorpusIndexer;
import verbatim.index.LuceneArticleIndex;
import verbatim.ingest.ArticleReader;
import verbatim.search.LuceneSearch;
import verbatim.search.Search;
import verbatim.solr.LocalSolrCluster;
import verbatim.solr.SolrArticleIndex;
import verbatim.solr.SolrSearch;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code verbatim migrate}: an embedded index that took articles through {@code POST /api/articles} (in no corpus) is
 * copied into a collection of the local SolrCloud, and a server on that collection answers the same for them.
 */
class MigrateCommandTest {

    private static final String KEY = "migrate-test-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> send(ApiServer server, String method, String path, String type, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + KEY)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) b.header("Content-Type", type);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(ApiServer server, String path) throws Exception {
        HttpResponse<String> r = send(server, "GET", path, null, null);
        assertEquals(200, r.statusCode(), path + " -> " + r.body());
        return JSON.readTree(r.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void articlesPostedToTheEmbeddedIndexAreOnSolrAfterTheMigration(@TempDir Path dir) throws Exception {
        LocalSolrCluster cluster = LocalSolrCluster.shared();
        cluster.newCollection("migrated").close();
        String[] solr = {"--backend", "solr", "--solr-zk", cluster.zkHost(), "--collection", "migrated"};
        Path indexDir = dir.resolve("index");

        // An embedded server over the bundled corpus takes four articles that exist nowhere else.
        Map<String, JsonNode> before = new LinkedHashMap<>();
        try (LuceneArticleIndex index = LuceneArticleIndex.open(indexDir)) {
            new CorpusIndexer(index, new ArticleReader(ArticleReader.DEFAULT_MAX_BYTES), new CorpusIndexer.Listener() { })
                    .sync(Path.of("corpus"), false);
            ApiServer server = ApiServer.start(index, new LuceneSearch(index), new ServerConfig(KEY, List.of("*"), 1 << 20), 0);
            try {
                com.fasterxml.jackson.databind.node.ObjectNode posted = JSON.createObjectNode().put("id", "posted-migr")
                        .put("title", "Le migraflux arrive").put("url", "https://gamma.example/migraflux").put("author", "Anne Leroy")
                        .put("date", "2024-06-01").put("site", "gamma.example")
                        .put("text", "Le migraflux change les rédactions. « Le migraflux nous fait gagner des heures », "
                                + "explique Claire Roux, directrice de Fabrix.");
                posted.set("tags", JSON.createArrayNode().add("migration").add("Données"));
                assertEquals(201, send(server, "POST", "/api/articles", "application/json", posted.toString()).statusCode());
                HttpResponse<String> html = send(server, "POST", "/api/articles?url=" + enc("https://delta.example/migrahtml"),
                        "text/html; charset=utf-8", "<html><head><title>Migrahtml en agence</title></head><body><article>"
                                + "<h1>Migrahtml en agence</h1><p>Le migrahtml gagne les agences de communication, qui y voient "
                                + "un levier de croissance.</p></article></body></html>");
                assertEquals(201, html.statusCode(), html.body());
                HttpResponse<String> text = send(server, "POST", "/api/articles", "text/plain; charset=utf-8",
                        "Le migratexte\n\nLe migratexte est une pratique nouvelle des rédactions.");
                assertEquals(201, text.statusCode(), text.body());
                String putBody = JSON.createObjectNode().put("title", "Une page posée").put("date", "2024-06-02")
                        .put("text", "Le migraplace a été posé par PUT.").toString();
                HttpResponse<String> put = send(server, "PUT", "/api/articles/posted-put", "application/json", putBody);
                assertEquals(201, put.statusCode(), put.body());
                for (String id : List.of("posted-migr", JSON.readTree(html.body()).get("id").asText(),
                        JSON.readTree(text.body()).get("id").asText(), "posted-put")) {
                    before.put(id, get(server, "/api/articles/" + id));
                }
                before.put("corpus-quote", get(server, "/api/quotes?q=" + enc("\"bataille de l'engagement\"")));

                Cli held = Cli.run(concat(new String[] {"migrate", "--index", indexDir.toString()}, solr));
                assertEquals(1, held.code(), held.err());
                assertTrue(held.err().contains("stop the server first"), held.err());
            } finally {
                server.stop();
            }
        }

        Cli migrated = Cli.run(concat(new String[] {"migrate", "--index", indexDir.toString()}, solr));
        assertEquals(0, migrated.code(), migrated.err());
        assertTrue(migrated.err().contains("Migrating 13 articles"), migrated.err());
        assertTrue(migrated.out().contains("13 copied, 0 unchanged"), migrated.out());
        assertTrue(migrated.out().contains("the target holds all 13 articles of the source"), migrated.out());

        try (SolrArticleIndex index = new SolrArticleIndex(cluster.connect("migrated"))) {
            Search search = new SolrSearch(index);
            ApiServer server = ApiServer.start(index, search, ServerConfig.defaults(), 0);
            try {
                for (Map.Entry<String, JsonNode> article : before.entrySet()) {
                    if (article.getKey().equals("corpus-quote")) continue;
                    assertEquals(article.getValue(), get(server, "/api/articles/" + article.getKey()), "the same article on Solr");
                }
                JsonNode hits = get(server, "/api/search?q=migraflux").get("hits");
                assertEquals(1, hits.size());
                assertEquals("posted-migr", hits.get(0).get("id").asText());
                assertTrue(hits.get(0).get("snippets").get(0).asText().contains("<mark>migraflux</mark>"), hits.toString());
                JsonNode quotes = get(server, "/api/quotes?q=migraflux&speaker=" + enc("Claire Roux"));
                assertEquals(1, quotes.get("total").asInt(), quotes.toString());
                assertEquals("Fabrix", quotes.get("hits").get(0).get("company").asText(), quotes.toString());
                JsonNode corpusQuote = get(server, "/api/quotes?q=" + enc("\"bataille de l'engagement\""));
                assertEquals(before.get("corpus-quote").get("total"), corpusQuote.get("total"));
                assertEquals(13, get(server, "/api/health").get("articles").asInt());
            } finally {
                server.stop();
            }
        }

        // Run again, nothing to send; and the corpus state came along, so indexing the corpus finds it in place.
        Cli again = Cli.run(concat(new String[] {"migrate", "--index", indexDir.toString()}, solr));
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("0 copied, 13 unchanged"), again.out());
        Cli corpus = Cli.run(concat(new String[] {"index", "--corpus", "corpus"}, solr));
        assertEquals(0, corpus.code(), corpus.err());
        assertTrue(corpus.out().contains("0 indexed, 9 unchanged, 0 removed"), corpus.out());
    }

    @Test
    void migrateNeedsASolrTargetAndAnIndex(@TempDir Path dir) {
        Cli lucene = Cli.run("migrate", "--index", dir.toString(), "--backend", "lucene");
        assertEquals(2, lucene.code());
        assertTrue(lucene.err().contains("--backend solr"), lucene.err());
        Cli noIndex = Cli.run("migrate", "--index", dir.resolve("none").toString(), "--backend", "solr", "--solr-url", "http://127.0.0.1:9/solr");
        assertEquals(1, noIndex.code());
        assertTrue(noIndex.err().contains("no index at"), noIndex.err());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
