package verbatim.ingest;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes the cleaners and the decoder: they never throw (but {@link TextDecoder.NotTextException}, the decoder's
 * documented answer to binary content), never hang, and never make runaway
 * text (the HTML cleaner no more characters than the page has; the text cleaner, which puts a blank line between
 * paragraphs, no more than twice).
 * Tries: {@code jqwik.tries.default} (src/test/resources/junit-platform.properties; README, "Fuzzing").
 */
class CleanersFuzzTest {

    /** Generous: cleaning a page takes milliseconds; a regular expression gone quadratic takes far longer. */
    private static final Duration PER_INPUT = Duration.ofSeconds(10);

    private final HtmlCleaner html = new HtmlCleaner();
    private final TextCleaner text = new TextCleaner();

    @Property
    void htmlCleanerNeverThrowsNorGrows(@ForAll("pages") String page, @ForAll("baseUris") String baseUri) {
        CleanedPage cleaned = assertTimeoutPreemptively(PER_INPUT, () -> html.clean(page, baseUri), () -> "page: " + show(page));
        assertNotNull(cleaned);
        assertNotNull(cleaned.text());
        assertTrue(cleaned.text().length() <= page.length(), () -> "text longer than the page: " + show(page));
        if (cleaned.title() != null) assertTrue(cleaned.title().length() <= page.length(), () -> "title: " + show(page));
    }

    @Property
    void textCleanerNeverThrowsNorGrows(@ForAll("texts") String input) {
        CleanedPage cleaned = assertTimeoutPreemptively(PER_INPUT, () -> text.clean(input), () -> "text: " + show(input));
        assertNotNull(cleaned);
        // Every line of a text file is a paragraph: one line break may become a blank line, so up to twice as long.
        assertTrue(cleaned.text().length() <= 2 * input.length(), () -> "text grew: " + show(input));
        if (cleaned.title() != null) assertTrue(cleaned.title().length() <= input.length(), () -> "title: " + show(input));
    }

    @Property
    void decoderAnswersTextOrNotText(@ForAll("bytes") byte[] bytes, @ForAll boolean isHtml) {
        String decoded = assertTimeoutPreemptively(PER_INPUT, () -> {
            try {
                return TextDecoder.decode(bytes, isHtml);
            } catch (TextDecoder.NotTextException documented) {
                return "";
            }
        });
        assertNotNull(decoded);
        assertTrue(decoded.length() <= bytes.length, () -> decoded.length() + " chars from " + bytes.length + " bytes");
    }

    // --- generators -------------------------------------------------------------------------------------------

    private static final List<String> TAGS = List.of("html", "head", "body", "title", "meta", "link", "script", "style",
            "div", "p", "span", "a", "article", "main", "section", "header", "footer", "nav", "aside", "h1", "h2", "ul",
            "ol", "li", "blockquote", "figure", "figcaption", "table", "tr", "td", "br", "hr", "img", "time", "form",
            "input", "noscript", "iframe", "svg", "math", "template", "textarea", "pre", "code", "button", "x-custom", "é");
    private static final List<String> ATTRIBUTES = List.of("class", "id", "itemprop", "property", "name", "content",
            "href", "src", "datetime", "lang", "charset", "http-equiv", "rel", "type", "role", "style", "onerror");
    private static final List<String> VALUES = List.of("article-body", "entry-content", "post", "nav", "menu", "footer",
            "sidebar", "cookie", "newsletter", "share", "comments", "related", "author", "articleBody", "og:title",
            "og:site_name", "article:published_time", "article:tag", "author", "date", "description", "keywords",
            "application/ld+json", "canonical", "2024-05-02", "2024-13-45T99:99", "fr", "utf-8", "x-unknown", "../../x",
            "javascript:alert(1)", "https://example.org/a", "//", "http://[::1", "");
    private static final List<String> TEXTS = List.of("Le zorbaxium arrive.", "« Nous ne pouvons plus suivre », affirme Paul Durand.",
            "&amp;", "&lt;", "&gt;", "&nbsp;", "&#233;", "&#x1F600;", "&#0;", "&#99999999;", "&#xD800;", "&NotEqualTilde;",
            "&unknown;", "&", "&#", "<", ">", "<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE html>", "<?xml version='1.0'?>",
            "\u0000", "\u200B", "\uFEFF", "\uD83D", "😀", "\r\n", "\n\n\n", "\t", "   ", "Publié le 2 mai 2024",
            "{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"datePublished\":\"2024-05-02\",\"author\":{\"name\":\"A\"}}",
            "{\"@graph\":[[[[{\"headline\":", "Accepter les cookies", "Partager sur Twitter", "Lire aussi", "|", " - ");

    @Provide
    Arbitrary<String> pages() {
        Arbitrary<String> open = Combinators.combine(Arbitraries.of(TAGS),
                        Combinators.combine(Arbitraries.of(ATTRIBUTES), Arbitraries.of(VALUES), Arbitraries.of("\"", "'", ""))
                                .as((a, v, q) -> " " + a + "=" + q + v + q).list().ofMaxSize(4))
                .as((t, attrs) -> "<" + t + String.join("", attrs) + ">");
        Arbitrary<String> close = Arbitraries.of(TAGS).map(t -> "</" + t + ">");
        Arbitrary<String> piece = Arbitraries.frequencyOf(Tuple.of(4, open), Tuple.of(3, close), Tuple.of(5, Arbitraries.of(TEXTS)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(40)));
        Arbitrary<String> soup = piece.list().ofMaxSize(200).map(l -> String.join("", l));
        Arbitrary<String> nested = Combinators.combine(Arbitraries.of(TAGS), Arbitraries.integers().between(100, 20_000), Arbitraries.of(TEXTS))
                .as((t, depth, inner) -> ("<" + t + ">").repeat(depth) + inner + (depth % 2 == 0 ? ("</" + t + ">").repeat(depth) : ""));
        Arbitrary<String> hugeAttribute = Combinators.combine(Arbitraries.of(ATTRIBUTES), Arbitraries.integers().between(10_000, 300_000))
                .as((a, n) -> "<html><head><meta " + a + "=\"" + "x".repeat(n) + "\"><title>" + "t ".repeat(n / 10)
                        + "</title></head><body><p " + a + "='" + "é".repeat(n) + "'>Le zorbaxium arrive.</p></body></html>");
        Arbitrary<String> scripts = Arbitraries.strings().all().ofMaxLength(500)
                .map(s -> "<html><head><script type=\"application/ld+json\">" + s + "</script><script>" + s
                        + "</script><style>" + s + "</style></head><body><article>" + s + "</article></body></html>");
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(1_000);
        return Arbitraries.frequencyOf(Tuple.of(8, soup), Tuple.of(1, nested), Tuple.of(1, hugeAttribute),
                Tuple.of(2, scripts), Tuple.of(2, any));
    }

    @Provide
    Arbitrary<String> baseUris() {
        return Arbitraries.oneOf(Arbitraries.of("https://example.org/2024/05/a.html", "", "not a uri", "http://[::1",
                        "file:///etc/passwd", "javascript:alert(1)", "https://é.example/%ZZ"),
                Arbitraries.strings().all().ofMaxLength(50)).injectNull(0.1);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> lines = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.of(TEXTS)),
                        Tuple.of(2, Arbitraries.of("TITRE EN MAJUSCULES", "Titre court", "Accueil > Économie > Retail",
                                "Par Jeanne Martin", "Publié le 02/05/2024", "Lire aussi : le zorbaxium", "Tags : retail, luxe",
                                "https://example.org/a", "© 2024 Example", "", " ", "•", "---")),
                        Tuple.of(1, Arbitraries.strings().all().ofMaxLength(200)))
                .list().ofMaxSize(300).map(l -> String.join("\n", l));
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(2_000);
        Arbitrary<String> long1 = Arbitraries.integers().between(10_000, 200_000).map(n -> "a ".repeat(n / 2));
        Arbitrary<String> manyLines = Arbitraries.integers().between(1_000, 30_000).map(n -> "Titre\n".repeat(n));
        return Arbitraries.frequencyOf(Tuple.of(6, lines), Tuple.of(3, any), Tuple.of(1, long1), Tuple.of(1, manyLines));
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(3_000);
        Arbitrary<byte[]> prefixes = Arbitraries.of(
                new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, new byte[]{(byte) 0xFF, (byte) 0xFE}, new byte[]{(byte) 0xFE, (byte) 0xFF},
                new byte[]{(byte) 0x89, 'P', 'N', 'G'}, "%PDF-1.4".getBytes(StandardCharsets.US_ASCII), new byte[]{'P', 'K', 3, 4},
                new byte[]{(byte) 0x1F, (byte) 0x8B}, "GIF89a".getBytes(StandardCharsets.US_ASCII), new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
                new byte[]{0x7F, 'E', 'L', 'F'}, new byte[0]);
        List<String> charsets = new ArrayList<>(Charset.availableCharsets().keySet());
        charsets.addAll(List.of("utf-8", "bogus", "x", "", "UTF-32", "utf-7", "ISO-2022-JP", "IBM037"));
        Arbitrary<String> declared = Arbitraries.of(charsets).map(c -> "<html><head><meta charset=\"" + c + "\">");
        Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(1_000);
        Arbitrary<Charset> encodings = Arbitraries.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16LE,
                StandardCharsets.UTF_16BE, Charset.forName("windows-1252"));
        Arbitrary<byte[]> encoded = Combinators.combine(declared.injectNull(0.3), text, encodings)
                .as((d, t, cs) -> ((d == null ? "" : d) + t).getBytes(cs));
        return Combinators.combine(prefixes, Arbitraries.oneOf(random, encoded), random.injectNull(0.7))
                .as((p, body, tail) -> concat(p, body, tail == null ? new byte[0] : tail));
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    static String show(String s) {
        String shown = s.length() > 300 ? s.substring(0, 300) + "… (" + s.length() + " chars)" : s;
        StringBuilder b = new StringBuilder();
        shown.codePoints().forEach(c -> {
            if (Character.isISOControl(c) && c != '\n' || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE) {
                b.append(String.format("\\u%04X", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
