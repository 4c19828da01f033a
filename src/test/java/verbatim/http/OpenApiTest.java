package verbatim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import verbatim.index.LuceneArticleIndex;
import verbatim.search.LuceneSearch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** openapi.json describes exactly the routes the server serves: no more, no fewer. */
class OpenApiTest {

    @TempDir
    Path indexDir;

    @Test
    void documentMatchesTheRoutesServed() throws Exception {
        try (LuceneArticleIndex index = LuceneArticleIndex.open(indexDir);
             ApiServer server = ApiServer.start(index, new LuceneSearch(index), ServerConfig.defaults(), 0)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/openapi.json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            JsonNode doc = new ObjectMapper().readTree(response.body());
            assertEquals("3.1.0", doc.get("openapi").asText());

            List<String> documented = new ArrayList<>();
            doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method ->
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
            documented.sort(null);
            assertEquals(server.routes(), documented);
        }
    }
}
