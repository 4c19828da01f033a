package verbatim.index;

import verbatim.analysis.AnalysedArticle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies every article of one index into another, as stored: text, metadata, speakers, companies and quotes,
 * with no new analysis. The way from the embedded index to a SolrCloud collection that keeps the articles which
 * came only through the API and are in no corpus.
 *
 * <p>Articles the target already holds with the same content are left alone, and the target commits every
 * {@value #COMMIT_EVERY} articles, so a migration that is stopped part way is finished by running it again.
 * At the end the target must hold every article of the source as it was read there (id, source, content hash): otherwise it fails,
 * naming the first articles that differ.
 */
public final class Migration {

    static final int COMMIT_EVERY = 5_000;
    private static final int DIFFERENCES_SHOWN = 5;

    /** Told of the migration's progress, for the operator. */
    public interface Listener {
        default void started(int articles) {
        }

        default void progress(int done) {
        }
    }

    /**
     * @param copied    articles written to the target
     * @param unchanged articles the target already held as they are
     * @param articles  articles in the source, all now in the target
     * @param quotes    quotes in the source
     * @param targetArticles articles in the target afterwards (more than the source's when it held others)
     * @param targetQuotes   quotes in the target afterwards
     */
    public record Summary(int copied, int unchanged, int articles, int quotes, int targetArticles, int targetQuotes,
                          long millis) {
        @Override
        public String toString() {
            return String.format("%,d copied, %,d unchanged in %.1f s; the target holds all %,d articles of the source "
                    + "(%,d articles, %,d quotes in all)", copied, unchanged, millis / 1000.0, articles, targetArticles, targetQuotes);
        }
    }

    /** The target does not hold the source's articles as they are after the copy. */
    public static final class MismatchException extends IOException {
        MismatchException(String message) {
            super(message);
        }
    }

    private Migration() {
    }

    /** Copies {@code from} into {@code to} and checks the result; {@code from} must not change meanwhile. */
    public static Summary copy(ArticleIndex from, ArticleIndex to, Listener listener) throws IOException {
        long start = System.nanoTime();
        List<String> ids = from.entries().keySet().stream().sorted().toList();
        Map<String, ArticleIndex.Entry> before = to.entries();
        Map<String, String> state = new HashMap<>(to.corpusState());
        state.putAll(from.corpusState()); // a later 'index' run then sends only what changed in the corpus
        listener.started(ids.size());
        // What the target must hold: each article as read from the source. Its hash may differ from the source's
        // own entry when storing normalised the article (tags that differ only in case are stored once).
        Map<String, ArticleIndex.Entry> expected = new HashMap<>();
        int copied = 0;
        int unchanged = 0;
        for (String id : ids) {
            AnalysedArticle article = from.get(id);
            if (article == null) throw new IOException("article " + id + " vanished from the source during the migration");
            ArticleIndex.Entry entry = new ArticleIndex.Entry(id, article.article().source(), article.article().contentHash());
            expected.put(id, entry);
            if (entry.equals(before.get(id))) {
                unchanged++;
            } else {
                to.upsert(article);
                if (++copied % COMMIT_EVERY == 0) to.commit(); // progress kept if stopped; the corpus state only at the end
            }
            listener.progress(copied + unchanged);
        }
        to.commit(state);
        return check(from, to, expected, copied, unchanged, System.nanoTime() - start);
    }

    /** Every source article in the target with the same content hash, and as many quotes when they hold the same articles. */
    private static Summary check(ArticleIndex from, ArticleIndex to, Map<String, ArticleIndex.Entry> source,
                                 int copied, int unchanged, long nanos) throws IOException {
        Map<String, ArticleIndex.Entry> after = to.entries();
        List<String> differ = new ArrayList<>();
        int differences = 0;
        for (ArticleIndex.Entry e : source.values()) {
            if (e.equals(after.get(e.id()))) continue;
            differences++;
            if (differ.size() < DIFFERENCES_SHOWN) differ.add(e.id() + (after.containsKey(e.id()) ? " (differs)" : " (missing)"));
        }
        if (differences > 0) {
            throw new MismatchException(differences + " of " + source.size() + " articles are not in the target as they are in "
                    + "the source: " + String.join(", ", differ.stream().sorted().toList()));
        }
        ArticleIndex.Stats sourceStats = from.stats();
        ArticleIndex.Stats targetStats = to.stats();
        if (after.size() == source.size() && sourceStats.quotes() != targetStats.quotes()) {
            throw new MismatchException("the target holds the same " + source.size() + " articles but " + targetStats.quotes()
                    + " quotes, the source " + sourceStats.quotes());
        }
        return new Summary(copied, unchanged, source.size(), sourceStats.quotes(), targetStats.articles(), targetStats.quotes(),
                nanos / 1_000_000);
    }
}
