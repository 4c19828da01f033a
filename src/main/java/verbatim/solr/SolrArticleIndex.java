package verbatim.solr;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.GenericSolrRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.UpdateResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import verbatim.analysis.AnalysedArticle;
import verbatim.index.ArticleIndex;
import verbatim.index.Backups;
import verbatim.index.Schema;
import verbatim.search.EngineUnavailableException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link ArticleIndex} on a SolrCloud collection. Writes are gathered into batches of at most
 * {@value #BATCH_ARTICLES} articles, each sent with retries; a commit sends what is left and asks Solr for a
 * hard commit that opens a new searcher, so what a commit acknowledges is seen by the next search (as on the
 * embedded index, searches see nothing written after the last commit).
 *
 * <p>Every batch, deletion and commit returns only once every replica of the shards it touched holds it (in its
 * transaction log; in its index after the commit): Solr alone acknowledges a write that only the shard's leader
 * took, so {@link #write} reads how many replicas took it and sends it again until all have, or fails after
 * {@link #REPLICATION_WAIT}. While a replica is down, writes to its shard therefore fail rather than be kept on
 * one copy; searches go on.
 */
public final class SolrArticleIndex implements ArticleIndex {

    static final int BATCH_ARTICLES = 200;
    /** How long a write may wait for every replica of its shard to hold it before it fails. */
    static final Duration REPLICATION_WAIT = Duration.ofSeconds(30);
    private static final int ATTEMPTS = 6;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(SolrArticleIndex.class);

    private final SolrConnection solr;
    private final Duration replicationWait;
    private final Map<String, AnalysedArticle> pending = new LinkedHashMap<>();
    private volatile int replicas; // copies a write must reach; 0 until read from the cluster

    /** The index on {@code solr}'s collection; closing the index closes the connection. */
    public SolrArticleIndex(SolrConnection solr) {
        this(solr, REPLICATION_WAIT);
    }

    SolrArticleIndex(SolrConnection solr, Duration replicationWait) {
        this.solr = solr;
        this.replicationWait = replicationWait;
    }

    public SolrConnection connection() {
        return solr;
    }

    @Override
    public void upsert(AnalysedArticle article) throws IOException {
        List<AnalysedArticle> full = null;
        synchronized (pending) {
            pending.put(article.article().id(), article);
            if (pending.size() >= BATCH_ARTICLES) {
                full = new ArrayList<>(pending.values());
                pending.clear();
            }
        }
        if (full != null) send(full);
    }

    @Override
    public void delete(String id) throws IOException {
        flush();
        Map<String, Integer> quotes = quoteCounts(List.of(id));
        if (!quotes.containsKey(id)) return;
        UpdateRequest update = new UpdateRequest();
        update.deleteById(id);
        for (int i = 0; i < quotes.get(id); i++) update.deleteById(SolrDocuments.quoteId(id, i));
        write(update);
    }

    /** Sends the articles gathered so far. */
    public void flush() throws IOException {
        List<AnalysedArticle> batch;
        synchronized (pending) {
            batch = new ArrayList<>(pending.values());
            pending.clear();
        }
        if (!batch.isEmpty()) send(batch);
    }

    private void send(List<AnalysedArticle> batch) throws IOException {
        write(update(batch));
    }

    /** One batch: the articles' documents, and the deletion of quotes that a rewritten article no longer has. */
    private UpdateRequest update(List<AnalysedArticle> batch) throws IOException {
        UpdateRequest update = new UpdateRequest();
        if (batch.isEmpty()) return update;
        Map<String, Integer> before = quoteCounts(batch.stream().map(a -> a.article().id()).toList());
        List<SolrInputDocument> docs = new ArrayList<>();
        for (AnalysedArticle a : batch) {
            docs.addAll(SolrDocuments.of(a));
            int now = a.mentions().quotes().size();
            for (int i = now; i < before.getOrDefault(a.article().id(), 0); i++) {
                update.deleteById(SolrDocuments.quoteId(a.article().id(), i));
            }
        }
        update.add(docs);
        return update;
    }

    /** The number of quote documents of each of these articles that the collection holds (real-time get). */
    private Map<String, Integer> quoteCounts(List<String> ids) throws IOException {
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("ids", String.join(",", ids));
        params.set("fl", Schema.ID + "," + SolrDocuments.QUOTE_COUNT);
        QueryRequest get = new QueryRequest(params, org.apache.solr.client.solrj.SolrRequest.METHOD.POST); // 200 ids overflow a URL
        get.setPath("/get");
        Map<String, Integer> counts = new HashMap<>();
        for (SolrDocument doc : withRetries(get).getResults()) {
            counts.put(SolrDocuments.string(doc, Schema.ID), SolrDocuments.integer(doc, SolrDocuments.QUOTE_COUNT));
        }
        return counts;
    }

    /**
     * Sends an update and reads how many replicas of its shard took it: Solr's achieved replication factor
     * ({@code rf}, the least over the shards the update touched). Solr acknowledges a write that only the shard's
     * leader holds when another replica is down, or restarted and not yet recovering; that write would be gone if
     * the leader's disk were, or if that replica became leader before catching up. Such a write is sent again (the
     * same documents: only the number of copies changes) until every replica holds it, and fails after
     * {@link #replicationWait}: it may then be in the index, but it is not acknowledged.
     */
    private void write(UpdateRequest update) throws IOException {
        long deadline = System.nanoTime() + replicationWait.toNanos();
        for (int attempt = 0; ; attempt++) {
            UpdateResponse response = withRetries(update);
            // A commit with no document or deletion in it is not replicated, and says no rf: nothing to check.
            if (!(response.getResponseHeader().get(UpdateRequest.REPFACT) instanceof Number rf)) return;
            int wanted = replicas(attempt > 0);
            if (rf.intValue() >= wanted) return;
            if (System.nanoTime() - deadline > 0) {
                throw new EngineUnavailableException("a write reached " + rf + " of the " + wanted + " replicas of its shard in "
                        + replicationWait.toSeconds() + " s (a replica is down or recovering), so it is not acknowledged", null);
            }
            log.warn("a write reached {} of the {} replicas of its shard; sending it again", rf, wanted);
            pause(Math.min(attempt, 3));
        }
    }

    /**
     * The copies a write must reach: the replicas that take updates (NRT and TLOG, not PULL) of each active shard,
     * the least over the shards, from CLUSTERSTATUS; read again when {@code fresh} (a replica added or removed).
     */
    private int replicas(boolean fresh) throws IOException {
        if (replicas > 0 && !fresh) return replicas;
        Object shards = field(field(field(solr.admin(CollectionAdminRequest.getClusterStatus().setCollectionName(solr.collection()))
                .getResponse().get("cluster"), "collections"), solr.collection()), "shards");
        int least = Integer.MAX_VALUE;
        for (Object shard : values(shards)) {
            if (!"active".equals(String.valueOf(field(shard, "state")))) continue;
            int writable = 0;
            for (Object replica : values(field(shard, "replicas"))) {
                String type = String.valueOf(field(replica, "type"));
                if (type.equals("NRT") || type.equals("TLOG")) writable++;
            }
            least = Math.min(least, writable);
        }
        if (least == Integer.MAX_VALUE || least == 0) throw new IOException("Solr describes no active shard of " + solr.collection());
        replicas = least;
        return least;
    }

    /** A child of a node of a Solr response, which SolrJ gives as a NamedList or a Map depending on the part. */
    private static Object field(Object node, String key) {
        return node instanceof NamedList<?> n ? n.get(key) : node instanceof Map<?, ?> m ? m.get(key) : null;
    }

    private static List<Object> values(Object node) {
        List<Object> values = new ArrayList<>();
        if (node instanceof NamedList<?> n) n.forEach((k, v) -> values.add(v));
        else if (node instanceof Map<?, ?> m) values.addAll(m.values());
        return values;
    }

    private static void pause(int attempt) throws IOException {
        try {
            Thread.sleep(500L << attempt);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while retrying a Solr request", interrupted);
        }
    }

    /**
     * Sends a request, again after a pause when no node could take it (a node restarting, a shard electing its
     * leader): the same documents sent twice are the same documents, so retrying is safe.
     */
    private <T extends org.apache.solr.client.solrj.SolrResponse> T withRetries(org.apache.solr.client.solrj.SolrRequest<T> request) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return solr.request(request);
            } catch (IOException e) {
                last = e;
                if (attempt == ATTEMPTS - 1) break;
                pause(attempt);
            }
        }
        throw last;
    }

    @Override
    public Map<String, Entry> entries() throws IOException {
        Map<String, Entry> entries = new HashMap<>();
        forEach(Schema.KIND + ":" + Schema.KIND_ARTICLE, Schema.ID + "," + Schema.SOURCE + "," + Schema.HASH, doc -> {
            String id = SolrDocuments.string(doc, Schema.ID);
            entries.put(id, new Entry(id, SolrDocuments.string(doc, Schema.SOURCE), SolrDocuments.string(doc, Schema.HASH)));
        });
        return entries;
    }

    interface DocumentConsumer {
        void accept(SolrDocument doc) throws IOException;
    }

    /** Every document matching {@code query}, with the fields {@code fl}, a thousand at a time (cursor paging). */
    void forEach(String query, String fl, DocumentConsumer consumer) throws IOException {
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            SolrQuery q = new SolrQuery(query).setFields(fl).setRows(1000).setSort(Schema.ID, SolrQuery.ORDER.asc);
            q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse r = withRetries(new QueryRequest(q));
            for (SolrDocument doc : r.getResults()) consumer.accept(doc);
            if (cursor.equals(r.getNextCursorMark())) return;
            cursor = r.getNextCursorMark();
        }
    }

    @Override
    public AnalysedArticle get(String id) throws IOException {
        SolrDocument doc = realTimeGet(id);
        return doc == null || !Schema.KIND_ARTICLE.equals(SolrDocuments.string(doc, Schema.KIND)) ? null : SolrDocuments.toAnalysedArticle(doc);
    }

    private SolrDocument realTimeGet(String id) throws IOException {
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("id", id);
        QueryRequest get = new QueryRequest(params);
        get.setPath("/get");
        NamedList<Object> response = withRetries(get).getResponse();
        return (SolrDocument) response.get("doc");
    }

    @Override
    public int count() throws IOException {
        return (int) count(Schema.KIND_ARTICLE);
    }

    private long count(String kind) throws IOException {
        SolrQuery q = new SolrQuery(Schema.KIND + ":" + kind).setRows(0);
        return withRetries(new QueryRequest(q)).getResults().getNumFound();
    }

    /** Bytes: the index files of every replica of the collection, on every live node. */
    @Override
    public Stats stats() throws IOException {
        return new Stats(count(), (int) count(Schema.KIND_QUOTE), indexBytes());
    }

    @SuppressWarnings("unchecked")
    private long indexBytes() {
        long bytes = 0;
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("action", "STATUS");
        for (String node : solr.nodes()) {
            try {
                NamedList<Object> status = (NamedList<Object>) solr.onNode(node, new GenericSolrRequest(
                        org.apache.solr.client.solrj.SolrRequest.METHOD.GET, "/admin/cores", params)).getResponse().get("status");
                if (status == null) continue;
                for (Map.Entry<String, Object> core : status) {
                    NamedList<?> info = (NamedList<?>) core.getValue();
                    Object cloud = info.get("cloud");
                    boolean ours = cloud instanceof NamedList<?> c ? solr.collection().equals(c.get("collection"))
                            : core.getKey().startsWith(solr.collection() + "_shard");
                    Object index = info.get("index");
                    if (ours && index instanceof NamedList<?> i && i.get("sizeInBytes") instanceof Number n) bytes += n.longValue();
                }
            } catch (IOException | RuntimeException e) {
                // a node that does not answer adds nothing; the figure is for operators, not for correctness
            }
        }
        return bytes;
    }

    @Override
    public void commit(Map<String, String> corpusState) throws IOException {
        SolrInputDocument state = new SolrInputDocument();
        state.setField(Schema.ID, SolrDocuments.STATE_ID);
        state.setField(Schema.KIND, SolrDocuments.KIND_STATE);
        state.setField(SolrDocuments.CORPUS_STATE, JSON.writeValueAsString(new TreeMap<>(corpusState)));
        commitWith(state);
    }

    /**
     * Commits and leaves the corpus state as it is, as the API's writes do: the articles gathered and the commit go
     * in one request, two fewer round trips per write than reading the state back and writing it again.
     */
    @Override
    public void commit() throws IOException {
        commitWith(null);
    }

    private void commitWith(SolrInputDocument state) throws IOException {
        List<AnalysedArticle> batch;
        synchronized (pending) {
            batch = new ArrayList<>(pending.values());
            pending.clear();
        }
        UpdateRequest update = update(batch);
        if (state != null) update.add(state);
        update.setAction(UpdateRequest.ACTION.COMMIT, true, true);
        write(update);
    }

    @Override
    public Map<String, String> corpusState() throws IOException {
        SolrDocument doc = realTimeGet(SolrDocuments.STATE_ID);
        String json = doc == null ? null : SolrDocuments.string(doc, SolrDocuments.CORPUS_STATE);
        return json == null ? Map.of() : JSON.readValue(json, new TypeReference<Map<String, String>>() { });
    }

    /**
     * A backup by Solr's Collections API into {@code target}, which every Solr node must see at that path and allow
     * (see {@link SolrBackups}).
     */
    @Override
    public Backups.Manifest backup(Path target) throws IOException {
        return SolrBackups.backup(solr, target);
    }

    /** Sends what is gathered, and closes the connection (the index owns it). */
    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            solr.close();
        }
    }
}
