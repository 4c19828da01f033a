package verbatim.http;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where searches run: a few threads, as many as the cores by default, taking searches from a bounded queue in arrival
 * order, as Elasticsearch's search pool does. A search is all CPU (the index is in memory): sixteen of them at once on
 * two cores do not finish sooner than two at a time, they thrash the caches, switch contexts and hold sixteen
 * responses' garbage, and every short request (a suggestion, a health check) waits behind all of them. Short requests
 * therefore stay on the HTTP threads and never queue here. When the queue is full a search is refused at once with
 * {@link Full} (a 503 with {@code Retry-After}) rather than left to wait without bound.
 *
 * <p>With no threads, searches run on the HTTP thread that received them, as before there was a pool.
 */
final class SearchPool implements AutoCloseable {

    /** Searches queued and running beyond threads + queue: answered 503, to be retried shortly. */
    static final class Full extends RuntimeException {
        Full(int threads, int queue) {
            super("the server is busy: " + threads + " searches are running and " + queue
                    + " more are waiting, the most it queues; retry in a moment", null, false, false);
        }
    }

    private final int threads;
    private final int queue;
    private final ThreadPoolExecutor executor;
    private final AtomicLong refused = new AtomicLong();

    SearchPool(int threads, int queue) {
        if (threads < 0 || queue < 0) throw new IllegalArgumentException("threads and queue must be 0 or more");
        this.threads = threads;
        this.queue = queue;
        if (threads == 0) {
            executor = null;
        } else {
            AtomicInteger number = new AtomicInteger();
            // A SynchronousQueue when no waiting is allowed: ArrayBlockingQueue needs room for one.
            executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                    queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue),
                    work -> {
                        Thread t = new Thread(work, "verbatim-search-" + number.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    },
                    new ThreadPoolExecutor.AbortPolicy());
        }
    }

    /**
     * Runs {@code work} on the pool and waits for it: its result, or what it threw. Throws {@link Full} at once when
     * the pool is busy and its queue full.
     */
    <T> T run(Callable<T> work) throws Exception {
        if (executor == null) return work.call();
        Future<T> result;
        try {
            result = executor.submit(work);
        } catch (RejectedExecutionException full) {
            refused.incrementAndGet();
            throw new Full(threads, queue);
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            // Dropped if still queued; a search already running finishes (interrupting Lucene's I/O can close its files).
            result.cancel(false);
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception failure) throw failure;
            if (e.getCause() instanceof Error error) throw error;
            throw e;
        }
    }

    /** Searches waiting for a thread. */
    int waiting() {
        return executor == null ? 0 : executor.getQueue().size();
    }

    /** Searches refused because the queue was full, since the server started. */
    long refused() {
        return refused.get();
    }

    int threads() {
        return threads;
    }

    @Override
    public void close() {
        if (executor != null) executor.shutdownNow();
    }
}
