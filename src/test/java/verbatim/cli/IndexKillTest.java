package verbatim.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import verbatim.index.CorpusIndexer;
import verbatim.index.LuceneArticleIndex;
import verbatim.ingest.ArticleReader;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code verbatim index} killed with SIGKILL part way, in a real child JVM, then run again. */
class IndexKillTest {

    private static final int ARTICLES = 20_000;

    @TempDir
    Path work;

    @Test
    void killedIndexingLeavesAnIndexThatOpensAndARerunCompletesIt() throws Exception {
        Path corpus = Files.createDirectories(work.resolve("corpus"));
        writeCorpus(corpus);
        Random random = new Random(42);
        for (int round = 0; round < 3; round++) {
            Path indexDir = work.resolve("index-" + round);
            Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                    "verbatim.Main", "index", "--corpus", corpus.toString(), "--index", indexDir.toString())
                    .redirectErrorStream(true).redirectOutput(work.resolve("child-" + round + ".log").toFile()).start();
            waitForFirstArticleCommit(indexDir, child);
            Thread.sleep(random.nextInt(1500));
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));

            try (LuceneArticleIndex index = LuceneArticleIndex.open(indexDir)) {
                int committed = index.count();
                System.out.printf("round %d: %,d of %,d articles committed before the kill%n", round, committed, ARTICLES);
                assertEquals(committed, index.entries().size(), "no article twice after the kill");
                CorpusIndexer.Summary rerun = new CorpusIndexer(index, new ArticleReader(ArticleReader.DEFAULT_MAX_BYTES),
                        new CorpusIndexer.Listener() { }).sync(corpus, false);
                assertEquals(List.of(), rerun.problems());
                assertEquals(ARTICLES, index.count(), "the rerun completes the job (round " + round + ", " + committed + " committed before the kill)");
                assertEquals(ARTICLES, index.entries().size(), "no article twice after the rerun");
                assertEquals(ARTICLES, rerun.indexed() + rerun.unchanged());
                assertEquals(committed, rerun.unchanged(), "what was committed before the kill is not rewritten");
            }
        }
    }

    /** The child's first commit is the empty index; its second holds articles. */
    private static void waitForFirstArticleCommit(Path indexDir, Process child) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline && child.isAlive()) {
            if (Files.isDirectory(indexDir)) {
                try (var files = Files.list(indexDir)) {
                    if (files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("segments_"))
                            .anyMatch(n -> Long.parseLong(n.substring("segments_".length()), Character.MAX_RADIX) >= 2)) {
                        return;
                    }
                }
            }
            Thread.sleep(20);
        }
    }

    private static void writeCorpus(Path corpus) throws IOException {
        // Several files, one large, so a kill lands both between files and inside one.
        try (BufferedWriter big = Files.newBufferedWriter(corpus.resolve("big.jsonl"))) {
            for (int i = 0; i < ARTICLES - 100; i++) {
                big.write("{\"id\":\"big-" + i + "\",\"title\":\"Article " + i + "\",\"text\":\"" + sentence(i) + "\"}\n");
            }
        }
        for (int i = 0; i < 100; i++) {
            Files.writeString(corpus.resolve("page-" + i + ".txt"), "Page " + i + "\n\n" + sentence(i));
        }
    }

    private static String sentence(int i) {
        return ("La stratégie de la marque numéro " + i + " mise sur l’engagement des lecteurs et les événements. ").repeat(8);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
