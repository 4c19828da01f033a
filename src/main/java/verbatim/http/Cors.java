package verbatim.http;

import io.javalin.http.Context;

/**
 * Cross-origin reads for browsers (the embedded search box lives on other sites), never writes:
 * writes carry an Authorization header, which makes browsers ask first, and the answer here is no.
 */
final class Cors {

    private Cors() {
    }

    static void apply(Context ctx, ServerConfig config) {
        String origin = ctx.header("Origin");
        String method = ctx.method().name();
        if (origin == null || !(method.equals("GET") || method.equals("HEAD")) || !allowed(origin, config)) return;
        ctx.header("Access-Control-Allow-Origin", config.corsOrigins().contains("*") ? "*" : origin);
        ctx.header("Vary", "Origin");
    }

    static void preflight(Context ctx, ServerConfig config) {
        String origin = ctx.header("Origin");
        String requested = ctx.header("Access-Control-Request-Method");
        if (origin != null && allowed(origin, config) && ("GET".equals(requested) || "HEAD".equals(requested))) {
            ctx.header("Access-Control-Allow-Origin", config.corsOrigins().contains("*") ? "*" : origin);
            ctx.header("Access-Control-Allow-Methods", "GET, HEAD");
            ctx.header("Access-Control-Max-Age", "600");
            ctx.header("Vary", "Origin");
        }
        ctx.status(204);
    }

    private static boolean allowed(String origin, ServerConfig config) {
        return config.corsOrigins().contains("*") || config.corsOrigins().contains(origin);
    }
}
