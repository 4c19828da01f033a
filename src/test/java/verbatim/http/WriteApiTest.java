package verbatim.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static verbatim.http.ApiFixture.ADMIN_KEY;
import static verbatim.http.ApiFixture.enc;
import static verbatim.http.ApiFixture.problem;

/**
 * Writes over HTTP with the admin key: create, replace, delete, and searching while they happen. On the embedded
 * index here; {@link SolrWriteApiTest} runs the same checks on a SolrCloud collection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteApiTest {

    private static final int MAX_BODY = 64 * 1024;
    private static final String[] AUTH = {"Authorization", "Bearer " + ADMIN_KEY};
    private ApiFixture api;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        api = startApi(dir, new ServerConfig(ADMIN_KEY, List.of("https://ok.example"), MAX_BODY));
    }

    /** The server under test, serving {@link ApiFixture}'s articles with {@code config}. */
    ApiFixture startApi(Path dir, ServerConfig config) throws Exception {
        return ApiFixture.start(dir, config);
    }

    @AfterAll
    void stop() throws Exception {
        if (api != null) api.close();
    }

    private HttpResponse<String> post(String path, String type, String body) throws Exception {
        return api.send("POST", path, type, body, AUTH);
    }

    /** The ids a search returns, asked until {@code expected} or a second has passed. */
    private List<String> searchWithinASecond(String q, List<String> expected) throws Exception {
        long deadline = System.nanoTime() + 1_000_000_000L;
        List<String> ids;
        do {
            ids = new ArrayList<>();
            for (JsonNode h : api.ok("/api/search?q=" + enc(q)).get("hits")) ids.add(h.get("id").asText());
            if (ids.equals(expected)) return ids;
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return ids;
    }

    private static String json(String id, String title, String text) {
        return ApiFixture.JSON.createObjectNode().put("id", id).put("title", title).put("text", text)
                .put("date", "2024-02-02").put("site", "gamma.example").set("tags", ApiFixture.JSON.createArrayNode().add("essai"))
                .toString();
    }

    // --- auth --------------------------------------------------------------------------------

    @Test
    void writesNeedTheRightKey() throws Exception {
        String body = json("auth-test", "Clé", "Le quibbleflux ne doit pas être écrit sans clé.");
        HttpResponse<String> none = api.send("POST", "/api/articles", "application/json", body);
        problem(none, 401);
        assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElse(null));
        problem(api.send("POST", "/api/articles", "application/json", body, "Authorization", "Bearer wrong-key"), 401);
        problem(api.send("POST", "/api/articles", "application/json", body, "Authorization", "Bearer " + ADMIN_KEY + "x"), 401);
        problem(api.send("POST", "/api/articles", "application/json", body, "Authorization", ADMIN_KEY), 401);
        problem(api.send("PUT", "/api/articles/zx-luxe", "application/json", body, "Authorization", "Bearer wrong"), 401);
        problem(api.send("DELETE", "/api/articles/zx-luxe", null, null, "Authorization", "Bearer wrong"), 401);
        problem(api.get("/api/articles/auth-test"), 404);
        assertEquals(0, api.ok("/api/search?q=quibbleflux").get("total").asLong());

        HttpResponse<String> ok = post("/api/articles", "application/json", body);
        assertEquals(201, ok.statusCode(), ok.body());
        assertEquals("auth-test", ApiFixture.JSON.readTree(ok.body()).get("id").asText());
        assertEquals("/api/articles/auth-test", ok.headers().firstValue("Location").orElse(null));
    }

    // --- create, replace, delete -------------------------------------------------------------

    @Test
    void aPostedArticleIsSearchableWithinASecond() throws Exception {
        String text = "Le gribouillonium arrive en France. « Le gribouillonium va tout changer », explique Claire Roux, directrice de Fabrix.";
        HttpResponse<String> r = post("/api/articles", "application/json", json("posted-1", "Le gribouillonium", text));
        assertEquals(201, r.statusCode(), r.body());
        assertEquals(List.of("posted-1"), searchWithinASecond("gribouillonium", List.of("posted-1")));

        JsonNode article = api.ok("/api/articles/posted-1");
        assertEquals("Le gribouillonium", article.get("title").asText());
        assertEquals("2024-02-02", article.get("date").asText());
        assertEquals("gamma.example", article.get("site").asText());
        assertEquals("essai", article.get("tags").get(0).asText());
        assertEquals("Claire Roux", article.get("quotes").get(0).get("speaker").asText(), article.toString());
        JsonNode hit = api.ok("/api/search?q=gribouillonium").get("hits").get(0);
        assertTrue(hit.get("snippets").get(0).asText().contains("<mark>gribouillonium</mark>"), hit.toString());
        assertEquals(1, api.ok("/api/quotes?q=gribouillonium&speaker=" + enc("Claire Roux")).get("total").asLong());
    }

    @Test
    void rawHtmlWithAUrlAndPlainTextArePostedToo() throws Exception {
        String html = "<html><head><title>Le plimsoulage des marques</title></head><body><nav>Menu Accueil</nav>"
                + "<article><h1>Le plimsoulage des marques</h1><p>Le plimsoulage gagne les agences de communication, "
                + "qui y voient un nouveau levier de croissance pour leurs clients.</p><script>alert(1)</script>"
                + "<p>Les annonceurs suivent le mouvement avec prudence et attendent les premiers résultats.</p></article></body></html>";
        HttpResponse<String> r = post("/api/articles?url=" + enc("https://delta.example/plimsoulage"), "text/html; charset=utf-8", html);
        assertEquals(201, r.statusCode(), r.body());
        String id = ApiFixture.JSON.readTree(r.body()).get("id").asText();
        JsonNode article = api.ok("/api/articles/" + id);
        assertEquals("https://delta.example/plimsoulage", article.get("url").asText());
        assertTrue(article.get("text").asText().contains("plimsoulage gagne les agences"), article.toString());
        assertFalse(article.get("text").asText().contains("alert(1)"), "scripts are not text");
        assertEquals(List.of(id), searchWithinASecond("plimsoulage", List.of(id)));

        HttpResponse<String> text = post("/api/articles", "text/plain; charset=utf-8", "Le trombinolage\n\nLe trombinolage est une pratique nouvelle.");
        assertEquals(201, text.statusCode(), text.body());
        String textId = ApiFixture.JSON.readTree(text.body()).get("id").asText();
        assertEquals(List.of(textId), searchWithinASecond("trombinolage", List.of(textId)));
        // posting the same text again, with neither id nor URL, updates the same article
        HttpResponse<String> again = post("/api/articles", "text/plain; charset=utf-8", "Le trombinolage\n\nLe trombinolage est une pratique nouvelle.");
        assertEquals(textId, ApiFixture.JSON.readTree(again.body()).get("id").asText());
        assertEquals(1, api.ok("/api/search?q=trombinolage").get("total").asLong());
    }

    @Test
    void putReplacesTheWholeArticle() throws Exception {
        HttpResponse<String> created = api.send("PUT", "/api/articles/replaced-1", "application/json",
                json(null, "Avant", "Le florimbaud est le premier mot."), AUTH);
        assertEquals(201, created.statusCode(), "PUT on a new id creates it: " + created.body());
        assertEquals(List.of("replaced-1"), searchWithinASecond("florimbaud", List.of("replaced-1")));

        HttpResponse<String> replaced = api.send("PUT", "/api/articles/replaced-1", "application/json",
                json("some-other-id", "Après", "Le vastipour est le second mot."), AUTH);
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertEquals("replaced-1", ApiFixture.JSON.readTree(replaced.body()).get("id").asText(), "the path names the article");
        assertEquals(List.of(), searchWithinASecond("florimbaud", List.of()));
        assertEquals(List.of("replaced-1"), searchWithinASecond("vastipour", List.of("replaced-1")));
        assertEquals("Après", api.ok("/api/articles/replaced-1").get("title").asText());
        problem(api.get("/api/articles/some-other-id"), 404);

        problem(api.send("PUT", "/api/articles/" + enc("bad id!"), "application/json", json(null, "x", "y z"), AUTH), 400);
    }

    @Test
    void aQuoteOfAReplacedArticleLinksToItsNewVersion() throws Exception {
        // A quote finds its article as the next article document of its block: the old block is deleted, not moved.
        String quote = "« Le plumetrix change tout », explique Marc Petit, directeur de Zanco.";
        assertEquals(201, api.send("PUT", "/api/articles/quoted-1", "application/json", json(null, "Première version",
                "Le plumetrix arrive. " + quote), AUTH).statusCode());
        assertEquals(201, api.send("PUT", "/api/articles/quoted-2", "application/json", json(null, "Voisin",
                "Le plumetrix encore. « Le plumetrix aussi », affirme Claire Roux, présidente de Roux SA."), AUTH).statusCode());
        assertEquals(200, api.send("PUT", "/api/articles/quoted-1", "application/json", json(null, "Seconde version",
                "Le plumetrix revient. " + quote), AUTH).statusCode());
        assertEquals(List.of("quoted-1"), searchWithinASecond("revient", List.of("quoted-1")));

        JsonNode r = api.ok("/api/quotes?q=plumetrix&speaker=" + enc("Marc Petit"));
        assertEquals(1, r.get("total").asLong(), r.toString());
        JsonNode article = r.get("hits").get(0).get("article");
        assertEquals("quoted-1", article.get("id").asText());
        assertEquals("Seconde version", article.get("title").asText());
        assertEquals("Le plumetrix change tout", r.get("hits").get(0).get("text").asText());
        assertEquals("quoted-2", api.ok("/api/quotes?q=plumetrix&speaker=" + enc("Claire Roux")).get("hits").get(0).get("article").get("id").asText());
    }

    @Test
    void deleteRemovesTheArticleAndItsQuotes() throws Exception {
        String text = "Le zanquetou est rare. « Le zanquetou disparaît », explique Marc Petit, directeur de Zanco.";
        assertEquals(201, post("/api/articles", "application/json", json("deleted-1", "Zanquetou", text)).statusCode());
        assertEquals(List.of("deleted-1"), searchWithinASecond("zanquetou", List.of("deleted-1")));
        assertEquals(1, api.ok("/api/quotes?q=zanquetou").get("total").asLong());

        HttpResponse<String> deleted = api.send("DELETE", "/api/articles/deleted-1", null, null, AUTH);
        assertEquals(204, deleted.statusCode(), deleted.body());
        problem(api.get("/api/articles/deleted-1"), 404);
        assertEquals(List.of(), searchWithinASecond("zanquetou", List.of()));
        assertEquals(0, api.ok("/api/quotes?q=zanquetou").get("total").asLong());
        problem(api.send("DELETE", "/api/articles/deleted-1", null, null, AUTH), 404);
    }

    // --- bad bodies --------------------------------------------------------------------------

    private HttpResponse<String> postBytes(String path, String type, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + path)).header("Content-Type", type)
                .header(AUTH[0], AUTH[1]).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return api.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String createdText(HttpResponse<String> created) throws Exception {
        assertEquals(201, created.statusCode(), created.body());
        String id = ApiFixture.JSON.readTree(created.body()).get("id").asText();
        return api.ok("/api/articles/" + id).get("text").asText();
    }

    @Test
    void bodiesAreDecodedAsCorpusFilesAre() throws Exception {
        String french = "Le marché français du zorglubage a progressé, estiment les analystes de l’institut.";
        // No charset said: Windows-1252 French, common in old pages and exports, keeps its accents.
        assertEquals(french, createdText(postBytes("/api/articles?url=" + enc("https://w.example/cp1252"), "text/plain",
                french.getBytes(java.nio.charset.Charset.forName("windows-1252")))));
        // A charset the Content-Type names is believed, even one whose bytes look binary without it.
        assertEquals(french, createdText(postBytes("/api/articles?url=" + enc("https://w.example/utf16"),
                "text/plain; charset=UTF-16LE", french.getBytes(StandardCharsets.UTF_16LE))));

        JsonNode binary = problem(postBytes("/api/articles?url=" + enc("https://w.example/png"), "text/html",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13}), 400);
        assertTrue(binary.get("detail").asText().contains("PNG image"), binary.toString());
        JsonNode unknown = problem(postBytes("/api/articles", "text/plain; charset=klingon-8", "texte".getBytes()), 415);
        assertTrue(unknown.get("detail").asText().contains("klingon-8"), unknown.toString());
    }

    @Test
    void badBodiesAreRefusedWithTheRightStatus() throws Exception {
        problem(post("/api/articles", "application/json", "{not json"), 400);
        problem(post("/api/articles", "application/json", "[1,2]"), 400);
        problem(post("/api/articles", "application/json", "{\"title\":\"sans texte\"}"), 400);
        problem(post("/api/articles", "application/json", "{\"text\":\"   \"}"), 400);
        problem(post("/api/articles", "application/json", ""), 400);
        problem(post("/api/articles", "application/xml", "<article>x</article>"), 415);
        problem(post("/api/articles", null, "texte sans type"), 415);

        String big = json("too-big", "Trop gros", "mot ".repeat(MAX_BODY / 4 + 10));
        // The server refuses on the Content-Length and closes, without reading the body. A client still sending then
        // may see the connection reset before the 413 (CI saw it once): a client with a large body asks first.
        HttpRequest declared = HttpRequest.newBuilder(URI.create(api.base() + "/api/articles")).expectContinue(true)
                .header("Content-Type", "application/json").header(AUTH[0], AUTH[1])
                .POST(HttpRequest.BodyPublishers.ofString(big)).build();
        JsonNode p = problem(api.http.send(declared, HttpResponse.BodyHandlers.ofString()), 413);
        assertFalse(p.get("detail").asText().isBlank());
        problem(api.get("/api/articles/too-big"), 404);
        // streamed without a Content-Length (chunked), the limit holds too
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(api.base() + "/api/articles"))
                .header("Content-Type", "application/json").header(AUTH[0], AUTH[1])
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build();
        problem(api.http.send(chunked, HttpResponse.BodyHandlers.ofString()), 413);
        problem(api.get("/api/articles/too-big"), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"text\": 123}", "{\"text\": [\"a\"]}", "{\"text\": {\"a\": 1}}", "{\"text\": null}", "{\"html\": 5}",
            "{\"text\": \"ok\", \"id\": {\"x\": 1}}", "{\"text\": \"ok\", \"id\": \"\"}", "{\"text\": \"ok\", \"id\": \"../../x\"}",
            "{\"text\": \"ok\", \"date\": 20240101}", "{\"text\": \"ok\", \"date\": \"2024-02-30\"}", "{\"text\": \"ok\", \"title\": [1, 2]}",
            "{\"text\": \"ok\", \"tags\": [null, 1, {}, \"  \"]}", "{\"text\": \"ok\", \"url\": \"javascript:alert(1)\"}",
            "{\"text\": \"ok\", \"url\": \"http://[::1\"}", "{\"text\": \"\\u0000\\u0001\"}", "{\"html\": \"<html><body></body></html>\"}",
            "{\"html\": \"<p>\" }", "\"just a string\"", "null", "123", "{\"text\": \"ok\"} trailing", "{\"text\": \"\\uD800\"}"})
    void oddJsonBodiesAreCreatedOrRefusedNeverAnError(String body) throws Exception {
        HttpResponse<String> r = post("/api/articles", "application/json", body);
        assertTrue(r.statusCode() == 201 || r.statusCode() == 400, body + " -> " + r.statusCode() + " " + r.body());
        if (r.statusCode() == 400) {
            problem(r, 400);
        } else {
            api.ok("/api/articles/" + enc(ApiFixture.JSON.readTree(r.body()).get("id").asText()));
        }
    }

    @Test
    void aCursorStaysValidWhileArticlesAreAdded() throws Exception {
        String q = "/api/search?q=zorbaxium&sort=date&size=2";
        JsonNode first = api.ok(q);
        List<String> seen = new ArrayList<>();
        first.get("hits").forEach(h -> seen.add(h.get("id").asText()));
        // a newer article matching the query arrives between two pages
        assertEquals(201, post("/api/articles", "application/json",
                "{\"id\":\"cursor-newcomer\",\"date\":\"2099-01-01\",\"text\":\"Encore du zorbaxium, plus récent que tout.\"}")
                .statusCode());
        String cursor = first.get("next_cursor").asText();
        while (cursor != null) {
            JsonNode page = api.ok(q + "&cursor=" + enc(cursor));
            page.get("hits").forEach(h -> seen.add(h.get("id").asText()));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
        }
        assertEquals(List.of("zx-poison", "zx-luxe", "zx-prix", "zx-retail"), seen.stream().filter(id -> id.startsWith("zx-")).toList(),
                "the walk goes on where it stopped: " + seen);
        assertFalse(seen.contains("cursor-newcomer"), "newer than the first page: it is not repeated further down");
        assertEquals(seen.size(), new java.util.HashSet<>(seen).size());
    }

    // --- CORS allow-list ---------------------------------------------------------------------

    @Test
    void onlyListedOriginsMayReadFromABrowser() throws Exception {
        HttpResponse<String> listed = api.get("/api/search?q=zorbaxium", "Origin", "https://ok.example");
        assertEquals("https://ok.example", listed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(listed.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Origin")), listed.headers().toString());
        HttpResponse<String> other = api.get("/api/search?q=zorbaxium", "Origin", "https://evil.example");
        assertEquals(200, other.statusCode());
        assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), other.headers().toString());
        HttpResponse<String> preflight = api.send("OPTIONS", "/api/articles/zx-luxe", null, null,
                "Origin", "https://ok.example", "Access-Control-Request-Method", "DELETE");
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "writes are never cross-origin");
    }

    // --- concurrency -------------------------------------------------------------------------

    @Test
    void searchesRunWhileWritesHappen() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicInteger searches = new AtomicInteger();
        AtomicInteger writes = new AtomicInteger();
        List<String> queries = List.of("zorbaxium", "forum", "\"zorbaxium industriel\"", "", "concurrent", "marques",
                "speaker:\"Jeanne Martin\"", "concurrent OR zorbaxium");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> tasks = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int seed = t;
            tasks.add(pool.submit(() -> {
                int i = seed;
                while (!stop.get()) {
                    String q = queries.get(i++ % queries.size());
                    String path = (i % 3 == 0 ? "/api/quotes" : "/api/search") + "?q=" + enc(q) + (i % 2 == 0 ? "&sort=date" : "")
                            + (i % 5 == 0 ? "&tag=concurrence" : "");
                    try {
                        HttpResponse<String> r = api.get(path);
                        if (r.statusCode() != 200) errors.add(path + " -> " + r.statusCode() + " " + r.body());
                        searches.incrementAndGet();
                    } catch (Exception e) {
                        errors.add(path + " -> " + e);
                    }
                }
            }));
        }
        tasks.add(pool.submit(() -> {
            int i = 0;
            while (!stop.get()) {
                String id = "concurrent-" + (i % 5);
                try {
                    HttpResponse<String> r = i % 7 == 6
                            ? api.send("DELETE", "/api/articles/" + id, null, null, AUTH)
                            : api.send("PUT", "/api/articles/" + id, "application/json", ApiFixture.JSON.createObjectNode()
                                    .put("title", "Concurrent " + i).put("date", "2024-03-0" + (1 + i % 9))
                                    .put("text", "Texte concurrent numéro " + i + ". « Le zorbaxium tient la charge », explique Jeanne Martin.")
                                    .set("tags", ApiFixture.JSON.createArrayNode().add("concurrence")).toString(), AUTH);
                    if (r.statusCode() / 100 != 2 && r.statusCode() != 404) errors.add("write " + id + " -> " + r.statusCode() + " " + r.body());
                    writes.incrementAndGet();
                } catch (Exception e) {
                    errors.add("write " + id + " -> " + e);
                }
                i++;
            }
        }));
        // At least 3 s, and until both sides have done some work: a count, not a speed, so an engine whose commits
        // take longer (Solr's reach four replicas) passes as long as searches and writes both go on.
        long start = System.nanoTime();
        do {
            Thread.sleep(50);
        } while ((System.nanoTime() - start < 3_000_000_000L || searches.get() <= 20 || writes.get() <= 5)
                && System.nanoTime() - start < 60_000_000_000L);
        stop.set(true);
        for (Future<?> f : tasks) f.get();
        pool.shutdown();
        assertTrue(errors.isEmpty(), errors.size() + " errors, first: " + errors.peek());
        assertTrue(searches.get() > 20 && writes.get() > 5, searches + " searches, " + writes + " writes");
        // afterwards the index is consistent: every concurrent article found once
        JsonNode r = api.ok("/api/search?q=concurrent&size=100");
        assertEquals(r.get("hits").size(), r.get("total").asInt());
        assertEquals(api.ok("/api/search?tag=concurrence").get("total").asLong(), r.get("total").asLong());
    }
}
