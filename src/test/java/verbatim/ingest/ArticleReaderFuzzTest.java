package verbatim.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import verbatim.Fuzz;
import verbatim.Fuzz.Gen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static verbatim.Fuzz.frequency;
import static verbatim.Fuzz.of;
import static verbatim.Fuzz.w;

/**
 * Fuzzes the article reader: a JSON record of any shape becomes an article or an {@link IllegalArgumentException}
 * (its documented bad-input error), and a file of any bytes is read without throwing, its problems reported.
 * Tries and seed: {@code verbatim.fuzz.tries}, {@code verbatim.fuzz.seed} ({@link Fuzz}; README, "Fuzzing").
 */
class ArticleReaderFuzzTest {

    private static final Duration PER_INPUT = Duration.ofSeconds(10);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Small, so the size limit is crossed too. */
    private static final int MAX_BYTES = 20_000;

    private static Path dir;
    private final ArticleReader reader = new ArticleReader(MAX_BYTES);

    @BeforeAll
    static void tempDir() throws IOException {
        dir = Files.createTempDirectory("verbatim-fuzz-reader");
    }

    @AfterAll
    static void removeTempDir() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @TestFactory
    Stream<DynamicTest> fromJsonGivesAnArticleOrIllegalArgument() {
        List<JsonNode> edges = new ArrayList<>(List.of(NODES.objectNode(), NODES.arrayNode(), NODES.nullNode(), NODES.textNode(""),
                NODES.numberNode(Long.MIN_VALUE), NODES.numberNode(Double.NaN), NODES.booleanNode(true),
                NODES.objectNode().put("text", ""), NODES.objectNode().put("text", " "), NODES.objectNode().put("text", "\u0000"),
                NODES.objectNode().put("text", "Le zorbaxium").put("id", ""), NODES.objectNode().put("text", "Le zorbaxium").put("id", "../../etc/passwd"),
                NODES.objectNode().put("text", "Le zorbaxium").put("id", "x".repeat(500)).put("date", "2024-02-30"),
                NODES.objectNode().put("text", "Le zorbaxium").put("id", ".").put("url", "http://[::1").put("date", "99999-01-01"),
                NODES.objectNode().put("html", "<p>Le zorbaxium <b>arrive</b></p>").put("id", "\uD83D"),
                NODES.objectNode().put("html", "").putNull("text"), NODES.objectNode().put("text", 1).put("tags", "retail"),
                NODES.objectNode().put("text", "x".repeat(500)).set("tags", NODES.arrayNode().add(NODES.nullNode()).add(1))));
        for (int n : new int[]{50, 989, 990}) edges.add(Fuzz.deepJson("tags", n));
        return Fuzz.property("fromJsonGivesAnArticleOrIllegalArgument", edges, records(),
                record -> record.toString().substring(0, Math.min(300, record.toString().length())),
                record -> assertTimeoutPreemptively(PER_INPUT, () -> {
                    try {
                        Article a = reader.fromJson(record, "fuzz.jsonl");
                        assertValid(a);
                    } catch (IllegalArgumentException documented) {
                        assertNotNull(documented.getMessage());
                    }
                }, () -> "record: " + record.toString().substring(0, Math.min(300, record.toString().length()))));
    }

    /** A file: its extension and bytes. */
    record File(String extension, byte[] bytes) {
        @Override
        public String toString() {
            return extension + " " + Fuzz.show(bytes);
        }
    }

    @TestFactory
    Stream<DynamicTest> readNeverThrows() {
        List<File> edges = new ArrayList<>();
        List<byte[]> contents = List.of(new byte[0], new byte[]{0x55}, "{\"text\":\"Le zorbaxium\"}".getBytes(StandardCharsets.UTF_8),
                ("{\"text\":\"" + "a".repeat(MAX_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8),
                "[".repeat(5_000).getBytes(StandardCharsets.UTF_8), "{\"a\":".repeat(3_000).getBytes(StandardCharsets.UTF_8),
                "\n".repeat(MAX_BYTES + 1).getBytes(StandardCharsets.UTF_8), new byte[3_000]);
        for (String ext : EXTENSIONS) {
            for (byte[] c : contents) {
                edges.add(new File(ext, ext.endsWith(".gz") && c.length > 0 && c[0] != 0x55 ? gzip(c) : c));
            }
            edges.add(new File(ext, cut(gzip("{\"text\":\"Le zorbaxium\"}".getBytes(StandardCharsets.UTF_8)))));
        }
        return Fuzz.property("readNeverThrows", edges, files(), File::toString, file -> {
            Path path = Files.createTempFile(dir, "fuzz", file.extension());
            Files.write(path, file.bytes());
            try {
                List<Article> articles = new ArrayList<>();
                List<Problem> problems = new ArrayList<>();
                assertTimeoutPreemptively(PER_INPUT, () -> reader.read(path, "fuzz/" + path.getFileName(), new ArticleReader.Sink() {
                    @Override
                    public void article(Article article) {
                        articles.add(article);
                    }

                    @Override
                    public void problem(Problem problem) {
                        problems.add(problem);
                    }
                }));
                articles.forEach(ArticleReaderFuzzTest::assertValid);
                if (!file.extension().startsWith(".jsonl")) {
                    assertEquals(1, articles.size() + problems.size(), "a page or text file gives an article or a problem: " + problems);
                }
            } finally {
                Files.deleteIfExists(path);
            }
        });
    }

    private static void assertValid(Article a) {
        assertNotNull(a);
        assertFalse(a.text().isBlank(), "an article has text");
        assertEquals(Ids.safe(a.id()), a.id(), "ids are safe: " + a.id());
        assertFalse(a.id().contains("/") || a.id().startsWith("."), a.id());
        assertTrue(a.id().length() <= 200, a.id());
    }

    // --- generators -------------------------------------------------------------------------------------------

    private static final List<String> FIELDS = List.of("id", "url", "title", "text", "html", "date", "author", "site",
            "tags", "lang", "extra", "");

    private static final List<String> EXTENSIONS = List.of(".jsonl", ".jsonl.gz", ".html", ".txt");

    private static Gen<String> strings() {
        return frequency(
                w(3, Fuzz.strings(60)),
                w(3, of("", " ", "Le zorbaxium arrive dans les magasins.", "<p>Le zorbaxium <b>arrive</b></p>",
                        "<html><body><article><p>Texte</p></article></body></html>", "2024-05-02", "02/05/2024", "2 mai 2024",
                        "2024-02-30", "99999-01-01", "-1", "1714608000", "2024-05-02T25:61:00+99:00", "https://example.org/a",
                        "http://[::1", "//x", "../../etc/passwd", "..", ".", "-", "/", "\\", "a/../../b", "fr", "x".repeat(500),
                        "\u0000", "\uD83D", "😀", "\u202E")));
    }

    private static Gen<String> keys() {
        return Fuzz.oneOf(of(FIELDS), Fuzz.strings(10));
    }

    static Gen<JsonNode> records() {
        // Up to Jackson's default nesting limit of 1000 (writing a deeper tree fails); deeper text is in files().
        Gen<JsonNode> deep = Fuzz.ints(50, 990).map(n -> Fuzz.deepJson("tags", n));
        return frequency(w(8, Fuzz.jsonObject(3, keys(), strings())), w(1, Fuzz.jsonValue(2, keys(), strings())), w(1, deep));
    }

    static Gen<File> files() {
        Gen<String> line = frequency(
                w(5, records().map(JsonNode::toString)),
                w(2, Fuzz.strings(200)),
                w(1, of("", "{", "}", "[", "null", "{\"text\":", "{\"text\":\"a\"}{", "{\"text\": \"\\ud800\"}",
                        "{\"text\":\"x\",\"text\":\"y\"}", "\uFEFF{\"text\":\"a\"}", "[".repeat(5_000), "{\"a\":".repeat(3_000))),
                w(1, Fuzz.ints(MAX_BYTES - 10, MAX_BYTES + 10).map(n -> "{\"text\":\"" + "a".repeat(n) + "\"}")));
        Gen<byte[]> jsonl = line.list(30).map(l -> String.join("\n", l).getBytes(StandardCharsets.UTF_8));
        Gen<byte[]> bytes = Fuzz.bytes(3_000);
        Gen<byte[]> content = frequency(w(4, jsonl), w(1, bytes));
        Gen<String> extension = of(EXTENSIONS);
        Gen<Boolean> truncate = of(false, false, true);
        return r -> {
            String ext = extension.next(r);
            byte[] b = content.next(r);
            boolean cut = truncate.next(r);
            byte[] data = ext.endsWith(".gz") && b.length > 0 && b[0] != 0x55 ? gzip(b) : b;
            if (cut && data.length > 2) data = cut(data);
            return new File(ext, data);
        };
    }

    private static byte[] cut(byte[] data) {
        return java.util.Arrays.copyOf(data, data.length / 2);
    }

    private static byte[] gzip(byte[] b) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(out)) {
                z.write(b);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
