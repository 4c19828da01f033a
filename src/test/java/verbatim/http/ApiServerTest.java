package verbatim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import verbatim.analysis.AnalysedArticle;
import verbatim.index.LuceneArticleIndex;
import verbatim.search.LuceneSearch;
import verbatim.ingest.Article;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiServerTest {

    @TempDir
    Path indexDir;

    private LuceneArticleIndex index;
    private ApiServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        index = LuceneArticleIndex.open(indexDir);
        index.upsert(new AnalysedArticle(new Article("a1", "a.txt", null, "Titre", null, null, null, List.of(), "fr", "Texte."), null));
        index.commit(Map.of());
        server = ApiServer.start(index, new LuceneSearch(index), ServerConfig.defaults(), 0);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        index.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthSaysOkAndCountsArticles() throws Exception {
        HttpResponse<String> response = get("/api/health");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertEquals("ok", body.get("status").asText());
        assertEquals(1, body.get("articles").asInt());
    }

    @Test
    void unknownPathIsAJson404() throws Exception {
        HttpResponse<String> response = get("/api/nothing-here");
        assertEquals(404, response.statusCode());
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertEquals(404, body.get("status").asInt());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(body.get("detail").asText().contains("/api/nothing-here"));
    }
}
