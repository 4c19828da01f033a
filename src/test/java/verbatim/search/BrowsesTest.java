package verbatim.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import verbatim.analysis.AnalysedArticle;
import verbatim.analysis.Mentions;
import verbatim.index.LuceneArticleIndex;
import verbatim.ingest.Article;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A browse asked again is answered as the first time, until a write changes what it would find. */
class BrowsesTest {

    @TempDir
    Path dir;

    private static SearchRequest browse(Map<String, List<String>> filters) {
        return new SearchRequest("", filters, null, null, null, 1, 10, null);
    }

    private static AnalysedArticle article(String id, String site, LocalDate date) {
        return new AnalysedArticle(new Article(id, "t", null, "Article " + id, null, date, site, List.of("marques"), "fr",
                "Le salon des marques ouvre ses portes."), Mentions.EMPTY);
    }

    @Test
    void aBrowseAskedAgainGivesTheSameAnswerUntilAWrite() throws Exception {
        try (LuceneArticleIndex index = LuceneArticleIndex.open(dir)) {
            for (int i = 0; i < 30; i++) index.upsert(article("a" + i, i % 3 == 0 ? "exemple.fr" : "autre.fr", LocalDate.of(2024, 1, 1 + i)));
            index.commit(Map.of());
            LuceneSearch search = new LuceneSearch(index);

            SearchResponse<Hit> first = search.articles(browse(Map.of("site", List.of("exemple.fr"))));
            assertEquals(10, first.total());
            // The same browse, the value spelled otherwise: the same answer (the values match folded).
            SearchResponse<Hit> again = search.articles(browse(Map.of("site", List.of("EXEMPLE.fr"))));
            assertEquals(first.hits(), again.hits());
            assertEquals(first.facets(), again.facets());
            assertEquals(first.nextCursor(), again.nextCursor());
            if (LuceneSearch.BROWSE_CACHE) assertSame(first.hits(), again.hits(), "answered from the reader's browses");

            // A write: the next browse sees the new article, newest first.
            index.upsert(article("new", "exemple.fr", LocalDate.of(2025, 6, 1)));
            index.commit(Map.of());
            SearchResponse<Hit> after = search.articles(browse(Map.of("site", List.of("exemple.fr"))));
            assertEquals(11, after.total());
            assertEquals("new", after.hits().get(0).id());
            assertNotEquals(first.facets(), after.facets());
        }
    }

    @Test
    void onlyBrowsesAreKept() {
        List<String> dims = List.of("site", "tag");
        assertEquals(Browses.key(browse(Map.of("site", List.of("b", "A"))), dims), Browses.key(browse(Map.of("site", List.of("a", "B", "a"))), dims));
        assertNotEquals(Browses.key(browse(Map.of("site", List.of("a"))), dims), Browses.key(browse(Map.of("tag", List.of("a"))), dims));
        assertNull(Browses.key(SearchRequest.of("marques"), dims));
        assertNull(Browses.key(new SearchRequest("", Map.of(), LocalDate.of(2024, 1, 1), null, null, 1, 10, null), dims));
        assertNull(Browses.key(browse(Map.of("author", List.of("x"))), dims));
    }
}
