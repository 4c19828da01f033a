package verbatim.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import verbatim.cli.Cli;
import verbatim.index.Backups;
import verbatim.solr.LocalSolrCluster;
import verbatim.solr.SolrArticleIndex;
import verbatim.solr.SolrSearch;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static verbatim.http.ApiFixture.ADMIN_KEY;
import static verbatim.http.ApiFixture.problem;

/**
 * Backup and restore on the Solr backend: {@code POST /api/admin/backup} has Solr's Collections API back the collection
 * up under the backup root, and {@code verbatim restore --backend solr} puts it back, on the local SolrCloud.
 */
class SolrBackupTest {

    private static final String[] AUTH = {"Authorization", "Bearer " + ADMIN_KEY};

    @Test
    void aBackupTakenWhileServingIsRestoredAsItWas(@TempDir Path dir) throws Exception {
        LocalSolrCluster cluster = LocalSolrCluster.shared();
        Path root = cluster.backupRoot();
        SolrArticleIndex index = new SolrArticleIndex(cluster.newCollection("backed"));
        ServerConfig config = new ServerConfig(ADMIN_KEY, List.of("*"), ServerConfig.DEFAULT_MAX_BODY_BYTES, root);
        String[] solr = {"--backend", "solr", "--solr-zk", cluster.zkHost(), "--collection", "backed"};
        Path backup = root.resolve("nightly-1");
        try (ApiFixture api = ApiFixture.start(index, new SolrSearch(index), config, () -> { })) {
            int quotes = api.ok("/api/stats").get("quotes").asInt();
            HttpResponse<String> made = api.send("POST", "/api/admin/backup?dir=nightly-1", null, null, AUTH);
            assertEquals(201, made.statusCode(), made.body());
            JsonNode answer = ApiFixture.JSON.readTree(made.body());
            assertEquals(13, answer.get("articles").asInt(), answer.toString());
            assertEquals(quotes, answer.get("quotes").asInt(), answer.toString());
            assertEquals(backup.toString(), answer.get("path").asText());
            assertTrue(answer.get("files").asInt() > 0 && answer.get("bytes").asLong() > 0, answer.toString());
            Backups.Manifest manifest = Backups.readManifest(backup);
            assertEquals(Backups.SOLR_FORMAT, manifest.format());
            assertEquals("backed", manifest.source());
            problem(api.send("POST", "/api/admin/backup?dir=nightly-1", null, null, AUTH), 409);

            // Changes after the backup: one article more, one fewer.
            assertEquals(201, api.send("POST", "/api/articles", "application/json",
                    "{\"id\":\"after-backup\",\"text\":\"Le postbackium est arrivé après la sauvegarde.\"}", AUTH).statusCode());
            assertEquals(204, api.send("DELETE", "/api/articles/zx-poison", null, null, AUTH).statusCode());

            Cli refused = Cli.run(concat(new String[] {"restore", "--from", backup.toString()}, solr));
            assertEquals(1, refused.code(), refused.out());
            assertTrue(refused.err().contains("collection backed exists"), refused.err());

            Cli restored = Cli.run(concat(new String[] {"restore", "--from", backup.toString(), "--force"}, solr));
            assertEquals(0, restored.code(), restored.err());
            assertTrue(restored.out().contains("Restored collection backed with 13 articles and " + quotes + " quotes"), restored.out());

            // The server on that collection answers from the restored one.
            assertEquals(13, api.ok("/api/health").get("articles").asInt());
            assertEquals(0, api.ok("/api/search?q=postbackium").get("total").asInt());
            assertEquals("Zorbaxium piégé", api.ok("/api/articles/zx-poison").get("title").asText());
            assertEquals(4, api.ok("/api/search?q=zorbaxium").get("total").asInt());
        }

        // The command line backs up as well, with no server.
        Cli cliBackup = Cli.run(concat(new String[] {"backup", "--to", root.resolve("by-cli").toString()}, solr));
        assertEquals(0, cliBackup.code(), cliBackup.err());
        assertTrue(cliBackup.out().contains("Backed up collection backed: 13 articles"), cliBackup.out());
        assertEquals(13, Backups.readManifest(root.resolve("by-cli")).articles());

        // A damaged backup is refused, naming the file; an embedded restore is told this is a Solr backup.
        Map.Entry<String, Long> file = Backups.readManifest(backup).files().entrySet().stream()
                .filter(f -> f.getValue() > 0).findFirst().orElseThrow();
        Files.write(backup.resolve(file.getKey()), new byte[] {1});
        Cli damaged = Cli.run(concat(new String[] {"restore", "--from", backup.toString(), "--force"}, solr));
        assertEquals(1, damaged.code());
        assertTrue(damaged.err().contains("is damaged: file " + file.getKey()), damaged.err());
        Cli embedded = Cli.run("restore", "--from", backup.toString(), "--index", dir.resolve("index").toString());
        assertEquals(1, embedded.code());
        assertTrue(embedded.err().contains("is a backup of SolrCloud collection backed"), embedded.err());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
