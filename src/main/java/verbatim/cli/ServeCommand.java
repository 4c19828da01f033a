package verbatim.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import verbatim.http.ApiServer;
import verbatim.http.Metrics;
import verbatim.http.ServerConfig;
import verbatim.search.LuceneSearch;
import verbatim.search.Search;
import verbatim.index.ArticleIndex;
import verbatim.index.LuceneArticleIndex;
import verbatim.solr.SolrArticleIndex;
import verbatim.solr.SolrSearch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve search over HTTP. When the index is empty, the corpus is indexed first.",
                "Operators: GET /metrics (Prometheus text format); POST /api/admin/backup?dir=NAME (admin key) copies "
                        + "a consistent snapshot of the index under --backup-root while serving goes on.", ""})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    CorpusOptions options;

    @Mixin
    BackendOptions backend;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:VERBATIM_PORT:-7070}",
            description = "TCP port to listen on (default: ${DEFAULT-VALUE}; env VERBATIM_PORT; 0 picks a free one).")
    int port;

    @Option(names = "--admin-key", paramLabel = "KEY", defaultValue = "${env:VERBATIM_ADMIN_KEY}",
            description = "Bearer token that POST/PUT/DELETE /api/articles require (env VERBATIM_ADMIN_KEY). "
                    + "Without one, writes are disabled.")
    String adminKey;

    @Option(names = "--cors-origins", paramLabel = "ORIGINS", split = ",", defaultValue = "${env:VERBATIM_CORS_ORIGINS:-*}",
            description = "Origins whose pages may read the API from a browser, comma-separated; * for any "
                    + "(default: ${DEFAULT-VALUE}; env VERBATIM_CORS_ORIGINS). Writes are never allowed cross-origin.")
    List<String> corsOrigins;

    @Option(names = "--max-body-size", paramLabel = "BYTES", defaultValue = "" + ServerConfig.DEFAULT_MAX_BODY_BYTES,
            description = "Largest request body accepted; larger ones get 413 (default: ${DEFAULT-VALUE} = 20 MB).")
    long maxBodyBytes;

    @Option(names = "--backup-root", paramLabel = "DIR", defaultValue = "${env:VERBATIM_BACKUP_ROOT:-backups}",
            description = "Folder under which POST /api/admin/backup?dir=NAME writes backups, each in a new folder NAME "
                    + "(default: ${DEFAULT-VALUE}; env VERBATIM_BACKUP_ROOT). The endpoint needs the admin key.")
    Path backupRoot;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "${env:VERBATIM_IDLE_TIMEOUT:-30}",
            description = "Seconds a connection may stall mid-request (a slow or stalled client) before it is closed "
                    + "(default: ${DEFAULT-VALUE}; env VERBATIM_IDLE_TIMEOUT).")
    double idleTimeoutSeconds;

    @Option(names = "--commit-interval", paramLabel = "MS", defaultValue = "${env:VERBATIM_COMMIT_INTERVAL:-"
            + ServerConfig.DEFAULT_COMMIT_INTERVAL_MS + "}",
            description = "Least milliseconds between two commits of API writes, 0 to " + ServerConfig.MAX_COMMIT_INTERVAL_MS
                    + " (default: ${DEFAULT-VALUE}; env VERBATIM_COMMIT_INTERVAL). Writes arriving meanwhile share the next "
                    + "commit; each commit refreshes the searchers, whose caches searches then rebuild.")
    long commitIntervalMillis;

    @Option(names = "--search-threads", paramLabel = "N", defaultValue = "${env:VERBATIM_SEARCH_THREADS:-cores}",
            description = "Threads that run searches (/api/search, /api/quotes, similar articles), each taking the next one "
                    + "waiting, in --search-order (default: ${DEFAULT-VALUE}, the number of cores, for the embedded index; 0 "
                    + "with --backend solr, whose searches wait on the network rather than use the CPU; env "
                    + "VERBATIM_SEARCH_THREADS); 0 runs each search on the HTTP thread that received it. Suggestions, "
                    + "documents and health never queue.")
    String searchThreads;

    @Option(names = "--search-queue", paramLabel = "N", defaultValue = "${env:VERBATIM_SEARCH_QUEUE:-"
            + ServerConfig.DEFAULT_SEARCH_QUEUE + "}",
            description = "Searches that may wait for a search thread (default: ${DEFAULT-VALUE}; env VERBATIM_SEARCH_QUEUE); "
                    + "beyond that a search is answered 503 with Retry-After at once.")
    int searchQueue;

    @Option(names = "--search-order", paramLabel = "ORDER", defaultValue = "${env:VERBATIM_SEARCH_ORDER:-arrival}",
            description = "Which waiting search goes next: 'arrival' (default: first come, first served) or 'cheapest' "
                    + "(the one the index estimates cheapest, so quick searches do not wait behind slow ones, and slow ones "
                    + "wait longer); env VERBATIM_SEARCH_ORDER.")
    String searchOrder;

    @Option(names = "--search-wait-bound", paramLabel = "MS", defaultValue = "${env:VERBATIM_SEARCH_WAIT_BOUND:-"
            + ServerConfig.DEFAULT_SEARCH_WAIT_BOUND_MS + "}",
            description = "Milliseconds a search may wait before it goes ahead of cheaper ones, oldest first (default: "
                    + "${DEFAULT-VALUE}; env VERBATIM_SEARCH_WAIT_BOUND): no search waits for ever behind cheaper ones.")
    long searchWaitBoundMillis;

    private ServerConfig serverConfig() {
        return new ServerConfig(adminKey, corsOrigins, maxBodyBytes, backupRoot,
                java.time.Duration.ofMillis(Math.max(1, Math.round(idleTimeoutSeconds * 1000))),
                java.time.Duration.ofMillis(commitIntervalMillis), searchThreads(), searchQueue,
                searchOrder.equals("cheapest") ? ServerConfig.SearchOrder.CHEAPEST_FIRST : ServerConfig.SearchOrder.ARRIVAL,
                java.time.Duration.ofMillis(searchWaitBoundMillis));
    }

    /** The search threads asked for; {@code cores} is the cores on the embedded index, none on Solr (network-bound). */
    private int searchThreads() {
        if (!searchThreads.equals("cores")) return Integer.parseInt(searchThreads);
        return backend.solr() ? 0 : ServerConfig.DEFAULT_SEARCH_THREADS;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (!(idleTimeoutSeconds >= 0.001) || idleTimeoutSeconds > 86_400) {
            System.err.println("verbatim serve: --idle-timeout must be from 0.001 to 86400 seconds, not " + idleTimeoutSeconds);
            return 2;
        }
        if (commitIntervalMillis < 0 || commitIntervalMillis > ServerConfig.MAX_COMMIT_INTERVAL_MS) {
            System.err.println("verbatim serve: --commit-interval must be from 0 to " + ServerConfig.MAX_COMMIT_INTERVAL_MS
                    + " ms, not " + commitIntervalMillis);
            return 2;
        }
        if (!searchThreads.matches("cores|\\d{1,4}") || searchThreads() > 1024 || searchQueue < 0 || searchQueue > 1_000_000) {
            System.err.println("verbatim serve: --search-threads must be 'cores' or from 0 to 1024 and --search-queue from 0 to "
                    + "1000000, not " + searchThreads + " and " + searchQueue);
            return 2;
        }
        if (!searchOrder.matches("cheapest|arrival") || searchWaitBoundMillis < 0 || searchWaitBoundMillis > 60_000) {
            System.err.println("verbatim serve: --search-order must be 'cheapest' or 'arrival' and --search-wait-bound from 0 to "
                    + "60000 ms, not " + searchOrder + " and " + searchWaitBoundMillis);
            return 2;
        }
        System.out.println(effectiveConfiguration());
        ArticleIndex index;
        Metrics metrics = new Metrics();
        try {
            index = backend.open(options.index);
        } catch (IllegalArgumentException e) {
            System.err.println("verbatim serve: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("verbatim serve: " + e.getMessage());
            return 1;
        }
        try {
            if (index.count() == 0) {
                System.out.println("The " + backend.describe(options.index) + " is empty: indexing " + options.corpus + " first.");
                IndexCommand.run(index, options, false, true, metrics::ingestError);
            }
        } catch (IOException e) {
            System.err.println("verbatim serve: " + e.getMessage());
            closeQuietly(index); // release the index lock: nothing else will
            return 1;
        }
        ApiServer server;
        try {
            Search search;
            if (index instanceof LuceneArticleIndex lucene) {
                LuceneSearch embedded = new LuceneSearch(lucene);
                embedded.warmUp();
                search = embedded;
            } else {
                search = new SolrSearch((SolrArticleIndex) index);
            }
            server = ApiServer.start(index, search, serverConfig(), port, metrics);
        } catch (RuntimeException e) {
            System.err.println("verbatim serve: cannot listen on port " + port + ": " + e.getMessage());
            closeQuietly(index);
            return 1;
        }
        System.out.printf("Writes are %s; reads are open to %s.%n",
                serverConfig().writesEnabled() ? "enabled (admin key set)" : "disabled (no admin key)", String.join(", ", corsOrigins));
        System.out.printf("Verbatim is serving %,d articles on http://localhost:%d/ (Ctrl+C stops it)%n", countOf(index), server.port());
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM (docker stop, systemd) and Ctrl+C: finish the requests in flight, then commit and release the
        // index. Every acknowledged write is committed already; the commit makes sure nothing else is pending,
        // and closing releases write.lock so the next start opens the index at once.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            try {
                index.commit();
                System.out.println("Verbatim stopped: " + backend.describe(options.index) + " committed and closed.");
            } catch (IOException e) {
                System.err.println("verbatim serve: could not commit the " + backend.describe(options.index) + " while stopping: " + e.getMessage());
            }
            closeQuietly(index);
            stopped.countDown();
        }, "verbatim-shutdown"));
        stopped.await();
        return 0;
    }

    /** One line for the operator's log: what this server runs with. Never the admin key itself. */
    String effectiveConfiguration() {
        return String.format("Configuration: port %d, %s, corpus %s, CORS origins %s, max body %,d bytes, "
                        + "idle timeout %s s, commit interval %d ms, search threads %d (queue %d, %s first, wait bound %d ms), backup root %s, admin key %s",
                port, backend.describe(options.index),
                options.corpus.toAbsolutePath(), String.join(",", corsOrigins), maxBodyBytes, idleTimeoutSeconds, commitIntervalMillis,
                searchThreads(), searchQueue, searchOrder, searchWaitBoundMillis,
                backupRoot == null ? "none" : backupRoot.toAbsolutePath(), serverConfig().writesEnabled() ? "set (****)" : "not set");
    }

    private static int countOf(ArticleIndex index) {
        try {
            return index.count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void closeQuietly(ArticleIndex index) {
        try {
            index.close();
        } catch (IOException ignored) {
            // shutting down
        }
    }
}
