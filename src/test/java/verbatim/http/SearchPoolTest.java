package verbatim.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Searches run a few at a time, the others waiting in a bounded queue, cheapest first; short requests never wait. A
 * server that runs one search at a time: the one place is held, searches queue behind it, and are let in cheapest
 * first, or oldest first once one has waited past the bound; beyond the queue's room they are refused.
 */
class SearchPoolTest {

    @TempDir
    Path dir;

    private ApiFixture api;
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        callers.close();
        if (api != null) api.close();
    }

    /** Holds the only place a search runs in until {@link #release}; returns once it is held. */
    private CompletableFuture<Void> holdTheSearchThread() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<Void> held = CompletableFuture.runAsync(() -> {
            try {
                api.server.runAsSearch(0, () -> {
                    running.countDown();
                    return release.await(30, TimeUnit.SECONDS);
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(running.await(10, TimeUnit.SECONDS), "the holding task never ran");
        return held;
    }

    /** Queues a search of estimated {@code cost} that notes its cost in {@code served} when it runs; returns once it waits. */
    private CompletableFuture<Void> queue(long cost, List<Long> served) throws Exception {
        int before = api.server.searchesWaiting();
        CompletableFuture<Void> search = CompletableFuture.runAsync(() -> {
            try {
                api.server.runAsSearch(cost, () -> served.add(cost));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, callers);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (api.server.searchesWaiting() <= before && System.nanoTime() < deadline) Thread.sleep(1);
        assertEquals(before + 1, api.server.searchesWaiting(), "the search waits its turn");
        return search;
    }

    /** Queues searches of these costs behind a held place, in this order, releases it, and returns the order they ran in. */
    private List<Long> servedOrder(long... costs) throws Exception {
        CompletableFuture<Void> held = holdTheSearchThread();
        List<Long> served = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> searches = new ArrayList<>();
        for (long cost : costs) searches.add(queue(cost, served));
        release.countDown();
        held.get(10, TimeUnit.SECONDS);
        for (CompletableFuture<Void> s : searches) s.get(10, TimeUnit.SECONDS);
        return List.copyOf(served);
    }

    @Test
    void waitingSearchesAreLetInCheapestFirst() throws Exception {
        api = ApiFixture.start(dir, ApiFixture.withKey().withSearchPool(1, 8)
                .withSearchOrder(ServerConfig.SearchOrder.CHEAPEST_FIRST, Duration.ofHours(1)));
        assertEquals(List.of(100L, 300L, 2_000L, 5_000L), servedOrder(5_000, 300, 2_000, 100));
    }

    @Test
    void inArrivalOrderTheyAreLetInAsTheyCame() throws Exception {
        api = ApiFixture.start(dir, ApiFixture.withKey().withSearchPool(1, 8)
                .withSearchOrder(ServerConfig.SearchOrder.ARRIVAL, Duration.ofHours(1)));
        assertEquals(List.of(5_000L, 300L, 2_000L, 100L), servedOrder(5_000, 300, 2_000, 100));
    }

    @Test
    void aCostlySearchThatHasWaitedPastTheBoundGoesBeforeCheaperOnes() throws Exception {
        api = ApiFixture.start(dir, ApiFixture.withKey().withSearchPool(1, 8)
                .withSearchOrder(ServerConfig.SearchOrder.CHEAPEST_FIRST, Duration.ofSeconds(2)));
        CompletableFuture<Void> held = holdTheSearchThread();
        List<Long> served = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> costly = queue(5_000, served);
        // The costly search waits past the bound; the cheap ones, queued and let in within milliseconds, do not.
        Thread.sleep(2_500);
        CompletableFuture<Void> cheap = queue(100, served);
        CompletableFuture<Void> cheaper = queue(50, served);
        release.countDown();
        held.get(10, TimeUnit.SECONDS);
        CompletableFuture.allOf(costly, cheap, cheaper).get(10, TimeUnit.SECONDS);
        assertEquals(List.of(5_000L, 50L, 100L), served, "not starved: first past the bound, then the cheapest");
    }

    @Test
    void realSearchesBringTheirEstimateAndAreAnsweredOnceLetIn() throws Exception {
        api = ApiFixture.start(dir, ApiFixture.withKey().withSearchPool(1, 8)
                .withSearchOrder(ServerConfig.SearchOrder.CHEAPEST_FIRST, Duration.ofHours(1)));
        CompletableFuture<Void> held = holdTheSearchThread();
        List<CompletableFuture<HttpResponse<String>>> queued = new ArrayList<>();
        for (String path : List.of("/api/search?q=", "/api/search?q=zorbaxium", "/api/quotes?q=zorbaxium")) {
            double before = metric("verbatim_searches_waiting");
            queued.add(api.http.sendAsync(HttpRequest.newBuilder(URI.create(api.base() + path)).build(), HttpResponse.BodyHandlers.ofString()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (metric("verbatim_searches_waiting") <= before && System.nanoTime() < deadline) Thread.sleep(5);
        }
        assertEquals(3.0, metric("verbatim_searches_waiting"));
        release.countDown();
        held.get(10, TimeUnit.SECONDS);
        for (CompletableFuture<HttpResponse<String>> q : queued) assertEquals(200, q.get(30, TimeUnit.SECONDS).statusCode());
        assertEquals(0.0, metric("verbatim_searches_waiting"));
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
        assertEquals(1.0, metric("verbatim_searches_waiting"), "the search waits for the place held");

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
    void withNoRoomToWaitASearchRunsOnlyWhenAThreadIsFree() throws Exception {
        api = ApiFixture.start(dir, ApiFixture.withKey().withSearchPool(1, 0));
        assertEquals(4, api.ok("/api/search?q=zorbaxium").path("total").asInt());
        CompletableFuture<Void> held = holdTheSearchThread();
        ApiFixture.problem(api.get("/api/search?q=zorbaxium"), 503);
        release.countDown();
        held.get(10, TimeUnit.SECONDS);
        assertEquals(4, api.ok("/api/search?q=zorbaxium").path("total").asInt());
    }

    @Test
    void aFailingSearchIsAnsweredWithItsOwnProblem() throws Exception {
        api = ApiFixture.start(dir, ApiFixture.withKey().withSearchPool(2, 4));
        // Errors thrown by a search that waited its turn reach the usual handlers: a cursor that does not decode is a 400.
        JsonNode problem = ApiFixture.problem(api.get("/api/search?q=zorbaxium&cursor=not-a-cursor"), 400);
        assertTrue(problem.path("detail").asText().contains("cursor"), problem.toString());
        assertEquals(4, api.ok("/api/search?q=zorbaxium").path("total").asInt());
        assertEquals(0.0, metric("verbatim_searches_refused_total"));
    }

    @Test
    void withNoLimitSearchesRunAsTheyComeAndAreNeverRefused() throws Exception {
        api = ApiFixture.start(dir, ApiFixture.withKey().withSearchPool(0, 0));
        assertEquals(4, api.ok("/api/search?q=zorbaxium").path("total").asInt());
        assertTrue(api.ok("/api/quotes?q=zorbaxium").path("total").asInt() > 0);
        assertEquals(0.0, metric("verbatim_searches_waiting"));
    }
}
