package verbatim.http;

import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import verbatim.index.LuceneArticleIndex;
import verbatim.search.LuceneSearch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writes that arrive while a commit runs share the next one: one fsync acknowledges them all, and when that commit
 * fails, every one of them gets the 503. Commits are counted by the index's commit generation; a commit is held at
 * its commit point so that the others queue up behind it, whatever the speed of the machine.
 */
class GroupCommitTest {

    private static final String KEY = ApiFixture.ADMIN_KEY;

    /**
     * A disk whose next commit can be held as it writes its commit point ({@code pending_segments_N}, after the
     * segment files), and whose next commit point can be made to fail, as a full disk does.
     */
    static final class HoldableDisk extends FilterDirectory {
        private volatile CountDownLatch hold;
        private final Semaphore held = new Semaphore(0);
        private final AtomicBoolean failNextCommitPoint = new AtomicBoolean();

        HoldableDisk(Directory in) {
            super(in);
        }

        /** The next commit stops at its commit point until the returned latch is counted down. */
        CountDownLatch holdNextCommit() {
            hold = new CountDownLatch(1);
            return hold;
        }

        void awaitHeldCommit() throws InterruptedException {
            assertTrue(held.tryAcquire(30, TimeUnit.SECONDS), "a commit reached its commit point");
        }

        /** The next commit to reach its commit point fails there (a commit held already is past the check). */
        void failNextCommitPoint() {
            failNextCommitPoint.set(true);
        }

        @Override
        public IndexOutput createOutput(String name, IOContext context) throws IOException {
            if (name.startsWith("pending_segments")) {
                if (failNextCommitPoint.getAndSet(false)) throw new IOException("No space left on device (simulated): " + name);
                CountDownLatch h = hold;
                if (h != null) {
                    hold = null;
                    held.release();
                    try {
                        h.await();
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                }
            }
            return super.createOutput(name, context);
        }
    }

    @TempDir
    Path dir;
    private HoldableDisk disk;
    private LuceneArticleIndex index;
    private ApiServer server;
    private String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws IOException {
        disk = new HoldableDisk(FSDirectory.open(dir));
        index = LuceneArticleIndex.open(dir, disk);
        server = ApiServer.start(index, new LuceneSearch(index), new ServerConfig(KEY, List.of("*"), ServerConfig.DEFAULT_MAX_BODY_BYTES), 0);
        base = "http://localhost:" + server.port();
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) server.close();
        if (index != null) index.close();
    }

    @Test
    void writesWaitingDuringACommitShareTheNextOne() throws Exception {
        assertEquals(201, post("first").statusCode());
        long before = generation();

        CountDownLatch release = disk.holdNextCommit();
        CompletableFuture<HttpResponse<String>> held = send(post("held", article("held")));
        disk.awaitHeldCommit();
        // Sent one after the other, so the batch holds them in this order.
        List<CompletableFuture<HttpResponse<String>>> queued = new ArrayList<>();
        for (int i = 0; i < 8; i++) queued.add(queue(post("q" + i, article("q" + i))));
        queued.add(queue(put("q0", article("q0"))));      // replaces what the same batch created
        queued.add(queue(delete("first")));               // committed before: deleted
        queued.add(queue(delete("first")));               // deleted by the same batch: nothing left to delete
        queued.add(queue(delete("never-written")));
        release.countDown();

        assertEquals(201, held.get().statusCode());
        for (int i = 0; i < 8; i++) assertEquals(201, queued.get(i).get().statusCode(), queued.get(i).get().body());
        assertEquals(200, queued.get(8).get().statusCode());
        assertEquals(204, queued.get(9).get().statusCode());
        assertEquals(404, queued.get(10).get().statusCode());
        assertEquals(404, queued.get(11).get().statusCode());
        assertEquals(2, generation() - before, "13 writes, 2 commits: the held one, and one for the 12 queued behind it");
        assertEquals(Set.of("held", "q0", "q1", "q2", "q3", "q4", "q5", "q6", "q7"), searchIds(),
                "searches see every acknowledged write as soon as it is answered");
    }

    @Test
    void aFailedCommitFailsEveryWriteOfItsBatchAndNoneOther() throws Exception {
        assertEquals(201, post("before").statusCode());

        CountDownLatch release = disk.holdNextCommit();
        CompletableFuture<HttpResponse<String>> held = send(post("held", article("held")));
        disk.awaitHeldCommit();
        List<CompletableFuture<HttpResponse<String>>> batch = new ArrayList<>();
        for (String id : List.of("b1", "b2", "b3")) batch.add(queue(post(id, article(id))));
        batch.add(queue(delete("before")));
        disk.failNextCommitPoint(); // the held commit is past the check and goes through; the batch's commit fails
        release.countDown();

        assertEquals(201, held.get().statusCode());
        for (CompletableFuture<HttpResponse<String>> r : batch) ApiFixture.problem(r.get(), 503);
        assertEquals(Set.of("before", "held"), searchIds(), "nothing of the failed batch is seen");
        assertEquals(201, send(post("after", article("after"))).get().statusCode(), "the next write succeeds");

        server.close();
        server = null;
        index.close();
        index = null;
        try (LuceneArticleIndex reopened = LuceneArticleIndex.open(dir)) {
            assertEquals(Set.of("before", "held", "after"), reopened.entries().keySet(), "what was acknowledged, and only that");
        }
    }

    @Test
    void stoppingLetsTheWritesWaitingForACommitFinish() throws Exception {
        CountDownLatch release = disk.holdNextCommit();
        CompletableFuture<HttpResponse<String>> held = send(post("held", article("held")));
        disk.awaitHeldCommit();
        CompletableFuture<HttpResponse<String>> waiting = queue(post("waiting", article("waiting")));
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
        Thread.sleep(200); // the stop is under way, draining the requests in flight
        release.countDown();
        stopping.get(30, TimeUnit.SECONDS);
        server = null;
        assertEquals(201, held.get().statusCode());
        assertEquals(201, waiting.get().statusCode());
        assertEquals(Set.of("held", "waiting"), index.entries().keySet());
    }

    @Test
    void underConcurrentWritesCommitsStartAtLeastTheIntervalApart() throws Exception {
        long interval = ServerConfig.DEFAULT_COMMIT_INTERVAL.toMillis();
        long before = generation();
        int writers = 8, each = 12;
        long start = System.nanoTime();
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            running.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < each; i++) {
                    String id = "w" + writer + "-" + i;
                    try {
                        HttpResponse<String> r = http.send(post(id, article(id)), HttpResponse.BodyHandlers.ofString());
                        assertEquals(201, r.statusCode(), r.body());
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                }
            }));
        }
        for (CompletableFuture<Void> r : running) r.get(60, TimeUnit.SECONDS);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        long commits = generation() - before;

        // n commits starting at least `interval` apart span (n - 1) intervals, however fast or slow the machine.
        assertTrue(commits <= elapsedMillis / interval + 1,
                commits + " commits in " + elapsedMillis + " ms: more than one per " + interval + " ms");
        assertTrue(commits < writers * each / 2, commits + " commits for " + writers * each + " writes: they did not share");
        assertEquals(writers * each, searchIds().size(), "every acknowledged write is seen");
    }

    @Test
    void aWriteRightAfterACommitWaitsForTheIntervalAndIsSeenWhenAcknowledged() throws Exception {
        long sent = System.nanoTime();
        assertEquals(201, post("first").statusCode());
        assertEquals(201, post("second").statusCode()); // its commit starts an interval after the first's
        assertEquals(201, post("third").statusCode());
        long millis = (System.nanoTime() - sent) / 1_000_000;

        assertTrue(millis >= 2 * ServerConfig.DEFAULT_COMMIT_INTERVAL.toMillis() - 1, "two commits in " + millis + " ms");
        assertEquals(Set.of("first", "second", "third"), searchIds(), "seen as soon as acknowledged");
    }

    @Test
    void theCommitIntervalLeavesTimeToBeVisibleWithinASecond() {
        assertTrue(ServerConfig.DEFAULT_COMMIT_INTERVAL.compareTo(ServerConfig.MAX_COMMIT_INTERVAL) <= 0);
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new ServerConfig(KEY,
                List.of("*"), ServerConfig.DEFAULT_MAX_BODY_BYTES, null, null, Duration.ofSeconds(2)));
        assertTrue(e.getMessage().contains("commit interval"), e.getMessage());
    }

    /** The commit generation of the last commit on disk: one more for each commit. */
    private long generation() throws IOException {
        try (Directory d = FSDirectory.open(dir)) {
            return SegmentInfos.readLatestCommit(d).getGeneration();
        }
    }

    /** Sends the request and returns once the server has it waiting for a commit. */
    private CompletableFuture<HttpResponse<String>> queue(HttpRequest request) throws Exception {
        int before = waitingWrites();
        CompletableFuture<HttpResponse<String>> response = send(request);
        long deadline = System.currentTimeMillis() + 30_000;
        while (waitingWrites() == before && !response.isDone()) {
            assertTrue(System.currentTimeMillis() < deadline, "the write never reached the commit queue");
            Thread.sleep(5);
        }
        return response;
    }

    private int waitingWrites() throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(l -> l.startsWith("verbatim_writes_waiting "))
                .mapToInt(l -> (int) Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst().orElseThrow();
    }

    private CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String id) throws Exception {
        return http.send(post(id, article(id)), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest post(String id, String json) {
        return write(URI.create(base + "/api/articles")).POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private HttpRequest put(String id, String json) {
        return write(URI.create(base + "/api/articles/" + id)).PUT(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private HttpRequest delete(String id) {
        return write(URI.create(base + "/api/articles/" + id)).DELETE().build();
    }

    private HttpRequest.Builder write(URI uri) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json").header("Authorization", "Bearer " + KEY);
    }

    private static String article(String id) {
        return "{\"id\":\"" + id + "\",\"title\":\"Zorbaxium " + id + "\",\"text\":\"Le zorbaxium de l'article "
                + id + " arrive dans les magasins.\"}";
    }

    private Set<String> searchIds() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/search?q=zorbaxium&size=100")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        Set<String> ids = new HashSet<>();
        ApiFixture.JSON.readTree(r.body()).get("hits").forEach(h -> ids.add(h.get("id").asText()));
        return ids;
    }
}
