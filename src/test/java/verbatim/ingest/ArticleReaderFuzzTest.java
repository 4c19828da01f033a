package verbatim.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

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
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes the article reader: a JSON record of any shape becomes an article or an {@link IllegalArgumentException}
 * (its documented bad-input error), and a file of any bytes is read without throwing, its problems reported.
 * Tries: {@code jqwik.tries.default} (src/test/resources/junit-platform.properties; README, "Fuzzing").
 */
class ArticleReaderFuzzTest {

    private static final Duration PER_INPUT = Duration.ofSeconds(10);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Small, so the size limit is crossed too. */
    private static final int MAX_BYTES = 20_000;

    private static Path dir;
    private final ArticleReader reader = new ArticleReader(MAX_BYTES);

    @BeforeContainer
    static void tempDir() throws IOException {
        dir = Files.createTempDirectory("verbatim-fuzz-reader");
    }

    @AfterContainer
    static void removeTempDir() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property
    void fromJsonGivesAnArticleOrIllegalArgument(@ForAll("records") JsonNode record) {
        assertTimeoutPreemptively(PER_INPUT, () -> {
            try {
                Article a = reader.fromJson(record, "fuzz.jsonl");
                assertValid(a);
            } catch (IllegalArgumentException documented) {
                assertNotNull(documented.getMessage());
            }
        }, () -> "record: " + record.toString().substring(0, Math.min(300, record.toString().length())));
    }

    @Property
    void readNeverThrows(@ForAll("files") Tuple.Tuple2<String, byte[]> file) throws IOException {
        Path path = Files.createTempFile(dir, "fuzz", file.get1());
        Files.write(path, file.get2());
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
            if (!file.get1().startsWith(".jsonl")) {
                assertEquals(1, articles.size() + problems.size(), "a page or text file gives an article or a problem: " + problems);
            }
        } finally {
            Files.deleteIfExists(path);
        }
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

    private static Arbitrary<String> strings() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(60)),
                Tuple.of(3, Arbitraries.of("", " ", "Le zorbaxium arrive dans les magasins.", "<p>Le zorbaxium <b>arrive</b></p>",
                        "<html><body><article><p>Texte</p></article></body></html>", "2024-05-02", "02/05/2024", "2 mai 2024",
                        "2024-02-30", "99999-01-01", "-1", "1714608000", "2024-05-02T25:61:00+99:00", "https://example.org/a",
                        "http://[::1", "//x", "../../etc/passwd", "..", ".", "-", "/", "\\", "a/../../b", "fr", "x".repeat(500),
                        "\u0000", "\uD83D", "😀", "\u202E")));
    }

    private static Arbitrary<JsonNode> scalars() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, strings().map(NODES::textNode)),
                Tuple.of(1, Arbitraries.longs().map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.doubles().map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(30).negate(), java.math.BigInteger.TEN.pow(30)).map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.of(true, false).map(NODES::booleanNode)),
                Tuple.of(1, Arbitraries.just(NODES.nullNode())));
    }

    private static Arbitrary<JsonNode> value(int depth) {
        if (depth <= 0) return scalars();
        Arbitrary<JsonNode> array = Arbitraries.lazy(() -> value(depth - 1)).list().ofMaxSize(5).map(l -> {
            ArrayNode a = NODES.arrayNode();
            l.forEach(a::add);
            return a;
        });
        Arbitrary<JsonNode> object = Arbitraries.lazy(() -> object(depth - 1));
        return Arbitraries.frequencyOf(Tuple.of(6, scalars()), Tuple.of(1, array), Tuple.of(1, object));
    }

    private static Arbitrary<JsonNode> object(int depth) {
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(FIELDS), Arbitraries.strings().all().ofMaxLength(10));
        return Arbitraries.maps(keys, Arbitraries.lazy(() -> value(depth))).ofMaxSize(10).map(m -> {
            ObjectNode o = NODES.objectNode();
            for (Map.Entry<String, JsonNode> e : m.entrySet()) o.set(e.getKey(), e.getValue());
            return o;
        });
    }

    @Provide
    Arbitrary<JsonNode> records() {
        // Up to Jackson's default nesting limit of 1000 (writing a deeper tree fails); deeper text is in files().
        Arbitrary<JsonNode> deep = Arbitraries.integers().between(50, 990).map(n -> {
            JsonNode inner = NODES.textNode("Le zorbaxium");
            for (int i = 0; i < n; i++) inner = i % 2 == 0 ? NODES.arrayNode().add(inner) : NODES.objectNode().set("text", inner);
            return NODES.objectNode().set("tags", inner);
        });
        return Arbitraries.frequencyOf(Tuple.of(8, object(3)), Tuple.of(1, value(2)), Tuple.of(1, deep));
    }

    @Provide
    Arbitrary<Tuple.Tuple2<String, byte[]>> files() {
        Arbitrary<String> line = Arbitraries.frequencyOf(
                Tuple.of(5, records().map(JsonNode::toString)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(200)),
                Tuple.of(1, Arbitraries.of("", "{", "}", "[", "null", "{\"text\":", "{\"text\":\"a\"}{", "{\"text\": \"\\ud800\"}",
                        "{\"text\":\"x\",\"text\":\"y\"}", "\uFEFF{\"text\":\"a\"}", "[".repeat(5_000), "{\"a\":".repeat(3_000))),
                Tuple.of(1, Arbitraries.integers().between(MAX_BYTES - 10, MAX_BYTES + 10).map(n -> "{\"text\":\"" + "a".repeat(n) + "\"}")));
        Arbitrary<byte[]> jsonl = line.list().ofMaxSize(30).map(l -> String.join("\n", l).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(3_000);
        Arbitrary<byte[]> content = Arbitraries.frequencyOf(Tuple.of(4, jsonl), Tuple.of(1, bytes));
        Arbitrary<String> extension = Arbitraries.of(".jsonl", ".jsonl.gz", ".html", ".txt");
        Arbitrary<Boolean> truncate = Arbitraries.of(false, false, true);
        return Combinators.combine(extension, content, truncate).as((ext, b, cut) -> {
            byte[] data = ext.endsWith(".gz") && b.length > 0 && b[0] != 0x55 ? gzip(b) : b;
            if (cut && data.length > 2) data = java.util.Arrays.copyOf(data, data.length / 2);
            return Tuple.of(ext, data);
        });
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
