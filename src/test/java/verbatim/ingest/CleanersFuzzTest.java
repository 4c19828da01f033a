package verbatim.ingest;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import verbatim.Fuzz;
import verbatim.Fuzz.Gen;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static verbatim.Fuzz.frequency;
import static verbatim.Fuzz.of;
import static verbatim.Fuzz.show;
import static verbatim.Fuzz.strings;
import static verbatim.Fuzz.w;

/**
 * Fuzzes the cleaners and the decoder: they never throw (but {@link TextDecoder.NotTextException}, the decoder's
 * documented answer to binary content), never hang, and never make runaway
 * text (the HTML cleaner no more characters than the page has; the text cleaner, which puts a blank line between
 * paragraphs, no more than twice).
 * Tries and seed: {@code verbatim.fuzz.tries}, {@code verbatim.fuzz.seed} ({@link Fuzz}; README, "Fuzzing").
 */
class CleanersFuzzTest {

    /** Generous: cleaning a page takes milliseconds; a regular expression gone quadratic takes far longer. */
    private static final Duration PER_INPUT = Duration.ofSeconds(10);

    private final HtmlCleaner html = new HtmlCleaner();
    private final TextCleaner text = new TextCleaner();

    record Page(String page, String baseUri) {
        @Override
        public String toString() {
            return "page: " + show(page) + "\nbase URI: " + show(baseUri);
        }
    }

    record Bytes(byte[] bytes, boolean isHtml) {
        @Override
        public String toString() {
            return (isHtml ? "HTML " : "text ") + show(bytes);
        }
    }

    @TestFactory
    Stream<DynamicTest> htmlCleanerNeverThrowsNorGrows() {
        String uri = "https://example.org/2024/05/a.html";
        List<Page> edges = List.of(new Page("", uri), new Page("", null), new Page(" ", ""),
                new Page(Fuzz.nestedHtml("div", 20_000, "Le zorbaxium arrive."), uri),
                new Page(Fuzz.nestedHtml("p", 19_999, "Le zorbaxium arrive."), uri),
                new Page(Fuzz.nestedHtml("table", 20_000, "&#xD800;"), "not a uri"),
                new Page(Fuzz.hugeAttributeHtml("content", 300_000), uri),
                new Page(Fuzz.hugeAttributeHtml("style", 10_000), "http://[::1"),
                new Page(Fuzz.scriptsHtml(""), uri), new Page(Fuzz.scriptsHtml("</script><script>"), uri),
                new Page(String.join("", Fuzz.HTML_TEXTS), "javascript:alert(1)"),
                new Page("<".repeat(100_000), uri), new Page("&".repeat(100_000), uri), new Page("\uD83D".repeat(1_000), "\uD83D"));
        return Fuzz.property("htmlCleanerNeverThrowsNorGrows", edges,
                r -> new Page(Fuzz.html().next(r), baseUris().next(r)), Page::toString, in -> {
                    String page = in.page();
                    CleanedPage cleaned = assertTimeoutPreemptively(PER_INPUT, () -> html.clean(page, in.baseUri()), () -> "page: " + show(page));
                    assertNotNull(cleaned);
                    assertNotNull(cleaned.text());
                    assertTrue(cleaned.text().length() <= page.length(), () -> "text longer than the page: " + show(page));
                    if (cleaned.title() != null) assertTrue(cleaned.title().length() <= page.length(), () -> "title: " + show(page));
                });
    }

    @TestFactory
    Stream<DynamicTest> textCleanerNeverThrowsNorGrows() {
        List<String> edges = List.of("", " ", "\n", "\n\n\n", "a ".repeat(100_000), "Titre\n".repeat(30_000),
                "TITRE EN MAJUSCULES\n\n" + String.join("\n", Fuzz.HTML_TEXTS), "\uD83D", "\r".repeat(10_000));
        return Fuzz.property("textCleanerNeverThrowsNorGrows", edges, texts(), Fuzz::show, input -> {
            CleanedPage cleaned = assertTimeoutPreemptively(PER_INPUT, () -> text.clean(input), () -> "text: " + show(input));
            assertNotNull(cleaned);
            // Every line of a text file is a paragraph: one line break may become a blank line, so up to twice as long.
            assertTrue(cleaned.text().length() <= 2 * input.length(), () -> "text grew: " + show(input));
            if (cleaned.title() != null) assertTrue(cleaned.title().length() <= input.length(), () -> "title: " + show(input));
        });
    }

    @TestFactory
    Stream<DynamicTest> decoderAnswersTextOrNotText() {
        List<Bytes> edges = new ArrayList<>();
        for (boolean isHtml : new boolean[]{false, true}) {
            edges.add(new Bytes(new byte[0], isHtml));
            for (byte[] p : Fuzz.PREFIXES) edges.add(new Bytes(p, isHtml));
            edges.add(new Bytes(new byte[3_000], isHtml));
            edges.add(new Bytes("<html><head><meta charset=\"bogus\">é".getBytes(StandardCharsets.UTF_8), isHtml));
            edges.add(new Bytes("<html><head><meta charset=\"UTF-32\">zorbaxium".getBytes(StandardCharsets.UTF_16LE), isHtml));
        }
        return Fuzz.property("decoderAnswersTextOrNotText", edges,
                r -> new Bytes(bytes().next(r), r.nextBoolean()), Bytes::toString, in -> {
                    byte[] bytes = in.bytes();
                    String decoded = assertTimeoutPreemptively(PER_INPUT, () -> {
                        try {
                            return TextDecoder.decode(bytes, in.isHtml());
                        } catch (TextDecoder.NotTextException documented) {
                            return "";
                        }
                    });
                    assertNotNull(decoded);
                    assertTrue(decoded.length() <= bytes.length, () -> decoded.length() + " chars from " + bytes.length + " bytes");
                });
    }

    // --- generators -------------------------------------------------------------------------------------------

    static Gen<String> baseUris() {
        return Fuzz.<String>oneOf(of("https://example.org/2024/05/a.html", "", "not a uri", "http://[::1",
                "file:///etc/passwd", "javascript:alert(1)", "https://é.example/%ZZ"), strings(50)).injectNull(0.1);
    }

    static Gen<String> texts() {
        Gen<String> lines = frequency(w(5, of(Fuzz.HTML_TEXTS)),
                        w(2, of("TITRE EN MAJUSCULES", "Titre court", "Accueil > Économie > Retail",
                                "Par Jeanne Martin", "Publié le 02/05/2024", "Lire aussi : le zorbaxium", "Tags : retail, luxe",
                                "https://example.org/a", "© 2024 Example", "", " ", "•", "---")),
                        w(1, strings(200)))
                .list(300).map(l -> String.join("\n", l));
        Gen<String> any = strings(2_000);
        Gen<String> long1 = Fuzz.ints(10_000, 200_000).map(n -> "a ".repeat(n / 2));
        Gen<String> manyLines = Fuzz.ints(1_000, 30_000).map(n -> "Titre\n".repeat(n));
        return frequency(w(6, lines), w(3, any), w(1, long1), w(1, manyLines));
    }

    static Gen<byte[]> bytes() {
        Gen<byte[]> random = Fuzz.bytes(3_000);
        Gen<byte[]> prefixes = of(Fuzz.PREFIXES);
        List<String> charsets = new ArrayList<>(Charset.availableCharsets().keySet());
        charsets.addAll(List.of("utf-8", "bogus", "x", "", "UTF-32", "utf-7", "ISO-2022-JP", "IBM037"));
        Gen<String> declared = of(charsets).map(c -> "<html><head><meta charset=\"" + c + "\">");
        Gen<String> text = strings(1_000);
        Gen<Charset> encodings = of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16LE,
                StandardCharsets.UTF_16BE, Charset.forName("windows-1252"));
        Gen<byte[]> encoded = r -> {
            String d = declared.injectNull(0.3).next(r);
            return ((d == null ? "" : d) + text.next(r)).getBytes(encodings.next(r));
        };
        Gen<byte[]> body = Fuzz.oneOf(random, encoded);
        return r -> {
            byte[] p = prefixes.next(r);
            byte[] b = body.next(r);
            byte[] tail = random.injectNull(0.7).next(r);
            return Fuzz.concat(p, b, tail == null ? new byte[0] : tail);
        };
    }
}
