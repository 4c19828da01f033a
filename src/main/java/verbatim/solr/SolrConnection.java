package verbatim.solr;

import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrResponse;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.impl.ZkClientClusterStateProvider;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.Utils;
import verbatim.search.EngineUnavailableException;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A SolrCloud collection reached over plain HTTP (SolrJ's {@code java.net.http} client: SolrJ's default
 * Jetty 10 client would clash with Javalin's Jetty 12). Any live node answers any request, since Solr
 * routes queries and updates to the right shards itself; so this only spreads requests over the nodes
 * and, when one is down or cannot serve, tries the next.
 *
 * <p>The nodes come from a list of base URLs ({@code --solr-url}) or from ZooKeeper's live nodes
 * ({@code --solr-zk}).
 */
public final class SolrConnection implements Closeable {

    private final String collection;
    private final Supplier<List<String>> nodes;
    private final Closeable onClose;
    /** Searches and writes give up on a node after 30 s and try the next; cluster administration may take minutes. */
    private final Map<String, NodeClient> clients = new ConcurrentHashMap<>();
    private final Map<String, NodeClient> adminClients = new ConcurrentHashMap<>();
    private final AtomicInteger turn = new AtomicInteger();

    private SolrConnection(String collection, Supplier<List<String>> nodes, Closeable onClose) {
        this.collection = collection;
        this.nodes = nodes;
        this.onClose = onClose;
    }

    /** {@code urls}: base URLs of some nodes, like {@code http://127.0.0.1:8983/solr}. */
    public static SolrConnection ofUrls(List<String> urls, String collection) {
        List<String> fixed = urls.stream().map(u -> u.replaceAll("/+$", "")).toList();
        if (fixed.isEmpty()) throw new IllegalArgumentException("no Solr URL given");
        return new SolrConnection(collection, () -> fixed, () -> { });
    }

    /** {@code zk}: {@code HOST:PORT[,HOST:PORT...][/chroot]}; the live nodes are read from there. */
    public static SolrConnection ofZooKeeper(String zk, String collection) {
        int slash = zk.indexOf('/');
        List<String> hosts = Arrays.asList((slash < 0 ? zk : zk.substring(0, slash)).split(","));
        Optional<String> chroot = slash < 0 ? Optional.empty() : Optional.of(zk.substring(slash));
        ZkClientClusterStateProvider state = new ZkClientClusterStateProvider(hosts, chroot.orElse(null));
        return new SolrConnection(collection, () -> state.getLiveNodes().stream()
                .map(node -> Utils.getBaseUrlForNodeName(node, "http")).sorted().toList(), state);
    }

    public String collection() {
        return collection;
    }

    /** The base URLs of the nodes now thought alive. */
    public List<String> nodes() {
        return nodes.get();
    }

    /** Sends a request about the collection to a live node, trying the others when it cannot answer. */
    public <T extends SolrResponse> T request(SolrRequest<T> request) throws IOException {
        return send(request, collection);
    }

    /** Sends a request that names no collection (cluster administration). */
    public <T extends SolrResponse> T admin(SolrRequest<T> request) throws IOException {
        return send(request, null);
    }

    /** Sends a request to one given node, for what each node answers about itself (metrics). */
    public <T extends SolrResponse> T onNode(String node, SolrRequest<T> request) throws IOException {
        NodeClient client = adminClient(node);
        try {
            return request.process(client.solr, null);
        } catch (SolrServerException | IOException e) {
            discard(adminClients, node, client);
            throw new IOException("Solr node " + node + ": " + e.getMessage(), e);
        } catch (SolrException e) {
            throw new IOException("Solr node " + node + ": " + e.getMessage(), e);
        }
    }

    private <T extends SolrResponse> T send(SolrRequest<T> request, String target) throws IOException {
        List<String> live = new ArrayList<>(nodes.get());
        if (live.isEmpty()) throw new EngineUnavailableException("no live Solr node", null);
        int first = Math.floorMod(turn.getAndIncrement(), live.size());
        // At least two tries: a kept-alive connection the node closed while it sat idle fails at once ("received no
        // bytes") and its client is dropped, so the next try opens a new one, on the only node if there is one.
        // Updates are by id and deletes by id or query: sending one twice leaves the same index.
        int tries = Math.max(2, live.size());
        Exception last = null;
        for (int i = 0; i < tries; i++) {
            String node = live.get((first + i) % live.size());
            Map<String, NodeClient> pool = target == null ? adminClients : clients;
            NodeClient client = target == null ? adminClient(node) : client(node);
            try {
                return request.process(client.solr, target);
            } catch (SolrServerException | IOException e) {
                last = e; // the node could not be reached, or went away mid-answer: the next one may answer
                discard(pool, node, client);
            } catch (SolrException e) {
                if (!retriable(e.code())) throw new IOException("Solr: " + e.getMessage(), e);
                last = e;
            }
        }
        throw new EngineUnavailableException("no Solr node could answer (" + tries + " tries on " + live.size() + " nodes): " + last.getMessage(), last);
    }

    /** A node that is starting, stopping or has lost a shard's leader answers these; another may not. */
    private static boolean retriable(int code) {
        return code == 503 || code == 510 || code == 502 || code == 504 || code == -1;
    }

    private NodeClient client(String node) {
        return clients.computeIfAbsent(node, url -> NodeClient.of(url, 30));
    }

    private NodeClient adminClient(String node) {
        return adminClients.computeIfAbsent(node, url -> NodeClient.of(url, 300));
    }

    /**
     * A client that failed is dropped, and a fresh one made for the next request. The JDK client writes a POST body
     * through a pipe on a thread of {@code writers}; when the connection fails that thread is left blocked on the
     * pipe for good. With SolrJ's own four-thread pool, four failures to a killed node wedged every later request
     * to it, even after it came back (the failover test hung so). Stopping the writers frees those threads.
     */
    private static void discard(Map<String, NodeClient> pool, String node, NodeClient client) {
        if (pool.remove(node, client)) client.close();
    }

    private record NodeClient(HttpJdkSolrClient solr, ExecutorService writers) {
        static NodeClient of(String url, int requestTimeoutSeconds) {
            ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();
            return new NodeClient(new HttpJdkSolrClient.Builder(url)
                    .useHttp1_1(true)
                    .withExecutor(writers)
                    .withConnectionTimeout(2, TimeUnit.SECONDS)
                    .withRequestTimeout(requestTimeoutSeconds, TimeUnit.SECONDS)
                    .build(), writers);
        }

        /** Interrupts blocked body writers first; closing the JDK client waits for its exchanges, so not on the caller's thread. */
        void close() {
            writers.shutdownNow();
            Thread.ofVirtual().name("solr-client-close").start(() -> {
                try {
                    solr.close();
                } catch (IOException | RuntimeException ignored) {
                    // a client being thrown away: nothing left to save
                }
            });
        }
    }

    @Override
    public void close() throws IOException {
        for (NodeClient c : clients.values()) c.close();
        for (NodeClient c : adminClients.values()) c.close();
        onClose.close();
    }
}
