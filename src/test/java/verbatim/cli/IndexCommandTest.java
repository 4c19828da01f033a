package verbatim.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import verbatim.analysis.AnalysedArticle;
import verbatim.analysis.Mentions;
import verbatim.index.CorpusIndexer;
import verbatim.index.LuceneArticleIndex;
import verbatim.ingest.Article;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code verbatim index} merges a bulk load (a first run, or {@code --rebuild}) into one segment, unless told not to, and
 * leaves the segments of a run that only brought in what changed to Lucene's merge policy.
 */
class IndexCommandTest {

    @TempDir
    Path dir;

    @Test
    void aBulkLoadEndsInOneSegmentAndAnIncrementalRunIsNotMerged() throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        String index = dir.resolve("index").toString();
        write(corpus, 0, 6);

        Cli first = Cli.run("index", "--corpus", corpus.toString(), "--index", index);
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("6 indexed, 0 unchanged, 0 removed, 0 skipped"), first.out());
        assertEquals(1, segments(index));

        write(corpus, 6, 9); // three new files: a run that only adds them, in a segment of their own
        Cli incremental = Cli.run("index", "--corpus", corpus.toString(), "--index", index);
        assertTrue(incremental.out().contains("3 indexed, 6 unchanged"), incremental.out());
        assertFalse(incremental.err().contains("Merg"), incremental.err());
        int segments = segments(index); // the indexing threads may write the three in one segment or more
        assertTrue(segments >= 2, "the first run's segment and the new ones, not merged: " + segments);
    }

    @Test
    void aRebuildIsMergedIntoOneSegmentUnlessToldNotTo() throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        String index = dir.resolve("index").toString();
        write(corpus, 0, 6);
        assertEquals(0, Cli.run("index", "--corpus", corpus.toString(), "--index", index).code());
        postThroughTheApi(index); // its segment outlives a rebuild, which rewrites the corpus's articles only

        Cli kept = Cli.run("index", "--rebuild", "--no-merge", "--corpus", corpus.toString(), "--index", index);
        assertEquals(0, kept.code(), kept.err());
        assertFalse(kept.err().contains("Merg"), kept.err());
        int written = segments(index);
        assertTrue(written >= 2, "the posted article's segment and the rebuild's: " + written);

        Cli merged = Cli.run("index", "--rebuild", "--corpus", corpus.toString(), "--index", index);
        assertEquals(0, merged.code(), merged.err());
        assertTrue(merged.out().contains("6 indexed, 0 unchanged, 0 removed, 0 skipped"), merged.out());
        assertTrue(merged.err().matches("(?s).*Merging \\d+ segments into 1 .*Merged \\d+ segments into 1 in \\d+\\.\\d s.*"), merged.err());
        assertEquals(1, segments(index));
        try (LuceneArticleIndex opened = LuceneArticleIndex.open(Path.of(index))) {
            assertEquals(7, opened.count(), "the API's article and the corpus's six");
        }
    }

    private static void postThroughTheApi(String index) throws IOException {
        try (LuceneArticleIndex opened = LuceneArticleIndex.open(Path.of(index))) {
            Article posted = new Article("posted", CorpusIndexer.API_SOURCE, null, "Posté", null, null, null, List.of(), "fr",
                    "Un article envoyé par l'API, hors du corpus.");
            opened.upsert(new AnalysedArticle(posted, Mentions.EMPTY));
            opened.commit();
        }
    }

    private static void write(Path corpus, int from, int to) throws IOException {
        for (int i = from; i < to; i++) {
            Files.writeString(corpus.resolve("page-" + i + ".txt"),
                    "Titre de la page " + i + "\n\nLa marque numéro " + i + " lance une campagne de communication.");
        }
    }

    private static int segments(String index) throws IOException {
        try (LuceneArticleIndex opened = LuceneArticleIndex.open(Path.of(index))) {
            return opened.segments();
        }
    }
}
