package verbatim.search;

import org.slf4j.LoggerFactory;
import verbatim.index.LuceneArticleIndex;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The completions of the index as it is: built in the background (when the server starts, and again once the index
 * has changed), so a lookup never waits for a rebuild, only for the very first build. Rebuilding reads every article
 * (seconds on 38,000), hence at most one at a time, and not within {@value #MIN_INTERVAL_MS} ms of the previous one
 * nor within {@value #BUILD_TIME_FACTOR} times its duration: under a steady stream of writes, rebuilding then costs
 * at most about 1/{@value #BUILD_TIME_FACTOR} of one core (a soak run with a fixed 5 to 30 s interval spent a third
 * of the server's CPU on it). After a write, suggestions catch up within that time and one build.
 */
final class LiveCompletions {

    static final long MIN_INTERVAL_MS = 5_000;
    static final int BUILD_TIME_FACTOR = 20;

    private final LuceneArticleIndex index;
    private final long minIntervalMs;
    private final CompletableFuture<Built> first = new CompletableFuture<>();
    private final AtomicBoolean building = new AtomicBoolean();
    private volatile Built built;

    private record Built(Completions completions, Object readerKey, long builtAt, long buildMillis) {
    }

    LiveCompletions(LuceneArticleIndex index) {
        this(index, MIN_INTERVAL_MS);
    }

    LiveCompletions(LuceneArticleIndex index, long minIntervalMs) {
        this.index = index;
        this.minIntervalMs = minIntervalMs;
    }

    /** Starts the first build, so the first user to type does not wait for it. */
    void warmUp() {
        rebuildInBackground();
    }

    List<Suggestion> lookup(String prefix, int count) throws IOException {
        Built b = built;
        if (b == null) {
            rebuildInBackground();
            b = awaitFirst();
        } else if (System.currentTimeMillis() - b.builtAt >= Math.max(minIntervalMs, BUILD_TIME_FACTOR * b.buildMillis)
                && !b.readerKey.equals(readerKey())) {
            rebuildInBackground();
        }
        return b.completions.lookup(prefix, count);
    }

    private Object readerKey() throws IOException {
        return index.withSearcher(s -> s.getIndexReader().getReaderCacheHelper().getKey());
    }

    private Built awaitFirst() throws IOException {
        try {
            return first.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the completions were being built", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    private void rebuildInBackground() {
        if (!building.compareAndSet(false, true)) return;
        Thread.ofVirtual().name("verbatim-completions").start(() -> {
            try {
                long start = System.currentTimeMillis();
                Built fresh = index.withSearcher(s -> {
                    Completions completions = Completions.of(s);
                    long now = System.currentTimeMillis();
                    return new Built(completions, s.getIndexReader().getReaderCacheHelper().getKey(), now, now - start);
                });
                Built old = built;
                built = fresh;
                first.obtrudeValue(fresh);
                closeLater(old);
            } catch (IOException | RuntimeException e) {
                LoggerFactory.getLogger(LiveCompletions.class).warn("building the completions failed", e);
                if (built == null) first.obtrudeException(e); // the waiting lookups fail; the next one tries again
            } finally {
                building.set(false);
            }
        });
    }

    /** A lookup may still be running on the old completions: give it time before closing them. */
    private static void closeLater(Built old) {
        if (old == null) return;
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(10_000);
                old.completions.close();
            } catch (InterruptedException | IOException ignored) {
                // memory only; the collector takes it either way
            }
        });
    }
}
