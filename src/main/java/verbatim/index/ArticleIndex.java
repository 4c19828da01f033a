package verbatim.index;

import verbatim.analysis.AnalysedArticle;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where articles are stored and found. Verbatim's own narrow contract, so the embedded Lucene index
 * and a distributed engine can stand behind the same commands and HTTP API.
 *
 * <p>Writes become durable at {@link #commit}; a crash before it loses only what came after the
 * previous commit, and the index still opens.
 */
public interface ArticleIndex extends Closeable {

    /** What the index holds about one article, enough to decide whether to rewrite it. */
    record Entry(String id, String source, String contentHash) {
    }

    /** Adds the article with its entities and quotes, or replaces the one with the same id. */
    void upsert(AnalysedArticle article) throws IOException;

    /** Removes the article with this id, if present. */
    void delete(String id) throws IOException;

    /** Every article held, by id; for syncing with a corpus. */
    Map<String, Entry> entries() throws IOException;

    /** The stored article with its entities and quotes, or null. */
    AnalysedArticle get(String id) throws IOException;

    /** Number of articles held, as of the last commit or refresh. */
    int count() throws IOException;

    /** Size figures for operators. */
    record Stats(int articles, int quotes, long bytes) {
    }

    Stats stats() throws IOException;

    /** Makes everything written so far durable, keeping the corpus state of the last commit. */
    default void commit() throws IOException {
        commit(corpusState());
    }

    /**
     * Makes everything written so far durable, together with {@code corpusState}: the files of the
     * corpus known to be completely indexed, with their content hashes.
     */
    void commit(Map<String, String> corpusState) throws IOException;

    /** The corpus state saved by the last commit (empty for a new index). */
    Map<String, String> corpusState() throws IOException;

    /**
     * Copies a consistent snapshot of the last commit into {@code target}, while the index keeps serving
     * and writing. Indexes that cannot do it throw {@link UnsupportedOperationException}.
     */
    default Backups.Manifest backup(Path target) throws IOException {
        throw new UnsupportedOperationException("this index cannot be backed up online");
    }
}
