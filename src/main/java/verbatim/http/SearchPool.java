package verbatim.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How many searches run at once: a permit per core, as Elasticsearch's search pool has a thread per core. A search is
 * all CPU (the index is in memory): sixteen of them at once on two cores do not finish sooner than two at a time, they
 * thrash the caches, switch contexts and hold sixteen responses' garbage, and every short request (a suggestion, a
 * health check) waits behind all of them. Short requests therefore never come here. A search runs on the HTTP thread
 * that received it once it holds a permit: no hand-off between threads.
 *
 * <p>Waiting searches are let in <b>cheapest first</b> by default, by the estimate each brings ({@code Search}'s cost
 * guess), so that a quick search does not wait behind a slow one. With searches always waiting, the mean latency is set
 * by throughput whatever the order (Little's law), but the median is set by the order: served in arrival order every
 * search waits about the mean; served cheapest first, most wait little and the costly few wait longer. No search
 * waits for ever behind cheaper ones: one that has waited longer than the bound goes before them, oldest first. In
 * arrival order ({@link ServerConfig.SearchOrder#ARRIVAL}) the bound changes nothing.
 *
 * <p>When {@code queue} searches are waiting, the next is refused at once with {@link Full} (a 503 with
 * {@code Retry-After}) rather than left to wait without bound. With no permits, searches run as they come, unbounded.
 */
final class SearchPool implements AutoCloseable {

    /** Searches running and waiting beyond permits + queue: answered 503, to be retried shortly. */
    static final class Full extends RuntimeException {
        Full(int permits, int queue) {
            super("the server is busy: " + permits + " searches are running and " + queue
                    + " more are waiting, the most it queues; retry in a moment", null, false, false);
        }
    }

    /** A search waiting for a permit. */
    private static final class Waiter {
        final long cost;
        final long since = System.nanoTime();
        final Condition turn;
        boolean admitted;

        Waiter(long cost, Condition turn) {
            this.cost = cost;
            this.turn = turn;
        }
    }

    private final int permits;
    private final int queue;
    private final ServerConfig.SearchOrder order;
    private final long boundNanos;
    private final ReentrantLock lock = new ReentrantLock();
    /** In arrival order; at most {@code queue} long, so a scan for the cheapest costs next to nothing. */
    private final List<Waiter> waiting = new ArrayList<>();
    private int free;
    private final AtomicLong refused = new AtomicLong();

    /**
     * {@code permits} searches run at once, {@code queue} wait at most; in {@code order}, except that one waiting longer
     * than {@code waitBound} goes first.
     */
    SearchPool(int permits, int queue, ServerConfig.SearchOrder order, long waitBound, TimeUnit unit) {
        if (permits < 0 || queue < 0) throw new IllegalArgumentException("permits and queue must be 0 or more");
        this.permits = permits;
        this.queue = queue;
        this.order = order;
        this.boundNanos = unit.toNanos(waitBound);
        this.free = permits;
    }

    /** A search's estimated cost, asked for only when the search has to wait. */
    @FunctionalInterface
    interface Cost {
        long guess() throws Exception;
    }

    /**
     * Runs {@code work} on this thread once a permit is free, and returns its result or throws what it threw. Among
     * waiting searches the cheapest by {@code cost} goes first. Throws {@link Full} at once when the queue is full.
     */
    <T> T run(Cost cost, Callable<T> work) throws Exception {
        if (permits == 0) return work.call();
        enter(cost);
        try {
            return work.call();
        } finally {
            leave();
        }
    }

    private void enter(Cost cost) throws Exception {
        if (tryEnter()) return;
        long guess = cost.guess(); // outside the lock: it looks terms up in the index
        lock.lock();
        try {
            if (tryEnter()) return;
            Waiter me = new Waiter(guess, lock.newCondition());
            waiting.add(me);
            try {
                while (!me.admitted) me.turn.await();
            } catch (InterruptedException e) {
                if (me.admitted) {
                    passOn(); // admitted as it was interrupted: the permit is not used, the next search gets it
                } else {
                    waiting.remove(me);
                }
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Takes a free permit if no search is waiting for one (no barging), or throws {@link Full} if the queue is. */
    private boolean tryEnter() {
        lock.lock();
        try {
            if (free > 0 && waiting.isEmpty()) {
                free--;
                return true;
            }
            if (waiting.size() >= queue) {
                refused.incrementAndGet();
                throw new Full(permits, queue);
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void leave() {
        lock.lock();
        try {
            passOn();
        } finally {
            lock.unlock();
        }
    }

    /** Gives a permit just freed to the next waiting search, or keeps it free. Holds the lock. */
    private void passOn() {
        Waiter next = next(System.nanoTime());
        if (next == null) {
            free++;
            return;
        }
        waiting.remove(next);
        next.admitted = true;
        next.turn.signal();
    }

    /** The oldest search if it has waited past the bound (or in arrival order), else the cheapest, the older of equals. */
    private Waiter next(long now) {
        if (waiting.isEmpty()) return null;
        Waiter oldest = waiting.getFirst();
        if (order == ServerConfig.SearchOrder.ARRIVAL || now - oldest.since > boundNanos) return oldest;
        Waiter cheapest = oldest;
        for (Waiter w : waiting) if (w.cost < cheapest.cost) cheapest = w;
        return cheapest;
    }

    /** Searches waiting for a permit. */
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

    int permits() {
        return permits;
    }

    ServerConfig.SearchOrder order() {
        return order;
    }

    @Override
    public void close() {
        // Nothing to stop: searches run on the HTTP threads, which the server stops.
    }
}
