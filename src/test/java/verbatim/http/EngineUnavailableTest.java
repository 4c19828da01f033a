package verbatim.http;

import org.junit.jupiter.api.Test;
import verbatim.solr.SolrArticleIndex;
import verbatim.solr.SolrConnection;
import verbatim.solr.SolrSearch;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When no node of the engine answers, reads say so with a 503 the client may retry, not a 500. */
class EngineUnavailableTest {

    @Test
    void searchesAnswer503WhenNoSolrNodeCanBeReached() throws Exception {
        int gone;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            gone = s.getLocalPort(); // free once closed: nothing listens there
        }
        try (SolrConnection solr = SolrConnection.ofUrls(List.of("http://127.0.0.1:" + gone + "/solr"), "verbatim")) {
            SolrArticleIndex index = new SolrArticleIndex(solr);
            ApiServer server = ApiServer.start(index, new SolrSearch(index), ServerConfig.defaults(), 0);
            try {
                HttpClient http = HttpClient.newHttpClient();
                for (String path : List.of("/api/search?q=marques", "/api/quotes?q=marques", "/api/articles/some-id")) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    ApiFixture.problem(r, 503);
                    assertTrue(r.body().contains("unavailable right now"), r.body());
                    assertEquals("5", r.headers().firstValue("Retry-After").orElse(""), path);
                }
            } finally {
                server.close();
            }
        }
    }
}
