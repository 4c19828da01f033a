package verbatim.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Article identifiers. They appear in URLs ({@code /api/articles/{id}}) and index terms, so they
 * are limited to characters that need no escaping and can never name a path ({@code ../}).
 */
public final class Ids {

    private static final int MAX_LENGTH = 200;

    private Ids() {
    }

    /**
     * Keeps letters, digits, '.', '_' and '-', replaces every other run of characters by '-'.
     *
     * <pre>{@code
     * Ids.safe("orangesum-15119")       // "orangesum-15119"
     * Ids.safe("pages/Mon article.html") // "pages-Mon-article.html"
     * }</pre>
     */
    public static String safe(String raw) {
        String id = raw.strip().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+|-+$", "");
        if (id.length() > MAX_LENGTH || id.isEmpty()) {
            return "h" + Article.sha256(raw.getBytes(StandardCharsets.UTF_8)).substring(0, 24);
        }
        return id;
    }

    /** A stable id for an article known only by its URL: the same URL always gives the same id. */
    public static String fromUrl(String url) {
        String canonical = url.strip().replaceFirst("^(?i)https?://", "").replaceFirst("#.*$", "").replaceFirst("/$", "");
        return "u" + Article.sha256(canonical.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)).substring(0, 20);
    }

    /** An id from a corpus-relative path, without its extension: {@code pages/a.html} gives {@code pages-a}. */
    public static String fromPath(String relativePath) {
        String withoutExtension = relativePath.replaceFirst("(\\.jsonl)?(\\.gz)?$", "").replaceFirst("\\.[A-Za-z0-9]+$", "");
        return safe(withoutExtension.replace('\\', '/').replace("/", "--"));
    }
}
