package verbatim.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoilerplateTextTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Partager sur Facebook", "Share on X", "partagez via WhatsApp", "Instagram", "LinkedIn", "Tweet",
            "Répondre", "REPONDRE", "Reply", "12 commentaires", "Aucun commentaire", "Comments (3)",
            "Logo WordPress.com", "Photo Google", "Connexion à %s",
            "Vous commentez à l’aide de votre compte Twitter. Déconnexion / Changer )",
            "Protected by Akismet", "Votre adresse e-mail ne sera pas publiée.", "Required fields are marked *",
            "photo-couverture.JPEG", "portrait_auteur", "banniere-1200x630", "IMG_2041",
            "Abonnez-vous à notre newsletter", "S’inscrire aux alertes du blog, c’est ne rien manquer.",
            "Ce site utilise des cookies pour améliorer votre expérience.", "Lire la suite",
            "À lire aussi : Dix ans de réseaux sociaux", "A lire aussi :", "Lire aussi", "par"})
    void pageFurnitureIsRecognised(String line) {
        assertTrue(BoilerplateText.isFurniture(line), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "Le marché publicitaire a progressé de 4 % cette année.", "Twitter a perdu des annonceurs",
            "Google utilise des cookies tiers, et les régulateurs s’en inquiètent.", "Préparez-vous à l’après-digital",
            "Marc Dupont", "X", "_", "Répondre aux clients en moins d’une heure : le nouveau standard"})
    void proseIsNotFurniture(String line) {
        assertFalse(BoilerplateText.isFurniture(line), line);
    }

    @Test
    void aLongLineIsNeverFurnitureWhateverItsWords() {
        String paragraph = "Partager sur Facebook ne suffit pas : il faut " + "animer la conversation, ".repeat(10);
        assertFalse(BoilerplateText.isFurniture(paragraph));
        assertFalse(BoilerplateText.startsTrailer("Laisser un commentaire, " + "c’est déjà s’engager. ".repeat(10)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "12 thoughts on “Un titre de billet”", "3 réflexions sur « Un titre »", "Une réponse à “Un titre”",
            "5 commentaires", "Commentaires", "Laisser un commentaire", "Laissez une réponse", "Leave a Reply",
            "Vous aimerez aussi", "Vous aimerez peut-être aussi :", "VOUS POURRIEZ AUSSI AIMER",
            "Articles similaires", "Related posts", "You may also like", "Sur le même sujet",
            "Entrez vos coordonnées ci-dessous ou cliquez sur une icône pour vous connecter:",
            "À propos de l’auteur"})
    void trailerStartsAreRecognised(String line) {
        assertTrue(BoilerplateText.startsTrailer(line), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Une réponse à la crise sanitaire", "Les commentaires des lecteurs ont afflué toute la journée.",
            "Articles de presse et communiqués", "Commentaire", "RÉACTIONS",
            // News sites put these between paragraphs: they are dropped as furniture, never cut the article.
            "À lire aussi", "Lire aussi : Dix ans de réseaux sociaux"})
    void lookalikesDoNotStartATrailer(String line) {
        assertFalse(BoilerplateText.startsTrailer(line), line);
    }

    @Test
    void categoryLinesGiveTheirTags() {
        assertEquals(List.of("Marketing", "Réseaux sociaux"),
                BoilerplateText.categories("Cette entrée a été publiée dans : Marketing, Réseaux sociaux"));
        assertEquals(List.of("IA", "RGPD"), BoilerplateText.categories("Tags : IA ; RGPD."));
        assertEquals(List.of("News"), BoilerplateText.categories("Posted in News"));
        assertEquals(List.of(), BoilerplateText.categories("Les tags servent à classer les billets."));
    }

    @Test
    void onlyLinesMadeOfHashtagsGiveHashtags() {
        assertEquals(List.of("MarketingDigital", "IA"), BoilerplateText.hashtags("#MarketingDigital  #IA"));
        assertEquals(List.of(), BoilerplateText.hashtags("On se retrouve à Lyon ! #SeeYou"));
        assertEquals(List.of(), BoilerplateText.hashtags("#1"), "a number is not a tag");
    }

    @Test
    void foldingIgnoresCaseAccentsAndApostrophesKeepingOffsets() {
        assertEquals("s'inscrire a l'ecole", BoilerplateText.fold("S’inscrire à l'École"));
        assertEquals("\"oui\"", BoilerplateText.fold("«oui»"));
        assertEquals("Œuvre élue".length(), BoilerplateText.fold("Œuvre élue").length());
    }

    @Test
    void nullIsNothing() {
        assertFalse(BoilerplateText.isFurniture(null));
        assertFalse(BoilerplateText.startsTrailer(null));
        assertEquals(List.of(), BoilerplateText.categories(null));
        assertEquals(List.of(), BoilerplateText.hashtags(null));
    }
}
