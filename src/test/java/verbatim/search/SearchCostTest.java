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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cost a search is guessed at before it runs grows with the documents it will visit: what the server orders
 * waiting searches by.
 */
class SearchCostTest {

    @TempDir
    Path dir;

    private static SearchRequest request(String query, Map<String, List<String>> filters) {
        return new SearchRequest(query, filters, null, null, null, 1, 10, null);
    }

    @Test
    void aSearchThatVisitsMoreDocumentsIsGuessedCostlier() throws Exception {
        try (LuceneArticleIndex index = LuceneArticleIndex.open(dir)) {
            // 3,000 articles about a tramway, one of them about a zeppelin too; a tenth of them tagged "transports".
            for (int i = 0; i < 3_000; i++) {
                String text = "Le tramway de la ville roule." + (i == 7 ? " Un zeppelin passe au-dessus." : "");
                index.upsert(new AnalysedArticle(new Article("a" + i, "t", null, "Article " + i, null, LocalDate.of(2024, 1, 1),
                        "exemple.fr", i % 10 == 0 ? List.of("transports") : List.of(), "fr", text), Mentions.EMPTY));
            }
            index.commit(Map.of());
            LuceneSearch search = new LuceneSearch(index);

            long rare = search.articlesCost(request("zeppelin", Map.of()));
            long common = search.articlesCost(request("tramway", Map.of()));
            long oneTag = search.articlesCost(request("", Map.of("tag", List.of("transports"))));
            long everything = search.articlesCost(request("", Map.of()));
            assertTrue(rare < oneTag && oneTag < common, rare + " < " + oneTag + " < " + common);
            assertTrue(common <= everything, common + " <= " + everything);
            // Both words must match: no more documents than the rarer word has.
            assertEquals(rare, search.articlesCost(request("zeppelin tramway", Map.of())));
            // Quotes are guessed the same way, over quote documents: there are none here.
            assertTrue(search.quotesCost(request("tramway", Map.of())) < rare);
        }
    }
}
