package verbatim.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import verbatim.analysis.ArticleAnalysis;
import verbatim.index.LuceneArticleIndex;
import verbatim.ingest.Article;

class UserQueryTest {

    private static final UserQuery.Fields FIELDS = new UserQuery.Fields(Map.of("title", 3f, "text", 1f),
            Map.of("title_exact", 3f, "text_exact", 1f), Map.of());

    @Test
    void accentFreeStopWordsAreDroppedLikeTheirAccentedForms() {
        // "a" typed for "à": the index never has it (dropped before accents fold), so it must not count as a word.
        String accentFree = UserQuery.parse("evenements digital a ne pas manquer", FIELDS).toString();
        String accented = UserQuery.parse("événements digital à ne pas manquer", FIELDS).toString();
        assertFalse(accentFree.contains("text:a "), accentFree);
        assertTrue(accentFree.contains("~2"), "3 words, 2 rank first: " + accentFree);
        assertTrue(accented.contains("~2"), accented);
    }

    @Test
    void memeStaysAWordWithoutItsAccent() {
        assertTrue(UserQuery.parse("meme internet", FIELDS).toString().contains("text:meme"));
    }

    @Test
    void orKeepsEitherWordEnough() {
        String or = UserQuery.parse("matériau OR rayons", FIELDS).toString();
        assertFalse(or.contains("~2"), "OR must not require both words: " + or);
    }

    @Test
    void halfTheWordsFindAnArticleAfterThoseHoldingMostOfThem(@TempDir Path dir) throws IOException {
        try (LuceneArticleIndex index = LuceneArticleIndex.open(dir)) {
            ArticleAnalysis analysis = new ArticleAnalysis();
            // Remembered as "la chanteuse vend ses maisons": the article says "brade" and "villas".
            index.upsert(analysis.analyse(article("brade", "La chanteuse Zélie Brun brade ses villas",
                    "La chanteuse a cédé deux villas au bord du lac.")));
            index.upsert(analysis.analyse(article("vend", "La chanteuse Zélie Brun vend ses maisons de famille",
                    "Elle vend trois maisons, dont celle de son enfance.")));
            index.upsert(analysis.analyse(article("other", "Un chanteur en tournée",
                    "Il part en tournée en Bretagne.")));
            index.commit();
            LuceneSearch search = new LuceneSearch(index);

            SearchResponse<Hit> found = search.articles(SearchRequest.of("chanteuse Zelie Brun vend ses maisons"));
            // 5 words, 2 at least: "brade" holds 3 (chanteuse, Zélie, Brun), "vend" all 5 and ranks first.
            assertEquals(List.of("vend", "brade"), found.hits().stream().map(Hit::id).toList());
            assertEquals(2, found.total());
        }
    }

    @Test
    void twoWordsAreBothNeeded(@TempDir Path dir) throws IOException {
        try (LuceneArticleIndex index = LuceneArticleIndex.open(dir)) {
            ArticleAnalysis analysis = new ArticleAnalysis();
            index.upsert(analysis.analyse(article("both", "Zélie Brun en concert", "Zélie Brun chante à Lyon.")));
            index.upsert(analysis.analyse(article("first", "Zélie Martin en concert", "Zélie Martin chante à Nantes.")));
            index.commit();
            SearchResponse<Hit> found = new LuceneSearch(index).articles(SearchRequest.of("Zelie Brun"));
            assertEquals(List.of("both"), found.hits().stream().map(Hit::id).toList());
        }
    }

    private static Article article(String id, String title, String text) {
        return new Article(id, "test/" + id, "https://example.org/" + id, title, "Rédaction", LocalDate.parse("2024-05-01"),
                "example.org", List.of(), "fr", text);
    }
}
