package verbatim.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import verbatim.index.ArticleIndex;
import verbatim.ingest.Problem;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * What {@code GET /metrics} shows, in the Prometheus text format: HTTP requests by route and status
 * (count and latency histogram), the size of the index, ingest problems, and the JVM's memory and threads.
 * Create one before indexing at start-up so that its problems are counted, then give it to the server.
 */
public final class Metrics {

    /** Latency buckets of the request histogram: searches take milliseconds, writes (a commit each) more. */
    private static final Duration[] BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10)};
    /** Gauges are read once per scrape each; the index is listed and counted at most this often. */
    private static final long STATS_TTL_NANOS = TimeUnit.SECONDS.toNanos(1);

    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter ingestErrors;
    private ArticleIndex index;
    private ArticleIndex.Stats stats;
    private long statsAt;

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        // What the heap holds after garbage collection: the figure that shows a leak, unlike the used heap of the
        // moment, which swings with allocation. Summed over the heap's pools by whoever reads it.
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != MemoryType.HEAP || pool.getCollectionUsage() == null) continue;
            Gauge.builder("jvm.memory.used.after.gc", pool, p -> p.getCollectionUsage().getUsed())
                    .description("Heap used in this pool right after the last garbage collection that covered it")
                    .tags("area", "heap", "id", pool.getName()).baseUnit("bytes").strongReference(true).register(registry);
        }
        ingestErrors = Counter.builder("verbatim.ingest.errors")
                .description("Corpus files and records skipped because they could not be read, since the server started")
                .register(registry);
    }

    /** Counts a corpus file or record that indexing skipped. */
    public void ingestError(Problem problem) {
        ingestErrors.increment();
    }

    /** Publishes the size gauges of {@code index}. */
    synchronized void watch(ArticleIndex index) {
        if (this.index != null) return;
        this.index = index;
        gauge("verbatim.index.size", "Bytes of the index folder on disk", "bytes", s -> s.bytes());
        gauge("verbatim.index.articles", "Articles in the index", null, s -> s.articles());
        gauge("verbatim.index.quotes", "Quotes in the index", null, s -> s.quotes());
    }

    /** Publishes how API writes are committed: commits made, and writes waiting for one. */
    void watch(GroupCommit commits) {
        FunctionCounter.builder("verbatim.index.commits", commits, GroupCommit::commits)
                .description("Commits made for API writes since the server started; each acknowledges every write of its batch")
                .register(registry);
        Gauge.builder("verbatim.writes.waiting", commits, GroupCommit::waiting)
                .description("API writes waiting for the next commit").register(registry);
    }

    /** Publishes the search pool's queue: searches waiting, and searches refused because it was full. */
    void watch(SearchPool searches) {
        Gauge.builder("verbatim.searches.waiting", searches, SearchPool::waiting)
                .description("Searches waiting for a search thread").register(registry);
        FunctionCounter.builder("verbatim.searches.refused", searches, SearchPool::refused)
                .description("Searches answered 503 because the search queue was full, since the server started")
                .register(registry);
    }

    private void gauge(String name, String description, String unit, ToDoubleFunction<ArticleIndex.Stats> value) {
        Gauge.builder(name, this, m -> {
            ArticleIndex.Stats s = m.stats();
            return s == null ? Double.NaN : value.applyAsDouble(s);
        }).description(description).baseUnit(unit).strongReference(true).register(registry);
    }

    private synchronized ArticleIndex.Stats stats() {
        long now = System.nanoTime();
        if (stats == null || now - statsAt > STATS_TTL_NANOS) {
            try {
                stats = index.stats();
                statsAt = now;
            } catch (IOException | RuntimeException e) {
                return null; // closed, or failing: NaN rather than a failed scrape
            }
        }
        return stats;
    }

    /** Records one HTTP request; {@code route} is the matched route pattern, never the raw path. */
    void request(String method, String route, int status, double millis) {
        timers.computeIfAbsent(new TimerKey(method, route, status), k -> Timer.builder("http.server.requests")
                        .description("HTTP requests by route and status")
                        .tags("method", k.method, "route", k.route, "status", Integer.toString(k.status))
                        .serviceLevelObjectives(BUCKETS)
                        .register(registry))
                .record(Math.round(millis * 1_000_000), TimeUnit.NANOSECONDS);
    }

    /**
     * The timer of each method, route and status, looked up without building its meter id again: routes are bounded,
     * so this map is, and registering anew on every request cost a few allocations per request.
     */
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    private record TimerKey(String method, String route, int status) {
    }

    /** The Prometheus text exposition of every series. */
    String scrape() {
        return registry.scrape();
    }
}
