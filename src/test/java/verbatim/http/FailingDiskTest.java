package verbatim.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The disk under the index fills up (or turns read-only) while serving: writes answer 503 and save nothing,
 * searches go on, and once the disk recovers writes work again, with nothing acknowledged lost.
 */
class FailingDiskTest {

    private static final String KEY = ApiFixture.ADMIN_KEY;

    @TempDir
    Path dir;

    /** A disk that refuses new files while {@link #full} is set, as a full or read-only file system does. */
    static final class FillableDirectory extends FilterDirectory {
        volatile boolean full;
        /** Fails only the commit point, after the segment files were written: Lucene keeps its writer open then. */
        volatile boolean commitPointFails;

        FillableDirectory(Directory in) {
            super(in);
        }

        @Override
        public IndexOutput createOutput(String name, IOContext context) throws IOException {
            if (full || (commitPointFails && name.startsWith("pending_segments"))) {
                throw new IOException("No space left on device (simulated): " + name);
            }
            return super.createOutput(name, context);
        }

        @Override
        public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
            if (full) throw new IOException("No space left on device (simulated): " + prefix);
            return super.createTempOutput(prefix, suffix, context);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void writesAnswer503WhileTheDiskIsFullReadsGoOnAndWritesResumeAfter() throws Exception {
        FillableDirectory disk = new FillableDirectory(FSDirectory.open(dir));
        LuceneArticleIndex index = LuceneArticleIndex.open(dir, disk);
        ServerConfig config = new ServerConfig(KEY, List.of("*"), ServerConfig.DEFAULT_MAX_BODY_BYTES);
        try (ApiServer server = ApiServer.start(index, new LuceneSearch(index), config, 0)) {
            String base = "http://localhost:" + server.port();
            assertEquals(201, post(base, "before").statusCode());

            disk.full = true;
            for (String id : List.of("during-1", "during-2", "during-3")) { // the writer is reset each time, and fails again
                HttpResponse<String> refused = post(base, id);
                JsonNode problem = ApiFixture.problem(refused, 503);
                assertTrue(problem.get("detail").asText().contains("index cannot be written"), refused.body());
                assertTrue(problem.get("detail").asText().contains("nothing was saved"), refused.body());
                assertTrue(refused.headers().firstValue("Retry-After").isPresent());
            }
            assertEquals(Set.of("before"), searchIds(base), "reads go on; nothing refused shows up");
            assertEquals(200, get(base, "/api/articles/before").statusCode());
            assertEquals(404, get(base, "/api/articles/during-1").statusCode());
            assertEquals(200, get(base, "/api/health").statusCode());

            disk.full = false;
            assertEquals(201, post(base, "after").statusCode(), "writes resume once the disk has room");
            assertEquals(201, post(base, "during-1").statusCode());
            assertEquals(Set.of("before", "after", "during-1"), searchIds(base));
        } finally {
            index.close();
        }
        try (LuceneArticleIndex reopened = LuceneArticleIndex.open(dir)) {
            assertEquals(Set.of("before", "after", "during-1"), reopened.entries().keySet(), "what was acknowledged, and only that");
        }
        try (Directory d = FSDirectory.open(dir); CheckIndex check = new CheckIndex(d)) {
            assertTrue(check.checkIndex().clean);
        }
    }

    @Test
    void aCommitThatFailsLeavesNoTraceOfTheRefusedArticle() throws Exception {
        FillableDirectory disk = new FillableDirectory(FSDirectory.open(dir));
        LuceneArticleIndex index = LuceneArticleIndex.open(dir, disk);
        ServerConfig config = new ServerConfig(KEY, List.of("*"), ServerConfig.DEFAULT_MAX_BODY_BYTES);
        try (ApiServer server = ApiServer.start(index, new LuceneSearch(index), config, 0)) {
            String base = "http://localhost:" + server.port();
            assertEquals(201, post(base, "before").statusCode());
            disk.commitPointFails = true;
            ApiFixture.problem(post(base, "refused"), 503);
            // Not searchable now, and not committed later by someone else's write: a 503 saved nothing.
            assertEquals(Set.of("before"), searchIds(base));
            disk.commitPointFails = false;
            assertEquals(201, post(base, "after").statusCode());
            assertEquals(Set.of("before", "after"), searchIds(base));
        } finally {
            index.close();
        }
        try (LuceneArticleIndex reopened = LuceneArticleIndex.open(dir)) {
            assertEquals(Set.of("before", "after"), reopened.entries().keySet());
        }
    }

    private Set<String> searchIds(String base) throws Exception {
        HttpResponse<String> r = get(base, "/api/search?q=zorbaxium&size=50");
        assertEquals(200, r.statusCode(), r.body());
        Set<String> ids = new HashSet<>();
        ApiFixture.JSON.readTree(r.body()).get("hits").forEach(h -> ids.add(h.get("id").asText()));
        return ids;
    }

    private HttpResponse<String> get(String base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String base, String id) throws Exception {
        String json = "{\"id\":\"" + id + "\",\"title\":\"Zorbaxium " + id + "\",\"text\":\"Le zorbaxium de l'article "
                + id + " arrive dans les magasins.\"}";
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/articles")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + KEY).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
