package verbatim.solr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import verbatim.analysis.ArticleAnalysis;
import verbatim.index.Schema;
import verbatim.ingest.Article;
import verbatim.search.SearchRequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node of the 3-node cluster killed with SIGKILL while searches and writes go on (a collection of 2 shards ×
 * 2 replicas): every search still answers; no write is acknowledged while a replica of its shard is down (Solr
 * takes it on the leader alone, and says so in {@code rf}); once the node, started again, has rejoined with every
 * replica active, every acknowledged write is on every replica of its shard, and searches find them all.
 */
class SolrFailoverTest {

    private static final int VICTIM = 2; // not node 1: it runs ZooKeeper
    /** Not the 30 s a server waits: the writer gives up sooner and tries the next write while the node is down. */
    private static final Duration REPLICATION_WAIT = Duration.ofSeconds(5);

    /** An acknowledged write: when its call started and when it returned (System.nanoTime). */
    private record Write(long started, long returned) {
    }

    @Test
    @Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void killingANodeLosesNoAcknowledgedWriteAndSearchesKeepAnswering() throws Exception {
        LocalSolrCluster cluster = LocalSolrCluster.shared();
        ArticleAnalysis analysis = new ArticleAnalysis();
        try (SolrArticleIndex index = new SolrArticleIndex(cluster.newCollection("failover"), REPLICATION_WAIT)) {
            SolrSearch search = new SolrSearch(index);
            for (int i = 0; i < 100; i++) index.upsert(analysis.analyse(article("before-" + i)));
            index.commit();

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            AtomicReference<Exception> firstFailure = new AtomicReference<>();
            Map<String, Write> acknowledged = new ConcurrentHashMap<>();
            AtomicInteger refused = new AtomicInteger();
            List<Thread> load = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                load.add(Thread.ofPlatform().start(() -> {
                    while (running.get()) {
                        try {
                            long total = search.articles(SearchRequest.of("zorbaxium journaliste")).total();
                            if (total < 100) throw new AssertionError("a search saw " + total + " articles of at least 100");
                            answered.incrementAndGet();
                        } catch (Exception | AssertionError e) {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, e instanceof Exception ex ? ex : new Exception(e));
                        }
                    }
                }));
            }
            Thread writer = Thread.ofPlatform().start(() -> {
                for (int n = 0; running.get(); n++) {
                    String id = "during-" + n;
                    long started = System.nanoTime();
                    try {
                        index.upsert(analysis.analyse(article(id)));
                        index.commit();
                        acknowledged.put(id, new Write(started, System.nanoTime())); // committed: this write must survive
                    } catch (IOException e) {
                        refused.incrementAndGet(); // not acknowledged: it may or may not be there
                    }
                }
            });

            long killed;
            long restarting;
            try {
                long t0 = System.nanoTime();
                Thread.sleep(3_000);
                cluster.kill(VICTIM);
                killed = System.nanoTime();
                log(t0, "node " + (VICTIM + 1) + " killed");
                Thread.sleep(12_000);
                restarting = System.nanoTime();
                cluster.restart(VICTIM);
                log(t0, "node " + (VICTIM + 1) + " started again");
                awaitEveryReplicaActive(cluster);
                log(t0, "every replica active");
                Thread.sleep(2_000);
            } finally {
                running.set(false);
                for (Thread t : load) t.join();
                writer.join();
            }

            assertEquals(0, failed.get(), () -> failed + " of " + (answered.get() + failed.get()) + " searches failed, first: " + firstFailure.get());
            assertTrue(answered.get() > 0);
            assertTrue(acknowledged.size() > 0, "some writes were acknowledged during the run");

            // Asked of each replica alone (real-time get: the transaction log, not a searcher that may lag).
            Layout layout = layout(cluster, "failover");
            Map<String, Set<String>> holders = holders(index.connection(), layout, acknowledged.keySet());
            String victim = cluster.urls().get(VICTIM) + "/";
            List<String> whileDown = new ArrayList<>();
            List<String> notOnEveryReplica = new ArrayList<>();
            for (String id : acknowledged.keySet()) {
                Set<String> held = holders.getOrDefault(id, Set.of());
                Map<String, String> shard = layout.replicas().values().stream()
                        .filter(cores -> cores.keySet().stream().anyMatch(held::contains)).findFirst().orElse(Map.of());
                if (held.isEmpty() || !held.equals(shard.keySet())) notOnEveryReplica.add(id + " on " + held);
                Write w = acknowledged.get(id);
                boolean onVictim = shard.keySet().stream().anyMatch(core -> core.startsWith(victim));
                if (onVictim && w.started() > killed && w.returned() < restarting) whileDown.add(id);
            }
            assertEquals(List.of(), whileDown.stream().sorted().toList(), "acknowledged while a replica of their shard was down");
            assertTrue(refused.get() > 0, "writes sent while a replica was down were refused");
            assertEquals(List.of(), notOnEveryReplica.stream().sorted().toList(), "acknowledged writes not on every replica of their shard");

            index.commit();
            Set<String> found = index.entries().keySet();
            assertEquals(List.of(), acknowledged.keySet().stream().filter(id -> !found.contains(id)).sorted().toList(),
                    "acknowledged writes that searches do not find");
            assertReplicasAgree(index.connection(), layout);
            System.out.printf("failover: %d searches answered, 0 failed; %d writes acknowledged, each on every replica; %d refused%n",
                    answered.get(), acknowledged.size(), refused.get());
        }
    }

    private static void log(long t0, String what) {
        System.out.printf("failover: %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, what);
    }

    private static Article article(String id) {
        return new Article(id, "test/" + id, "https://t.example/" + id, "Le zorbaxium " + id, "Rédaction",
                LocalDate.parse("2024-03-01"), "t.example", List.of("essai"), "fr",
                "Le zorbaxium arrive dans les rédactions. « Le zorbaxium change le métier », explique Jeanne Martin, journaliste chez Mobilis.");
    }

    /** The collection's replicas: shard → (core URL → state), with the live nodes. */
    private record Layout(Map<String, Map<String, String>> replicas, List<String> liveNodes) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** From CLUSTERSTATUS, asked of node 1 (never killed here) as JSON. */
    private static Layout layout(LocalSolrCluster cluster, String collection) throws IOException, InterruptedException {
        JsonNode status = clusterStatus(cluster, "&collection=" + collection);
        Map<String, Map<String, String>> replicas = new TreeMap<>();
        status.path("collections").path(collection).path("shards").properties().forEach(shard -> {
            Map<String, String> states = new TreeMap<>();
            shard.getValue().path("replicas").forEach(replica -> states.put(
                    replica.path("base_url").asText() + "/" + replica.path("core").asText(), replica.path("state").asText()));
            replicas.put(shard.getKey(), states);
        });
        List<String> live = new ArrayList<>();
        status.path("live_nodes").forEach(n -> live.add(n.asText()));
        return new Layout(replicas, live);
    }

    private static JsonNode clusterStatus(LocalSolrCluster cluster, String params) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(cluster.urls().get(0)
                + "/admin/collections?action=CLUSTERSTATUS&wt=json" + params)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(r.body()).path("cluster");
    }

    /**
     * Every replica of every collection active, those of the other tests' collections too: a replica still
     * recovering would hold their next writes until it has caught up.
     */
    private static void awaitEveryReplicaActive(LocalSolrCluster cluster) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        List<String> notActive = List.of("?");
        while (System.nanoTime() < deadline) {
            try {
                JsonNode status = clusterStatus(cluster, "");
                notActive = status.path("collections").findValues("replicas").stream()
                        .flatMap(replicas -> replicas.properties().stream())
                        .filter(replica -> !"active".equals(replica.getValue().path("state").asText()))
                        .map(replica -> replica.getValue().path("core").asText()).toList();
                if (notActive.isEmpty() && status.path("live_nodes").size() == LocalSolrCluster.NODES) return;
            } catch (IOException e) {
                // the cluster is busy recovering: ask again
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the restarted node did not rejoin with every replica active: " + notActive);
    }

    /** Id → the cores that hold it, each asked alone by real-time get. */
    private static Map<String, Set<String>> holders(SolrConnection solr, Layout layout, Set<String> ids) throws IOException {
        Map<String, Set<String>> holders = new HashMap<>();
        for (Map<String, String> shard : layout.replicas().values()) {
            for (String core : shard.keySet()) {
                ModifiableSolrParams p = new ModifiableSolrParams();
                p.set("ids", String.join(",", ids));
                p.set("fl", Schema.ID);
                p.set("distrib", false);
                QueryRequest get = new QueryRequest(p, SolrRequest.METHOD.POST);
                get.setPath("/get");
                for (SolrDocument doc : solr.onNode(core, get).getResults()) {
                    holders.computeIfAbsent(SolrDocuments.string(doc, Schema.ID), id -> new HashSet<>()).add(core);
                }
            }
        }
        return holders;
    }

    /** Every replica of a shard holds the same number of articles (counted on the replica alone). */
    private static void assertReplicasAgree(SolrConnection solr, Layout layout) throws Exception {
        for (Map.Entry<String, Map<String, String>> shard : layout.replicas.entrySet()) {
            Map<String, Long> counts = new HashMap<>();
            for (String core : shard.getValue().keySet()) {
                ModifiableSolrParams p = new ModifiableSolrParams();
                p.set("q", "*:*");
                p.set("rows", 0);
                p.set("distrib", false);
                counts.put(core, solr.onNode(core, new QueryRequest(p)).getResults().getNumFound());
            }
            assertEquals(1, Set.copyOf(counts.values()).size(), shard.getKey() + "'s replicas differ: " + counts);
        }
    }
}
