package verbatim.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import verbatim.Main;
import verbatim.analysis.ArticleAnalysis;
import verbatim.index.LuceneArticleIndex;
import verbatim.ingest.Article;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A damaged index is refused with a message naming it and the problem, never opened as if it were empty. */
class CorruptIndexTest {

    @TempDir
    Path work;

    @Test
    void truncatedSegmentFileIsReportedByIndexAndServe() throws Exception {
        Path index = committedIndex("truncated");
        Path biggest = segmentFiles(index).max(Comparator.comparingLong(CorruptIndexTest::size)).orElseThrow();
        try (RandomAccessFile f = new RandomAccessFile(biggest.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        assertRefusedByIndex(index);
        assertRefusedByServe(index);
    }

    @Test
    void overwrittenCommitPointIsReportedByIndex() throws Exception {
        Path index = committedIndex("overwritten");
        Path segments = Files.list(index).filter(p -> p.getFileName().toString().startsWith("segments_")).findFirst().orElseThrow();
        try (RandomAccessFile f = new RandomAccessFile(segments.toFile(), "rw")) {
            f.seek(f.length() / 2);
            f.write(new byte[] {0x55, 0x55, 0x55, 0x55});
        }
        assertRefusedByIndex(index);
    }

    private void assertRefusedByIndex(Path index) throws IOException {
        Path corpus = Files.createDirectories(work.resolve("empty-corpus"));
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = Main.run("index", "--corpus", corpus.toString(), "--index", index.toString());
        } finally {
            System.setErr(err);
        }
        String message = captured.toString(StandardCharsets.UTF_8);
        System.out.println("index said: " + message);
        assertEquals(1, code, message);
        assertMessage(message, index);
    }

    private void assertRefusedByServe(Path index) throws Exception {
        Path corpus = Files.createDirectories(work.resolve("empty-corpus"));
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "verbatim.Main", "serve", "--port", "0",
                "--index", index.toString(), "--corpus", corpus.toString()).redirectErrorStream(true).start();
        boolean ended = serve.waitFor(60, TimeUnit.SECONDS);
        if (!ended) serve.destroyForcibly();
        String output = new String(serve.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println("serve said: " + output);
        assertTrue(ended, "serve stops instead of serving a damaged index: " + output);
        assertEquals(1, serve.exitValue(), output);
        assertMessage(output.lines().filter(l -> l.startsWith("verbatim serve:")).findFirst().orElse(output), index);
        assertFalse(output.contains("Verbatim is serving"), output);
    }

    private static void assertMessage(String message, Path index) {
        assertTrue(message.contains(index.toString()), "names the index: " + message);
        assertTrue(message.contains("corrupt"), "says what is wrong: " + message);
        assertTrue(message.contains("verbatim restore"), "says what to do: " + message);
        assertFalse(message.contains("\tat ") || message.contains("Exception in"), "no stack trace: " + message);
    }

    private Path committedIndex(String name) throws IOException {
        Path dir = work.resolve(name);
        ArticleAnalysis analysis = new ArticleAnalysis();
        try (LuceneArticleIndex index = LuceneArticleIndex.open(dir)) {
            for (int i = 0; i < 50; i++) {
                index.upsert(analysis.analyse(new Article("a" + i, "test/a" + i, null, "Article " + i, null, LocalDate.of(2024, 1, 1),
                        "example.org", List.of("test"), "fr", ("Le zorbaxium numéro " + i + " arrive dans les magasins. ").repeat(20))));
            }
            index.commit();
        }
        return dir;
    }

    private static Stream<Path> segmentFiles(Path index) throws IOException {
        return Files.list(index).filter(p -> p.getFileName().toString().startsWith("_"));
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
