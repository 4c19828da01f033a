package verbatim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import org.apache.lucene.search.IndexSearcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import verbatim.analysis.AnalysedArticle;
import verbatim.analysis.ArticleAnalysis;
import verbatim.index.ArticleIndex;
import verbatim.index.CorpusIndexer;
import verbatim.index.Schema;
import verbatim.ingest.Article;
import verbatim.ingest.ArticleReader;
import verbatim.ingest.Ids;
import verbatim.search.Search;
import verbatim.search.SearchRequest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private static final List<String> ARTICLE_FACETS = Schema.FACETS;
    private static final List<String> QUOTE_FACETS = List.of(Schema.SPEAKER, Schema.COMPANY, Schema.TAG, Schema.SITE, Schema.YEAR);
    private static final int MAX_SUGGESTIONS = 10;

    private final Javalin app;

    private ApiServer(Javalin app) {
        this.app = app;
    }

    /** Starts serving on {@code port} (0 picks a free port). */
    public static ApiServer start(ArticleIndex index, Search search, ServerConfig config, int port) {
        Writes writes = new Writes(index, config);
        Javalin app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jsonMapper(new JavalinJackson(JSON, false));
            c.http.maxRequestSize = config.maxBodyBytes();
            c.http.prefer405over404 = true;
            c.router.ignoreTrailingSlashes = true;

            c.routes.before(ctx -> {
                if (ctx.method().name().equals("OPTIONS")) {
                    Cors.preflight(ctx, config);
                    ctx.skipRemainingHandlers();
                } else {
                    Cors.apply(ctx, config);
                }
            });

            c.routes.get("/api/health", ctx -> ctx.json(Map.of("status", "ok", "articles", index.count())));
            c.routes.get("/api/stats", ctx -> ctx.json(index.stats()));
            c.routes.get("/api/search", ctx -> ctx.json(search.articles(SearchParams.read(ctx, ARTICLE_FACETS))));
            c.routes.get("/api/quotes", ctx -> ctx.json(search.quotes(SearchParams.read(ctx, QUOTE_FACETS))));
            c.routes.get("/api/suggest", ctx -> {
                String q = SearchParams.clean(ctx.queryParamAsClass("q", String.class).getOrDefault(""));
                if (q.length() > 100) throw ApiException.badRequest("q is longer than 100 characters: suggestions complete what is being typed");
                int size = SearchParams.integer(ctx, "size", 8, 1, MAX_SUGGESTIONS);
                ctx.json(Map.of("suggestions", search.suggest(q, size)));
            });
            c.routes.get("/api/articles/{id}", ctx -> ctx.json(articleView(found(search.article(ctx.pathParam("id")), ctx))));
            c.routes.get("/api/articles/{id}/similar", ctx -> {
                found(search.article(ctx.pathParam("id")), ctx);
                int size = SearchParams.integer(ctx, "size", 5, 1, 50);
                ctx.json(Map.of("hits", search.similar(ctx.pathParam("id"), size)));
            });
            c.routes.post("/api/articles", writes::create);
            c.routes.put("/api/articles/{id}", writes::replace);
            c.routes.delete("/api/articles/{id}", writes::delete);
            c.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(OpenApi.document()));

            c.routes.exception(ApiException.class, (e, ctx) -> problem(ctx, e.status, e.getMessage()));
            c.routes.exception(IllegalArgumentException.class, (e, ctx) -> problem(ctx, 400, e.getMessage()));
            c.routes.exception(IndexSearcher.TooManyClauses.class, (e, ctx) ->
                    problem(ctx, 400, "the query has too many terms; shorten it"));
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
        return new ApiServer(app);
    }

    /** Every endpoint served, as {@code "METHOD /path"} with OpenAPI-style {@code {param}}s: what openapi.json must describe. */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(e -> List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(e.endpoint.method.name()))
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path)
                .distinct().sorted().toList();
    }

    /** The port actually listened on. */
    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
    }

    @Override
    public void close() {
        stop();
    }

    private static AnalysedArticle found(AnalysedArticle article, Context ctx) {
        if (article == null) throw ApiException.notFound("no article with id '" + SearchParams.abbreviate(ctx.pathParam("id")) + "'");
        return article;
    }

    /** The article as the API shows it: metadata, cleaned text, speakers, companies, quotes. */
    static Map<String, Object> articleView(AnalysedArticle analysed) {
        Article a = analysed.article();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("title", a.title());
        m.put("url", a.url());
        m.put("site", a.site());
        m.put("date", a.date());
        m.put("author", a.author());
        m.put("tags", a.tags());
        m.put("lang", a.lang());
        m.put("text", a.text());
        m.put("speakers", analysed.mentions().speakers());
        m.put("companies", analysed.mentions().companies());
        m.put("quotes", analysed.mentions().quotes());
        return m;
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("application/problem+json");
    }

    static void problem(Context ctx, int status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title(status));
        body.put("status", status);
        body.put("detail", detail == null || detail.isBlank() ? title(status) : detail);
        try {
            ctx.status(status).contentType("application/problem+json").result(JSON.writeValueAsString(body));
        } catch (IOException e) {
            ctx.status(status).result(title(status));
        }
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "HTTP " + status;
        };
    }

    /** Writes: authenticated, cleaned and analysed like corpus files, durable before they are acknowledged. */
    private static final class Writes {
        private final ArticleIndex index;
        private final ServerConfig config;
        private final ArticleReader reader;
        private final ArticleAnalysis analysis = new ArticleAnalysis();

        Writes(ArticleIndex index, ServerConfig config) {
            this.index = index;
            this.config = config;
            this.reader = new ArticleReader(config.maxBodyBytes());
        }

        void create(Context ctx) throws IOException {
            authorize(ctx);
            Article article = read(ctx, null);
            save(article);
            ctx.status(201).header("Location", "/api/articles/" + article.id()).json(Map.of("id", article.id()));
        }

        void replace(Context ctx) throws IOException {
            authorize(ctx);
            String id = ctx.pathParam("id");
            if (!Ids.safe(id).equals(id)) throw ApiException.badRequest("ids hold only letters, digits, '.', '_' and '-'");
            Article article = read(ctx, id);
            boolean existed = index.get(id) != null;
            save(article);
            ctx.status(existed ? 200 : 201).json(Map.of("id", article.id()));
        }

        void delete(Context ctx) throws IOException {
            authorize(ctx);
            String id = ctx.pathParam("id");
            if (index.get(id) == null) throw ApiException.notFound("no article with id '" + SearchParams.abbreviate(id) + "'");
            index.delete(id);
            index.commit();
            ctx.status(204);
        }

        private void save(Article article) throws IOException {
            index.upsert(analysis.analyse(article));
            index.commit(); // acknowledged means durable
        }

        private Article read(Context ctx, String id) throws IOException {
            String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
            String body;
            try (InputStream in = ctx.bodyInputStream()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (body.isBlank()) throw ApiException.badRequest("the request body is empty");
            String url = ctx.queryParam("url");
            Article article;
            if (type.startsWith("application/json")) {
                JsonNode record;
                try {
                    record = JSON.readTree(body);
                } catch (IOException e) {
                    throw ApiException.badRequest("body is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
                }
                if (record == null || !record.isObject()) throw ApiException.badRequest("body must be a JSON object");
                if (id != null) ((com.fasterxml.jackson.databind.node.ObjectNode) record).put("id", id);
                article = reader.fromJson(record, CorpusIndexer.API_SOURCE);
            } else if (type.startsWith("text/html")) {
                article = reader.fromHtml(body, url, CorpusIndexer.API_SOURCE);
            } else if (type.startsWith("text/plain")) {
                article = reader.fromText(body, CorpusIndexer.API_SOURCE);
            } else {
                throw new ApiException(415, "send application/json, text/html or text/plain, not '" + SearchParams.abbreviate(type) + "'");
            }
            if (article.text().isBlank()) throw ApiException.badRequest("no article text found in the body");
            // Without an id or a URL, the reader can only name the article after its source.
            String finalId = id != null ? id : article.id().equals(Ids.fromPath(CorpusIndexer.API_SOURCE)) ? contentId(article) : article.id();
            return new Article(finalId, CorpusIndexer.API_SOURCE, article.url() != null ? article.url() : url, article.title(),
                    article.author(), article.date(), article.site(), article.tags(), article.lang(), article.text());
        }

        /** An article posted with neither id nor URL is named by its content: posting it twice updates it. */
        private static String contentId(Article a) {
            return "a" + a.contentHash().substring(0, 20);
        }

        private void authorize(Context ctx) {
            if (!config.writesEnabled()) {
                throw new ApiException(403, "writes are disabled: start the server with VERBATIM_ADMIN_KEY set "
                        + "(or --admin-key) and send 'Authorization: Bearer <key>'");
            }
            String header = ctx.header("Authorization");
            String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
            // Constant time: the comparison must not tell an attacker how much of the key is right.
            if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), config.adminKey().getBytes(StandardCharsets.UTF_8))) {
                ctx.header("WWW-Authenticate", "Bearer");
                throw new ApiException(401, "a valid 'Authorization: Bearer <admin key>' header is needed to write");
            }
        }
    }
}
