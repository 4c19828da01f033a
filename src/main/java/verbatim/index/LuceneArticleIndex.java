package verbatim.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import verbatim.analysis.AnalysedArticle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The embedded Lucene index, on disk in one directory. One writer per directory: a second process
 * opening the same index gets a clear {@link IndexUnavailableException}.
 */
public final class LuceneArticleIndex implements ArticleIndex {

    private static final String CORPUS_STATE = "verbatim.corpus";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Query ARTICLES = new TermQuery(new Term(Schema.KIND, Schema.KIND_ARTICLE));
    private static final Query QUOTES = new TermQuery(new Term(Schema.KIND, Schema.KIND_QUOTE));

    private final Directory directory;
    private final Path path;
    private final IndexWriter writer;
    private final SnapshotDeletionPolicy snapshots;
    private final SearcherManager searchers;

    /** Thrown when the index directory cannot be opened for writing: locked, corrupt, or not writable. */
    public static final class IndexUnavailableException extends IOException {
        IndexUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private LuceneArticleIndex(Path path, Directory directory, IndexWriter writer) throws IOException {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.snapshots = (SnapshotDeletionPolicy) writer.getConfig().getIndexDeletionPolicy();
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens the index in {@code dir}, creating it (and the directory) when there is none. */
    public static LuceneArticleIndex open(Path dir) throws IOException {
        Directory directory = null;
        try {
            Files.createDirectories(dir);
            directory = FSDirectory.open(dir);
            IndexWriterConfig config = new IndexWriterConfig(Schema.analyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(64)
                    .setCommitOnClose(false)
                    // keeps a commit's files while a backup copies them, however many commits follow
                    .setIndexDeletionPolicy(new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy()));
            IndexWriter writer = new IndexWriter(directory, config);
            if (!DirectoryReader.indexExists(directory)) {
                writer.commit(); // an empty index that opens, before the first article arrives
            }
            return new LuceneArticleIndex(dir, directory, writer);
        } catch (LockObtainFailedException e) {
            closeQuietly(directory);
            throw new IndexUnavailableException("index " + dir + " is in use by another Verbatim process (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            closeQuietly(directory);
            throw new IndexUnavailableException("cannot open index " + dir + ": " + e.getMessage(), e);
        }
    }

    /** True when {@code dir} holds a Lucene index with at least one commit. */
    public static boolean exists(Path dir) {
        if (!Files.isDirectory(dir)) return false;
        try (Directory d = FSDirectory.open(dir)) {
            return DirectoryReader.indexExists(d);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void upsert(AnalysedArticle article) throws IOException {
        writer.updateDocuments(new Term(Schema.ARTICLE_ID, article.article().id()), Schema.toDocuments(article));
    }

    @Override
    public void delete(String id) throws IOException {
        writer.deleteDocuments(new Term(Schema.ARTICLE_ID, id));
    }

    /** Work on a searcher over everything written so far (near real time, committed or not). */
    public interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** Runs {@code work} on a current searcher and releases it, whatever happens. */
    public <T> T withSearcher(SearcherWork<T> work) throws IOException {
        searchers.maybeRefresh();
        IndexSearcher searcher = searchers.acquire();
        try {
            return work.apply(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    /** Makes every write so far visible to the searchers before returning. */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    @Override
    public Map<String, Entry> entries() throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher searcher = searchers.acquire();
        try {
            Map<String, Entry> entries = new HashMap<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                LeafReader reader = leaf.reader();
                Bits live = reader.getLiveDocs();
                StoredFields stored = reader.storedFields();
                for (int doc = 0; doc < reader.maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        Entry e = Schema.toEntry(stored, doc);
                        if (e.id() != null) entries.put(e.id(), e); // quote documents have no id of their own
                    }
                }
            }
            return entries;
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public AnalysedArticle get(String id) throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs top = searcher.search(new TermQuery(new Term(Schema.ID, id)), 1);
            if (top.scoreDocs.length == 0) return null;
            Document doc = searcher.storedFields().document(top.scoreDocs[0].doc);
            return Schema.toAnalysedArticle(doc);
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public int count() throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.count(ARTICLES);
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public Stats stats() throws IOException {
        long bytes = 0;
        for (String file : directory.listAll()) {
            try {
                bytes += directory.fileLength(file);
            } catch (IOException goneSinceListed) {
                // merged away between the listing and now
            }
        }
        long size = bytes;
        return withSearcher(s -> new Stats(s.count(ARTICLES), s.count(QUOTES), size));
    }

    @Override
    public void commit(Map<String, String> corpusState) throws IOException {
        String state = JSON.writeValueAsString(new TreeMap<>(corpusState));
        writer.setLiveCommitData(Map.of(CORPUS_STATE, state).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking(); // what a commit acknowledges, the next search sees
    }

    /**
     * Lets the merges that the last flushes asked for finish, and commits them. Without this, closing
     * (a rollback) throws them away and every later open, {@code serve} included, redoes them while it
     * answers queries, and never keeps the result.
     */
    public void finishMerges() throws IOException {
        writer.maybeMerge();
        if (writer.getConfig().getMergeScheduler() instanceof ConcurrentMergeScheduler merges) {
            do {
                merges.sync(); // a finished merge may ask for another
            } while (writer.hasPendingMerges());
        }
        writer.commit();
        searchers.maybeRefresh();
    }

    /**
     * Copies the last commit to {@code target} (which must not exist, or be empty) while writes and
     * searches go on: the commit is snapshotted so that later commits and merges cannot delete its
     * files, copied, described in a manifest written last, and released. Everything committed before
     * the call, so every write acknowledged before it, is in the backup.
     */
    @Override
    public Backups.Manifest backup(Path target) throws IOException {
        IndexCommit commit = snapshots.snapshot();
        try {
            return Backups.copy(path, directory, commit, target);
        } finally {
            snapshots.release(commit);
            writer.deleteUnusedFiles(); // the files no commit needs any more
        }
    }

    @Override
    public Map<String, String> corpusState() throws IOException {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) live.forEach(e -> data.put(e.getKey(), e.getValue()));
        if (!data.containsKey(CORPUS_STATE)) {
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                data.putAll(reader.getIndexCommit().getUserData());
            } catch (IndexNotFoundException e) {
                return new HashMap<>();
            }
        }
        String state = data.get(CORPUS_STATE);
        if (state == null) return new HashMap<>();
        try {
            return JSON.readValue(state, new TypeReference<HashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            return new HashMap<>(); // a damaged record only costs a full re-read of the corpus
        }
    }

    /** Closes without committing: what was not committed is discarded, as after a crash. */
    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            try {
                writer.rollback();
            } finally {
                directory.close();
            }
        }
    }

    private static void closeQuietly(Directory d) {
        if (d == null) return;
        try {
            d.close();
        } catch (IOException ignored) {
            // already failing with a better message
        }
    }
}
