package verbatim.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import verbatim.analysis.AnalysedArticle;
import verbatim.analysis.Company;
import verbatim.analysis.Mentions;
import verbatim.index.LuceneArticleIndex;
import verbatim.ingest.Article;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CompletionsTest {

    @TempDir
    Path dir;

    @Test
    void completionsFoldAccentsAndEscapeEverythingButTheMark() throws Exception {
        try (LuceneArticleIndex index = LuceneArticleIndex.open(dir)) {
            Article a = new Article("x", "api", null, "<img src=x onerror=alert(1)> Générale & fils", null, null, null,
                    List.of(), "fr", "Texte.");
            index.upsert(new AnalysedArticle(a, new Mentions(List.of(), List.of(new Company("Société Générale", List.of())), List.of())));
            index.commit(Map.of());

            List<Suggestion> found = new LuceneSearch(index).suggest("gene", 5);

            assertEquals(Set.of(
                    new Suggestion("Société Générale", "company", "Société <mark>Géné</mark>rale"),
                    new Suggestion("<img src=x onerror=alert(1)> Générale & fils", "title",
                            "&lt;img src=x onerror=alert(1)&gt; <mark>Géné</mark>rale &amp; fils")), Set.copyOf(found));
        }
    }
}
