package verbatim.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleReaderTest {

    @TempDir
    Path dir;

    private final ArticleReader reader = new ArticleReader(ArticleReader.DEFAULT_MAX_BYTES);

    /** Collects what reading one file gives. */
    private static final class Collected implements ArticleReader.Sink {
        final List<Article> articles = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();

        @Override
        public void article(Article article) {
            articles.add(article);
        }

        @Override
        public void problem(Problem problem) {
            problems.add(problem);
        }
    }

    private Collected read(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return read(file, name);
    }

    private Collected read(Path file, String source) {
        Collected c = new Collected();
        reader.read(file, source, c);
        return c;
    }

    private static String onlyReason(Collected c) {
        assertEquals(0, c.articles.size(), "nothing should be read");
        assertEquals(1, c.problems.size(), "one problem: " + c.problems);
        return c.problems.get(0).reason();
    }

    @Test
    void jsonLinesRecordKeepsItsOwnIdAndMetadata() throws IOException {
        String line = """
                {"id":"a-1","url":"https://www.example.fr/a-1","title":"Le titre","text":"Premier paragraphe.\\n\\nSecond paragraphe.","date":"2020-07-16T18:40:00+02:00","author":"Marie Curie","site":"example.fr","tags":["media","pub"]}
                """;
        Collected c = read("records.jsonl", line.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), c.problems);
        Article a = c.articles.get(0);
        assertEquals("a-1", a.id());
        assertEquals("Le titre", a.title());
        assertEquals("2020-07-16", a.date().toString());
        assertEquals("Marie Curie", a.author());
        assertEquals("example.fr", a.site());
        assertEquals(List.of("media", "pub"), a.tags());
        assertEquals("Premier paragraphe.\n\nSecond paragraphe.", a.text());
        assertEquals("records.jsonl", a.source());
    }

    @Test
    void recordWithoutIdGetsAStableIdFromItsUrl() throws IOException {
        String line = "{\"url\":\"https://example.fr/x\",\"text\":\"Du texte.\"}\n";
        String first = read("one.jsonl", line.getBytes(StandardCharsets.UTF_8)).articles.get(0).id();
        String again = read("two.jsonl", line.getBytes(StandardCharsets.UTF_8)).articles.get(0).id();
        assertEquals(first, again);
        String other = read("three.jsonl", "{\"url\":\"https://example.fr/y\",\"text\":\"Du texte.\"}".getBytes(StandardCharsets.UTF_8)).articles.get(0).id();
        assertNotEquals(first, other);
    }

    @Test
    void gzippedJsonLinesAreRead() throws IOException {
        Path file = dir.resolve("records.jsonl.gz");
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("{\"id\":\"g1\",\"text\":\"Un.\"}\n{\"id\":\"g2\",\"text\":\"Deux.\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        Collected c = read(file, "records.jsonl.gz");
        assertEquals(List.of("g1", "g2"), c.articles.stream().map(Article::id).toList());
    }

    @Test
    void malformedJsonLineIsReportedWithItsLineNumberAndTheOthersGoIn() throws IOException {
        String lines = """
                {"id":"ok-1","text":"Bonne ligne."}
                {"id":"broken","text":"pas fermée
                {"id":"ok-3","text":"Autre bonne ligne."}
                {"id":"no-text"}
                """;
        Collected c = read("mixed.jsonl", lines.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("ok-1", "ok-3"), c.articles.stream().map(Article::id).toList());
        assertEquals(List.of("mixed.jsonl:2", "mixed.jsonl:4"), c.problems.stream().map(Problem::source).toList());
        assertTrue(c.problems.get(0).reason().startsWith("malformed JSON"), c.problems.get(0).reason());
    }

    @Test
    void emptyFileIsReported() throws IOException {
        assertEquals("empty file", onlyReason(read("empty.html", new byte[0])));
    }

    @Test
    void pngRenamedHtmlIsReportedAsBinary() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        assertTrue(onlyReason(read("photo.html", png)).contains("binary"));
    }

    @Test
    void windows1252TextKeepsItsAccents() throws IOException {
        byte[] bytes = "Un titre accentué\n\nLa stratégie de l’été : réussir les événements.".getBytes(Charset.forName("windows-1252"));
        Collected c = read("legacy.txt", bytes);
        assertEquals(List.of(), c.problems);
        assertTrue(c.articles.get(0).text().contains("La stratégie de l’été : réussir les événements."), c.articles.get(0).text());
    }

    @Test
    void fileOverTheSizeLimitIsReported() throws IOException {
        ArticleReader small = new ArticleReader(100);
        Path file = dir.resolve("big.txt");
        Files.writeString(file, "Titre\n\n" + "mot ".repeat(100));
        Collected c = new Collected();
        small.read(file, "big.txt", c);
        assertTrue(onlyReason(c).contains("over the limit of 100"));
    }

    @Test
    void htmlWithNoTextIsReported() throws IOException {
        byte[] page = "<html><head><title></title><script>var x = 1;</script></head><body><div></div></body></html>".getBytes(StandardCharsets.UTF_8);
        assertEquals("no article text found", onlyReason(read("blank.html", page)));
    }

    @Test
    void unreadableFileIsReported() throws IOException {
        Path dangling = dir.resolve("gone.html");
        Files.createSymbolicLink(dangling, dir.resolve("nowhere.html"));
        assertTrue(onlyReason(read(dangling, "gone.html")).startsWith("cannot read"));
    }

    @Test
    void idFromPathIsSafeInUrlsAndCannotEscapeTheIndex() {
        assertEquals("pages--mon-article", Ids.fromPath("pages/mon-article.html"));
        assertEquals("etc-passwd", Ids.safe("../../etc/passwd"));
        assertEquals("orangesum-15119", Ids.safe("orangesum-15119"));
    }

    @Test
    void datesAreReadFromIsoDatesAndDateTimes() {
        assertEquals("2014-06-03", Dates.parse("2014-06-03").toString());
        assertEquals("2020-07-16", Dates.parse("2020-07-16T18:40:00+02:00").toString());
        assertNull(Dates.parse("mardi dernier"));
        assertNull(Dates.parse("2020-13-45"));
    }

    @Test
    void recordTextKeepsParagraphsAndLosesStraySpacing() {
        assertEquals("Un deux.\nSuite.\n\nAutre paragraphe.",
                ArticleReader.normaliseText("  Un \t deux. \r\nSuite.\n\n\n\n  Autre paragraphe.  \n"));
        assertEquals("", ArticleReader.normaliseText(" \n\t "));
    }

    @Test
    void recordsLoseInvisibleCharactersThatWouldSplitWords() throws Exception {
        var record = new ObjectMapper().readTree(
                "{\"title\": \"Em\\u00ADma\\u00ADnuel Ma\\u200Bcron\", \"text\": \"Le pr\u00E9\\u00ADsident\\u0001 Ma\\u00ADcron\\uFEFF parle.\"}");
        Article article = new ArticleReader(1 << 20).fromJson(record, "records.jsonl");
        assertEquals("Emmanuel Macron", article.title());
        assertEquals("Le président Macron parle.", article.text());
    }
}
