package verbatim.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.LockObtainFailedException;
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
    /**
     * The writer and the searchers over it, swapped together when a failed write resets the writer to the
     * last commit. {@code writer} is null while the index cannot be written (the searchers then read the
     * last commit from disk, so searches keep working).
     */
    private volatile Live live;

    private record Live(IndexWriter writer, SnapshotDeletionPolicy snapshots, SearcherManager searchers) {
    }

    /** Thrown when the index directory cannot be opened for writing: locked, corrupt, or not writable. */
    public static final class IndexUnavailableException extends IOException {
        IndexUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private LuceneArticleIndex(Path path, Directory directory) throws IOException {
        this.path = path;
        this.directory = directory;
        this.live = openWriter(directory);
    }

    /** Opens the index in {@code dir}, creating it (and the directory) when there is none. */
    public static LuceneArticleIndex open(Path dir) throws IOException {
        Directory directory = null;
        try {
            Backups.recover(dir); // a restore killed while it swapped folders: finish it
            Files.createDirectories(dir);
            directory = FSDirectory.open(dir);
        } catch (IOException e) {
            closeQuietly(directory);
            throw new IndexUnavailableException("cannot open index " + dir + ": " + e.getMessage(), e);
        }
        return open(dir, directory);
    }

    /**
     * Opens the index kept in {@code directory}, which {@code dir} names in messages. The seam for tests that
     * put a failing disk under the index (a {@link org.apache.lucene.store.FilterDirectory}); closing the index
     * closes {@code directory}.
     */
    public static LuceneArticleIndex open(Path dir, Directory directory) throws IOException {
        try {
            return new LuceneArticleIndex(dir, directory);
        } catch (LockObtainFailedException e) {
            closeQuietly(directory);
            throw new IndexUnavailableException("index " + dir + " is in use by another Verbatim process (" + e.getMessage() + ")", e);
        } catch (CorruptIndexException e) {
            closeQuietly(directory);
            throw new IndexUnavailableException("index " + dir + " is corrupt (" + firstLine(e) + "). Restore it from a backup "
                    + "('verbatim restore'), or delete the folder and run 'verbatim index' to rebuild it from the corpus", e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(directory);
            throw new IndexUnavailableException("cannot open index " + dir + ": " + firstLine(e), e);
        }
    }

    /** A writer over the last commit, with near-real-time searchers over it. */
    private static Live openWriter(Directory directory) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(Schema.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64)
                .setCommitOnClose(false)
                // keeps a commit's files while a backup copies them, however many commits follow
                .setIndexDeletionPolicy(new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy()));
        IndexWriter writer = new IndexWriter(directory, config);
        try {
            if (!DirectoryReader.indexExists(directory)) {
                writer.commit(); // an empty index that opens, before the first article arrives
            }
            return new Live(writer, (SnapshotDeletionPolicy) config.getIndexDeletionPolicy(), new SearcherManager(writer, null));
        } catch (IOException | RuntimeException e) {
            writer.rollback(); // releases the write lock: the caller reports the problem
            throw e;
        }
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    /** Something Lucene does to the index through the writer. */
    private interface WriterWork<T> {
        T apply(IndexWriter writer) throws IOException;
    }

    /**
     * Runs {@code work} on the writer. When the disk fails under it (full, read-only, I/O error), Lucene may
     * close the writer for good (a "tragic" event) and what was not committed is lost either way: the writer is
     * reset to the last commit so that the next write can try again, searches go on over the last commit, and
     * the caller gets an {@link IndexWriteException}. Callers that pair writes with a commit must not let two of
     * them interleave, or a reset caused by one discards the other's uncommitted writes (the HTTP API sends every
     * write through one committer thread, which fails the whole batch when a reset drops it).
     */
    private <T> T writing(WriterWork<T> work) throws IOException {
        Live current = writable();
        try {
            return work.apply(current.writer());
        } catch (IOException | AlreadyClosedException e) {
            throw failed(current, e);
        } catch (RuntimeException e) {
            // Bad input (a term too long, say) leaves the writer usable; a failure deep in Lucene may not.
            if (current.writer().getTragicException() != null || !current.writer().isOpen()) throw failed(current, e);
            throw e;
        }
    }

    private IndexWriteException failed(Live current, Exception e) {
        boolean tragic = current.writer().getTragicException() != null;
        reset(current);
        return new IndexWriteException("index " + path + " cannot be written: " + firstLine(e) + (tragic
                ? " (Lucene closed its writer; reopened over the last commit)" : " (uncommitted writes dropped; back at the last commit)"), e);
    }

    /** The current writer, reopened over the last commit if a failure had closed it. */
    private Live writable() throws IOException {
        Live current = live;
        if (current.writer() != null) return current;
        synchronized (this) {
            if (live.writer() == null) {
                try {
                    swap(openWriter(directory));
                } catch (IOException | RuntimeException e) {
                    throw new IndexWriteException("index " + path + " cannot be written: " + firstLine(e), e);
                }
            }
            return live;
        }
    }

    /** Drops what {@code failed} held uncommitted and reopens over the last commit, read-only if even that fails. */
    private synchronized void reset(Live failed) {
        if (live != failed) return; // another thread got there first
        try {
            failed.writer().rollback(); // a no-op when Lucene closed it already
        } catch (IOException | RuntimeException ignored) {
            // reopening below is what matters
        }
        try {
            swap(openWriter(directory));
        } catch (IOException | RuntimeException writerFailed) {
            try {
                swap(new Live(null, null, new SearcherManager(directory, null)));
            } catch (IOException | RuntimeException readerFailed) {
                // Nothing readable either: keep the closed one; searches report the failure.
            }
        }
    }

    private void swap(Live next) {
        Live previous = live;
        live = next;
        if (previous != null) {
            try {
                previous.searchers().close(); // searchers acquired from it stay usable until released
            } catch (IOException ignored) {
                // its writer is gone already
            }
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
        writing(w -> w.updateDocuments(new Term(Schema.ARTICLE_ID, article.article().id()), Schema.toDocuments(article)));
    }

    @Override
    public void delete(String id) throws IOException {
        writing(w -> w.deleteDocuments(new Term(Schema.ARTICLE_ID, id)));
    }

    /** Work on a searcher over everything written so far (near real time, committed or not). */
    public interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /**
     * Runs {@code work} on a searcher over the last commit (or explicit refresh) and releases it, whatever
     * happens. Reads never refresh on their own: a write between its update and its commit must not be
     * seen, since it may yet fail and be rolled back.
     */
    public <T> T withSearcher(SearcherWork<T> work) throws IOException {
        return search(false, work);
    }

    /**
     * Runs {@code work} on a searcher, first made to see every write so far when {@code refreshFirst}.
     * Tries twice: a failed write may swap the searchers between reading {@link #live} and acquiring from it.
     */
    private <T> T search(boolean refreshFirst, SearcherWork<T> work) throws IOException {
        for (int attempt = 0; ; attempt++) {
            SearcherManager searchers = live.searchers();
            IndexSearcher searcher;
            try {
                if (refreshFirst) searchers.maybeRefreshBlocking();
                searcher = searchers.acquire();
            } catch (AlreadyClosedException e) {
                if (attempt == 0) continue;
                throw e;
            }
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        }
    }

    /** Makes every write so far visible to the searchers before returning. */
    public void refresh() throws IOException {
        search(true, s -> null);
    }

    @Override
    public Map<String, Entry> entries() throws IOException {
        return search(false, searcher -> {
            Map<String, Entry> entries = new HashMap<>();
            Schema.forEachArticle(searcher, Schema.ENTRY_FIELDS, doc -> {
                Entry e = Schema.toEntry(doc);
                entries.put(e.id(), e);
            });
            return entries;
        });
    }

    @Override
    public AnalysedArticle get(String id) throws IOException {
        return search(false, searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term(Schema.ID, id)), 1);
            if (top.scoreDocs.length == 0) return null;
            Document doc = searcher.storedFields().document(top.scoreDocs[0].doc);
            return Schema.toAnalysedArticle(doc);
        });
    }

    @Override
    public int count() throws IOException {
        return search(false, searcher -> searcher.count(ARTICLES));
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
        writing(w -> {
            w.setLiveCommitData(Map.of(CORPUS_STATE, state).entrySet());
            return w.commit();
        });
        refresh(); // what a commit acknowledges, the next search sees
    }

    /**
     * Lets the merges that the last flushes asked for finish, and commits them. Without this, closing
     * (a rollback) throws them away and every later open, {@code serve} included, redoes them while it
     * answers queries, and never keeps the result.
     */
    public void finishMerges() throws IOException {
        writing(writer -> {
            writer.maybeMerge();
            if (writer.getConfig().getMergeScheduler() instanceof ConcurrentMergeScheduler merges) {
                do {
                    merges.sync(); // a finished merge may ask for another
                } while (writer.hasPendingMerges());
            }
            return writer.commit();
        });
        refresh();
    }

    /** Segments in the last commit or refresh: each one is searched, and its terms looked up, on its own. */
    public int segments() throws IOException {
        return withSearcher(searcher -> searcher.getIndexReader().leaves().size());
    }

    /**
     * Merges the index down to at most {@code maxSegments} segments and commits. Worth it once after a bulk
     * load, when nothing else writes: a search then looks each term up once per segment instead of once per
     * flush, and facet ordinals need no mapping across segments. It rewrites the whole index, so not after
     * every write.
     */
    public void forceMerge(int maxSegments) throws IOException {
        writing(writer -> {
            writer.forceMerge(maxSegments);
            return writer.commit();
        });
        refresh();
    }

    /**
     * Copies the last commit to {@code target} (which must not exist, or be empty) while writes and
     * searches go on: the commit is snapshotted so that later commits and merges cannot delete its
     * files, copied, described in a manifest written last, and released. Everything committed before
     * the call, so every write acknowledged before it, is in the backup.
     */
    @Override
    public Backups.Manifest backup(Path target) throws IOException {
        Live current = writable(); // the snapshot is released on the writer that took it
        IndexCommit commit = current.snapshots().snapshot();
        try {
            return Backups.copy(path, directory, commit, target);
        } finally {
            current.snapshots().release(commit);
            current.writer().deleteUnusedFiles(); // the files no commit needs any more
        }
    }

    @Override
    public Map<String, String> corpusState() throws IOException {
        Map<String, String> data = new HashMap<>();
        IndexWriter writer = live.writer();
        Iterable<Map.Entry<String, String>> pending = writer == null ? null : writer.getLiveCommitData();
        if (pending != null) pending.forEach(e -> data.put(e.getKey(), e.getValue()));
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
        Live current = live;
        try {
            current.searchers().close();
        } finally {
            try {
                if (current.writer() != null) current.writer().rollback();
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
