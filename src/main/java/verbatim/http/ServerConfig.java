package verbatim.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the HTTP API runs.
 *
 * @param adminKey     the bearer token writes need; null or blank disables writes (they answer 403)
 * @param corsOrigins  origins allowed to read from a browser; {@code *} allows any. Writes are never cross-origin.
 * @param maxBodyBytes largest request body accepted (413 above)
 * @param backupRoot   folder under which {@code POST /api/admin/backup} writes backups; null disables the endpoint
 * @param idleTimeout  how long a connection may send nothing (mid-request: a stalled or very slow client) before
 *                     the server closes it; null for the default, {@link #DEFAULT_IDLE_TIMEOUT}
 * @param commitInterval the least time between the starts of two commits of API writes; null for the default,
 *                     {@link #DEFAULT_COMMIT_INTERVAL}. Each commit opens a new searcher whose caches are rebuilt, so
 *                     under a stream of writes this bounds that work; a write waits at most this long for its commit
 *                     to start.
 * @param searchThreads  threads that run searches (articles, quotes, similar articles), each taking the next search
 *                     waiting (see {@code searchOrder}); 0 runs each search on the HTTP thread that received it.
 *                     {@link #DEFAULT_SEARCH_THREADS}: as many as the cores, since a search is all CPU
 * @param searchQueue  searches that may wait for one of those threads; beyond that a search is answered 503 with
 *                     {@code Retry-After} at once. {@link #DEFAULT_SEARCH_QUEUE} by default
 * @param searchOrder  which waiting search goes next; null for {@link SearchOrder#ARRIVAL}
 * @param searchWaitBound how long a search may wait before it goes ahead of cheaper ones (oldest first); null for
 *                     {@link #DEFAULT_SEARCH_WAIT_BOUND}
 */
public record ServerConfig(String adminKey, List<String> corsOrigins, long maxBodyBytes, Path backupRoot, Duration idleTimeout,
                           Duration commitInterval, int searchThreads, int searchQueue, SearchOrder searchOrder,
                           Duration searchWaitBound) {

    /** The order in which waiting searches are let in. */
    public enum SearchOrder {
        /**
         * The search estimated cheapest first (the engine's guess, made before it runs): a quick search does not wait
         * behind slow ones. Not the default: on the benchmark mix it lowered the median of the whole mix only because
         * suggestions are a quarter of it; for searches alone it raised both the median and the p99 (bench/README).
         */
        CHEAPEST_FIRST,
        /** First come, first served: every search waits about the mean, and the tail stays short. The default. */
        ARRIVAL
    }

    public static final long DEFAULT_MAX_BODY_BYTES = 20L * 1024 * 1024;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** At most 5 commits (new searchers) a second, and a write still visible well within the second it was sent. */
    public static final long DEFAULT_COMMIT_INTERVAL_MS = 200;
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(DEFAULT_COMMIT_INTERVAL_MS);
    /** Writes must be visible to search within a second of being sent: the interval must leave room for the commit. */
    public static final long MAX_COMMIT_INTERVAL_MS = 500;
    public static final Duration MAX_COMMIT_INTERVAL = Duration.ofMillis(MAX_COMMIT_INTERVAL_MS);
    public static final int DEFAULT_SEARCH_THREADS = Runtime.getRuntime().availableProcessors();
    /** At about a millisecond of CPU per search, a full queue is a wait of 256 / cores milliseconds. */
    public static final int DEFAULT_SEARCH_QUEUE = 256;
    /**
     * Served cheapest first, a costly search waits while cheaper ones keep coming; past this it goes first. With 16
     * searches always in flight on 2 cores (≈ 9 ms each on average) a simulation of the bench mix gave p50 ≈ 3.5 ms and
     * p99 ≈ 24 ms at 18 ms; a shorter bound brings both towards arrival order's (p50 ≈ p99 ≈ the mean), a longer one
     * lowers the median and lengthens the tail (bench/README, latency6).
     */
    public static final long DEFAULT_SEARCH_WAIT_BOUND_MS = 18;
    public static final Duration DEFAULT_SEARCH_WAIT_BOUND = Duration.ofMillis(DEFAULT_SEARCH_WAIT_BOUND_MS);

    public ServerConfig {
        adminKey = adminKey == null || adminKey.isBlank() ? null : adminKey;
        corsOrigins = corsOrigins == null ? List.of("*") : List.copyOf(corsOrigins);
        backupRoot = backupRoot == null ? null : backupRoot.toAbsolutePath().normalize();
        idleTimeout = idleTimeout == null ? DEFAULT_IDLE_TIMEOUT : idleTimeout;
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be positive, not " + idleTimeout);
        }
        commitInterval = commitInterval == null ? DEFAULT_COMMIT_INTERVAL : commitInterval;
        if (commitInterval.isNegative() || commitInterval.compareTo(MAX_COMMIT_INTERVAL) > 0) {
            throw new IllegalArgumentException("the commit interval must be from 0 to " + MAX_COMMIT_INTERVAL.toMillis()
                    + " ms, not " + commitInterval.toMillis() + " ms");
        }
        if (searchThreads < 0 || searchQueue < 0) {
            throw new IllegalArgumentException("search threads and search queue must be 0 or more, not " + searchThreads
                    + " and " + searchQueue);
        }
        searchOrder = searchOrder == null ? SearchOrder.ARRIVAL : searchOrder;
        searchWaitBound = searchWaitBound == null ? DEFAULT_SEARCH_WAIT_BOUND : searchWaitBound;
        if (searchWaitBound.isNegative()) {
            throw new IllegalArgumentException("the search wait bound must be 0 or more, not " + searchWaitBound.toMillis() + " ms");
        }
    }

    /** With the default search pool. */
    public ServerConfig(String adminKey, List<String> corsOrigins, long maxBodyBytes, Path backupRoot, Duration idleTimeout,
                        Duration commitInterval) {
        this(adminKey, corsOrigins, maxBodyBytes, backupRoot, idleTimeout, commitInterval, DEFAULT_SEARCH_THREADS, DEFAULT_SEARCH_QUEUE,
                null, null);
    }

    /** The same, with {@code threads} running searches and {@code queue} waiting at most. */
    public ServerConfig withSearchPool(int threads, int queue) {
        return new ServerConfig(adminKey, corsOrigins, maxBodyBytes, backupRoot, idleTimeout, commitInterval, threads, queue,
                searchOrder, searchWaitBound);
    }

    /** The same, with waiting searches let in {@code order}, none waiting longer than {@code waitBound} behind cheaper ones. */
    public ServerConfig withSearchOrder(SearchOrder order, Duration waitBound) {
        return new ServerConfig(adminKey, corsOrigins, maxBodyBytes, backupRoot, idleTimeout, commitInterval, searchThreads,
                searchQueue, order, waitBound);
    }

    /** With the default commit interval. */
    public ServerConfig(String adminKey, List<String> corsOrigins, long maxBodyBytes, Path backupRoot, Duration idleTimeout) {
        this(adminKey, corsOrigins, maxBodyBytes, backupRoot, idleTimeout, null);
    }

    /** With the default idle timeout. */
    public ServerConfig(String adminKey, List<String> corsOrigins, long maxBodyBytes, Path backupRoot) {
        this(adminKey, corsOrigins, maxBodyBytes, backupRoot, null);
    }

    /** Without online backups. */
    public ServerConfig(String adminKey, List<String> corsOrigins, long maxBodyBytes) {
        this(adminKey, corsOrigins, maxBodyBytes, null);
    }

    /** Reads open to every origin, writes disabled. */
    public static ServerConfig defaults() {
        return new ServerConfig(null, List.of("*"), DEFAULT_MAX_BODY_BYTES);
    }

    public boolean writesEnabled() {
        return adminKey != null;
    }
}
