package verbatim.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Searches run on a pool of a few threads with a bounded queue; short requests never wait for it. A server with one
 * search thread and room for one search waiting: the thread is held busy, one real search waits, and then the pool is
 * full.
 */
class SearchPoolTest {

    @TempDir
    Path dir;

    private ApiFixture api;
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        if (api != null) api.close();
    }

    /** Holds the pool's only thread until {@link #release}; returns once it is held. */
    private CompletableFuture<Void> holdTheSearchThread() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<Void> held = CompletableFuture.runAsync(() -> {
            try {
                api.server.runAsSearch(() -> {
                    running.countDown();
                    return release.await(30, TimeUnit.SECONDS);
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(running.await(10, TimeUnit.SECONDS), "the search thread never ran the holding task");
        return held;
    }

    private double metric(String series) throws Exception {
        String scrape = api.get("/metrics").body();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + "\\s+(\\S+)$").matcher(scrape);
        assertTrue(m.find(), "no series " + series + " in /metrics");
        return Double.parseDouble(m.group(1));
    }

    @Test
    void aSearchBeyondTheQueueIsA503ProblemWithRetryAfterWhileSuggestAndDocumentsStillAnswer() throws Exception {
        api = ApiFixture.start(dir, ApiFixture.withKey().withSearchPool(1, 1));
        CompletableFuture<Void> held = holdTheSearchThread();
        // A real search takes the one place in the queue.
        CompletableFuture<HttpResponse<String>> queued = api.http.sendAsync(
                HttpRequest.newBuilder(URI.create(api.base() + "/api/search?q=zorbaxium")).build(), HttpResponse.BodyHandlers.ofString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (metric("verbatim_searches_waiting") < 1 && System.nanoTime() < deadline) Thread.sleep(10);
        assertEquals(1.0, metric("verbatim_searches_waiting"), "the search waits for the busy thread");

        // The pool is full: searches, quotes and similar articles are refused at once, saying why and when to retry.
        HttpResponse<String> refused = api.get("/api/search?q=zorbaxium");
        JsonNode problem = ApiFixture.problem(refused, 503);
        assertEquals("Service Unavailable", problem.path("title").asText());
        assertTrue(problem.path("detail").asText().contains("busy"), problem.toString());
        assertEquals("1", refused.headers().firstValue("Retry-After").orElse(""), refused.headers().toString());
        ApiFixture.problem(api.get("/api/quotes?q=zorbaxium"), 503);
        ApiFixture.problem(api.get("/api/articles/zx-luxe/similar"), 503);
        // A bad request is still a 400: parameters are read before queueing.
        ApiFixture.problem(api.get("/api/search?q=zorbaxium&size=1000"), 400);

        // Short requests do not queue behind searches.
        JsonNode suggestions = api.ok("/api/suggest?q=zorb");
        assertFalse(suggestions.path("suggestions").isEmpty(), suggestions.toString());
        assertEquals("zx-luxe", api.ok("/api/articles/zx-luxe").path("id").asText());
        assertEquals("ok", api.ok("/api/health").path("status").asText());
        assertFalse(queued.isDone(), "the queued search still waits");
        assertEquals(3.0, metric("verbatim_searches_refused_total"));

        // Released, the queued search is answered, and the next ones too.
        release.countDown();
        held.get(10, TimeUnit.SECONDS);
        HttpResponse<String> answered = queued.get(30, TimeUnit.SECONDS);
        assertEquals(200, answered.statusCode(), answered.body());
        assertEquals(4, ApiFixture.JSON.readTree(answered.body()).path("total").asInt(), answered.body());
        assertEquals(4, api.ok("/api/search?q=zorbaxium").path("total").asInt());
        assertEquals(0.0, metric("verbatim_searches_waiting"));
    }

    @Test
    void aFailingSearchOnThePoolIsAnsweredAsOnTheRequestThread() throws Exception {
        api = ApiFixture.start(dir, ApiFixture.withKey().withSearchPool(2, 4));
        // Errors thrown on a search thread reach the same handlers: a cursor that does not decode is a 400 problem.
        JsonNode problem = ApiFixture.problem(api.get("/api/search?q=zorbaxium&cursor=not-a-cursor"), 400);
        assertTrue(problem.path("detail").asText().contains("cursor"), problem.toString());
        assertEquals(4, api.ok("/api/search?q=zorbaxium").path("total").asInt());
        assertEquals(0.0, metric("verbatim_searches_refused_total"));
    }

    @Test
    void withNoSearchThreadsSearchesRunOnTheRequestThreadAndAreNeverRefused() throws Exception {
        api = ApiFixture.start(dir, ApiFixture.withKey().withSearchPool(0, 0));
        assertEquals(4, api.ok("/api/search?q=zorbaxium").path("total").asInt());
        assertTrue(api.ok("/api/quotes?q=zorbaxium").path("total").asInt() > 0);
        assertEquals(0.0, metric("verbatim_searches_waiting"));
    }
}
