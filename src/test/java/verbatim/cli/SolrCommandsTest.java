package verbatim.cli;

import org.junit.jupiter.api.Test;
import verbatim.solr.LocalSolrCluster;
import verbatim.solr.SolrArticleIndex;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code verbatim solr-init} and {@code verbatim index --backend solr}, in-process, on the local SolrCloud. */
class SolrCommandsTest {

    @Test
    void initCreatesThenUpdatesAndIndexSyncsTheCorpusIntoTheCollection() throws Exception {
        LocalSolrCluster cluster = LocalSolrCluster.shared();
        String zk = cluster.zkHost();

        Cli created = Cli.run("solr-init", "--solr-zk", zk, "--collection", "cli", "--shards", "2", "--replicas", "2");
        assertEquals(0, created.code(), created.out());
        assertTrue(created.out().contains("Created collection cli (2 shards x 2 replicas)"), created.out());
        Cli updated = Cli.run("solr-init", "--solr-url", String.join(",", cluster.urls()), "--collection", "cli");
        assertEquals(0, updated.code(), updated.out());
        assertTrue(updated.out().contains("reloaded collection cli"), updated.out());

        Cli first = Cli.run("index", "--backend", "solr", "--solr-zk", zk, "--collection", "cli", "--corpus", "corpus");
        assertEquals(0, first.code(), first.out());
        assertTrue(first.out().contains("9 indexed, 0 unchanged"), first.out());
        // The corpus state lives in the collection: a second run finds everything in place.
        Cli again = Cli.run("index", "--backend", "solr", "--solr-zk", zk, "--collection", "cli", "--corpus", "corpus");
        assertEquals(0, again.code(), again.out());
        assertTrue(again.out().contains("0 indexed, 9 unchanged"), again.out());
        try (SolrArticleIndex index = new SolrArticleIndex(cluster.connect("cli"))) {
            assertEquals(9, index.count());
        }
    }

    @Test
    void theSolrBackendWithoutAClusterAddressIsAnError() {
        assertEquals(2, Cli.run("index", "--backend", "solr", "--corpus", "corpus").code());
        assertEquals(2, Cli.run("solr-init").code());
    }
}
