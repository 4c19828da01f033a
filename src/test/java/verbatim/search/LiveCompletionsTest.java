package verbatim.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import verbatim.analysis.AnalysedArticle;
import verbatim.analysis.Mentions;
import verbatim.index.LuceneArticleIndex;
import verbatim.ingest.Article;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

class LiveCompletionsTest {

    @TempDir
    Path dir;

    private static void add(LuceneArticleIndex index, String id, String title) throws IOException {
        index.upsert(new AnalysedArticle(new Article(id, "t/" + id, null, title, null, null, null, List.of(), "fr", "Texte."),
                Mentions.EMPTY));
        index.commit(Map.of());
    }

    private static List<String> texts(List<Suggestion> found) {
        return found.stream().map(Suggestion::text).toList();
    }

    @Test
    void theFirstLookupWaitsForTheFirstBuildAndLaterOnesSeeWritesWithoutWaiting() throws Exception {
        try (LuceneArticleIndex index = LuceneArticleIndex.open(dir)) {
            add(index, "a", "Le zorglub arrive");
            LiveCompletions completions = new LiveCompletions(index, 0);
            assertEquals(List.of("Le zorglub arrive"), texts(completions.lookup("zorg", 5)));

            add(index, "b", "Le zorglub repart");
            // each lookup answers at once, from the completions built so far, and starts a rebuild when the index has changed
            for (int i = 0; i < 1_000; i++) {
                List<String> found = texts(completions.lookup("zorg", 5));
                if (found.size() == 2) return;
                assertEquals(List.of("Le zorglub arrive"), found, "the previous completions meanwhile");
                Thread.sleep(20);
            }
            fail("the completions never caught up with the write");
        }
    }
}
