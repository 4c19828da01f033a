package verbatim.http;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file of the web front end ({@code src/main/resources/verbatim/web/}), read once from the jar and
 * served with its content type, a Cache-Control and an ETag (a matching If-None-Match gets a 304).
 */
final class WebAsset {

    /**
     * The search page only talks to its own server: no inline script or style, nothing from elsewhere.
     * Snippets are inserted as HTML (escaped server-side, only {@code <mark>}); this is the second line of defence.
     */
    static final String PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final String name;
    private final byte[] bytes;
    private final String contentType;
    private final String cacheControl;
    private final String etag;

    private WebAsset(String name, byte[] bytes, String contentType, String cacheControl) {
        this.name = name;
        this.bytes = bytes;
        this.contentType = contentType;
        this.cacheControl = cacheControl;
        this.etag = "\"" + sha256(bytes).substring(0, 16) + "\"";
    }

    static WebAsset load(String name, String contentType, String cacheControl) {
        try (InputStream in = WebAsset.class.getResourceAsStream("/verbatim/web/" + name)) {
            if (in == null) throw new IllegalStateException("verbatim/web/" + name + " is missing from the jar");
            return new WebAsset(name, in.readAllBytes(), contentType, cacheControl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void serve(Context ctx) {
        ctx.header("Cache-Control", cacheControl);
        ctx.header("ETag", etag);
        ctx.header("X-Content-Type-Options", "nosniff");
        if (name.endsWith(".html")) {
            ctx.header("Content-Security-Policy", PAGE_CSP);
            ctx.header("Referrer-Policy", "same-origin");
        }
        String match = ctx.header("If-None-Match");
        if (match != null && (match.contains(etag) || match.strip().equals("*"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(contentType).result(bytes);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
