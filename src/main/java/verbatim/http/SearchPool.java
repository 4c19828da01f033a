package verbatim.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where searches run: a few threads, as many as the cores by default, as Elasticsearch's search pool has. A search is
 * all CPU (the index is in memory): sixteen of them at once on two cores do not finish sooner than two at a time, they
 * thrash the caches, switch contexts and hold sixteen responses' garbage, and every short request (a suggestion, a
 * health check) waits behind all of them. Short requests therefore stay on the HTTP threads and never queue here.
 *
 * <p>Waiting searches are taken in arrival order by default, or <b>cheapest first</b> when asked, by the estimate each
 * brings ({@code Search}'s cost guess), so that a quick search does not wait behind slow ones. With searches always
 * waiting, the mean latency is set by throughput whatever the order (Little's law), but the median is set by the
 * order: in arrival order every search
 * waits about the mean; cheapest first, most wait little and the costly few longer. None waits for ever behind cheaper
 * ones: a search that has waited longer than the bound goes before them, oldest first. In arrival order
 * ({@link ServerConfig.SearchOrder#ARRIVAL}) the bound changes nothing.
 *
 * <p>The searches run on the pool's own threads rather than on the HTTP threads that received them (a permit per core
 * would save a hand-off): measured, searches on the HTTP threads made suggestions wait 3 times longer at the median
 * under 16 connections (bench/README, latency6). Busy threads that never sleep are the ones the kernel's scheduler
 * lets a waking suggestion go ahead of; HTTP threads that run a search now and then look as deserving as it does.
 *
 * <p>When {@code queue} searches are waiting, the next is refused at once with {@link Full} (a 503 with
 * {@code Retry-After}) rather than left to wait without bound. With no threads, searches run on the HTTP thread that
 * received them, as they come.
 */
final class SearchPool implements AutoCloseable {

    /** Searches queued and running beyond threads + queue: answered 503, to be retried shortly. */
    static final class Full extends RuntimeException {
        Full(int threads, int queue) {
            super("the server is busy: " + threads + " searches are running and " + queue
                    + " more are waiting, the most it queues; retry in a moment", null, false, false);
        }
    }

    /** A search's estimated cost, asked for only when the search has to wait. */
    @FunctionalInterface
    interface Cost {
        long guess() throws Exception;
    }

    /** A search waiting for a thread, with its estimated cost and since when it waits. */
    private static final class Task<T> extends FutureTask<T> {
        final long cost;
        final long since = System.nanoTime();

        Task(long cost, Callable<T> work) {
            super(work);
            this.cost = cost;
        }
    }

    private final int threads;
    private final int queue;
    private final ServerConfig.SearchOrder order;
    private final long boundNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    /** In arrival order; at most {@code queue} long, so a scan for the cheapest costs next to nothing. */
    private final List<Task<?>> waiting = new ArrayList<>();
    private int idle;
    private boolean closed;
    private final AtomicLong refused = new AtomicLong();

    /**
     * {@code threads} searches run at once, {@code queue} wait at most; taken in {@code order}, except that one waiting
     * longer than {@code waitBound} goes first.
     */
    SearchPool(int threads, int queue, ServerConfig.SearchOrder order, long waitBound, TimeUnit unit) {
        if (threads < 0 || queue < 0) throw new IllegalArgumentException("threads and queue must be 0 or more");
        this.threads = threads;
        this.queue = queue;
        this.order = order;
        this.boundNanos = unit.toNanos(waitBound);
        for (int i = 1; i <= threads; i++) {
            Thread t = new Thread(this::work, "verbatim-search-" + i);
            t.setDaemon(true);
            t.start();
        }
    }

    /**
     * Runs {@code work} on the pool and waits for it: its result, or what it threw. Among waiting searches the cheapest
     * by {@code cost} goes first. Throws {@link Full} at once when the queue is full.
     */
    <T> T run(Cost cost, Callable<T> work) throws Exception {
        if (threads == 0) return work.call();
        // The guess (a few term look-ups) only when the order needs it and the search will wait: with a thread idle,
        // order does not matter.
        long guess = mustWait() && order == ServerConfig.SearchOrder.CHEAPEST_FIRST ? cost.guess() : 0;
        Task<T> task = new Task<>(guess, work);
        lock.lock();
        try {
            if (closed) throw new CancellationException("the server is stopping");
            if (full()) throw refuse();
            waiting.add(task);
            arrived.signal();
        } finally {
            lock.unlock();
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            // Dropped if still waiting; a search already running finishes (interrupting Lucene's I/O can close its files).
            task.cancel(false);
            lock.lock();
            try {
                waiting.remove(task);
            } finally {
                lock.unlock();
            }
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception failure) throw failure;
            if (e.getCause() instanceof Error error) throw error;
            throw e;
        }
    }

    private boolean mustWait() {
        lock.lock();
        try {
            if (full()) throw refuse();
            return idle <= waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** No room: {@code queue} searches wait beyond those the idle threads are about to take. Holds the lock. */
    private boolean full() {
        return waiting.size() >= queue + idle;
    }

    private Full refuse() {
        refused.incrementAndGet();
        return new Full(threads, queue);
    }

    /** A pool thread: takes the next search, runs it, and again, until closed. */
    private void work() {
        while (true) {
            Task<?> next;
            lock.lock();
            try {
                idle++;
                try {
                    while (waiting.isEmpty() && !closed) arrived.awaitUninterruptibly();
                } finally {
                    idle--;
                }
                if (closed) return;
                next = next(System.nanoTime());
                waiting.remove(next);
            } finally {
                lock.unlock();
            }
            next.run(); // a FutureTask: what the search throws goes to its caller
        }
    }

    /** The oldest search if it has waited past the bound (or in arrival order), else the cheapest, the older of equals. */
    private Task<?> next(long now) {
        Task<?> oldest = waiting.getFirst();
        if (order == ServerConfig.SearchOrder.ARRIVAL || now - oldest.since > boundNanos) return oldest;
        Task<?> cheapest = oldest;
        for (Task<?> t : waiting) if (t.cost < cheapest.cost) cheapest = t;
        return cheapest;
    }

    /** Searches waiting for a thread. */
    int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** Searches refused because the queue was full, since the server started. */
    long refused() {
        return refused.get();
    }

    /** Stops the threads; searches still waiting are cancelled (their callers get a {@link CancellationException}). */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            for (Task<?> t : waiting) t.cancel(false);
            waiting.clear();
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
