package verbatim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import verbatim.index.LuceneArticleIndex;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acknowledged means durable: {@code serve} killed with SIGKILL while clients write, in a real child JVM, keeps
 * every article it answered 201 for, searchable, in an index that opens and checks clean. The writers are concurrent,
 * so most commits acknowledge several of them at once.
 */
class ServeKillTest {

    private static final String KEY = "kill-test-key";
    private static final int ROUNDS = 4;
    /** Concurrent writers: their writes share commits, and a kill lands in the middle of a batch as often as not. */
    private static final int CLIENTS = 8;

    @TempDir
    Path work;

    @Test
    void everyAcknowledgedWriteSurvivesKillDashNine() throws Exception {
        Path index = work.resolve("index");
        Path corpus = Files.createDirectories(work.resolve("empty-corpus"));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Random random = new Random(7);
        for (int round = 0; round <= ROUNDS; round++) {
            try (ServeProcess serve = ServeProcess.start(work.resolve("serve-" + round + ".log"), "--admin-key", KEY, "--index", index.toString(), "--corpus", corpus.toString())) {
                assertAllThere(serve, acknowledged, round);
                if (round == ROUNDS) break; // the last start only checks
                int before = acknowledged.size();
                List<Thread> clients = new ArrayList<>();
                AtomicInteger failures = new AtomicInteger();
                for (int c = 0; c < CLIENTS; c++) {
                    String prefix = "r" + round + "-c" + c + "-";
                    clients.add(Thread.ofPlatform().start(() -> write(serve, prefix, acknowledged, failures)));
                }
                // The first write of a fresh JVM is slow (class loading, JIT): kill at a random moment after it.
                long deadline = System.currentTimeMillis() + 20_000;
                while (acknowledged.size() == before && failures.get() == 0 && System.currentTimeMillis() < deadline) Thread.sleep(5);
                Thread.sleep(100 + random.nextInt(900));
                serve.process.destroyForcibly();
                assertTrue(serve.process.waitFor(30, TimeUnit.SECONDS));
                for (Thread t : clients) t.join(30_000);
                System.out.printf("round %d: %d writes acknowledged before the kill (%d in all)%n",
                        round, acknowledged.size() - before, acknowledged.size());
                assertEquals(0, failures.get(), "every write answered 201 until the kill");
                assertTrue(acknowledged.size() > before, "the clients got some writes in before the kill");
            }
        }
        try (var dir = FSDirectory.open(index); CheckIndex check = new CheckIndex(dir)) {
            assertTrue(check.checkIndex().clean, "CheckIndex finds the index clean");
        }
        try (LuceneArticleIndex reopened = LuceneArticleIndex.open(index)) {
            assertTrue(reopened.entries().keySet().containsAll(acknowledged));
        }
    }

    /** Posts articles until the server goes away; records each one answered 201. Anything but 201 or a dead server fails. */
    private static void write(ServeProcess serve, String prefix, Set<String> acknowledged, AtomicInteger failures) {
        for (int i = 0; ; i++) {
            String id = prefix + i;
            HttpResponse<String> r;
            try {
                r = serve.postJson(KEY, ServeProcess.article(id));
            } catch (Exception serverGone) {
                return;
            }
            if (r.statusCode() == 201) {
                acknowledged.add(id);
            } else {
                failures.incrementAndGet();
                throw new AssertionError("POST " + id + " -> " + r.statusCode() + " " + r.body());
            }
        }
    }

    private static void assertAllThere(ServeProcess serve, Set<String> acknowledged, int round) throws Exception {
        for (String id : acknowledged) {
            HttpResponse<String> r = serve.get("api/articles/" + id);
            assertEquals(200, r.statusCode(), "acknowledged article " + id + " after restart " + round + ": " + r.body());
        }
        HttpResponse<String> search = serve.get("api/search?q=zorbaxium&size=1");
        assertEquals(200, search.statusCode(), search.body());
        long total = new ObjectMapper().readTree(search.body()).get("total").asLong();
        // Writes in flight at the kill may have been committed without their 201 reaching the client.
        assertTrue(total >= acknowledged.size(), "every acknowledged article is searchable: " + total + " < " + acknowledged.size());
    }
}
