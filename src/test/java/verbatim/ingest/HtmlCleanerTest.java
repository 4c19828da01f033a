package verbatim.ingest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlCleanerTest {

    private final HtmlCleaner cleaner = new HtmlCleaner();

    private static final String P1 = "<p>La filière bois française a enregistré une hausse de sa production, portée par "
            + "la construction, les collectivités et la rénovation énergétique des bâtiments anciens.</p>";
    private static final String P2 = "<p>Selon le rapport annuel, les scieries ont investi dans de nouvelles lignes, "
            + "malgré un coût de l'énergie qui reste élevé pour les petites entreprises du secteur.</p>";

    private static String page(String head, String body) {
        return "<!doctype html><html lang=\"fr-FR\"><head>" + head + "</head><body>" + body + "</body></html>";
    }

    @Test
    void shareButtonsAndTheirLabelsAreDropped() {
        String html = page("", "<article><h1>Titre</h1>" + P1
                + "<div class=\"share-buttons\"><a href=\"#\">Share on twitter</a><a href=\"#\">Partager</a></div>"
                + "<p>Partager</p><p>Tweet</p>" + P2 + "</article>");
        String text = cleaner.clean(html, "https://example.org/a").text();
        assertTrue(text.contains("filière bois"));
        assertTrue(text.contains("scieries"));
        assertFalse(text.contains("Share on twitter"));
        assertFalse(text.contains("Partager"));
        assertFalse(text.contains("Tweet"));
    }

    @Test
    void commentSectionAndFormAreDropped() {
        String html = page("", "<main><article><div class=\"entry-content\">" + P1 + P2 + "</div></article>"
                + "<div><h3>34 thoughts on “Le bois”</h3><ol><li><p>Super article, merci beaucoup pour ces chiffres "
                + "très utiles à toute la profession !</p><p>Répondre</p></li></ol></div>"
                + "<div id=\"respond\"><h3>Laisser un commentaire</h3><p>Votre adresse de messagerie ne sera pas publiée."
                + "</p><form><textarea></textarea></form></div></main>");
        String text = cleaner.clean(html, null).text();
        assertTrue(text.contains("scieries"));
        assertFalse(text.contains("thoughts on"));
        assertFalse(text.contains("Super article"));
        assertFalse(text.contains("Laisser un commentaire"));
        assertFalse(text.contains("messagerie"));
    }

    @Test
    void commentsWithoutClassNamesAreCutAtTheirHeading() {
        String html = page("", "<div>" + P1 + P2 + "<h2>3 commentaires</h2><p>Achetez des montres pas chères sur "
                + "notre site, livraison rapide et discrète partout en France.</p></div>");
        String text = cleaner.clean(html, null).text();
        assertTrue(text.contains("scieries"));
        assertFalse(text.contains("commentaires"));
        assertFalse(text.contains("montres"));
    }

    @Test
    void relatedPostsAreDropped() {
        String html = page("", "<article>" + P1 + P2 + "<h3>Vous aimerez aussi</h3><ul>"
                + "<li><a href=\"/x\">Les prix du sciage repartent à la hausse en Bretagne</a></li>"
                + "<li><a href=\"/y\">Un nouveau label pour le chêne français</a></li></ul>"
                + "<p><strong>À lire aussi :</strong> <a href=\"/z\">Le marché du granulé s'emballe</a></p></article>");
        String text = cleaner.clean(html, null).text();
        assertTrue(text.contains("scieries"));
        assertFalse(text.contains("Vous aimerez aussi"));
        assertFalse(text.contains("sciage repartent"));
        assertFalse(text.contains("granulé"));
    }

    @Test
    void paragraphsAreSeparatedByBlankLinesWithCollapsedWhitespace() {
        String html = page("", "<article><p>Premier   paragraphe,\n  assez long pour être gardé comme texte d'article.</p>"
                + "<h2>Un intertitre</h2><ul><li>un point</li><li>un autre point</li></ul>" + P1 + "</article>");
        String text = cleaner.clean(html, null).text();
        assertTrue(text.startsWith("Premier paragraphe, assez long"), text);
        assertTrue(text.contains("\n\nUn intertitre\n\n- un point\n\n- un autre point\n\n"), text);
    }

    @Test
    void metadataComesFromOpenGraphJsonLdAndTime() {
        String head = "<title>Le bois repart | Le Journal du Bois</title>"
                + "<meta property=\"og:title\" content=\"Le bois repart\">"
                + "<meta property=\"og:site_name\" content=\"Le Journal du Bois\">"
                + "<meta property=\"article:tag\" content=\"forêt\">"
                + "<link rel=\"canonical\" href=\"https://journal.example/bois-repart\">"
                + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
                + "\"headline\":\"Le bois repart\",\"author\":{\"@type\":\"Person\",\"name\":\"Marie Dupont\"},"
                + "\"keywords\":[\"scierie\",\"Forêt\"]}</script>";
        String body = "<article><time datetime=\"2024-03-05T08:00:00+01:00\">5 mars</time>" + P1 + P2
                + "<a rel=\"tag\" href=\"/t/energie\">énergie</a></article>";
        CleanedPage p = cleaner.clean(page(head, body), "https://journal.example/?id=1");
        assertEquals("Le bois repart", p.title());
        assertEquals("Marie Dupont", p.author());
        assertEquals(LocalDate.of(2024, 3, 5), p.date());
        assertEquals("Le Journal du Bois", p.site());
        assertEquals("https://journal.example/bois-repart", p.url());
        assertEquals("fr", p.lang());
        assertEquals(List.of("forêt", "énergie", "scierie"), p.tags());
    }

    @Test
    void titleTagLosesItsSiteSuffixAndSiteFallsBackToHost() {
        String head = "<title>Le bois repart - Journal</title>";
        CleanedPage p = cleaner.clean(page(head, "<article>" + P1 + "</article>"), "https://www.journal.example/a");
        assertEquals("Le bois repart", p.title());
        assertEquals("www.journal.example", p.site());
        assertEquals("https://www.journal.example/a", p.url());
    }

    @Test
    void brokenJsonLdIsIgnoredAndCategoryLinesBecomeTags() {
        String head = "<script type=\"application/ld+json\">{\"@type\": \"Article\", \"headline\": </script>"
                + "<meta name=\"date\" content=\"2023-11-20\">";
        String body = "<article>" + P1 + P2 + "<p>Cette entrée a été publiée dans <a href=\"/c/a\">Industrie</a>, "
                + "<a href=\"/c/b\">Forêt</a>.</p></article>";
        CleanedPage p = cleaner.clean(page(head, body), null);
        assertEquals(LocalDate.of(2023, 11, 20), p.date());
        assertEquals(List.of("Industrie", "Forêt"), p.tags());
        assertFalse(p.text().contains("Cette entrée"));
    }

    @Test
    void pageWithoutStructurePicksTheDenseBlock() {
        String menu = "<div><a href=\"/1\">Accueil</a> <a href=\"/2\">Économie</a> <a href=\"/3\">Industrie</a> "
                + "<a href=\"/4\">Énergie</a> <a href=\"/5\">Contact</a></div>";
        String links = "<div>" + "<div><a href=\"/n\">Une brève sans rapport avec le sujet principal</a></div>".repeat(6)
                + "</div>";
        String html = page("", menu + "<div><div>" + links + "</div><div>" + P1 + P2 + P1.replace("hausse", "progression")
                + "</div><div><small>Mentions légales</small></div></div>");
        String text = cleaner.clean(html, null).text();
        assertTrue(text.startsWith("La filière bois"), text);
        assertFalse(text.contains("Accueil"));
        assertFalse(text.contains("brève"));
        assertFalse(text.contains("Mentions"));
    }

    @Test
    void garbageInputNeverThrows() {
        String deep = "<div>".repeat(20_000) + "texte" + "</div>".repeat(10);
        for (String input : new String[] {null, "", "   ", "not html at all", "<<<>>><\u0000\uffff", "<html><body></body>",
                "<script>unterminated", deep, "<p>" + "x ".repeat(200_000)}) {
            CleanedPage p = assertDoesNotThrow(() -> cleaner.clean(input, "::not a uri::"));
            assertNotNull(p);
            assertNotNull(p.text());
        }
        CleanedPage empty = cleaner.clean("", null);
        assertEquals("", empty.text());
        assertNull(empty.title());
    }
}
