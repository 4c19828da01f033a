package verbatim.index;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A few threads that write to the index while the caller reads and cleans the next articles, so
 * analysis and reading overlap. The backlog is bounded, so a fast reader cannot fill the heap.
 */
final class Workers implements AutoCloseable {

    interface Task {
        void run() throws IOException;
    }

    private final int backlog;
    private final Semaphore slots;
    private final ExecutorService pool;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    Workers(int threads) {
        this.backlog = threads * 64;
        this.slots = new Semaphore(backlog);
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "verbatim-indexer");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues a task, waiting while the backlog is full; rethrows the first failure of an earlier task. */
    void submit(Task task) throws IOException {
        rethrow();
        slots.acquireUninterruptibly();
        pool.execute(() -> {
            try {
                task.run();
            } catch (Exception e) {
                failure.compareAndSet(null, e);
            } finally {
                slots.release();
            }
        });
    }

    /** Waits until every queued task has run; rethrows the first failure. */
    void drain() throws IOException {
        slots.acquireUninterruptibly(backlog);
        slots.release(backlog);
        rethrow();
    }

    private void rethrow() throws IOException {
        Exception e = failure.get();
        if (e instanceof IOException io) throw io;
        if (e instanceof RuntimeException re) throw re;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
