package verbatim.ingest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextCleanerTest {

    private final TextCleaner cleaner = new TextCleaner();

    @Test
    void aShortFirstLineIsTheTitleAndLinesAreParagraphs() {
        CleanedPage page = cleaner.clean("""
                La publicité programmatique en questions

                Les annonceurs reprennent la main sur leurs achats d’espace.
                Les agences, elles, revoient leurs offres.
                """);
        assertEquals("La publicité programmatique en questions", page.title());
        assertEquals("Les annonceurs reprennent la main sur leurs achats d’espace.\n\n"
                + "Les agences, elles, revoient leurs offres.", page.text());
        assertEquals("fr", page.lang());
    }

    @Test
    void aLongFirstLineIsAChapoNotATitle() {
        String chapo = "Directrice marketing d’une grande enseigne, Claire Martin revient sur deux ans de"
                + " transformation numérique et sur ce qu’elle a appris en chemin. Entretien sans détour.";
        CleanedPage page = cleaner.clean(chapo + "\nQuelle a été la première décision ?\nTout mesurer.");
        assertNull(page.title());
        assertTrue(page.text().startsWith(chapo));
    }

    @Test
    void aShortTitleMayEndInAFullStop() {
        assertEquals("Le print n’est pas mort.", cleaner.clean("Le print n’est pas mort.\nLes ventes remontent.").title());
    }

    @Test
    void furnitureLinesAreDropped() {
        CleanedPage page = cleaner.clean("""
                Le retour du print
                Share on twitter
                Twitter
                Partager sur LinkedIn
                couverture_magazine_800x600
                Les magazines papier regagnent des lecteurs depuis deux ans.
                """);
        assertEquals("Les magazines papier regagnent des lecteurs depuis deux ans.", page.text());
    }

    @Test
    void everythingFromTheTrailerOnIsCut() {
        CleanedPage page = cleaner.clean("""
                Le retour du print

                Les magazines papier regagnent des lecteurs depuis deux ans.

                2 réflexions sur « Le retour du print »

                Great post, visit my casino website!

                Répondre
                """);
        assertEquals("Les magazines papier regagnent des lecteurs depuis deux ans.", page.text());
    }

    @Test
    void aTrailerPhraseInsideAParagraphDoesNotCut() {
        String text = "Un billet court\nLe billet était court.\nNous vous invitons à laisser un commentaire sous cet article si"
                + " vous avez vécu la même chose.\nLa suite de l’enquête paraîtra demain.";
        assertEquals(3, cleaner.clean(text).text().split("\n\n").length);
    }

    @Test
    void aTrailerPhraseAboveTheArticleIsOnlyDropped() {
        CleanedPage page = cleaner.clean("Laisser un commentaire\nLe retour du print\nLes lecteurs reviennent.");
        assertEquals("Le retour du print", page.title());
        assertEquals("Les lecteurs reviennent.", page.text());
    }

    @Test
    void categoryLinesAndHashtagLinesBecomeTagsAndLeaveTheText() {
        CleanedPage page = cleaner.clean("""
                Retail, Data
                Le magasin connecté

                #RetailTech

                Les enseignes testent les étiquettes électroniques. #innovation

                Classé dans : Retail, Data
                """);
        assertEquals("Le magasin connecté", page.title());
        assertEquals(List.of("Retail", "Data", "RetailTech"), page.tags());
        assertEquals("Les enseignes testent les étiquettes électroniques. #innovation", page.text());
    }

    @Test
    void headingsEchoedUnderTheTitleOrPrintedTwiceAreDropped() {
        CleanedPage page = cleaner.clean("""
                Bilan du salon VivaTech 2024
                Salon VivaTech 2024
                Salon VivaTech 2024
                Le salon a accueilli plus de visiteurs que l’an dernier.
                Jeanne Petit
                Jeanne Petit
                Journaliste spécialisée en innovation.
                """);
        assertEquals("Le salon a accueilli plus de visiteurs que l’an dernier.\n\nJeanne Petit\n\n"
                + "Journaliste spécialisée en innovation.", page.text());
    }

    @Test
    void apostropheVariantsAreTheSame() {
        String page = "La reprise\nLe marché reprend des couleurs.\n";
        String body = "Le marché reprend des couleurs.";
        assertEquals(body, cleaner.clean(page + "Vous aimerez aussi\nUn autre billet").text());
        assertEquals(body, cleaner.clean(page + "À propos de l’auteur\nJean").text());
        assertEquals(body, cleaner.clean(page + "A PROPOS DE L'AUTEUR\nJean").text());
    }

    @Test
    void aLoneLineIsTextNotTitle() {
        CleanedPage page = cleaner.clean("Bienvenue sur le blog");
        assertNull(page.title());
        assertEquals("Bienvenue sur le blog", page.text());
    }

    @Test
    void emptyAndGarbageInputDoNotThrow() {
        assertEquals("", cleaner.clean(null).text());
        assertEquals("", cleaner.clean("").text());
        assertEquals("", cleaner.clean(" \n\u00A0\r\n\t").text());
        assertNull(cleaner.clean("\u0000\u0001").lang());
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            StringBuilder junk = new StringBuilder();
            for (int j = random.nextInt(500); j > 0; j--) {
                junk.append((char) random.nextInt(0x3000));
            }
            assertDoesNotThrow(() -> cleaner.clean(junk.toString()));
        }
        assertDoesNotThrow(() -> cleaner.clean("x".repeat(1_000_000)));
    }
}
