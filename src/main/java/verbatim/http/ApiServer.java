package verbatim.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.Javalin;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import org.apache.lucene.search.IndexSearcher;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import verbatim.analysis.AnalysedArticle;
import verbatim.index.ArticleIndex;
import verbatim.index.IndexWriteException;
import verbatim.index.Schema;
import verbatim.search.EngineUnavailableException;
import verbatim.search.Search;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Verbatim's HTTP API: JSON in, JSON out, on one port. Reads are public; writes need the admin key.
 * Every error, including unknown routes and failures inside a handler, is an RFC 9457 problem
 * ({@code application/problem+json}: type, title, status, detail).
 *
 * <pre>{@code
 * ApiServer server = ApiServer.start(index, search, ServerConfig.defaults(), 7070);
 * // GET http://localhost:7070/api/search?q=engagement&speaker=Eric+Ochs
 * server.stop();
 * }</pre>
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
    private static final Logger access = LoggerFactory.getLogger("verbatim.access");
    static final ObjectMapper JSON = ArticleJson.MAPPER;
    /** How deep a request body's JSON may nest: an article is an object of strings and a list of tags. */
    static final int MAX_JSON_DEPTH = 64;
    /** Reads request bodies: Jackson's default nesting bound (1000) is far more than any article needs. */
    private static final ObjectMapper BODY_JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
            .build()).build();
    private static final List<String> ARTICLE_FACETS = Schema.FACETS;
    private static final List<String> QUOTE_FACETS = List.of(Schema.SPEAKER, Schema.COMPANY, Schema.TAG, Schema.SITE, Schema.YEAR);
    private static final int MAX_SUGGESTIONS = 10;
    /** A guess at what more-like-this costs (Search's estimates are in microseconds): about a costly search. */
    private static final long SIMILAR_COST = 2_000;
    static final String PROBLEM_JSON = "application/problem+json";
    /**
     * Room for a request line with a long query: a 10,000-character q, even of characters that take
     * 9 bytes percent-encoded, reaches {@link SearchParams} and gets its 400 rather than a 414.
     */
    static final int MAX_HEADER_BYTES = 128 * 1024;

    /** How long {@link #stop()} waits for requests in flight (a write commits in milliseconds). */
    private static final long DRAIN_MILLIS = 10_000;

    private final Javalin app;
    private final Drain drain;
    private final ArticleWrites writes;
    private final SearchPool searches;

    private ApiServer(Javalin app, Drain drain, ArticleWrites writes, SearchPool searches) {
        this.app = app;
        this.drain = drain;
        this.writes = writes;
        this.searches = searches;
    }

    /**
     * Requests in flight, so that stopping lets them finish (an acknowledged write is a committed one) while
     * new requests are turned away with 503. Counted here rather than left to Jetty, which Javalin does not
     * set up for a graceful stop.
     */
    private static final class Drain {
        private static final String COUNTED = "verbatim.inFlight";
        private final AtomicInteger inFlight = new AtomicInteger();
        private volatile boolean stopping;

        void enter(Context ctx) {
            inFlight.incrementAndGet();
            ctx.attribute(COUNTED, Boolean.TRUE);
            if (stopping) {
                ctx.header("Connection", "close");
                throw new ApiException(503, "the server is shutting down; retry on another instance or after it restarts");
            }
        }

        void leave(Context ctx) {
            if (ctx.attribute(COUNTED) != null) {
                ctx.attribute(COUNTED, null);
                inFlight.decrementAndGet();
            }
        }

        /** Turns new requests away and waits, up to a bound, for those in flight. Returns how many did not finish. */
        int stop(long millis) throws InterruptedException {
            stopping = true;
            long deadline = System.currentTimeMillis() + millis;
            while (inFlight.get() > 0 && System.currentTimeMillis() < deadline) Thread.sleep(10);
            return inFlight.get();
        }
    }

    /** Starts serving on {@code port} (0 picks a free port). */
    public static ApiServer start(ArticleIndex index, Search search, ServerConfig config, int port) {
        return start(index, search, config, port, new Metrics());
    }

    /** Starts serving on {@code port} (0 picks a free port), publishing {@code metrics} on {@code GET /metrics}. */
    public static ApiServer start(ArticleIndex index, Search search, ServerConfig config, int port, Metrics metrics) {
        ArticleWrites writes = new ArticleWrites(index, config);
        Drain drain = new Drain();
        // Searches, quotes and similar articles queue for a few threads; suggestions, documents, health and writes
        // do not: they are short, and would otherwise wait behind every search queued.
        SearchPool searches = new SearchPool(config.searchThreads(), config.searchQueue(), config.searchOrder(),
                config.searchWaitBound().toNanos(), TimeUnit.NANOSECONDS);
        metrics.watch(index);
        metrics.watch(writes.commits());
        metrics.watch(searches);
        Javalin app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            // Jetty's request threads as virtual threads, to measure (bench/README, latency4): no better than platform
            // threads in front of the search pool, so off unless -Dverbatim.virtualThreads=true.
            c.concurrency.useVirtualThreads = Boolean.getBoolean("verbatim.virtualThreads");
            c.jsonMapper(new JavalinJackson(JSON, false));
            c.http.maxRequestSize = config.maxBodyBytes();
            c.http.prefer405over404 = true;
            // One line per request; health checks (polled by load balancers) only at debug level.
            c.requestLogger.http((ctx, ms) -> {
                drain.leave(ctx);
                metrics.request(ctx.method().name(), route(ctx), ctx.statusCode(), ms);
                if (ctx.path().equals("/api/health")) {
                    access.debug("{} {} {} {} ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms));
                } else {
                    access.info("{} {} {} {} ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms));
                }
            });
            // Finish requests in flight on shutdown, up to a bound.
            c.jetty.modifyServer(server -> server.setStopTimeout(DRAIN_MILLIS));
            c.router.ignoreTrailingSlashes = true;
            c.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_HEADER_BYTES));
            // Javalin's own connector, plus an idle timeout: a client that stalls mid-request (headers or body)
            // is disconnected after it, rather than holding a connection and a thread for ever.
            c.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setPort(port);
                connector.setIdleTimeout(config.idleTimeout().toMillis());
                return connector;
            });
            c.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler(MAX_HEADER_BYTES)));

            c.routes.before(ctx -> {
                drain.enter(ctx);
                if (ctx.method().name().equals("OPTIONS")) {
                    Cors.preflight(ctx, config);
                    ctx.skipRemainingHandlers();
                } else {
                    Cors.apply(ctx, config);
                }
            });

            c.routes.get("/api/health", ctx -> ctx.json(Map.of("status", "ok", "articles", index.count())));
            c.routes.get("/api/stats", ctx -> ctx.json(index.stats()));
            c.routes.get("/api/search", ctx -> {
                var request = SearchParams.read(ctx, ARTICLE_FACETS);
                json(ctx, searches.run(() -> search.articlesCost(request), () -> JSON.writeValueAsBytes(search.articles(request))));
            });
            c.routes.get("/api/quotes", ctx -> {
                var request = SearchParams.read(ctx, QUOTE_FACETS);
                json(ctx, searches.run(() -> search.quotesCost(request), () -> JSON.writeValueAsBytes(search.quotes(request))));
            });
            c.routes.get("/api/suggest", ctx -> {
                String q = SearchParams.clean(ctx.queryParamAsClass("q", String.class).getOrDefault(""));
                if (q.length() > 100) throw ApiException.badRequest("q is longer than 100 characters: suggestions complete what is being typed");
                int size = SearchParams.integer(ctx, "size", 8, 1, MAX_SUGGESTIONS);
                json(ctx, Map.of("suggestions", search.suggest(q, size)));
            });
            c.routes.get("/api/articles/{id}", ctx -> ctx.json(ArticleJson.view(found(search.article(ctx.pathParam("id")), ctx))));
            c.routes.get("/api/articles/{id}/similar", ctx -> {
                found(search.article(ctx.pathParam("id")), ctx);
                int size = SearchParams.integer(ctx, "size", 5, 1, 50);
                String id = ctx.pathParam("id");
                json(ctx, searches.run(() -> SIMILAR_COST, () -> JSON.writeValueAsBytes(Map.of("hits", search.similar(id, size)))));
            });
            c.routes.post("/api/articles", writes::create);
            c.routes.put("/api/articles/{id}", writes::replace);
            c.routes.delete("/api/articles/{id}", writes::delete);
            c.routes.post("/api/admin/backup", writes::backup);
            // Prometheus scrapes this; not part of the JSON API (so not in openapi.json).
            c.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
            c.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(OpenApi.document()));
            // The search page and the embeddable widget: plain files from the jar, no build step.
            c.routes.get("/", WebAsset.load("index.html", "text/html; charset=utf-8", "no-cache")::serve);
            c.routes.get("/app.js", WebAsset.load("app.js", "text/javascript; charset=utf-8", "no-cache")::serve);
            c.routes.get("/app.css", WebAsset.load("app.css", "text/css; charset=utf-8", "no-cache")::serve);
            // Blogs load the widget on every page view: let browsers keep it an hour, then revalidate by ETag.
            c.routes.get("/widget.js", WebAsset.load("widget.js", "text/javascript; charset=utf-8", "public, max-age=3600")::serve);

            c.routes.exception(ApiException.class, (e, ctx) -> problem(ctx, e.status, e.getMessage()));
            c.routes.exception(IllegalArgumentException.class, (e, ctx) -> problem(ctx, 400, e.getMessage()));
            c.routes.exception(UnsupportedOperationException.class, (e, ctx) -> problem(ctx, 501, e.getMessage()));
            c.routes.exception(IndexSearcher.TooManyClauses.class, (e, ctx) ->
                    problem(ctx, 400, "the query has too many terms; shorten it"));
            // The disk under the index failed (full, read-only): nothing was saved, reads still work, retry later.
            c.routes.exception(IndexWriteException.class, (e, ctx) -> {
                log.error("{} {}: {}", ctx.method(), ctx.path(), e.getMessage(), e);
                ctx.header("Retry-After", "60");
                problem(ctx, 503, "the index cannot be written right now (its storage failed: full, read-only or "
                        + "an I/O error), so nothing was saved; searches still work. Retry later.");
            });
            // More searches than the pool runs and queues: refused at once, rather than queued without bound.
            c.routes.exception(SearchPool.Full.class, (e, ctx) -> {
                ctx.header("Retry-After", "1");
                problem(ctx, 503, e.getMessage());
            });
            c.routes.exception(EngineUnavailableException.class, (e, ctx) -> {
                log.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
                ctx.header("Retry-After", "5");
                problem(ctx, 503, "the search engine is unavailable right now (" + e.getMessage() + "); retry shortly");
            });
            c.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, e.getStatus(), e.getMessage()));
            c.routes.exception(Exception.class, (e, ctx) -> {
                log.error("{} {} failed", ctx.method(), ctx.path(), e);
                problem(ctx, 500, "internal error; the server log has the details");
            });
            c.routes.error(404, ctx -> {
                if (!isProblem(ctx)) problem(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path());
            });
            c.routes.error(405, ctx -> {
                if (!isProblem(ctx)) problem(ctx, 405, ctx.method() + " is not allowed on " + ctx.path());
            });
        });
        app.start(port);
        return new ApiServer(app, drain, writes, searches);
    }

    /**
     * Every API endpoint served, as {@code "METHOD /path"} with OpenAPI-style {@code {param}}s: what openapi.json must
     * describe. The web pages ({@code /}, {@code /app.js}, {@code /app.css}, {@code /widget.js}) are left out: they are
     * files for browsers, not part of the JSON API a client programs against.
     */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(e -> List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(e.endpoint.method.name()))
                .filter(e -> e.endpoint.path.startsWith("/api/") || e.endpoint.path.equals("/openapi.json"))
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path)
                .distinct().sorted().toList();
    }

    /**
     * The route pattern that answered, e.g. {@code /api/articles/{id}}: bounded, unlike raw paths, so fit for a
     * metric label. Requests no route matched are counted together as {@code unmatched}.
     */
    private static String route(Context ctx) {
        try {
            var endpoint = ctx.endpoints().matchedHttpEndpoint();
            if (endpoint != null && endpoint.path != null) return endpoint.path;
        } catch (RuntimeException noneMatched) {
            // fall through
        }
        return "unmatched";
    }

    /** The port actually listened on. */
    public int port() {
        return app.port();
    }

    /**
     * Turns new requests away with 503, lets those in flight finish (up to 10 s), stops listening, and answers the
     * writes still waiting for a commit. Afterwards nothing writes to the index: the caller may commit and close it.
     */
    public void stop() {
        try {
            int unfinished = drain.stop(DRAIN_MILLIS);
            if (unfinished > 0) log.warn("stopping with {} requests still in flight after {} ms", unfinished, DRAIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        app.stop();
        searches.close();
        writes.close();
    }

    /** Runs {@code work} as a search of estimated {@code cost} would run: for tests that fill the queue. */
    <T> T runAsSearch(long cost, Callable<T> work) throws Exception {
        return searches.run(() -> cost, work);
    }

    /** Searches waiting for their turn: for tests. */
    int searchesWaiting() {
        return searches.waiting();
    }

    @Override
    public void close() {
        stop();
    }

    private static AnalysedArticle found(AnalysedArticle article, Context ctx) {
        if (article == null) throw ApiException.notFound("no article with id '" + SearchParams.abbreviate(ctx.pathParam("id")) + "'");
        return article;
    }

    /**
     * Answers {@code value} as JSON, as {@code ctx.json} does, but written as UTF-8 bytes at once: {@code ctx.json} makes a
     * String first and encodes it afterwards, two more copies of every search response.
     */
    private static void json(Context ctx, Object value) throws IOException {
        json(ctx, JSON.writeValueAsBytes(value));
    }

    /** Answers JSON already written (on a search thread). */
    private static void json(Context ctx, byte[] json) {
        ctx.contentType(ContentType.APPLICATION_JSON).result(json);
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(PROBLEM_JSON);
    }

    static void problem(Context ctx, int status, String detail) {
        ctx.status(status).contentType(PROBLEM_JSON).result(problemBody(status, detail));
    }

    /** An RFC 9457 problem document. */
    static String problemBody(int status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title(status));
        body.put("status", status);
        body.put("detail", detail == null || detail.isBlank() ? title(status) : detail);
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("a map of strings and numbers always serialises", e);
        }
    }

    /** A request body's JSON, or a 400 that says what is wrong with it. */
    static JsonNode readJson(String body) {
        try {
            return BODY_JSON.readTree(body);
        } catch (StreamConstraintsException e) {
            throw ApiException.badRequest("body is nested too deeply: JSON deeper than " + MAX_JSON_DEPTH + " levels is not accepted");
        } catch (IOException e) {
            throw ApiException.badRequest("body is not valid JSON: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            default -> "HTTP " + status;
        };
    }
}
