package verbatim.http;

import verbatim.analysis.AnalysedArticle;
import verbatim.index.ArticleIndex;
import verbatim.index.IndexWriteException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * API writes sharing commits. A request hands its change to one committer thread and waits; the committer takes
 * every change waiting, applies them in arrival order and commits once, then answers them all. A commit (an fsync)
 * costs the same for one article as for fifty, so writes arriving while a commit runs are acknowledged together by
 * the next one, which starts after they were written.
 *
 * <p>Under a stream of writes, commits start at least {@code interval} apart: each commit opens a new searcher, whose
 * caches (facet ordinals, browse counts, highlighter) every search then rebuilds or waits for, so a commit per write
 * (about 28 a second at 50 writes a second) took most of the CPU from searches. The writes arriving meanwhile join
 * the batch, each applied (indexed, uncommitted) as it arrives, so the commit at the end of the interval only flushes
 * and syncs; a write waits for at most the interval, the commit in progress and its own.
 *
 * <p>Only the committer writes to the index while the server runs. When the disk fails, the index resets its writer
 * to the last commit, dropping what was not committed: that is exactly the batch in hand, and every write of it gets
 * the error. No reset can drop a write that another request was told is saved.
 */
final class GroupCommit implements AutoCloseable {

    /** What a change did, told once the commit holding it is durable. */
    enum Outcome { CREATED, REPLACED, DELETED, NOT_FOUND }

    private sealed interface Change permits Upsert, Delete {
        String id();
    }

    private record Upsert(AnalysedArticle article) implements Change {
        public String id() {
            return article.article().id();
        }
    }

    private record Delete(String id) implements Change {
    }

    private record Pending(Change change, CompletableFuture<Outcome> outcome) {
    }

    private final ArticleIndex index;
    private final long intervalNanos;
    private final LinkedBlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final AtomicLong commits = new AtomicLong();
    private final Thread committer;
    private boolean closed; // guarded by this: no change is queued after close, so none waits for ever

    GroupCommit(ArticleIndex index, Duration interval) {
        this.index = index;
        this.intervalNanos = interval.toNanos();
        this.committer = Thread.ofPlatform().daemon().name("verbatim-commits").start(this::run);
    }

    /** Adds or replaces the article; returns once it is committed. */
    Outcome upsert(AnalysedArticle article) throws IOException {
        return submit(new Upsert(article));
    }

    /** Deletes the article if there is one; returns once that is committed. */
    Outcome delete(String id) throws IOException {
        return submit(new Delete(id));
    }

    /** Changes waiting to be applied (the batch being applied or committed not included). */
    int waiting() {
        return waiting.size();
    }

    /** Commits made for API writes since the server started. */
    long commits() {
        return commits.get();
    }

    private Outcome submit(Change change) throws IOException {
        Pending pending = new Pending(change, new CompletableFuture<>());
        synchronized (this) {
            if (closed) throw new ApiException(503, "the server is shutting down; retry on another instance or after it restarts");
            waiting.add(pending);
        }
        try {
            return pending.outcome().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the commit of " + change.id());
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
        long lastStart = System.nanoTime() - intervalNanos;
        while (true) {
            Pending first;
            try {
                first = waiting.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = null;
            }
            if (first == null) {
                synchronized (this) {
                    if (closed && waiting.isEmpty()) return;
                }
                continue;
            }
            Batch batch = new Batch();
            batch.add(first);
            // Until the interval since the last commit is over, apply what arrives as it arrives: the commit then only
            // has to flush and sync, and the writes of a larger batch do not wait for each other's indexing.
            for (long left = lastStart + intervalNanos - System.nanoTime(); left > 0; left = lastStart + intervalNanos - System.nanoTime()) {
                Pending next;
                try {
                    next = waiting.poll(left, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    break;
                }
                if (next != null) batch.add(next);
            }
            List<Pending> rest = new ArrayList<>();
            waiting.drainTo(rest);
            for (Pending p : rest) batch.add(p);
            lastStart = System.nanoTime();
            batch.commit();
        }
    }

    /** The changes applied to the writer since the last commit, in arrival order, answered once a commit holds them. */
    private final class Batch {
        private final Map<String, Boolean> present = new HashMap<>(); // ids this batch changed: there after its last change?
        private final List<Pending> applied = new ArrayList<>();
        private final List<Outcome> outcomes = new ArrayList<>();

        /** Applies the change, uncommitted (searches do not see it); a failed write fails the batch so far. */
        void add(Pending p) {
            try {
                outcomes.add(apply(p.change(), present));
                applied.add(p);
            } catch (IOException | RuntimeException e) {
                p.outcome().completeExceptionally(e); // bad input: this change alone, the writer is fine
                if (e instanceof IndexWriteException) fail(e); // the writer was reset: what was applied before is gone too
            } catch (Throwable e) {
                p.outcome().completeExceptionally(e);
                fail(e);
            }
        }

        /** Commits what was applied and answers it; when the commit fails, fails it all. */
        void commit() {
            try {
                if (outcomes.stream().anyMatch(o -> o != Outcome.NOT_FOUND)) {
                    index.commit();
                    commits.incrementAndGet();
                }
                for (int i = 0; i < applied.size(); i++) applied.get(i).outcome().complete(outcomes.get(i));
            } catch (Throwable e) {
                fail(e);
            }
        }

        private void fail(Throwable e) {
            for (Pending p : applied) p.outcome().completeExceptionally(e); // no-op for those already answered
            applied.clear();
            outcomes.clear();
            present.clear();
        }
    }

    private Outcome apply(Change change, Map<String, Boolean> present) throws IOException {
        String id = change.id();
        Boolean changed = present.get(id);
        boolean there = changed != null ? changed : index.get(id) != null; // reads see the last commit
        switch (change) {
            case Upsert u -> {
                index.upsert(u.article());
                present.put(id, true);
                return there ? Outcome.REPLACED : Outcome.CREATED;
            }
            case Delete d -> {
                if (!there) return Outcome.NOT_FOUND;
                index.delete(id);
                present.put(id, false);
                return Outcome.DELETED;
            }
        }
    }

    /** Commits what is waiting, then stops the committer. Later writes answer 503. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        try {
            committer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
