package verbatim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import verbatim.analysis.ArticleAnalysis;
import verbatim.http.ApiServer;
import verbatim.http.ServerConfig;
import verbatim.index.Backups;
import verbatim.index.LuceneArticleIndex;
import verbatim.ingest.Article;
import verbatim.search.LuceneSearch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code verbatim backup} and {@code restore}, offline and through a running server that keeps taking writes. */
class BackupRestoreTest {

    private static final String KEY = "backup-test-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private static Article article(String id, String text) {
        return new Article(id, "test/" + id, "https://t.example/" + id, "Titre " + id, "Rédaction", LocalDate.parse("2024-01-02"),
                "t.example", List.of("essai"), "fr", text);
    }

    /** An index of {@code n} articles, committed and closed. */
    private Path indexOf(String name, int n) throws Exception {
        Path dir = work.resolve(name);
        ArticleAnalysis analysis = new ArticleAnalysis();
        try (LuceneArticleIndex index = LuceneArticleIndex.open(dir)) {
            for (int i = 0; i < n; i++) {
                index.upsert(analysis.analyse(article(name + "-" + i, "Le texte numéro " + i + ". « C'est un essai », explique Jeanne Martin, directrice de Mobilis.")));
            }
            index.commit();
        }
        return dir;
    }

    private static int count(Path index) throws Exception {
        try (LuceneArticleIndex opened = LuceneArticleIndex.open(index)) {
            return opened.count();
        }
    }

    @Test
    void aBackupTakenWhileArticlesArePostedRestoresEveryArticleAcknowledgedBeforeIt() throws Exception {
        Path indexDir = indexOf("live", 3);
        Path root = work.resolve("backups");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        List<String> before;
        JsonNode made;
        try (LuceneArticleIndex index = LuceneArticleIndex.open(indexDir);
             ApiServer server = ApiServer.start(index, new LuceneSearch(index),
                     new ServerConfig(KEY, List.of("*"), ServerConfig.DEFAULT_MAX_BODY_BYTES, root), 0)) {
            String base = "http://localhost:" + server.port();
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch enough = new CountDownLatch(15);
            Thread writer = new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    String id = "w-" + i;
                    String body = JSON.createObjectNode().put("id", id).put("title", "Écrit " + i)
                            .put("text", "Un article écrit pendant la sauvegarde, numéro " + i + ".").toString();
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/articles"))
                                .header("Content-Type", "application/json").header("Authorization", "Bearer " + KEY)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 201) {
                            acknowledged.add(id);
                            enough.countDown();
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            }, "writer");
            writer.start();
            assertTrue(enough.await(60, TimeUnit.SECONDS), "the writer gets articles in");
            before = new ArrayList<>(acknowledged);
            HttpResponse<String> r = post(http, base + "/api/admin/backup?dir=while-writing", "Bearer " + KEY);
            assertEquals(201, r.statusCode(), r.body());
            made = JSON.readTree(r.body());
            int ackedAtEnd = acknowledged.size();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (acknowledged.size() < ackedAtEnd + 5 && System.nanoTime() < deadline) Thread.sleep(10);
            stop.set(true);
            writer.join(30_000);
            assertTrue(acknowledged.size() >= ackedAtEnd + 5, "writes went on after the backup");

            // the endpoint's guards
            assertEquals(401, post(http, base + "/api/admin/backup?dir=x", "Bearer wrong").statusCode());
            assertEquals(400, post(http, base + "/api/admin/backup?dir=..%2Fescape", "Bearer " + KEY).statusCode());
            assertEquals(400, post(http, base + "/api/admin/backup?dir=..", "Bearer " + KEY).statusCode());
            assertEquals(409, post(http, base + "/api/admin/backup?dir=while-writing", "Bearer " + KEY).statusCode());
            assertTrue(Files.notExists(work.resolve("escape")));

            // the CLI cannot open an index the server holds, and says what to do instead
            Cli locked = Cli.run("backup", "--index", indexDir.toString(), "--to", work.resolve("cli-backup").toString());
            assertEquals(1, locked.code());
            assertTrue(locked.err().contains("in use") && locked.err().contains("/api/admin/backup"), locked.err());
        }
        assertEquals(root.resolve("while-writing").toAbsolutePath().toString(), made.get("path").asText());
        assertTrue(made.get("articles").asInt() >= 3 + before.size(), made.toString());

        Path restored = work.resolve("restored");
        Cli run = Cli.run("restore", "--from", root.resolve("while-writing").toString(), "--index", restored.toString(), "--check");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Restored " + made.get("articles").asInt() + " articles"), run.out());
        try (LuceneArticleIndex index = LuceneArticleIndex.open(restored)) {
            assertEquals(made.get("articles").asInt(), index.count());
            for (String id : before) assertNotNull(index.get(id), id + " was acknowledged before the backup started");
            assertNotNull(index.get("live-0"));
        }
    }

    private static HttpResponse<String> post(HttpClient http, String url, String auth) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void offlineBackupRestoresAndRestoreRefusesANonEmptyIndexWithoutForce() throws Exception {
        Path source = indexOf("source", 4);
        Path backup = work.resolve("b");
        Cli b = Cli.run("backup", "--index", source.toString(), "--to", backup.toString());
        assertEquals(0, b.code(), b.err());
        assertTrue(b.out().contains("Backed up 4 articles"), b.out());
        assertTrue(Files.isRegularFile(backup.resolve(Backups.MANIFEST)));
        assertEquals(1, Cli.run("backup", "--index", source.toString(), "--to", backup.toString()).code(), "never into a non-empty folder");
        assertEquals(1, Cli.run("backup", "--index", work.resolve("nothing").toString(), "--to", work.resolve("b2").toString()).code());

        Path other = indexOf("other", 2);
        Cli refused = Cli.run("restore", "--from", backup.toString(), "--index", other.toString());
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("not empty") && refused.err().contains("--force"), refused.err());
        assertEquals(2, count(other), "a refused restore leaves the index alone");

        Cli forced = Cli.run("restore", "--from", backup.toString(), "--index", other.toString(), "--force");
        assertEquals(0, forced.code(), forced.err());
        assertEquals(4, count(other));
        try (LuceneArticleIndex index = LuceneArticleIndex.open(other)) {
            assertNotNull(index.get("source-3"));
            assertEquals(null, index.get("other-0"));
        }

        // the restore refuses an index a process holds
        try (LuceneArticleIndex held = LuceneArticleIndex.open(other)) {
            Cli inUse = Cli.run("restore", "--from", backup.toString(), "--index", other.toString(), "--force");
            assertEquals(1, inUse.code());
            assertTrue(inUse.err().contains("in use"), inUse.err());
        }
    }

    @Test
    void aMissingOrDamagedBackupIsRefusedWithAClearMessage() throws Exception {
        Path target = work.resolve("target");
        Cli missing = Cli.run("restore", "--from", work.resolve("no-such-backup").toString(), "--index", target.toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("no backup at"), missing.err());

        Path source = indexOf("src", 2);
        Path backup = work.resolve("b");
        assertEquals(0, Cli.run("backup", "--index", source.toString(), "--to", backup.toString()).code());
        Backups.Manifest manifest = Backups.read(backup);

        // a file cut short
        String segment = manifest.files().keySet().stream().filter(n -> !n.startsWith("segments")).findFirst().orElseThrow();
        byte[] bytes = Files.readAllBytes(backup.resolve(segment));
        Files.write(backup.resolve(segment), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Backups.BackupException cut = assertThrows(Backups.BackupException.class, () -> Backups.restore(backup, target, false, false));
        assertTrue(cut.getMessage().contains("damaged") && cut.getMessage().contains(segment), cut.getMessage());

        // a file gone
        Files.delete(backup.resolve(segment));
        Cli gone = Cli.run("restore", "--from", backup.toString(), "--index", target.toString());
        assertEquals(1, gone.code());
        assertTrue(gone.err().contains(segment + " is missing"), gone.err());

        // no manifest: an interrupted backup
        Files.delete(backup.resolve(Backups.MANIFEST));
        Cli noManifest = Cli.run("restore", "--from", backup.toString(), "--index", target.toString());
        assertEquals(1, noManifest.code());
        assertTrue(noManifest.err().contains(Backups.MANIFEST + " is missing"), noManifest.err());

        // a manifest that is not one
        Files.writeString(backup.resolve(Backups.MANIFEST), "{ not json");
        assertTrue(assertThrows(Backups.BackupException.class, () -> Backups.read(backup)).getMessage().contains("cannot be read"));
        assertTrue(!Files.exists(target) || Files.list(target).findAny().isEmpty(), "nothing was copied");
    }

    /** A backup of {@code index} in a new folder beside it. */
    private Path backupOf(Path index) {
        Path backup = work.resolve("backup-of-" + index.getFileName());
        Cli b = Cli.run("backup", "--index", index.toString(), "--to", backup.toString());
        assertEquals(0, b.code(), b.err());
        return backup;
    }

    /** What a restore leaves beside the index folder {@code name}: nothing, once it is over. */
    private List<String> besides(String name) throws Exception {
        try (var files = Files.list(work)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("." + name + ".")).sorted().toList();
        }
    }

    @Test
    void forceSwapsInTheWholeBackupAndLeavesNothingBesideTheIndex() throws Exception {
        Path backup = backupOf(indexOf("new", 5));
        Path index = indexOf("old", 3);
        Cli forced = Cli.run("restore", "--from", backup.toString(), "--index", index.toString(), "--force");
        assertEquals(0, forced.code(), forced.err());
        assertEquals(5, count(index));
        assertEquals(List.of(), besides("old"));
    }

    @Test
    void aBackupThatDoesNotOpenLeavesTheIndexAsItWas() throws Exception {
        Path backup = backupOf(indexOf("new", 5));
        // The commit point damaged but not cut: the manifest's sizes match, the copy does not open.
        String commitPoint = Backups.read(backup).files().keySet().stream().filter(n -> n.startsWith("segments_")).findFirst().orElseThrow();
        byte[] bytes = Files.readAllBytes(backup.resolve(commitPoint));
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(backup.resolve(commitPoint), bytes);
        Path index = indexOf("old", 3);

        Cli refused = Cli.run("restore", "--from", backup.toString(), "--index", index.toString(), "--force");
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("does not open") && refused.err().contains("left as it was"), refused.err());
        assertEquals(3, count(index), "the old index, whole");
        assertEquals(List.of(), besides("old"), "the copy is gone too");
    }

    @Test
    void aRestoreKilledWhileItSwapsFoldersIsFinishedByTheNextOpen() throws Exception {
        Path backup = backupOf(indexOf("new", 5));
        Path index = indexOf("old", 3);
        Path scratch = work.resolve("scratch");
        assertEquals(0, Cli.run("restore", "--from", backup.toString(), "--index", scratch.toString()).code());

        // Killed once the checked copy is beside the index, before the swap: the old index is still the index.
        Files.move(scratch, work.resolve(".old.restored"));
        assertEquals(3, count(index));
        // Killed between the two renames: the old index moved aside, the new one not yet in its place.
        Files.move(index, work.resolve(".old.replaced"));
        assertEquals(5, count(index), "the next open puts the restored index in place");
        assertEquals(List.of(), besides("old"), "and deletes the replaced one");
    }

    @Test
    void aRestoreKilledAtRandomMomentsLeavesTheOldIndexOrTheNewOneNeverAMix() throws Exception {
        Path small = backupOf(indexOf("small", 3));
        Path big = backupOf(indexOf("big", 7));
        Path index = work.resolve("index");
        assertEquals(0, Cli.run("restore", "--from", small.toString(), "--index", index.toString()).code());
        Random random = new Random(11);
        int now = 3;
        int finished = 0;
        long fullRun = 0;
        for (int round = 0; round <= 6; round++) {
            int next = now == 3 ? 7 : 3;
            Path from = next == 7 ? big : small;
            long start = System.nanoTime();
            Process restore = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "verbatim.Main", "restore", "--from", from.toString(),
                    "--index", index.toString(), "--force")
                    .redirectErrorStream(true).redirectOutput(work.resolve("restore-" + round + ".log").toFile()).start();
            if (round == 0) { // timed whole, so that the later rounds are killed before, during or just after their restore
                assertTrue(restore.waitFor(120, TimeUnit.SECONDS));
                fullRun = System.nanoTime() - start;
            } else {
                restore.waitFor((long) (fullRun * (0.5 + 0.6 * random.nextDouble())), TimeUnit.NANOSECONDS);
                restore.destroyForcibly();
                assertTrue(restore.waitFor(30, TimeUnit.SECONDS));
            }
            boolean done = restore.exitValue() == 0;
            int count = count(index);
            assertTrue(count == now || count == next, "round " + round + ": " + count + " articles, neither the old " + now + " nor the new " + next);
            if (done) {
                assertEquals(next, count, "round " + round + ": the restore said it was done");
                finished++;
            }
            now = count;
        }
        System.out.printf("a whole restore took %d ms; of 6 killed at random, %d had finished, %d were killed part way or before%n",
                fullRun / 1_000_000, finished - 1, 7 - finished);
        // A killed restore may leave its half copy beside the index; the next restore clears it away.
        assertEquals(0, Cli.run("restore", "--from", small.toString(), "--index", index.toString(), "--force").code());
        assertEquals(3, count(index));
        assertEquals(List.of(), besides("index"));
    }

    @Test
    void helpExplainsBothCommands() {
        Cli backup = Cli.run("backup", "--help");
        assertEquals(0, backup.code());
        assertTrue(backup.out().contains("snapshot") && backup.out().contains("/api/admin/backup") && backup.out().contains("--to"), backup.out());
        Cli restore = Cli.run("restore", "--help");
        assertEquals(0, restore.code());
        assertTrue(restore.out().contains("--force") && restore.out().contains("--from") && restore.out().contains("Stop the server"), restore.out());
        assertTrue(Cli.run("--help").out().contains("backup"));
    }
}
