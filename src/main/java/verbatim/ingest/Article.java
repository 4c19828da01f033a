package verbatim.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One cleaned article, as the ingester hands it to the index.
 *
 * @param id     stable identifier: the record's own id, else derived from the canonical URL, else from the source path
 * @param source where it came from: a path relative to the corpus (plus {@code #line} for JSONL records), or {@code api}
 * @param url    canonical URL, or null
 * @param title  title, or null when the page has none
 * @param author author as credited, or null
 * @param date   publication date, or null
 * @param site   host name of the publishing site, or null
 * @param tags   tags and categories as the page gives them
 * @param lang   ISO 639-1 language code, or null when unknown
 * @param text   cleaned body: paragraphs separated by blank lines
 */
public record Article(String id, String source, String url, String title, String author, LocalDate date,
                      String site, List<String> tags, String lang, String text) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A digest of everything indexed about this article: equal hashes mean nothing to rewrite. */
    public String contentHash() {
        String canonical = String.join("\u0000", id, Objects.toString(url, ""), Objects.toString(title, ""),
                Objects.toString(author, ""), Objects.toString(date, ""), Objects.toString(site, ""),
                String.join("\u0001", tags), Objects.toString(lang, ""), text);
        return sha256(canonical.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JVM has SHA-256", e);
        }
    }
}
