package verbatim.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import verbatim.index.ArticleIndex;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Verbatim's HTTP API: JSON in, JSON out, on one port. Every error, including unknown routes and
 * failures inside a handler, answers with a JSON body {@code {"error", "status"}}.
 *
 * <pre>{@code
 * ApiServer server = ApiServer.start(index, 7070);
 * // GET http://localhost:7070/api/health -> {"status":"ok","articles":9}
 * server.stop();
 * }</pre>
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);

    private final Javalin app;

    private ApiServer(Javalin app) {
        this.app = app;
    }

    /** Starts serving {@code index} on {@code port} (0 picks a free port). */
    public static ApiServer start(ArticleIndex index, int port) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/api/health", ctx -> health(ctx, index));
            config.routes.error(HttpStatus.NOT_FOUND, ctx -> {
                // Handlers answer their own 404s in JSON (an unknown article); only Javalin's plain-text one is replaced.
                String type = ctx.res().getContentType();
                if (type == null || !type.startsWith("application/json")) {
                    error(ctx, HttpStatus.NOT_FOUND, "no such endpoint: " + ctx.method() + " " + ctx.path());
                }
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("{} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal error; the server log has the details");
            });
        });
        app.start(port);
        return new ApiServer(app);
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

    private static void health(Context ctx, ArticleIndex index) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("articles", index.count());
        ctx.json(body);
    }

    static void error(Context ctx, HttpStatus status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("status", status.getCode());
        ctx.status(status).json(body);
    }
}
