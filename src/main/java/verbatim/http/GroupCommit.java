package verbatim.http;

import verbatim.analysis.AnalysedArticle;
import verbatim.index.ArticleIndex;
import verbatim.index.IndexWriteException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * API writes sharing commits. Each request writes its change to the index itself, many at once, then waits for the
 * next commit; one committer thread commits whatever was written since the last commit and answers all those writes.
 * A commit (an fsync) costs about the same for one article as for fifty, so writes arriving while a commit runs are
 * acknowledged together by the next one, which starts after they were written.
 *
 * <p>Writes hold a read lock while they change the index, and a commit holds the write lock: a commit never starts
 * with a write half done, and the writes it answers are exactly those made since the commit before. When the disk
 * fails, the index goes back to its last commit, dropping what was not committed: that is this batch of writes, and
 * every one of them gets the error (when a write, rather than the commit, fails, the batch is discarded whole before
 * anything else is committed). No reset can drop a write that another request was told is saved.
 */
final class GroupCommit implements AutoCloseable {

    /** What a change did, told once the commit holding it is durable. */
    enum Outcome { CREATED, REPLACED, DELETED, NOT_FOUND }

    /** The writes made since the last commit; the next commit answers them all. */
    private static final class Batch {
        /** Ids this batch changed, and whether the article is there after its last change. */
        final Map<String, Boolean> present = new ConcurrentHashMap<>();
        final AtomicInteger writes = new AtomicInteger();
        final CompletableFuture<Void> committed = new CompletableFuture<>();
        /** Set when a write failed and the index went back to its last commit: the batch's earlier writes are gone. */
        volatile IOException lost;
        volatile boolean changed;
    }

    private final ArticleIndex index;
    /**
     * Read: writing to the index (shared); write: committing (exclusive). Fair, so that the writes that queued up
     * during a commit all get in before the next commit starts.
     */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private Batch current = new Batch(); // swapped under the write lock
    private boolean closed; // set under the write lock: no write is made after the last commit
    private final Semaphore written = new Semaphore(0);
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong commits = new AtomicLong();
    private final Thread committer;

    GroupCommit(ArticleIndex index) {
        this.index = index;
        this.committer = Thread.ofPlatform().daemon().name("verbatim-commits").start(this::run);
    }

    /** Adds or replaces the article; returns once it is committed. */
    Outcome upsert(AnalysedArticle article) throws IOException {
        return write(article.article().id(), article);
    }

    /** Deletes the article if there is one; returns once that is committed. */
    Outcome delete(String id) throws IOException {
        return write(id, null);
    }

    /** Writes in progress: being written, or waiting for their commit. */
    int waiting() {
        return waiting.get();
    }

    /** Commits made for API writes since the server started. */
    long commits() {
        return commits.get();
    }

    /** Upserts {@code article}, or deletes {@code id} when it is null, and waits for the commit. */
    private Outcome write(String id, AnalysedArticle article) throws IOException {
        waiting.incrementAndGet();
        try {
            boolean[] wasThere = new boolean[1];
            Batch batch;
            lock.readLock().lock();
            try {
                if (closed) throw new ApiException(503, "the server is shutting down; retry on another instance or after it restarts");
                batch = current;
                try {
                    // One change at a time per id, in the order they come: two DELETEs cannot both answer 204.
                    batch.present.compute(id, (key, known) -> {
                        try {
                            boolean there = known != null ? known : index.get(id) != null; // reads see the last commit
                            wasThere[0] = there;
                            if (article != null) {
                                index.upsert(article);
                                batch.changed = true;
                                return true;
                            }
                            if (there) {
                                index.delete(id);
                                batch.changed = true;
                            }
                            return false;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                } catch (UncheckedIOException e) {
                    if (e.getCause() instanceof IndexWriteException reset) {
                        batch.lost = reset;
                        written.release(); // the committer fails the batch at once
                    }
                    throw e.getCause();
                }
                batch.writes.incrementAndGet();
            } finally {
                lock.readLock().unlock();
            }
            written.release();
            await(batch.committed);
            if (article != null) return wasThere[0] ? Outcome.REPLACED : Outcome.CREATED;
            return wasThere[0] ? Outcome.DELETED : Outcome.NOT_FOUND;
        } finally {
            waiting.decrementAndGet();
        }
    }

    private static void await(CompletableFuture<Void> committed) throws IOException {
        try {
            committed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the commit");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException r -> throw r;
                case Error err -> throw err;
                default -> throw new IOException(e.getCause());
            }
        }
    }

    private void run() {
        while (true) {
            boolean work;
            try {
                work = written.tryAcquire(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                work = false;
            }
            if (work) {
                commit();
            } else if (isClosed()) {
                commit(); // a write that got in just before the close
                return;
            }
        }
    }

    private boolean isClosed() {
        lock.readLock().lock();
        try {
            return closed;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Commits the writes made since the last commit and answers them; on a failure, they all get it. */
    private void commit() {
        lock.writeLock().lock();
        try {
            written.drainPermits(); // every write counted so far is in this batch
            Batch batch = current;
            if (batch.writes.get() == 0 && batch.lost == null) return;
            current = new Batch();
            try {
                if (batch.lost != null) {
                    // Writes made after the reset are in the index but must not be saved: their batch-mates were not.
                    index.discardUncommitted();
                    throw batch.lost;
                }
                if (batch.changed) {
                    index.commit();
                    commits.incrementAndGet();
                }
                batch.committed.complete(null);
            } catch (Throwable e) {
                batch.committed.completeExceptionally(e);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Commits the writes made so far, then stops the committer. Later writes answer 503. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            closed = true;
        } finally {
            lock.writeLock().unlock();
        }
        try {
            committer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
