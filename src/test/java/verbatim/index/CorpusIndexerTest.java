package verbatim.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import verbatim.analysis.AnalysedArticle;
import verbatim.ingest.Article;
import verbatim.ingest.ArticleReader;
import verbatim.ingest.Problem;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusIndexerTest {

    @TempDir
    Path corpus;
    @TempDir
    Path indexDir;

    private CorpusIndexer.Summary sync(LuceneArticleIndex index) throws IOException {
        return new CorpusIndexer(index, new ArticleReader(ArticleReader.DEFAULT_MAX_BYTES), new CorpusIndexer.Listener() { })
                .sync(corpus, false);
    }

    private void write(String name, String text) throws IOException {
        Path file = corpus.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void secondRunOnAnUnchangedCorpusRewritesNothing() throws IOException {
        write("a.txt", "Premier titre\n\nUn paragraphe sur la stratégie de marque.");
        write("sub/b.txt", "Second titre\n\nUn autre paragraphe sur les événements.");
        try (LuceneArticleIndex index = LuceneArticleIndex.open(indexDir)) {
            CorpusIndexer.Summary first = sync(index);
            assertEquals(2, first.indexed());
            CorpusIndexer.Summary second = sync(index);
            assertEquals(0, second.indexed());
            assertEquals(2, second.unchanged());
            assertEquals(2, index.count());
        }
    }

    @Test
    void changedFileUpdatesItsArticleAndRemovedFileRemovesIt() throws IOException {
        write("a.txt", "Titre A\n\nVersion une.");
        write("b.txt", "Titre B\n\nRestera tel quel.");
        try (LuceneArticleIndex index = LuceneArticleIndex.open(indexDir)) {
            sync(index);
            write("a.txt", "Titre A\n\nVersion deux, corrigée.");
            Files.delete(corpus.resolve("b.txt"));
            CorpusIndexer.Summary summary = sync(index);
            assertEquals(1, summary.indexed());
            assertEquals(1, summary.removed());
            assertEquals(1, index.count());
            assertTrue(index.get("a").article().text().contains("Version deux"));
            assertNull(index.get("b"));
        }
    }

    @Test
    void articlesWrittenThroughTheApiSurviveASync() throws IOException {
        write("a.txt", "Titre\n\nDu texte.");
        try (LuceneArticleIndex index = LuceneArticleIndex.open(indexDir)) {
            index.upsert(new AnalysedArticle(new Article("posted", CorpusIndexer.API_SOURCE, null, "Posté", null, null, null, List.of(), "fr", "Écrit par l’API."), null));
            index.commit(Map.of());
            sync(index);
            assertNotNull(index.get("posted"));
            assertEquals(2, index.count());
        }
    }

    @Test
    void badFilesAreReportedAndSkippedWhileTheRestGoesIn() throws IOException {
        write("good.txt", "Un bon titre\n\nUn bon paragraphe.");
        Files.write(corpus.resolve("empty.html"), new byte[0]);
        Files.write(corpus.resolve("image.html"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0});
        Files.write(corpus.resolve("latin.txt"), "Titre\n\nUne réunion d’été très réussie.".getBytes(Charset.forName("windows-1252")));
        write("records.jsonl", "{\"id\":\"r1\",\"text\":\"Bon.\"}\n{oops\n");
        try (LuceneArticleIndex index = LuceneArticleIndex.open(indexDir)) {
            CorpusIndexer.Summary summary = sync(index);
            assertEquals(List.of("empty.html", "image.html", "records.jsonl:2"),
                    summary.problems().stream().map(Problem::source).sorted().toList());
            assertEquals(3, summary.indexed());
            assertTrue(index.get("latin").article().text().contains("réunion d’été"));
        }
    }

    @Test
    void aFileThatBecomesUnreadableKeepsItsArticles() throws IOException {
        write("a.txt", "Titre\n\nDu texte précieux.");
        try (LuceneArticleIndex index = LuceneArticleIndex.open(indexDir)) {
            sync(index);
            Files.write(corpus.resolve("a.txt"), new byte[0]);
            CorpusIndexer.Summary summary = sync(index);
            assertEquals(1, summary.skipped());
            assertNotNull(index.get("a"), "an emptied file is reported, not taken as a deletion");
        }
    }

    @Test
    void indexSurvivesReopeningAndRemembersTheCorpus() throws IOException {
        write("a.txt", "Titre\n\nDu texte.");
        try (LuceneArticleIndex index = LuceneArticleIndex.open(indexDir)) {
            sync(index);
        }
        try (LuceneArticleIndex index = LuceneArticleIndex.open(indexDir)) {
            assertEquals(1, index.count());
            assertEquals(1, sync(index).unchanged());
        }
    }

    @Test
    void aFailingIndexStopsTheSyncInsteadOfPassingForBadInput() throws IOException {
        write("a.txt", "Titre\n\nDu texte.");
        write("b.jsonl", "{\"id\":\"r1\",\"text\":\"Bon.\"}\n");
        LuceneArticleIndex index = LuceneArticleIndex.open(indexDir);
        CorpusIndexer indexer = new CorpusIndexer(index, new ArticleReader(ArticleReader.DEFAULT_MAX_BYTES), new CorpusIndexer.Listener() { });
        index.close();
        assertThrows(Exception.class, () -> indexer.sync(corpus, false));
    }
}
