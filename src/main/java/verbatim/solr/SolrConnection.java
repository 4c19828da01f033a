package verbatim.solr;

import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrResponse;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.impl.ZkClientClusterStateProvider;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.Utils;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Map<String, HttpJdkSolrClient> clients = new ConcurrentHashMap<>();
    private final Map<String, HttpJdkSolrClient> adminClients = new ConcurrentHashMap<>();
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
        try {
            return request.process(adminClient(node), null);
        } catch (SolrServerException | SolrException e) {
            throw new IOException("Solr node " + node + ": " + e.getMessage(), e);
        }
    }

    private <T extends SolrResponse> T send(SolrRequest<T> request, String target) throws IOException {
        List<String> live = new ArrayList<>(nodes.get());
        if (live.isEmpty()) throw new IOException("no live Solr node");
        int first = Math.floorMod(turn.getAndIncrement(), live.size());
        Exception last = null;
        for (int i = 0; i < live.size(); i++) {
            String node = live.get((first + i) % live.size());
            try {
                return request.process(target == null ? adminClient(node) : client(node), target);
            } catch (SolrServerException | IOException e) {
                last = e; // the node could not be reached, or went away mid-answer: the next one may answer
            } catch (SolrException e) {
                if (!retriable(e.code())) throw new IOException("Solr: " + e.getMessage(), e);
                last = e;
            }
        }
        throw new IOException("no Solr node could answer (" + live.size() + " tried): " + last.getMessage(), last);
    }

    /** A node that is starting, stopping or has lost a shard's leader answers these; another may not. */
    private static boolean retriable(int code) {
        return code == 503 || code == 510 || code == 502 || code == 504 || code == -1;
    }

    private HttpJdkSolrClient client(String node) {
        return clients.computeIfAbsent(node, url -> newClient(url, 30));
    }

    private HttpJdkSolrClient adminClient(String node) {
        return adminClients.computeIfAbsent(node, url -> newClient(url, 300));
    }

    private static HttpJdkSolrClient newClient(String url, int requestTimeoutSeconds) {
        return new HttpJdkSolrClient.Builder(url)
                .useHttp1_1(true)
                .withConnectionTimeout(2, TimeUnit.SECONDS)
                .withRequestTimeout(requestTimeoutSeconds, TimeUnit.SECONDS)
                .build();
    }

    @Override
    public void close() throws IOException {
        for (HttpJdkSolrClient c : clients.values()) c.close();
        for (HttpJdkSolrClient c : adminClients.values()) c.close();
        onClose.close();
    }
}
