package verbatim.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import verbatim.index.LuceneArticleIndex;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code serve} stopped with SIGTERM while clients write (docker stop, systemd): requests in flight finish, later
 * ones are turned away with 503, the index is committed and released, and every acknowledged write is there on
 * the next open. The configuration it printed at start never shows the admin key.
 */
class ServeShutdownTest {

    private static final String KEY = "never-print-me-7f3a9c";

    @TempDir
    Path work;

    @Test
    void sigtermFinishesInFlightWritesCommitsAndReleasesTheIndex() throws Exception {
        Path index = work.resolve("index");
        Path corpus = Files.createDirectories(work.resolve("empty-corpus"));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        String output;
        try (ServeProcess serve = ServeProcess.start(work.resolve("serve.log"), "--admin-key", KEY, "--index", index.toString(), "--corpus", corpus.toString(),
                "--cors-origins", "https://a.example,https://b.example", "--backup-root", work.resolve("backups").toString())) {
            String config = serve.output().lines().filter(l -> l.startsWith("Configuration:")).findFirst().orElse(null);
            assertNotNull(config, serve.output());
            for (String part : List.of("port 0", "index " + index.toAbsolutePath(), "corpus " + corpus.toAbsolutePath(),
                    "CORS origins https://a.example,https://b.example", "max body 20,971,520 bytes",
                    "backup root " + work.resolve("backups").toAbsolutePath(), "admin key set (****)")) {
                assertTrue(config.contains(part), "'" + part + "' in: " + config);
            }

            assertEquals(201, serve.postJson(KEY, ServeProcess.article("last-before-sigterm")).statusCode());
            acknowledged.add("last-before-sigterm");
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                String prefix = "c" + c + "-";
                clients.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; ; i++) {
                        HttpResponse<String> r;
                        try {
                            r = serve.postJson(KEY, ServeProcess.article(prefix + i));
                        } catch (Exception gone) {
                            return;
                        }
                        if (r.statusCode() == 201) acknowledged.add(prefix + i);
                        else if (r.statusCode() == 503) return; // shutting down: turned away, not half-saved
                        else unexpected.add(r.statusCode() + " " + r.body());
                    }
                }));
            }
            Thread.sleep(500);
            serve.process.destroy(); // SIGTERM
            assertTrue(serve.waitFor(30), "SIGTERM stops the server");
            for (Thread t : clients) t.join(30_000);
            output = serve.output();
        }
        System.out.printf("%d writes acknowledged before SIGTERM took effect%n", acknowledged.size());
        assertEquals(List.of(), unexpected, "writes answer 201, or 503 while stopping");
        assertTrue(output.contains("committed and closed"), output);
        assertFalse(output.contains(KEY), "the admin key never appears in the output:\n" + output);

        // Opens at once: the write lock was released (a held one makes open fail with "in use").
        try (LuceneArticleIndex reopened = LuceneArticleIndex.open(index)) {
            Set<String> ids = reopened.entries().keySet();
            for (String id : acknowledged) assertTrue(ids.contains(id), "acknowledged " + id + " survives SIGTERM");
        }
    }
}
