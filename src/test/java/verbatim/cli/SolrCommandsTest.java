package verbatim.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import verbatim.solr.LocalSolrCluster;
import verbatim.solr.SolrArticleIndex;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code verbatim solr-init} and {@code verbatim index --backend solr}, in-process, on the local SolrCloud. */
class SolrCommandsTest {

    private record Run(int code, String out) {
    }

    /** The commands print to System.out: captured for the time of one run. */
    private static synchronized Run cli(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new VerbatimCommand()).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void initCreatesThenUpdatesAndIndexSyncsTheCorpusIntoTheCollection() throws Exception {
        LocalSolrCluster cluster = LocalSolrCluster.shared();
        String zk = cluster.zkHost();

        Run created = cli("solr-init", "--solr-zk", zk, "--collection", "cli", "--shards", "2", "--replicas", "2");
        assertEquals(0, created.code(), created.out());
        assertTrue(created.out().contains("Created collection cli (2 shards x 2 replicas)"), created.out());
        Run updated = cli("solr-init", "--solr-url", String.join(",", cluster.urls()), "--collection", "cli");
        assertEquals(0, updated.code(), updated.out());
        assertTrue(updated.out().contains("reloaded collection cli"), updated.out());

        Run first = cli("index", "--backend", "solr", "--solr-zk", zk, "--collection", "cli", "--corpus", "corpus");
        assertEquals(0, first.code(), first.out());
        assertTrue(first.out().contains("9 indexed, 0 unchanged"), first.out());
        // The corpus state lives in the collection: a second run finds everything in place.
        Run again = cli("index", "--backend", "solr", "--solr-zk", zk, "--collection", "cli", "--corpus", "corpus");
        assertEquals(0, again.code(), again.out());
        assertTrue(again.out().contains("0 indexed, 9 unchanged"), again.out());
        try (SolrArticleIndex index = new SolrArticleIndex(cluster.connect("cli"))) {
            assertEquals(9, index.count());
        }
    }

    @Test
    void theSolrBackendWithoutAClusterAddressIsAnError() {
        assertEquals(2, cli("index", "--backend", "solr", "--corpus", "corpus").code());
        assertEquals(2, cli("solr-init").code());
    }
}
