package verbatim.index;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import verbatim.analysis.AnalysedArticle;
import verbatim.analysis.Company;
import verbatim.analysis.Mentions;
import verbatim.analysis.Quote;
import verbatim.analysis.Speaker;
import verbatim.ingest.Article;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LuceneArticleIndexTest {

    @TempDir
    Path dir;

    private static AnalysedArticle interview() {
        String text = "Éric Ochs, CEO de MMMedia, affirme : « Le digital a vécu. »";
        Article article = new Article("ochs", "a.txt", null, "Le digital a vécu", null, LocalDate.of(2021, 3, 2),
                "example.fr", List.of("JaimeLaCom"), "fr", text);
        Mentions mentions = new Mentions(
                List.of(new Speaker("Éric Ochs", "MMMedia", "CEO", true)),
                List.of(new Company("MMMedia", List.of())),
                List.of(new Quote("Le digital a vécu.", "Éric Ochs", "MMMedia", false, text.indexOf("Le digital"), text.indexOf(" »"))));
        return new AnalysedArticle(article, mentions);
    }

    private static long count(Path dir, org.apache.lucene.search.Query q) throws Exception {
        try (var d = FSDirectory.open(dir); DirectoryReader r = DirectoryReader.open(d)) {
            return new IndexSearcher(r).count(q);
        }
    }

    @Test
    void anArticleAndItsQuotesAreOneBlockReplacedAndDeletedTogether() throws Exception {
        try (LuceneArticleIndex index = LuceneArticleIndex.open(dir)) {
            index.upsert(interview());
            index.upsert(interview()); // replaced, not added twice
            index.commit(Map.of());
            assertEquals(1, index.count(), "quotes are not counted as articles");
            assertEquals(1, index.entries().size());
            assertEquals(interview(), index.get("ochs"), "stored and given back whole, mentions included");
        }
        assertEquals(1, count(dir, new TermQuery(new Term(Schema.KIND, Schema.KIND_QUOTE))));

        try (LuceneArticleIndex index = LuceneArticleIndex.open(dir)) {
            index.delete("ochs");
            index.commit(Map.of());
            assertNull(index.get("ochs"));
        }
        assertEquals(0, count(dir, new TermQuery(new Term(Schema.ARTICLE_ID, "ochs"))), "the quotes went with it");
    }

    @Test
    void speakersAreFoundWhateverTheCaseAndAccents() throws Exception {
        try (LuceneArticleIndex index = LuceneArticleIndex.open(dir)) {
            index.upsert(interview());
            index.commit(Map.of());
        }
        assertEquals(Schema.key("Éric Ochs"), Schema.key("eric  OCHS"));
        assertEquals(Schema.key("L'Oréal"), Schema.key("L‘Oréal"), "every apostrophe the analyzers know");
        assertEquals(Schema.key("L'Oréal"), Schema.key("Lʼoreal"));
        BooleanQuery articlesBySpeaker = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Schema.SPEAKER, Schema.key("ERIC OCHS"))), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Schema.KIND, Schema.KIND_ARTICLE)), BooleanClause.Occur.FILTER).build();
        assertEquals(1, count(dir, articlesBySpeaker));
        assertEquals(2, count(dir, new TermQuery(new Term(Schema.TAG, Schema.key("jaimelacom")))), "the article and its quote");
        assertEquals(2, count(dir, new TermQuery(new Term(Schema.YEAR, "2021"))), "article and quote both carry the year");
    }

    @Test
    void aForceMergeLeavesOneSegmentWithEveryArticleAndTheCorpusState() throws Exception {
        try (LuceneArticleIndex index = LuceneArticleIndex.open(dir)) {
            for (String id : List.of("a", "b", "c")) {
                AnalysedArticle one = interview();
                index.upsert(new AnalysedArticle(new Article(id, id + ".txt", null, "Titre " + id, null, null, null, List.of(), "fr",
                        one.article().text()), one.mentions()));
                index.commit(Map.of("corpus/" + id + ".txt", "hash-" + id)); // a segment per commit
            }
            assertEquals(3, index.segments());
            index.forceMerge(1);
            assertEquals(1, index.segments());
            assertEquals(3, index.count());
            assertEquals("Titre b", index.get("b").article().title());
            assertEquals(Map.of("corpus/c.txt", "hash-c"), index.corpusState(), "what the indexer needs to skip unchanged files");
        }
        try (LuceneArticleIndex reopened = LuceneArticleIndex.open(dir)) {
            assertEquals(1, reopened.segments(), "committed");
        }
    }
}
