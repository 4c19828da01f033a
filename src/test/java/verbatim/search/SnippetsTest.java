package verbatim.search;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import verbatim.analysis.AnalysedArticle;
import verbatim.analysis.Mentions;
import verbatim.index.LuceneArticleIndex;
import verbatim.ingest.Article;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Highlighted passages on a real index: whole sentences, marked matches, escaped text, whatever the layout of the article. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnippetsTest {

    private LuceneArticleIndex index;
    private LuceneSearch search;

    private static final String INTERVIEW = """
            Le marché du luxe recule en Europe. « Nous n'avons jamais vu ça. » Puis M. Dupont ajoute\u00a0: « Les marques \
            doivent changer ! » Personne ne l'a contredit.

            -

            Les ventes en ligne de zorbaxium progressent pourtant de 12 % cette année, selon l'institut.
            Une seconde ligne de la même phrase
            continue ici. Et la <script>alert(1)</script> reste du texte.""";

    @BeforeAll
    void index(@TempDir Path dir) throws IOException {
        index = LuceneArticleIndex.open(dir);
        add("interview", INTERVIEW);
        add("run-on", "début " + "du texte sans aucun point ".repeat(400) + "zorbaxium au milieu " + "et la suite sans fin ".repeat(400));
        add("huge", ("Une phrase de remplissage qui ne dit rien. ").repeat(4_000) + "Le zorbaxium arrive enfin au bout du texte. "
                + "Fin de l'article.");
        add("beyond", "Le zorbaxium ouvre l'article. " + "Rien de neuf dans cette phrase. ".repeat(Snippets.MAX_LENGTH / 32 + 100)
                + "Le zorbaxium revient trop loin.");
        add("longer", "Le zorbaxium ouvre ce long vide. " + "Rien ici. ".repeat(LuceneSearch.TEXTS_KEPT / 10));
        index.refresh();
        search = new LuceneSearch(index);
    }

    @AfterAll
    void close() throws IOException {
        index.close();
    }

    private void add(String id, String text) throws IOException {
        index.upsert(new AnalysedArticle(new Article(id, "test/" + id, null, id, null, null, null, List.of(), "fr", text), Mentions.EMPTY));
    }

    private List<String> passages(String query, String id) throws IOException {
        for (Hit hit : search.articles(SearchRequest.of(query)).hits()) {
            if (hit.id().equals(id)) return hit.snippets();
        }
        throw new AssertionError(id + " not found by " + query);
    }

    @Test
    void aPassageIsTheWholeSentencesAroundTheMatchWithTheMatchMarked() throws IOException {
        List<String> found = passages("zorbaxium", "interview");
        assertEquals(1, found.size(), found.toString());
        String passage = found.get(0);
        assertTrue(passage.startsWith("Personne ne l&#x27;a contredit.") || passage.startsWith("Les ventes"), passage);
        assertTrue(passage.endsWith("Les ventes en ligne de <mark>zorbaxium</mark> progressent pourtant de 12 % cette année, "
                + "selon l&#x27;institut."), passage);
    }

    @Test
    void closingQuotesAndAbbreviationsStayInsideTheirSentence() throws IOException {
        List<String> found = passages("contredit", "interview");
        assertEquals(1, found.size(), found.toString());
        String passage = found.get(0);
        assertTrue(passage.startsWith("Puis M. Dupont ajoute") || passage.startsWith("« Nous n&#x27;avons")
                || passage.startsWith("Le marché"), passage);
        assertTrue(passage.contains("doivent changer ! » Personne ne l&#x27;a <mark>contredit</mark>."), passage);
    }

    @Test
    void stemsAndPhrasesAreMarkedAndMarkupIsEscaped() throws IOException {
        assertTrue(passages("marque", "interview").toString().contains("Les <mark>marques</mark>"));
        assertTrue(passages("\"ventes en ligne\"", "interview").toString().contains("<mark>ventes en ligne</mark>"));
        String script = passages("alert", "interview").toString();
        assertTrue(script.contains("&lt;script&gt;<mark>alert</mark>(1)&lt;&#x2F;script&gt;"), script);
    }

    @Test
    void aLineBreakInsideASentenceDoesNotCutIt() throws IOException {
        String passage = passages("seconde", "interview").toString();
        assertTrue(passage.contains("Une <mark>seconde</mark> ligne de la même phrase\ncontinue ici."), passage);
    }

    @Test
    void aLoneDashIsNeverAPassage() throws IOException {
        for (String q : List.of("recule", "zorbaxium", "contredit", "luxe OR ventes OR ligne OR texte")) {
            for (String passage : passages(q, "interview")) assertTrue(passage.chars().anyMatch(Character::isLetter), q + ": " + passage);
        }
    }

    @Test
    void aSentenceWithoutEndIsCutAroundTheMatch() throws IOException {
        List<String> found = passages("zorbaxium", "run-on");
        assertEquals(1, found.size(), found.toString());
        String passage = found.get(0);
        assertTrue(passage.startsWith("… ") && passage.endsWith(" …"), passage);
        assertTrue(passage.contains("<mark>zorbaxium</mark> au milieu"), passage);
        assertTrue(passage.length() <= Snippets.LONGEST, passage.length() + " chars: " + passage);
    }

    @Test
    void aMatchAtTheEndOfALongTextIsFound() throws IOException {
        List<String> found = passages("zorbaxium", "huge");
        assertEquals(1, found.size(), found.toString());
        String passage = found.get(0);
        assertTrue(passage.startsWith("Une phrase de remplissage") && passage.endsWith("Fin de l&#x27;article."), passage);
        assertTrue(passage.contains("Le <mark>zorbaxium</mark> arrive enfin au bout du texte."), passage);
        assertTrue(passage.length() <= Snippets.LONGEST, passage);
    }

    @Test
    void onlyTheFirstMaxLengthCharactersOfATextAreHighlighted() throws IOException {
        List<String> found = passages("zorbaxium", "beyond");
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("Le <mark>zorbaxium</mark> ouvre l&#x27;article."), found.get(0));
        assertTrue(!found.get(0).contains("revient"), found.get(0));
    }

    /**
     * A page whose bodies add up to more than a request keeps has the highlighter read them again: the passages are
     * those of the same hits read one page of one hit at a time.
     */
    @Test
    void aPageOfBodiesTooLongToKeepHasTheSamePassages() throws IOException {
        List<Hit> page = search.articles(SearchRequest.of("zorbaxium")).hits();
        assertEquals(5, page.size());
        assertTrue(page.stream().anyMatch(h -> h.id().equals("longer")));
        for (int i = 0; i < page.size(); i++) {
            SearchRequest one = new SearchRequest("zorbaxium", null, null, null, null, i + 1, 1, null);
            Hit alone = search.articles(one).hits().get(0);
            assertEquals(page.get(i).id(), alone.id());
            assertEquals(alone.snippets(), page.get(i).snippets(), alone.id());
            assertFalse(alone.snippets().isEmpty(), alone.id());
        }
    }

    /** The hit list reads each body once and hands it to the highlighter: the passages must be those it would read itself. */
    @Test
    void passagesOfTextsReadAlreadyAreThoseOfTheStoredText() throws IOException {
        index.withSearcher(searcher -> {
            Snippets snippets = new Snippets(searcher);
            int[] docIds = java.util.stream.IntStream.range(0, searcher.getIndexReader().maxDoc()).toArray();
            java.util.Map<Integer, String> texts = new java.util.HashMap<>();
            for (int doc : docIds) texts.put(doc, searcher.storedFields().document(doc).get(verbatim.index.Schema.TEXT));
            for (String q : List.of("zorbaxium", "\"texte sans\"", "recule OR fin", "remplissage", "rien de neuf", "")) {
                var query = UserQuery.parse(q, LuceneSearch.HIGHLIGHT);
                List<List<String>> read = snippets.passages(verbatim.index.Schema.TEXT, query, docIds, 3);
                assertEquals(read, snippets.passages(verbatim.index.Schema.TEXT, query, docIds, 3, texts), q);
                assertTrue(read.stream().anyMatch(p -> !p.isEmpty()), q + ": some passages");
            }
            return null;
        });
    }

    /** Passages are chosen by their scores: the scorer without Lucene's per-passage hash must score exactly as Lucene's. */
    @Test
    void passagesAreScoredExactlyAsLuceneScoresThem() {
        var lucene = new org.apache.lucene.search.uhighlight.PassageScorer();
        var ours = new Snippets.Scorer();
        var marche = new org.apache.lucene.util.BytesRef("marche");
        var luxe = new org.apache.lucene.util.BytesRef("luxe");
        var recul = new org.apache.lucene.util.BytesRef("recul");
        List<List<org.apache.lucene.util.BytesRef>> passages = List.of(List.of(), List.of(marche), List.of(marche, luxe, marche),
                List.of(recul, marche, luxe, luxe, recul, marche, marche), List.of(new org.apache.lucene.util.BytesRef("marche"), marche));
        for (List<org.apache.lucene.util.BytesRef> terms : passages) {
            for (int start : new int[] {0, 37, 5_000}) {
                var p = new org.apache.lucene.search.uhighlight.Passage();
                p.setStartOffset(start);
                p.setEndOffset(start + 150);
                for (int i = 0; i < terms.size(); i++) p.addMatch(start + 10 * i, start + 10 * i + 6, terms.get(i), 1 + terms.get(i).length * 3 + i);
                assertEquals(lucene.score(p, 8_000), ours.score(p, 8_000), terms + " at " + start);
                assertEquals(Float.floatToIntBits(lucene.score(p, 300)), Float.floatToIntBits(ours.score(p, 300)), terms + " at " + start);
            }
        }
    }
}
